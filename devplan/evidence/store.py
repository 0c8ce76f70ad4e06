"""Files kept by content: each under DEVPLAN_FILES_DIR/<first two hex digits>/<SHA-256>, written once (the
same content uploaded twice is one file) and atomically (a reader never sees half a file). Never served
from a public path: only `web.views.evidence` reads them, after the access check."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings


def root() -> Path:
    return Path(settings.DEVPLAN_FILES_DIR).resolve()


def path_of(sha256: str) -> Path:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError(f"not a SHA-256: {sha256!r}")
    return root() / sha256[:2] / sha256


def put(content: bytes) -> str:
    """Keep `content` and return its SHA-256; an existing file with that hash is left as it is."""
    digest = hashlib.sha256(content).hexdigest()
    target = path_of(digest)
    if target.exists():
        return digest
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return digest

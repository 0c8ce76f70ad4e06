"""The folder a server keeps its working files in (upload temporaries, built reports, the per-user slots
of expensive requests): one per user and database, private to its owner, so that two servers on one
machine never share or delete each other's files."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def runtime_dir(configured: str, database: str, *parts: str) -> Path:
    """`configured` (DEVPLAN_CACHE_DIR) or a folder in the system's temporary folder named after the user and
    a hash of `database`; `parts` a sub-folder of it. Created with mode 0700."""
    if configured:
        base = Path(configured)
    else:
        tag = hashlib.sha1(database.encode()).hexdigest()[:10]
        base = Path(tempfile.gettempdir()) / f"devplan-{os.getuid()}-{tag}"
    base.mkdir(mode=0o700, parents=True, exist_ok=True)  # parents=True would make the base 0755 (umask)
    if not configured:
        # The name is predictable: a folder someone else made first must not be used, one left open is closed.
        if base.stat().st_uid != os.getuid():
            raise PermissionError(f"{base} belongs to another user: set DEVPLAN_CACHE_DIR to a private folder")
        base.chmod(0o700)
    folder = base.joinpath(*parts)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def server_dir(*parts: str) -> Path:
    """The server's folder for the configured database (DEVPLAN_CACHE_DIR or the temporary folder); `parts` a
    sub-folder of it. The web server and `devplan worker` share it: a brief the worker builds is the one the
    reports page sends."""
    from django.conf import settings

    return runtime_dir(settings.DEVPLAN_CACHE_DIR, str(settings.DATABASES["default"]["NAME"]), *parts)

"""Reports and briefs built once per version and served from disk: a download asks for the version — of the
data (the highest change set — every write of a figure, target, progress row or paragraph makes one — and the
highest admin-log entry, for master data edited in the admin) and of devplan's own files (`code_version`) —
and builds only when that version has no copy yet. Two requests for the same missing copy build it once: the second waits on the first's lock.
Copies of older versions of the same document are deleted when a new one is built."""

from __future__ import annotations

import fcntl
import hashlib
import secrets
import shutil
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

from django.db import connection

import devplan

# The time of the latest entry too: after a restore, a new change set may take an id a discarded one had.
VERSION_SQL = """
    SELECT (SELECT MAX(id) FROM recording_changeset), (SELECT MAX(at) FROM recording_changeset),
           (SELECT MAX(id) FROM django_admin_log), (SELECT MAX(action_time) FROM django_admin_log)
"""


@cache
def code_version() -> str:
    """A fingerprint of devplan's own files (code, styles, the demo's texts), read once per process: a server
    upgraded to a devplan that sets or counts documents differently builds them anew, where it went on sending
    the copies the old one built until the data changed (trial t18b: the brief still parted "30个百分|点")."""
    package = Path(devplan.__file__).parent
    digest = hashlib.sha1()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".css", ".json") and path.is_file():
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def data_version() -> str:
    """The version of the data and of devplan itself a built copy is named by."""
    with connection.cursor() as cursor:
        cursor.execute(VERSION_SQL)
        row = cursor.fetchone()
    return hashlib.sha1(repr((row, code_version())).encode()).hexdigest()[:16]


def ready(folder: Path, key: str) -> Path | None:
    """The folder holding the documents `key` names at the current data version, if they are built."""
    done = folder / f"{key}@{data_version()}"
    return done if done.is_dir() else None


def building(folder: Path, key: str) -> bool:
    """Whether a build of `key` is running now (its lock is held, by this process or another): a second
    request for the same document is told so rather than queue behind it in a worker of its own."""
    path = folder / f"{key}.lock"
    if not path.exists():
        return False
    with path.open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(lock, fcntl.LOCK_UN)
    return False


def last_build_seconds(folder: Path, kind: str) -> float | None:
    """How long the last build of a `kind` of document took (`built(..., kind=…)`), if one was timed: what a
    page can honestly say the next one may take."""
    try:
        return float((folder / f"{kind}.seconds").read_text())
    except (OSError, ValueError):
        return None


def built(folder: Path, key: str, build: Callable[[Path], None], kind: str | None = None) -> Path:
    """The folder holding the documents `key` names at the current data version, built by `build(folder)`
    into a private folder first and renamed into place, so a reader never sees half a document. The build's
    time is kept under `kind` (default `key`) for `last_build_seconds`."""
    version = data_version()
    done = folder / f"{key}@{version}"
    if done.is_dir():
        return done
    with (folder / f"{key}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second request for the same document waits for the first
        if done.is_dir():
            return done
        partial = folder / f".{key}@{version}.{secrets.token_hex(4)}"
        partial.mkdir(mode=0o700)
        try:
            started = time.monotonic()
            build(partial)
            partial.rename(done)
            (folder / f"{kind or key}.seconds").write_text(f"{time.monotonic() - started:.1f}")
        finally:
            shutil.rmtree(partial, ignore_errors=True)
        for old in folder.glob(f"{key}@*"):
            if old != done:
                shutil.rmtree(old, ignore_errors=True)
        # Under the lock no build of `key` is running: a private folder left now is a killed worker's.
        for left in folder.glob(f".{key}@*"):
            shutil.rmtree(left, ignore_errors=True)
    return done

"""Issue 17, item 9: upload temporaries a killed worker left behind are removed when a server starts; those
still being read (younger than an hour) are kept."""

from __future__ import annotations

import os
import time

from devplan.web.limits import clear_stale_uploads, server_dir


def test_a_server_start_removes_upload_temporaries_older_than_an_hour() -> None:
    uploads = server_dir("uploads")
    old, fresh = uploads / "excel-left-by-a-killed-worker", uploads / "excel-being-read"
    for folder in (old, fresh):
        folder.mkdir(exist_ok=True)
        (folder / "template.xlsx").write_bytes(b"PK")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    assert clear_stale_uploads() >= 1
    assert not old.exists() and fresh.exists()
    clear_stale_uploads(now=time.time() + 7200)
    assert not fresh.exists()

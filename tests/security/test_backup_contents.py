"""Issue 17, item 2: a backup is created readable by its owner only (whatever the umask), leaves out live
login sessions and login-attempt logs unless `--include-sessions` asks for them, and its manifest and the
command's answer say what it holds. A stolen backup no longer carries a session key that opens `/admin/`."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from devplan.backup.archive import DATA
from tests.conftest import ROOT, run_devplan
from tests.reliability.record import record

SESSION_KEY = "planted0session0key0abcdefghijk1"
ATTEMPT_NAME = "someone-who-tried-to-log-in"
PLANT = f"""
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devplan.settings")
django.setup()
from datetime import timedelta
from django.contrib.sessions.models import Session
from django.utils import timezone
from axes.models import AccessAttempt, AccessLog
Session.objects.create(session_key="{SESSION_KEY}", session_data="e30:1", expire_date=timezone.now() + timedelta(days=9))
for model in (AccessAttempt, AccessLog):
    kwargs = dict(user_agent="x", ip_address="10.0.0.9", username="{ATTEMPT_NAME}", http_accept="*/*", path_info="/login/",
                  attempt_time=timezone.now())
    if model is AccessAttempt:
        kwargs.update(get_data="", post_data="", failures_since_start=3)
    model.objects.create(**kwargs)
"""


@pytest.fixture
def planted_db(demo_db_url: str) -> str:
    done = subprocess.run([sys.executable, "-c", PLANT], env={**os.environ, "DEVPLAN_DB": demo_db_url}, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return demo_db_url


def _dump_text(archive: Path, tmp_path: Path) -> str:
    """Everything the backup's database holds, as text (the SQLite file's bytes, or pg_restore's SQL)."""
    with zipfile.ZipFile(archive) as zipped:
        manifest = json.loads(zipped.read("manifest.json"))
        data = zipped.read(DATA[manifest["backend"]])
    if manifest["backend"] == "sqlite":
        return data.decode("latin-1")
    dump = tmp_path / "x.pgdump"
    dump.write_bytes(data)
    return subprocess.run(["pg_restore", "--file=-", str(dump)], capture_output=True, text=True, check=True).stdout


def _backup(db: str, archive: Path, *options: str) -> subprocess.CompletedProcess[str]:
    old = os.umask(0o022)  # the usual umask, under which the old backups came out world-readable
    try:
        return run_devplan("backup", str(archive), *options, db=db)
    finally:
        os.umask(old)


def test_a_backup_is_private_and_leaves_out_sessions_and_login_attempts(planted_db, tmp_path):
    archive = tmp_path / "plain.backup"
    done = _backup(planted_db, archive)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert "不含登录会话和登录尝试记录" in done.stdout and "仅所有者可读" in done.stdout
    text = _dump_text(archive, tmp_path)
    assert SESSION_KEY not in text and ATTEMPT_NAME not in text
    manifest = json.loads(zipfile.ZipFile(archive).read("manifest.json"))
    assert "sessions.Session" in manifest["left_out"] and "axes.AccessAttempt" in manifest["left_out"]
    assert manifest["rows"]["sessions.Session"] == 0 and manifest["rows"]["indicators.Figure"] > 0

    restored = run_devplan("restore", str(archive), "--replace", db=planted_db)
    assert restored.returncode == 0, restored.stderr
    record("hardening", "backup: owner-only file, sessions and login attempts left out", tried=6, held=6)


def test_include_sessions_keeps_them_and_says_so(planted_db, tmp_path):
    archive = tmp_path / "full.backup"
    archive.write_bytes(b"an older file, world-readable")
    archive.chmod(0o644)
    done = _backup(planted_db, archive, "--include-sessions")
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert "含登录会话和登录尝试记录" in done.stdout and "不含" not in done.stdout
    text = _dump_text(archive, tmp_path)
    assert SESSION_KEY in text and ATTEMPT_NAME in text
    assert json.loads(zipfile.ZipFile(archive).read("manifest.json"))["left_out"] == []
    assert run_devplan("restore", str(archive), "--replace", db=planted_db).returncode == 0
    record("hardening", "backup --include-sessions: kept and said", tried=5, held=5)

"""`devplan backup` and `devplan restore`: a round trip keeps every table's content, and a file that cannot
be restored safely (newer schema, other backend, damaged, not a backup) is refused with the database as it was."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from devplan.backup.archive import DATA
from tests.conftest import run_devplan
from tests.reliability.dbstate import state_of
from tests.reliability.record import record


@pytest.fixture
def demo_db(demo_db_url: str) -> str:
    return demo_db_url


def _rewrite_manifest(source: Path, target: Path, **changes: object) -> None:
    """Copy the archive with manifest fields changed; the data member follows a changed backend's name."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        manifest = {**json.loads(old.read("manifest.json")), **changes}
        new.writestr("manifest.json", json.dumps(manifest))
        for item in old.infolist():
            if item.filename != "manifest.json":
                new.writestr(DATA[str(manifest["backend"])], old.read(item))


def _refused(result: object, *words: str) -> None:
    assert result.returncode == 1, result.stderr  # type: ignore[attr-defined]
    message = result.stderr.strip()  # type: ignore[attr-defined]
    assert "Traceback" not in message and "\n" not in message
    for word in words:
        assert word in message


def test_a_backup_restored_into_an_empty_database_has_the_same_content(demo_db, tmp_path):
    archive = tmp_path / "demo.backup"
    assert run_devplan("backup", str(archive), db=demo_db).returncode == 0
    before = state_of(demo_db)
    target = f"sqlite:///{tmp_path / 'restored.db'}" if demo_db.startswith("sqlite") else demo_db
    if not demo_db.startswith("sqlite"):  # the same PostgreSQL database, emptied by hand: restore recreates it
        _drop_all(demo_db)
    done = run_devplan("restore", str(archive), db=target)
    assert done.returncode == 0, done.stderr
    assert "内容校验一致" in done.stdout
    assert state_of(target) == before
    assert run_devplan("status", "--region", "湘乡市", "--year", "2023", db=target).returncode == 0
    record("backup", "round_trip_into_empty", tables=len(before), rows=sum(c for c, _h in before.values()),
           held=True)


def test_restore_puts_back_what_was_changed_after_the_backup(demo_db, tmp_path):
    archive = tmp_path / "demo.backup"
    assert run_devplan("backup", str(archive), db=demo_db).returncode == 0
    before = state_of(demo_db)
    csv = tmp_path / "later.csv"
    csv.write_text("region,indicator,period,value,growth_pct,note\n430381,gdp,2024-03,130.5,4.1,\n", encoding="utf-8")
    assert run_devplan("import-csv", str(csv), db=demo_db).returncode == 0
    assert state_of(demo_db) != before
    _refused(run_devplan("restore", str(archive), db=demo_db), "--replace")
    assert run_devplan("restore", str(archive), "--replace", db=demo_db).returncode == 0
    assert state_of(demo_db) == before
    record("backup", "round_trip_over_changes", held=True)


def _forge(archive: Path, forged: Path, damage: str) -> None:
    """A copy of `archive` damaged in one way (or no file at all, for "missing")."""
    other = "sqlite" if json.loads(zipfile.ZipFile(archive).read("manifest.json"))["backend"] == "postgresql" else "postgresql"
    changes: dict[str, dict[str, object]] = {
        "newer schema": {"migrations": {"indicators": ["0001_initial", "9999_from_the_future"]}},
        "newer format": {"format": "devplan-backup/99"},
        "other backend": {"backend": other},
    }
    if damage in changes:
        _rewrite_manifest(archive, forged, **changes[damage])
    elif damage == "truncated":
        forged.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    elif damage == "not a zip":
        forged.write_text("region,indicator\n", encoding="utf-8")


REFUSALS = [
    ("newer schema", ("更新的数据库结构", "indicators.9999_from_the_future")),
    ("newer format", ("不是 devplan 备份文件",)),
    ("other backend", ("不能恢复到",)),
    ("truncated", ("不是 devplan 备份文件",)),
    ("not a zip", ("不是 devplan 备份文件",)),
    ("missing", ("找不到",)),
]


def test_restore_refuses_a_file_it_cannot_trust_and_changes_nothing(demo_db, tmp_path):
    archive = tmp_path / "demo.backup"
    assert run_devplan("backup", str(archive), db=demo_db).returncode == 0
    before = state_of(demo_db)
    for damage, words in REFUSALS:
        forged = tmp_path / f"{damage}.backup"
        _forge(archive, forged, damage)
        _refused(run_devplan("restore", str(forged), "--replace", db=demo_db), str(forged), *words)
    assert state_of(demo_db) == before
    record("backup", "refusals", tried=len(REFUSALS), held=len(REFUSALS))


def test_backup_of_an_uninitialised_database_says_so(cli_db_url, tmp_path):
    _refused(run_devplan("backup", str(tmp_path / "x.backup"), db=cli_db_url), "devplan init")
    assert not (tmp_path / "x.backup").exists()


def _drop_all(db: str) -> None:
    import psycopg

    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")

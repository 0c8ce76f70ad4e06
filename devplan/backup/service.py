"""`backup_database` and `restore_database`: what the `backup` and `restore` commands (and the web app) call."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from devplan.backup import engines
from devplan.backup.archive import BACKENDS, FORMAT, Manifest, extract_data, read_manifest, write_archive
from devplan.backup.errors import BackupError
from devplan.backup.hashing import content_hash, database_state
from devplan.backup.schema import applied_migrations, is_older, unknown_migrations


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    verified: bool
    migrated: bool


def backup_database(path: Path) -> Manifest:
    """Write the whole database and its schema version to the archive `path`."""
    if not applied_migrations():
        raise BackupError("数据库尚未初始化，没有可备份的内容：请先运行 devplan init。")
    manifest = Manifest(FORMAT, engines.backend(), timezone.now().isoformat(timespec="seconds"),
                        version("devplan"), applied_migrations(), content_hash())
    with tempfile.TemporaryDirectory(prefix="devplan-backup-") as folder:
        dump = Path(folder) / manifest.data_name
        engines.dump(dump)
        write_archive(path, manifest, dump)
    return manifest


def holds_data() -> bool:
    """Whether any table of the current database has a row (an empty or uninitialised database does not)."""
    if not applied_migrations():
        return False
    return any(count for count, _digest in database_state().values())


def check_restorable(path: Path, manifest: Manifest) -> None:
    """Refuse a file for the other backend or from a newer schema, before anything is touched."""
    if manifest.backend != engines.backend():
        raise BackupError(f"这是 {BACKENDS[manifest.backend]} 数据库的备份，不能恢复到 "
                          f"{BACKENDS[engines.backend()]} 数据库。", where=str(path))
    newer = unknown_migrations(manifest.migrations)
    if newer:
        raise BackupError(f"备份来自更新的数据库结构（本版本 devplan 没有迁移 {'、'.join(newer[:5])}），"
                          "请先升级 devplan 再恢复；数据库没有改动。", where=str(path))


def restore_database(path: Path, *, replace: bool) -> Restored:
    """Replace the database with the backup at `path`; refuse to overwrite data unless `replace` is set.

    A backup of an older schema is upgraded afterwards; otherwise the restored content must hash to the
    value recorded at backup time."""
    manifest = read_manifest(path)
    check_restorable(path, manifest)
    if not replace and holds_data():
        raise BackupError("当前数据库已有数据；恢复会整体替换它。请先 devplan backup 另存一份，"
                          "确认后加 --replace 再运行。", where=str(path))
    with tempfile.TemporaryDirectory(prefix="devplan-restore-") as folder:
        engines.load(extract_data(path, manifest, Path(folder)))
    connection.close()
    if is_older(manifest.migrations):
        # The hash was taken under the older schema; the upgraded tables cannot be compared with it.
        call_command("migrate", interactive=False, verbosity=0)
        return Restored(manifest, verified=False, migrated=True)
    if content_hash() != manifest.content_hash:
        raise BackupError("恢复后的内容与备份时的内容校验不符：请保留备份文件并联系管理员。", where=str(path))
    return Restored(manifest, verified=True, migrated=False)

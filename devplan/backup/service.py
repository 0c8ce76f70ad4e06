"""`backup_database` and `restore_database`: what the `backup` and `restore` commands (and the web app) call."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from django.core.management import call_command
from django.utils import timezone

from devplan.backup import engines, staging
from devplan.backup.archive import BACKENDS, DATA, FORMAT, Manifest, read_manifest, write_archive
from devplan.backup.errors import BackupError
from devplan.backup.hashing import content_hash, database_state, hash_of
from devplan.backup.schema import applied_migrations, is_older, models_at, schema_hash, unknown_migrations


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    verified: bool
    migrated: bool


# Left out unless asked for: live login sessions (a stolen backup must not open anyone's session) and the
# login-attempt logs (addresses and user names tried). The tables stay, empty.
SESSION_TABLES = ["sessions.Session", "axes.AccessAttempt", "axes.AccessAttemptExpiration",
                  "axes.AccessFailureLog", "axes.AccessLog"]


def backup_database(path: Path, *, include_sessions: bool = False) -> Manifest:
    """Write the whole database and its schema version to the archive `path` (readable by its owner only);
    sessions and login-attempt logs only with `include_sessions`."""
    if not applied_migrations():
        raise BackupError("数据库尚未初始化，没有可备份的内容：请先运行 devplan init。")
    left_out = [] if include_sessions else SESSION_TABLES
    backend = engines.backend()
    with tempfile.TemporaryDirectory(prefix="devplan-backup-") as folder:
        dump = Path(folder) / DATA[backend]
        taken = engines.dump(dump, left_out)
        manifest = Manifest(FORMAT, backend, timezone.now().isoformat(timespec="seconds"), version("devplan"),
                            taken.migrations, hash_of(taken.state), taken.schema_hash,
                            rows={label: count for label, (count, _digest) in sorted(taken.state.items())},
                            left_out=left_out)
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
                          f"请先升级 devplan 再恢复；{staging.UNCHANGED}。", where=str(path))


def verify(path: Path, manifest: Manifest, candidate: staging.Candidate) -> bool:
    """Check the candidate against its manifest — schema version, schema, content — and upgrade an older
    schema; return whether it was upgraded. Any difference is a BackupError."""
    where, unchanged = str(path), staging.UNCHANGED
    if applied_migrations(candidate.alias) != manifest.migrations:
        raise BackupError("备份说明（manifest.json）记录的数据库结构版本与备份中的数据库不符，不能恢复；"
                          f"{unchanged}。", where=where)
    if not manifest.schema_hash:
        # Without it a planted trigger would pass: nothing would compare the schema with the backup's.
        raise BackupError("备份说明（manifest.json）没有记录数据库结构的校验值，无法确认表、索引、约束和触发器未被改动，"
                          f"不能恢复；{unchanged}。", where=where)
    if schema_hash(candidate.alias) != manifest.schema_hash:
        raise BackupError("备份中的数据库结构（表、索引、约束或触发器）与备份时不符，不能恢复；"
                          f"{unchanged}。", where=where)
    older = is_older(manifest.migrations)
    # An older schema is hashed with the models its own migrations define, as the older devplan did.
    if content_hash(candidate.alias, models_at(candidate.alias) if older else None) != manifest.content_hash:
        raise BackupError(f"备份中的数据与备份时的内容校验不符（已被改动或损坏），不能恢复；{unchanged}。",
                          where=where)
    if older:
        call_command("migrate", database=candidate.alias, interactive=False, verbosity=0)
    return older


def restore_database(path: Path, *, replace: bool) -> Restored:
    """Replace the database with the backup at `path`; refuse to overwrite data unless `replace` is set.

    The backup is loaded into a new database beside the live one and verified there (integrity, schema
    version, schema, content hash); a backup of an older schema is upgraded there too. Only then does the
    new database take the live one's place, in one atomic step (devplan/backup/staging.py). Any refusal
    leaves the live database as it was."""
    manifest = read_manifest(path)
    check_restorable(path, manifest)
    if not replace and holds_data():
        raise BackupError("当前数据库已有数据；恢复会整体替换它。请先 devplan backup 另存一份，"
                          "确认后加 --replace 再运行。", where=str(path))
    candidate = staging.create(path, manifest)
    try:
        migrated = verify(path, manifest, candidate)
        staging.swap(candidate)
    except BaseException:
        staging.discard(candidate)
        raise
    return Restored(manifest, verified=True, migrated=migrated)

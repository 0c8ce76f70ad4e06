"""The backup file: a zip holding `manifest.json` (format, backend, when, the schema version, the content and
schema hashes, rows per table, the tables left out) and the database's own dump (`database.sqlite3` or
`database.pgdump`). Zip's checksums catch a damaged file; the file is created readable by its owner only."""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from devplan.backup.errors import BackupError
from devplan.lib.errors import os_reason

FORMAT = "devplan-backup/1"
MANIFEST = "manifest.json"
DATA = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
BACKENDS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


@dataclass(frozen=True)
class Manifest:
    format: str
    backend: str
    created_at: str
    devplan_version: str
    migrations: dict[str, list[str]]
    content_hash: str
    schema_hash: str = ""  # absent from backups made before restores verified the schema
    rows: dict[str, int] = field(default_factory=dict)  # what the backup holds: rows per table
    left_out: list[str] = field(default_factory=list)  # tables whose rows were not backed up (sessions…)

    @property
    def data_name(self) -> str:
        return DATA[self.backend]


def write_archive(path: Path, manifest: Manifest, dump: Path) -> None:
    """Write the archive to a temporary name beside `path` and rename it: a crash never leaves half a backup."""
    partial = path.with_name(f".{path.name}.partial")
    # A pg_dump custom-format file is already compressed; an SQLite file compresses well.
    compression = zipfile.ZIP_STORED if manifest.backend == "postgresql" else zipfile.ZIP_DEFLATED
    try:
        partial.unlink(missing_ok=True)
        # Owner-only from the first byte: the file holds password hashes and every figure.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as raw, zipfile.ZipFile(raw, "w", compression=compression) as archive:
            archive.writestr(MANIFEST, json.dumps(asdict(manifest), ensure_ascii=False, indent=2))
            archive.write(dump, manifest.data_name)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"无法写入备份文件（{os_reason(exc)}）。", where=str(path)) from None


def read_manifest(path: Path) -> Manifest:
    """The manifest of a backup file; a missing, damaged or foreign file is a BackupError."""
    not_backup = BackupError("这不是 devplan 备份文件（应由 devplan backup 生成）。", where=str(path))
    if not path.is_file():
        raise BackupError("找不到这个备份文件。", where=str(path))
    try:
        with zipfile.ZipFile(path) as archive:
            raw = json.loads(archive.read(MANIFEST))
            manifest = Manifest(**raw)
            if manifest.format != FORMAT or manifest.backend not in DATA:
                raise not_backup
            if archive.testzip() is not None or manifest.data_name not in archive.namelist():
                raise BackupError("备份文件已损坏（校验不符或缺少数据），不能恢复。", where=str(path))
    except (zipfile.BadZipFile, KeyError, TypeError, ValueError, OSError):
        raise not_backup from None
    return manifest


def extract_data(path: Path, manifest: Manifest, folder: Path) -> Path:
    """Unpack the dump into `folder` and return its path."""
    with zipfile.ZipFile(path) as archive:
        return Path(archive.extract(manifest.data_name, folder))

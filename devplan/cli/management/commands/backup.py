"""`devplan backup FILE`: a consistent copy of the whole database and its schema version in one file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from devplan.backup.service import backup_database
from devplan.cli.base import DevplanCommand


class Command(DevplanCommand):
    help = "把整个数据库备份到一个文件（含数据库结构版本；SQLite 在线备份，PostgreSQL 用 pg_dump）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="备份文件，如 devplan-2024-06-30.backup")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        manifest = backup_database(path)
        self.stdout.write(f"已备份到 {path}（{manifest.backend}，内容校验 {manifest.content_hash[:12]}）。")

"""`devplan backup FILE`: a consistent copy of the whole database and its schema version in one file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from devplan.backup.service import backup_database
from devplan.cli.base import DevplanCommand


class Command(DevplanCommand):
    help = ("把整个数据库备份到一个文件（含数据库结构版本、各表行数和内容校验；SQLite 在线备份，PostgreSQL 用 "
            "pg_dump）；默认不含登录会话和登录尝试记录")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="备份文件，如 devplan-2024-06-30.backup（仅所有者可读写）")
        parser.add_argument("--include-sessions", action="store_true",
                            help="同时备份登录会话和登录尝试记录（默认不含：备份被人拿到也不能冒用会话）")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        manifest = backup_database(path, include_sessions=options["include_sessions"])
        tables = sum(1 for count in manifest.rows.values() if count)
        rows = sum(manifest.rows.values())
        left_out = "不含登录会话和登录尝试记录（--include-sessions 可包含）" if manifest.left_out else "含登录会话和登录尝试记录"
        self.stdout.write(f"已备份到 {path}（{manifest.backend}，{tables} 张表共 {rows} 行，{left_out}，"
                          f"内容校验 {manifest.content_hash[:12]}，仅所有者可读）。")

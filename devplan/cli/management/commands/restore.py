"""`devplan restore FILE [--replace]`: put a backup back, all of it; refuses a newer schema or another backend."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from devplan.backup.service import restore_database
from devplan.cli.base import DevplanCommand


class Command(DevplanCommand):
    help = ("从 devplan backup 生成的文件恢复整个数据库：先恢复到新数据库并校验（完整性、结构版本、内容），"
            "全部通过后才整体替换；拒绝来自更新数据库结构的备份")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="devplan backup 生成的备份文件")
        parser.add_argument("--replace", action="store_true", help="当前数据库已有数据时，确认整体替换")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        restored = restore_database(path, replace=options["replace"])
        check = "内容校验一致" + ("，已升级到当前数据库结构" if restored.migrated else "")
        self.stdout.write(f"已从 {path} 恢复（备份于 {restored.manifest.created_at}，{check}）。")

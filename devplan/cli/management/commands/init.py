"""`devplan init [--demo]`: create or upgrade the schema; with --demo, load the bundled 湘乡市 data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandParser
from django.db import connection

from devplan.cli.base import DevplanCommand


def _owner_only() -> None:
    """A SQLite file holds password hashes and sessions: readable by its owner only, as backups are."""
    if connection.vendor == "sqlite":
        path = Path(str(settings.DATABASES["default"]["NAME"]))
        if path.is_file():
            path.chmod(0o600)


class Command(DevplanCommand):
    help = "创建或升级数据库结构；--demo 同时载入湘乡市示例数据（重复运行不会改变任何内容）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--demo", action="store_true", help="载入湘乡市 2023/2024 示例数据")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        _owner_only()
        self.stdout.write("数据库结构已就绪。")
        if options["demo"]:
            from devplan.demo.loader import load_demo

            region = load_demo()
            self.stdout.write(f"示例数据已载入：{region.parent.name if region.parent else ''}{region.name}。")

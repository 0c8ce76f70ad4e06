"""The base of every devplan management command: user mistakes become one sentence on stderr."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from devplan.lib.errors import DevplanError


class DevplanCommand(BaseCommand):
    """Runs `handle`; a DevplanError or CommandError prints its sentence and exits 1 (input) or 2 (usage)."""

    def run_from_argv(self, argv: list[str]) -> None:
        try:
            super().run_from_argv(argv)
        except DevplanError as exc:
            sys.stderr.write(exc.sentence() + "\n")
            raise SystemExit(exc.exit_code) from None

    def execute(self, *args: Any, **options: Any) -> Any:
        try:
            return super().execute(*args, **options)
        except DatabaseError as exc:
            if "no such table" in str(exc) or "does not exist" in str(exc):
                raise DevplanError("数据库尚未初始化：请先运行 devplan init（或 devplan init --demo）") from exc
            raise
        except CommandError as exc:
            raise DevplanError(str(exc)) from exc

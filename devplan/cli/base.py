"""The base of every devplan management command: user mistakes become one sentence on stderr."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any, Literal, NoReturn

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from devplan.lib.errors import DevplanError, UsageError

# argparse's own sentences for an option given a value of the wrong type or none at all, said in Chinese.
INVALID = re.compile(r"argument (?P<option>\S+?)(?:/\S+)?: invalid (?P<kind>integer|float) value: '(?P<value>.*)'")
REQUIRED = re.compile(r"the following arguments are required: (?P<options>.+)")
KINDS = {"integer": "整数", "float": "数字"}
ASCII_INTEGER = re.compile(r"-?[0-9]+")


def integer(text: str) -> int:
    """An option's whole number in ASCII digits, as every door reads numbers: Python's int() also takes
    "２０２３" and "2_023", which `devplan report --year` then used as 2023 (trial t18b)."""
    if not ASCII_INTEGER.fullmatch(text.strip()):
        raise ValueError(text)
    return int(text)


def in_chinese(message: str) -> str | None:
    """argparse's `message` as one Chinese sentence, or None for one not translated."""
    if found := INVALID.fullmatch(message):
        return f"{found['option']} 应为半角数字的{KINDS[found['kind']]}，而不是“{found['value']}”"
    if found := REQUIRED.fullmatch(message):
        return f"缺少必填选项 {found['options'].replace(', ', '、')}：devplan 命令 --help 列出各命令的选项"
    return None


NOT_INITIALISED = "数据库尚未初始化：请先运行 devplan init（或 devplan init --demo）"


def require_database() -> None:
    """Refuse before connecting when the SQLite database file does not exist: connecting would create an
    empty one (a 4096-byte devplan.db left in the folder of a command that was refused)."""
    database = settings.DATABASES["default"]
    name = str(database.get("NAME") or "")
    on_disk = str(database["ENGINE"]).endswith("sqlite3") and name and not name.startswith(("file:", ":memory:"))
    if on_disk and not Path(name).exists():
        raise DevplanError(NOT_INITIALISED)


class DevplanCommand(BaseCommand):
    """Runs `handle`; a DevplanError or CommandError prints its sentence and exits 1 (input) or 2 (usage)."""

    # Django's system checks import every URL, view and API route (over a second at each start of a command
    # that uses none of them) and open the database (`devplan audit` reads a report without one: they would
    # create an empty devplan.db in the current folder). `devplan serve` runs them, since it serves those
    # routes, and so do the tests (tests/cli/test_system_checks.py).
    requires_system_checks: list[str] | tuple[str, ...] | Literal["__all__"] = []

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        """The command's parser, whose whole numbers are ASCII digits (`integer`) and whose complaints about a
        value of the wrong type ("--year abc", "--year ２０２３") or a missing option are one Chinese sentence (a
        usage error, exit 2) rather than argparse's English."""
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        for action in parser._actions:
            if action.type is int:
                action.type = integer
        english = parser.error

        def error(message: str) -> NoReturn:
            sentence = in_chinese(message)
            if sentence is not None:
                raise UsageError(sentence)
            english(message)  # prints the usage and exits 2
            raise SystemExit(2)

        parser.error = error  # type: ignore[method-assign]
        return parser

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
                raise DevplanError(NOT_INITIALISED) from exc
            raise
        except CommandError as exc:
            raise DevplanError(str(exc)) from exc

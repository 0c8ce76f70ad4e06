"""The `devplan` console command: global options, Django set-up, then the management command.

Every command is a thin wrapper: the work happens in the apps' service modules, which the web app
calls too.
"""

from __future__ import annotations

import os
import re
import sys


def _take_db_option(argv: list[str]) -> list[str]:
    """Remove a global `--db URL` (or `--db=URL`) from argv and put it in DEVPLAN_DB."""
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--db":
            if i + 1 >= len(argv):
                print("--db needs a database URL, e.g. --db sqlite:///devplan.db", file=sys.stderr)
                raise SystemExit(2)
            os.environ["DEVPLAN_DB"] = argv[i + 1]
            i += 2
            continue
        if arg.startswith("--db="):
            os.environ["DEVPLAN_DB"] = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        i += 1
    return rest


def devplan_command_names() -> set[str]:
    """The names of devplan's own commands, without importing them (each pulls in its app's services)."""
    from django.core.management import get_commands

    return {name for name, app in get_commands().items() if app.startswith("devplan.")}


def devplan_commands() -> dict[str, str]:
    """devplan's own commands (Django's, such as flush, are not reachable through `devplan`), each with the
    first clause of its help; read from the commands themselves, so the list cannot fall behind."""
    from django.core.management import get_commands, load_command_class

    found = {}
    for name, app in sorted(get_commands().items()):
        if app.startswith("devplan."):
            text = str(load_command_class(app, name).help)
            first = re.split(r"[：；:]", text, maxsplit=1)[0]
            found[name] = first.split("（")[0] if first.count("（") > first.count("）") else first
    return found


def _print_help() -> None:
    print("用法: devplan [--db URL] 命令 [选项]   (devplan 命令 --help 查看各命令的选项)\n")
    for name, text in devplan_commands().items():
        print(f"  {name:<11} {text}")
    print("\n数据库: --db 或环境变量 DEVPLAN_DB，默认 sqlite:///devplan.db")


def main(argv: list[str] | None = None) -> None:
    args = _take_db_option(list(sys.argv[1:] if argv is None else argv))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devplan.settings")
    from devplan.lib.errors import DevplanError

    try:
        import django

        django.setup()
    except DevplanError as exc:
        print(exc.sentence(), file=sys.stderr)
        raise SystemExit(exc.exit_code) from None
    if not args or args[0] in {"-h", "--help", "help"}:
        _print_help()
        return
    if args[0] not in devplan_command_names():
        print(f"没有“{args[0]}”这个命令：devplan --help 列出全部命令", file=sys.stderr)
        raise SystemExit(2)
    from django.core.management import ManagementUtility

    ManagementUtility(["devplan", *args]).execute()

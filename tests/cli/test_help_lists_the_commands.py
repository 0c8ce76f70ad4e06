"""`devplan --help` is made from devplan's commands themselves (it once missed rollup and rank), and Django's
own commands (flush, shell, …) are not reachable through `devplan` (issue 17, item 9)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_devplan

COMMANDS = Path(__file__).resolve().parents[2] / "devplan"


def test_help_lists_every_command_devplan_has(tmp_path: Path) -> None:
    names = {path.stem for path in COMMANDS.glob("*/management/commands/*.py") if path.stem != "__init__"}
    shown = run_devplan("--help", db=f"sqlite:///{tmp_path / 'none.db'}")
    assert shown.returncode == 0
    listed = {line.split()[0] for line in shown.stdout.splitlines() if line.startswith("  ")}
    assert listed == names
    assert {"changes", "rank", "rollup"} <= listed


def test_djangos_own_commands_are_not_reachable(tmp_path: Path) -> None:
    for name in ("flush", "shell", "dbshell", "runserver"):
        answer = run_devplan(name, db=f"sqlite:///{tmp_path / 'none.db'}")
        assert answer.returncode == 2
        assert f"没有“{name}”这个命令" in answer.stderr
        assert "Traceback" not in answer.stderr

"""Dumping the database with each backend's own tool: SQLite's online backup API, and `pg_dump -Fc` for
PostgreSQL (the password goes through the environment, never argv). Loading a dump is staging.py's."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connection

from devplan.backup.errors import BackupError


def backend() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def pg_args(name: str | None = None) -> tuple[list[str], dict[str, str]]:
    """pg_dump/pg_restore arguments for the live database, or the database `name` on the same server."""
    settings: dict[str, Any] = connection.settings_dict
    args = ["--dbname", name or str(settings["NAME"]), "--no-password"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            args += [flag, str(settings[key])]
    env = {**os.environ, "PGPASSWORD": str(settings.get("PASSWORD") or "")}
    return args, env


def run_tool(command: list[str], env: dict[str, str], what: str, *, where: str = "", then: str = "") -> None:
    """Run a PostgreSQL client tool; its last line of complaint becomes the sentence, `then` ends it."""
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(f"找不到 {command[0]}：请安装 PostgreSQL 客户端工具（与服务器同一大版本）。") from None
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["（无输出）"])[-1]
        raise BackupError(f"{what}失败：{command[0]} 报告“{detail}”{then}。", where=where or None)


def dump(target: Path) -> None:
    """Write a consistent copy of the whole database to `target` while others may keep writing."""
    if backend() == "postgresql":
        args, env = pg_args()
        run_tool(["pg_dump", "--format=custom", "--file", str(target), *args], env, "备份")
        return
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)
    copy.close()

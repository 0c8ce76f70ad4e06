"""Dumping and loading the database with each backend's own tool: SQLite's online backup API, and
`pg_dump -Fc` / `pg_restore` for PostgreSQL (the password goes through the environment, never argv)."""

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


def _pg_args() -> tuple[list[str], dict[str, str]]:
    settings: dict[str, Any] = connection.settings_dict
    args = ["--dbname", str(settings["NAME"]), "--no-password"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            args += [flag, str(settings[key])]
    env = {**os.environ, "PGPASSWORD": str(settings.get("PASSWORD") or "")}
    return args, env


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(f"找不到 {command[0]}：请安装 PostgreSQL 客户端工具（与服务器同一大版本）。") from None
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["（无输出）"])[-1]
        raise BackupError(f"{what}失败：{command[0]} 报告“{detail}”。")


def dump(target: Path) -> None:
    """Write a consistent copy of the whole database to `target` while others may keep writing."""
    if backend() == "postgresql":
        args, env = _pg_args()
        _run(["pg_dump", "--format=custom", "--file", str(target), *args], env, "备份")
        return
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)
    copy.close()


def load(source: Path) -> None:
    """Replace the whole database with the dump at `source`, in one transaction: all of it or none."""
    if backend() == "postgresql":
        args, env = _pg_args()
        connection.close()
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error",
              *args, str(source)], env, "恢复")
        return
    connection.ensure_connection()
    try:
        with sqlite3.connect(source) as dump_file:
            dump_file.backup(connection.connection)
    except sqlite3.Error as exc:
        raise BackupError(f"恢复失败：备份中的数据库无法读取（{exc}）；数据库没有改动。") from None
    finally:
        dump_file.close()

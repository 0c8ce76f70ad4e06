"""Dumping the database with each backend's own tool: SQLite's online backup API, and `pg_dump -Fc` for
PostgreSQL (the password goes through the environment, never argv). Loading a dump is staging.py's.

A dump and what the manifest says about it come from the same moment: SQLite's copy is hashed after it is
taken, and PostgreSQL's tables are hashed in the transaction whose snapshot pg_dump reads (`--snapshot`),
so a write while the backup runs can never make it fail its own check."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction

from devplan.backup.errors import BackupError
from devplan.backup.hashing import database_state
from devplan.backup.schema import applied_migrations, schema_hash

EMPTY_TABLE = (0, hashlib.sha256().hexdigest())


@dataclass(frozen=True)
class Taken:
    """What a dump holds: every table's (rows, hash), the schema fingerprint and the migrations applied."""

    state: dict[str, tuple[int, str]]
    schema_hash: str
    migrations: dict[str, list[str]]


def backend() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


@contextmanager
def attached(alias: str, name: str) -> Iterator[str]:
    """A second connection, `alias`, to the database `name` (a file or a database on the same server)."""
    attach(alias, name)
    try:
        yield alias
    finally:
        detach(alias)


def attach(alias: str, name: str) -> None:
    config = {**connections.settings[DEFAULT_DB_ALIAS], "NAME": name, "CONN_MAX_AGE": 0}
    if backend() == "sqlite":
        config["OPTIONS"] = {"timeout": 30}
    connections.settings[alias] = config


def detach(alias: str) -> None:
    if alias in connections.settings:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


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


def _tables(labels: list[str]) -> list[str]:
    return [apps.get_model(label)._meta.db_table for label in labels]


def dump(target: Path, left_out: list[str]) -> Taken:
    """Write a consistent copy of the whole database to `target` while others may keep writing; the tables
    `left_out` (app labels) keep their structure but not their rows."""
    if backend() == "postgresql":
        return _dump_postgres(target, left_out)
    connection.ensure_connection()
    with closing(sqlite3.connect(target)) as copy:
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no write-ahead log beside it
        for table in _tables(left_out):
            copy.execute(f'DELETE FROM "{table}"')
        copy.commit()
        copy.execute("VACUUM")  # the deleted rows' pages go too, not just their index entries
    with attached("devplan_backup_copy", str(target)) as alias:
        return Taken(database_state(alias), schema_hash(alias), applied_migrations(alias))


def _dump_postgres(target: Path, left_out: list[str]) -> Taken:
    args, env = pg_args()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        state = database_state()
        for label in left_out:
            state[label] = EMPTY_TABLE
        taken = Taken(state, schema_hash(), applied_migrations())
        excluded = [f"--exclude-table-data={table}" for table in _tables(left_out)]
        run_tool(["pg_dump", "--format=custom", f"--snapshot={snapshot}", *excluded, "--file", str(target), *args],
                 env, "备份")
    return taken

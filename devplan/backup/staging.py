"""A restore never writes into the live database. The dump is loaded into a new database beside it — a new
SQLite file in the same folder, or a new PostgreSQL database — checked there, and only then swapped in by
one atomic step: `rename()` of the file over the live one, or two `ALTER DATABASE … RENAME` in one
transaction. Until that step the live database is not opened for writing; after a failure the candidate is
discarded and the live database is byte for byte as it was.

The swap needs the live database to itself: a running `devplan serve` (or any other connection) makes it
refuse with one sentence, and nothing is changed."""

from __future__ import annotations

import re
import secrets
import shutil
import sqlite3
import zipfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections

from devplan.backup.archive import Manifest
from devplan.backup.engines import attach, backend, detach, pg_args, run_tool
from devplan.backup.errors import BackupError

ALIAS = "devplan_restore_candidate"
UNCHANGED = "数据库没有改动"
IN_USE = ("数据库正被其他程序使用（如正在运行的 devplan serve），不能整体替换：请先停止它们再恢复；"
          f"{UNCHANGED}。")


@dataclass(frozen=True)
class Candidate:
    """The restored copy waiting to be verified: a file path (SQLite) or a database name (PostgreSQL)."""

    name: str
    alias: str = ALIAS


def _live() -> dict[str, Any]:
    return dict(connections.settings[DEFAULT_DB_ALIAS])


def _register(name: str) -> Candidate:
    attach(ALIAS, name)
    return Candidate(name)


def _unregister() -> None:
    detach(ALIAS)


def create(path: Path, manifest: Manifest) -> Candidate:
    """Load the backup's dump into a new database and return it; a dump that cannot be loaded whole is refused."""
    return _create_postgres(path, manifest) if backend() == "postgresql" else _create_sqlite(path, manifest)


def discard(candidate: Candidate) -> None:
    _unregister()
    if backend() == "postgresql":
        with _maintenance() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{candidate.name}" WITH (FORCE)')
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(candidate.name + suffix).unlink(missing_ok=True)


def swap(candidate: Candidate) -> None:
    """Put the verified candidate in the live database's place, atomically."""
    _unregister()
    connections.close_all()
    if backend() == "postgresql":
        _swap_postgres(candidate)
    else:
        _swap_sqlite(candidate)


# --- SQLite -------------------------------------------------------------------------------------------------


def _damaged(path: Path, detail: object) -> BackupError:
    return BackupError(f"备份中的数据库已损坏（{' '.join(str(detail).split())}），不能恢复；{UNCHANGED}。",
                       where=str(path))


def _create_sqlite(path: Path, manifest: Manifest) -> Candidate:
    live = Path(_live()["NAME"]).resolve()
    target = live.with_name(f".{live.name}.restore-{secrets.token_hex(4)}")
    candidate = Candidate(str(target))
    try:
        with zipfile.ZipFile(path) as archive, archive.open(manifest.data_name) as member, open(target, "wb") as out:
            shutil.copyfileobj(member, out, 1 << 20)
        with closing(sqlite3.connect(target)) as check:
            verdict = [row[0] for row in check.execute("PRAGMA integrity_check(20)")]
            if verdict != ["ok"]:
                raise _damaged(path, "完整性检查：" + " ".join(verdict[0].split()))
            # The file must stand alone for the rename: no write-ahead log beside it.
            check.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.DatabaseError as exc:
        discard(candidate)
        raise _damaged(path, exc) from None
    except (OSError, zipfile.BadZipFile) as exc:
        discard(candidate)
        raise BackupError(f"无法解开备份中的数据库（{exc}）；{UNCHANGED}。", where=str(path)) from None
    except BaseException:
        discard(candidate)
        raise
    return _register(str(target))


def _swap_sqlite(candidate: Candidate) -> None:
    live = Path(_live()["NAME"]).resolve()
    Path(candidate.name).chmod(0o600)  # it holds password hashes: its owner's only, as `devplan init` leaves it
    if not live.exists():
        Path(candidate.name).replace(live)
        return
    holder = sqlite3.connect(live, timeout=2, isolation_level=None)
    try:
        # Fold the write-ahead log into the file and leave WAL mode: both need the database to itself, so
        # another process still connected (a server) makes this fail, before anything is replaced.
        holder.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if holder.execute("PRAGMA journal_mode=DELETE").fetchone()[0] != "delete":
            raise BackupError(IN_USE)
        holder.execute("BEGIN EXCLUSIVE")
        Path(candidate.name).replace(live)
        holder.execute("ROLLBACK")
    except sqlite3.OperationalError:
        raise BackupError(IN_USE) from None
    finally:
        holder.close()
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)


# --- PostgreSQL ---------------------------------------------------------------------------------------------


def _maintenance(autocommit: bool = True) -> Any:
    """A connection to the server's `postgres` database: a database cannot be renamed from inside itself."""
    import psycopg
    from psycopg.conninfo import make_conninfo

    live = _live()
    params = {"host": live.get("HOST"), "port": live.get("PORT"), "user": live.get("USER"),
              "password": live.get("PASSWORD")}
    conninfo = make_conninfo("", dbname="postgres", **{k: str(v) for k, v in params.items() if v})
    return psycopg.connect(conninfo, autocommit=autocommit)


# What devplan's own pg_dump holds. pg_restore runs whatever a dump defines, as the configured account — a
# function called by a CHECK constraint runs while the rows load, before any verification — so a dump with
# any other kind of entry (FUNCTION, TRIGGER, RULE, EXTENSION, …) is refused before it is loaded.
DUMP_ENTRIES = {"TABLE", "TABLE DATA", "SEQUENCE", "SEQUENCE SET", "SEQUENCE OWNED BY", "DEFAULT", "CONSTRAINT",
                "FK CONSTRAINT", "INDEX"}


def _check_entries(dump: Path, path: Path) -> None:
    """Refuse a dump whose table of contents (`pg_restore -l`) holds anything devplan's backups never do."""
    import subprocess

    try:
        listed = subprocess.run(["pg_restore", "--list", str(dump)], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError("找不到 pg_restore：请安装 PostgreSQL 客户端工具（与服务器同一大版本）。") from None
    if listed.returncode != 0:
        raise BackupError(f"备份中的数据库无法读取，不能恢复；{UNCHANGED}。", where=str(path))
    kinds = set()
    for line in listed.stdout.splitlines():
        if line.startswith(";") or not line.strip():
            continue
        words = line.split(";", 1)[-1].split()[2:]  # after "<id>; <catalog oid> <object oid>"
        two = " ".join(words[:2])
        three = " ".join(words[:3])
        kinds.add(three if three in DUMP_ENTRIES else two if two in DUMP_ENTRIES else words[0] if words else "")
    foreign = sorted(kinds - DUMP_ENTRIES)
    if foreign:
        raise BackupError(f"备份中含有 devplan 的备份从不包含的对象（{'、'.join(foreign[:5])}），可能被人改动过，"
                          f"载入时会执行其中的代码，不能恢复；{UNCHANGED}。", where=str(path))
    _check_calls(dump, path)


# Every word followed by "(" in the schema of devplan's own dumps, besides table names: keywords, types, and
# the two functions pg_dump itself calls. A CHECK constraint or an index inside an allowed TABLE entry could
# call a built-in with side effects (lo_export writes a file on the server) while the rows load.
SCHEMA_WORDS = {"key", "btree", "varying", "check", "identity", "unique", "numeric", "not", "where", "or", "and",
                "when", "in", "any", "array", "statement_timestamp", "set_config", "char", "varchar", "timestamp",
                "time", "decimal", "interval", "bit"}
STRINGS = re.compile(r"'(?:[^']|'')*'")
CALL = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*\(")


def _check_calls(dump: Path, path: Path) -> None:
    """Refuse a dump whose schema calls anything devplan's schema never does (before it is loaded)."""
    import subprocess

    schema = subprocess.run(["pg_restore", "--schema-only", "--file", "-", str(dump)], capture_output=True,
                            text=True, check=False)
    if schema.returncode != 0:
        raise BackupError(f"备份中的数据库无法读取，不能恢复；{UNCHANGED}。", where=str(path))
    text = STRINGS.sub("''", "\n".join(line for line in schema.stdout.splitlines() if not line.startswith("--")))
    tables = {match.lower() for match in re.findall(r"CREATE TABLE (?:public\.)?([A-Za-z0-9_]+)", text)}
    called = {word.lower() for word in CALL.findall(text)} - SCHEMA_WORDS - tables
    if called:
        raise BackupError(f"备份的数据库结构中调用了 devplan 从不使用的函数（{'、'.join(sorted(called)[:5])}），可能被人改动过，"
                          f"载入时会执行，不能恢复；{UNCHANGED}。", where=str(path))


def _create_postgres(path: Path, manifest: Manifest) -> Candidate:
    import tempfile

    name = f"{_live()['NAME']}"[:40] + f"_restore_{secrets.token_hex(4)}"
    with _maintenance() as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    candidate = Candidate(name)
    try:
        with tempfile.TemporaryDirectory(prefix="devplan-restore-") as folder:
            with zipfile.ZipFile(path) as archive:
                dump = Path(archive.extract(manifest.data_name, folder))
            _check_entries(dump, path)
            args, env = pg_args(name)
            run_tool(["pg_restore", "--no-owner", "--single-transaction", "--exit-on-error", *args, str(dump)],
                     env, "恢复", where=str(path), then=f"，备份中的数据库无法载入；{UNCHANGED}")
    except (OSError, zipfile.BadZipFile) as exc:
        discard(candidate)
        raise BackupError(f"无法解开备份中的数据库（{exc}）；{UNCHANGED}。", where=str(path)) from None
    except BaseException:
        discard(candidate)
        raise
    return _register(name)


def _swap_postgres(candidate: Candidate) -> None:
    import psycopg

    live = str(_live()["NAME"])
    old = live[:40] + f"_before_restore_{secrets.token_hex(4)}"
    with _maintenance(autocommit=False) as conn:
        try:
            conn.execute(f'ALTER DATABASE "{live}" RENAME TO "{old}"')
            conn.execute(f'ALTER DATABASE "{candidate.name}" RENAME TO "{live}"')
            conn.commit()
        except psycopg.errors.ObjectInUse:
            conn.rollback()
            raise BackupError(IN_USE) from None
    with _maintenance() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{old}"')

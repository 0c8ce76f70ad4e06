"""A CSV file loaded as text into a temporary table of any columns, by the database's own bulk path:
PostgreSQL `COPY` (the server parses the file), SQLite `executemany` in batches inside the caller's
transaction. Used for every CSV import (figures and project progress)."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from itertools import islice
from pathlib import Path

import psycopg
from django.db import DatabaseError, connection

from devplan.scale.problems import ImportRejected, Problem

BATCH = 50_000
COPY_CHUNK = 1 << 20


def create_stage(table: str, columns: Sequence[str], extra: str = "") -> None:
    """The temporary table `table`: `line` (the file's line number; the header is line 1), every column as
    non-null text, and `extra` column definitions filled later (e.g. "project_id BIGINT")."""
    serial = "BIGSERIAL" if connection.vendor == "postgresql" else "INTEGER"
    defined = ", ".join([f"line {serial}", *(f"{name} TEXT NOT NULL DEFAULT ''" for name in columns)])
    if extra:
        defined += f", {extra}"
    drop = "ON COMMIT DROP" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {table}")
        cursor.execute(f"CREATE TEMP TABLE {table} ({defined}) {drop}")


def drop_stage(table: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {table}")


def _width_problem(columns: Sequence[str]) -> str:
    return f"列数不对：每行应有 {len(columns)} 列（{','.join(columns)}）"


def _copy_problem(exc: Exception, columns: Sequence[str]) -> Problem:
    text = str(exc)
    line = re.search(r"line (\d+)", text)
    if "extra data" in text or "missing data" in text:
        reason = _width_problem(columns)
    elif "encoding" in text.lower() or "invalid byte" in text.lower():
        reason = "不是 UTF-8 编码"
    else:
        reason = f"CSV 格式错误：{text.splitlines()[0]}"
    return Problem(int(line.group(1)) if line else 0, "—", reason)


def copy_into(path: Path, table: str, columns: Sequence[str], not_null: Sequence[str] | None = None) -> int:
    """PostgreSQL: COPY the file as it is into `table` (which has a serial `line`: the header is line 1, so
    data starts at 2); empty fields of `not_null` columns are '' rather than NULL. Returns the rows copied."""
    names = ", ".join(columns)
    forced = ", ".join(columns if not_null is None else not_null)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'line'), 1)")
        sql = f"COPY {table} ({names}) FROM STDIN WITH (FORMAT csv, HEADER true, ENCODING 'UTF8', FORCE_NOT_NULL ({forced}))"
        with path.open("rb") as handle, cursor.copy(sql) as copy:
            while chunk := handle.read(COPY_CHUNK):
                copy.write(chunk)
        copied = cursor.rowcount
        # Without statistics the planner takes a temporary table for one row and loops over it.
        cursor.execute(f"ANALYZE {table}")
        return int(copied)


def _executemany_sqlite(path: Path, table: str, columns: Sequence[str]) -> int:
    """csv in Python, executemany in batches: SQLite's fastest safe path. Rows of the wrong width are all
    listed before anything else is checked."""
    marks = ", ".join("?" * (len(columns) + 1))
    sql = f"INSERT INTO {table} (line, {', '.join(columns)}) VALUES ({marks})"
    bad_width: list[Problem] = []
    count = 0
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            next(reader, None)
            numbered = ((reader.line_num, row) for row in reader if row)
            raw = connection.connection
            while batch := list(islice(numbered, BATCH)):
                good = []
                for line, row in batch:
                    if len(row) != len(columns):
                        bad_width.append(Problem(line, "—", _width_problem(columns)))
                    else:
                        good.append((line, *row))
                raw.executemany(sql, good)
                count += len(good)
    except UnicodeDecodeError:
        raise ImportRejected(str(path), [Problem(0, "—", "不是 UTF-8 编码")]) from None
    except csv.Error as exc:
        raise ImportRejected(str(path), [Problem(0, "—", f"CSV 格式错误：{exc}")]) from None
    if bad_width:
        raise ImportRejected(str(path), bad_width)
    return count


def stage_csv(path: Path, table: str, columns: Sequence[str], extra: str = "") -> int:
    """Load the data rows of the CSV file (its header already checked) into the temporary table `table`;
    returns the number of rows staged. A file the bulk path cannot read raises ImportRejected."""
    create_stage(table, columns, extra)
    if connection.vendor != "postgresql":
        connection.ensure_connection()
        return _executemany_sqlite(path, table, columns)
    try:
        return copy_into(path, table, columns)
    except (DatabaseError, psycopg.Error) as exc:
        raise ImportRejected(str(path), [_copy_problem(exc, columns)]) from None

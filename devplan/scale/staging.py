"""A temporary staging table filled by the database's own bulk path, and the few SQL spellings that differ
between PostgreSQL and SQLite."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import psycopg
from django.db import DatabaseError, connection

from devplan.scale.problems import ImportRejected, Problem

COLUMNS = ("region", "indicator", "period", "value", "growth_pct", "note")
BATCH = 50_000
COPY_CHUNK = 1 << 20


@dataclass(frozen=True)
class Dialect:
    match: str  # regular-expression match operator
    year: str
    month: str
    empty_json: str


def dialect() -> Dialect:
    if connection.vendor == "postgresql":
        return Dialect("~", "CAST(substr(s.period, 1, 4) AS INTEGER)", "CAST(substr(s.period, 6, 2) AS INTEGER)", "'{}'::jsonb")
    # Django registers REGEXP for SQLite connections.
    return Dialect("REGEXP", "CAST(substr(s.period, 1, 4) AS INTEGER)", "CAST(substr(s.period, 6, 2) AS INTEGER)", "'{}'")


def _create_stage() -> None:
    serial = "BIGSERIAL" if connection.vendor == "postgresql" else "INTEGER"
    columns = ", ".join(f"{name} TEXT NOT NULL DEFAULT ''" for name in COLUMNS)
    drop = "ON COMMIT DROP" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS stage")
        cursor.execute(f"CREATE TEMP TABLE stage (line {serial}, {columns}) {drop}")


def _copy_postgres(path: Path) -> int:
    """COPY the file as it is; PostgreSQL parses it. Line numbers come from the serial (header is line 1)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT setval(pg_get_serial_sequence('stage', 'line'), 1)")
        names = ", ".join(COLUMNS)
        sql = (
            f"COPY stage ({names}) FROM STDIN"
            f" WITH (FORMAT csv, HEADER true, ENCODING 'UTF8', FORCE_NOT_NULL ({names}))"
        )
        try:
            with path.open("rb") as handle, cursor.copy(sql) as copy:
                while chunk := handle.read(COPY_CHUNK):
                    copy.write(chunk)
        except (DatabaseError, psycopg.Error) as exc:
            raise ImportRejected(str(path), [_copy_problem(exc)]) from None
        cursor.execute("SELECT COUNT(*) FROM stage")
        return int(cursor.fetchone()[0])


def _copy_problem(exc: Exception) -> Problem:
    text = str(exc)
    line = re.search(r"line (\d+)", text)
    if "extra data" in text or "missing data" in text:
        reason = f"列数不对：每行应有 {len(COLUMNS)} 列（{','.join(COLUMNS)}）"
    elif "encoding" in text.lower() or "invalid byte" in text.lower():
        reason = "不是 UTF-8 编码"
    else:
        reason = text.splitlines()[0]
    return Problem(int(line.group(1)) if line else 0, "—", reason)


def _executemany_sqlite(path: Path) -> int:
    """csv in Python, executemany in batches inside the caller's transaction: SQLite's fastest safe path."""
    sql = f"INSERT INTO stage (line, {', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?)"
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
                    if len(row) != len(COLUMNS):
                        bad_width.append(Problem(line, "—", f"列数不对：每行应有 {len(COLUMNS)} 列"))
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


def stage_file(path: Path) -> int:
    """Load the CSV file into the temporary table `stage`; returns the number of data rows staged."""
    _create_stage()
    if connection.vendor == "postgresql":
        return _copy_postgres(path)
    return _executemany_sqlite(path)

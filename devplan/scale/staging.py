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


def starts_like_formula(column: str) -> str:
    """SQL that is true when the text starts like a spreadsheet formula, which could run when someone
    opens an export in Excel."""
    return f"substr({column}, 1, 1) IN ('=', '+', '-', '@')"



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


# The typed stage lets PostgreSQL's own input functions and CHECKs validate during COPY; the first bad
# value aborts it, and the text stage then finds every problem for the user.
TYPED_STAGE = """
    CREATE TEMP TABLE stage (
        line BIGSERIAL,
        region TEXT NOT NULL, indicator TEXT NOT NULL,
        period TEXT NOT NULL CHECK (length(period) = 7 AND substr(period, 5, 1) = '-'
                                    AND substr(period, 6, 2) BETWEEN '01' AND '12'),
        value NUMERIC CHECK (value >= 0),
        growth_pct NUMERIC,
        note TEXT NOT NULL CHECK (length(note) <= 1000 AND NOT {formula}),
        CHECK (value IS NOT NULL OR growth_pct IS NOT NULL)
    ) ON COMMIT DROP
""".format(formula=starts_like_formula("note"))


def _create_text_stage() -> None:
    serial = "BIGSERIAL" if connection.vendor == "postgresql" else "INTEGER"
    columns = ", ".join(f"{name} TEXT NOT NULL DEFAULT ''" for name in COLUMNS)
    drop = "ON COMMIT DROP" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS stage")
        cursor.execute(f"CREATE TEMP TABLE stage (line {serial}, {columns}) {drop}")


def _copy_postgres(path: Path, not_null: tuple[str, ...]) -> int:
    """COPY the file as it is; PostgreSQL parses it. Line numbers come from the serial (header is line 1)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT setval(pg_get_serial_sequence('stage', 'line'), 1)")
        sql = (
            f"COPY stage ({', '.join(COLUMNS)}) FROM STDIN"
            f" WITH (FORMAT csv, HEADER true, ENCODING 'UTF8', FORCE_NOT_NULL ({', '.join(not_null)}))"
        )
        with path.open("rb") as handle, cursor.copy(sql) as copy:
            while chunk := handle.read(COPY_CHUNK):
                copy.write(chunk)
        # Without statistics the planner takes the temporary table for one row and loops over it.
        cursor.execute("ANALYZE stage")
        cursor.execute("SELECT COUNT(*) FROM stage")
        return int(cursor.fetchone()[0])


def stage_typed(path: Path) -> int:
    """PostgreSQL only: stage with numeric columns and CHECKs. Raises a database error at the first bad row."""
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS stage")
        cursor.execute(TYPED_STAGE)
    return _copy_postgres(path, ("region", "indicator", "period", "note"))


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


def stage_text(path: Path) -> int:
    """Load the CSV file as text into the temporary table `stage`; returns the number of data rows staged."""
    _create_text_stage()
    if connection.vendor != "postgresql":
        return _executemany_sqlite(path)
    try:
        return _copy_postgres(path, COLUMNS)
    except (DatabaseError, psycopg.Error) as exc:
        raise ImportRejected(str(path), [_copy_problem(exc)]) from None

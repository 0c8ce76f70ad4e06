"""Bulk import of indicator figures in the long CSV format:

    region,indicator,period,value,growth_pct,note
    430381,gdp,2023-09,428.3,2.2,

`region` is a region code, `indicator` an indicator code, `period` "YYYY-MM" (the year to date through that
month). The file goes into a staging table by the database's own bulk path (PostgreSQL `COPY`; on SQLite
`executemany` in the same transaction), and one INSERT … SELECT moves the valid rows into the figures as new
revisions. When fewer rows arrive than were staged, a diagnostic query finds every bad row and the whole
transaction is rolled back: all of the file or none of it.

A file of plain new figures (the usual monthly load) first tries the direct path (csv_direct), which skips
the staging; whatever it cannot take falls back to the staging, within the same transaction.
"""

from __future__ import annotations

import csv
import re
from datetime import datetime
from pathlib import Path

import psycopg
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone

from devplan.scale.csv_direct import FIGURE_TABLE, Batch, NotDirect, import_direct
from devplan.scale.problems import ImportRejected, Problem
from devplan.scale.staging import (
    COLUMNS,
    NUMBER,
    PERIOD,
    dialect,
    stage_checked,
    stage_text,
    starts_like_formula,
)


def _insert_sql(valid: str) -> str:
    d = dialect()
    return f"""
        INSERT INTO {FIGURE_TABLE} (region_id, indicator_id, year, month, revision, value, growth_pct, note,
            source_document, recorded_at, known_at, recorded_by_name, reason)
        SELECT r.id, i.id, {d.year}, {d.month},
            COALESCE((SELECT MAX(f.revision) FROM {FIGURE_TABLE} f WHERE f.region_id = r.id
                      AND f.indicator_id = i.id AND f.year = {d.year} AND f.month = {d.month}), 0) + 1,
            CAST(NULLIF(s.value, '') AS NUMERIC), CAST(NULLIF(s.growth_pct, '') AS NUMERIC), s.note,
            %s, %s, %s, %s, %s
        FROM stage s
        JOIN regions_region r ON r.code = s.region
        JOIN indicators_indicator i ON i.code = s.indicator
        WHERE {valid}
    """


def _valid_condition() -> str:
    d = dialect()
    number = f"'{NUMBER}'"
    return (
        f"s.period {d.match} '{PERIOD}'"
        f" AND (s.value = '' OR (s.value {d.match} {number} AND s.value NOT LIKE '-%%'))"
        f" AND (s.growth_pct = '' OR s.growth_pct {d.match} {number})"
        " AND NOT (s.value = '' AND s.growth_pct = '')"
        " AND length(s.note) <= 1000"
        f" AND NOT {starts_like_formula('s.note')}"
    )


def _diagnose() -> list[Problem]:
    """Every staged row that the insert left out, with the first reason it fails."""
    d = dialect()
    number = f"'{NUMBER}'"
    checks = [
        ("region", "r.id IS NULL", "没有这个行政区划代码"),
        ("indicator", "i.id IS NULL", "没有这个指标代码"),
        ("period", f"NOT s.period {d.match} '{PERIOD}'", "期别应为 YYYY-MM，月份 01—12"),
        ("value", f"s.value <> '' AND NOT s.value {d.match} {number}", "不是数字（只写阿拉伯数字，不带单位和千分位）"),
        ("value", "s.value LIKE '-%%'", "累计值不能为负数"),
        ("growth_pct", f"s.growth_pct <> '' AND NOT s.growth_pct {d.match} {number}", "增速不是数字（写 2.2 表示 2.2%）"),
        ("value", "s.value = '' AND s.growth_pct = ''", "累计值和增速至少填一项"),
        ("note", "length(s.note) > 1000", "备注超过1000字"),
        ("note", starts_like_formula("s.note"), "备注不能以 = + - @ 开头（会被电子表格当作公式）"),
    ]
    cases = " ".join(f"WHEN {cond} THEN {n}" for n, (_c, cond, _r) in enumerate(checks))
    sql = f"""
        SELECT line, problem FROM (
            SELECT s.line, CASE {cases} ELSE NULL END AS problem
            FROM stage s
            LEFT JOIN regions_region r ON r.code = s.region
            LEFT JOIN indicators_indicator i ON i.code = s.indicator
        ) t WHERE problem IS NOT NULL ORDER BY line
    """
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [Problem(line, checks[code][0], checks[code][2]) for line, code in cursor.fetchall()]


def _duplicates() -> list[Problem]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT MIN(line), MAX(line), region, indicator, period FROM stage"
            " GROUP BY region, indicator, period HAVING COUNT(*) > 1 ORDER BY MIN(line)"
        )
        return [
            Problem(last, "period", f"与第{first}行重复（{region} {indicator} {period}）")
            for first, last, region, indicator, period in cursor.fetchall()
        ]


def _read_header(path: Path) -> None:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), None)
    except UnicodeDecodeError:
        raise ImportRejected(str(path), [Problem(0, "—", "文件不是 UTF-8 编码的 CSV（请在 Excel 中另存为“CSV UTF-8”）")]) from None
    if header is None:
        raise ImportRejected(str(path), [Problem(0, "—", "文件是空的")])
    if [h.strip() for h in header] != list(COLUMNS):
        raise ImportRejected(str(path), [Problem(1, "—", f"表头应为 {','.join(COLUMNS)}，而不是 {','.join(header)}")])


def _insert(valid: str, batch: Batch, now: datetime) -> int:
    with connection.cursor() as cursor:
        cursor.execute(_insert_sql(valid), [batch.source_document, now, batch.known_at or now, batch.by_name, batch.reason])
        return cursor.rowcount


def _direct(path: Path, batch: Batch) -> int | None:
    """The rows stored by the direct path; None (all undone) when the file is not for it."""
    try:
        with transaction.atomic():
            return import_direct(path, batch)
    except (NotDirect, DatabaseError, psycopg.Error):
        return None


def _checked_postgres(path: Path, batch: Batch, now: datetime) -> int | None:
    """The rows inserted when the whole file is valid; None (all undone) at the first problem."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
            staged = stage_checked(path)
            inserted = _insert("TRUE", batch, now)
            if inserted != staged:
                raise IntegrityError("unknown codes")
            return inserted
    except (DatabaseError, psycopg.Error):
        return None


def import_figures_csv(path: Path, *, by_name: str, known_at: datetime | None = None) -> int:
    """Import every row of the file as a new figure revision, or nothing; returns the number of rows."""
    if not path.is_file():
        raise ImportRejected(str(path), [Problem(0, "—", "找不到这个文件")])
    _read_header(path)
    now = timezone.now()
    batch = Batch(by_name, f"批量导入 {path.name}", path.name, known_at)
    with transaction.atomic():
        inserted = _direct(path, batch)
        if inserted is not None:
            return inserted
        if connection.vendor == "postgresql":
            inserted = _checked_postgres(path, batch, now)
            if inserted is not None:
                return inserted
        staged = stage_text(path)
        try:
            with transaction.atomic():
                inserted = _insert(_valid_condition(), batch, now)
        except IntegrityError:
            raise ImportRejected(str(path), _all_problems()) from None
        except DatabaseError as exc:
            raise ImportRejected(str(path), [Problem(0, "—", _first_line(exc))]) from None
        if inserted != staged:
            raise ImportRejected(str(path), _all_problems())
        return inserted


def _all_problems() -> list[Problem]:
    return sorted(_diagnose() + _duplicates(), key=lambda problem: problem.line)


def _first_line(exc: Exception) -> str:
    return re.sub(r"\s+", " ", str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

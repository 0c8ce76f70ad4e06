"""Bulk import of indicator figures in the long CSV format:

    region,indicator,period,value,growth_pct,note
    430381,gdp,2023-09,428.3,2.2,

`region` is a region code or name (湘乡市; names are translated to codes before the SQL matches codes),
`indicator` an indicator code, `period` "YYYY-MM" (the year to date through that
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
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from devplan.indicators.models import Indicator
from devplan.recording.checks import static
from devplan.recording.rows import FigureRow
from devplan.regions.lookup import codes_by_name
from devplan.regions.models import Region
from devplan.scale.csv_direct import FIGURE_TABLE, Batch, Loaded, NotDirect, import_direct
from devplan.scale.problems import ImportRejected, Problem
from devplan.scale.staging import (
    COLUMNS,
    CONTROL,
    NUMBER,
    dialect,
    period_in_years,
    period_problem,
    stage_text,
    starts_like_formula,
    strip_cells,
)


def _insert_sql(valid: str) -> str:
    """New revisions of the valid staged rows, numbered after the latest of their figure; a row equal to its
    figure's latest revision (value, growth and note, nothing else stated) changes nothing and is skipped."""
    d = dialect()
    same = "IS NOT DISTINCT FROM" if connection.vendor == "postgresql" else "IS"
    return f"""
        INSERT INTO {FIGURE_TABLE} (region_id, indicator_id, year, month, revision, value, growth_pct, note,
            change_set_id, known_at)
        SELECT r.id, i.id, {d.year}, {d.month}, COALESCE(l.revision, 0) + 1,
            CAST(NULLIF(s.value, '') AS NUMERIC), CAST(NULLIF(s.growth_pct, '') AS NUMERIC), s.note, %s, %s
        FROM stage s
        JOIN regions_region r ON r.code = s.region
        JOIN indicators_indicator i ON i.code = s.indicator
        LEFT JOIN {FIGURE_TABLE} l ON l.region_id = r.id AND l.indicator_id = i.id AND l.year = {d.year}
            AND l.month = {d.month} AND l.revision = (
                SELECT MAX(f.revision) FROM {FIGURE_TABLE} f WHERE f.region_id = r.id AND f.indicator_id = i.id
                AND f.year = {d.year} AND f.month = {d.month})
        WHERE {valid} AND NOT (
            l.revision IS NOT NULL AND l.value {same} CAST(NULLIF(s.value, '') AS NUMERIC)
            AND l.growth_pct {same} CAST(NULLIF(s.growth_pct, '') AS NUMERIC) AND l.note = s.note
            AND l.estimate_value IS NULL AND l.estimate_growth_pct IS NULL AND l.estimate_status = ''
            AND l.stated_completion_pct IS NULL AND l.stated_rank IS NULL AND l.qualifier = '' AND l.source = ''
        )
    """


def _valid_condition() -> str:
    """SQL true for a staged row (its cells stripped) that keeps every format rule of `devplan.recording.parse`
    (a filter: the rows it leaves out are explained by the rules themselves, in `_diagnose`). A negative value
    is taken as a number: whether it may be (a rate may) is the rules' to say over the stored rows
    (`bulk.figure_problems`)."""
    d = dialect()
    return (
        period_in_years(d) +
        f" AND (s.value = '' OR s.value {d.match} '{NUMBER}')"
        f" AND (s.growth_pct = '' OR s.growth_pct {d.match} '{NUMBER}')"
        " AND NOT (s.value = '' AND s.growth_pct = '')"
        " AND length(s.note) <= 1000"
        f" AND NOT {starts_like_formula('s.note')}"
        f" AND NOT s.note {d.match} '{CONTROL}'"
    )


DIAGNOSED = 50


def _codes_for_names() -> None:
    """The staged rows that name their region (湘乡市) get its code, so the joins on codes find it; a name of
    no region, or of several, stays and is explained by `_explain`."""
    names = codes_by_name()
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT region FROM stage")
        used = [(names[region], region) for (region,) in cursor.fetchall() if region in names]
        if used:
            cursor.executemany("UPDATE stage SET region = %s WHERE region = %s", used)


def _diagnose() -> list[Problem]:
    """The staged rows the insert would leave out, each explained by the one table of rules."""
    sql = f"""
        SELECT s.line, s.region, s.indicator, s.period, s.value, s.growth_pct, s.note, r.id, i.id
        FROM stage s
        LEFT JOIN regions_region r ON r.code = s.region
        LEFT JOIN indicators_indicator i ON i.code = s.indicator
        WHERE r.id IS NULL OR i.id IS NULL OR NOT ({_valid_condition()})
        ORDER BY s.line LIMIT {DIAGNOSED}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    return [problem for row in rows for problem in _explain(*row)]


def _explain(line: int, region: str, indicator: str, period: str, value: str, growth: str, note: str,
             region_id: int | None, indicator_id: int | None) -> list[Problem]:
    if region_id is None:
        named = list(Region.objects.filter(name=region.strip()).select_related("parent")[:5])
        if len(named) > 1:
            codes = "、".join(f"{r.code}（{r.parent.name if r.parent else ''}{r.name}）" for r in named)
            return [Problem(line, "region", f"有多个名为“{region}”的行政区，请填写行政区划代码：{codes}")]
        hint = f"：请填写其名称或行政区划代码 {named[0].code}" if named else ""
        return [Problem(line, "region", f"没有名称或行政区划代码为“{region}”的行政区{hint}")]
    if indicator_id is None:
        return [Problem(line, "indicator", f"没有代码为“{indicator}”的指标")]
    if (form := period_problem(period)) is not None:
        return [Problem(line, "period", form)]
    year, month = int(period[:4]), int(period[5:])
    row = FigureRow(Region.objects.get(pk=region_id), Indicator.objects.get(pk=indicator_id), year, month,
                    {"value": value, "growth_pct": growth, "note": note})
    problems = [Problem(line, COLUMN_OF.get(p.field, p.field), p.message) for p in static(row).problems]
    # The filter and the rules are one table, so a row the filter leaves out breaks a rule; should they ever
    # part, the row is still named rather than silently dropped.
    return problems or [Problem(line, "—", "此行不符合导入规则，未能导入（请检查各列的写法）")]


COLUMN_OF = {"year": "period", "month": "period"}


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
        cursor.execute(_insert_sql(valid), [batch.change_set, batch.known_at or now])
        return cursor.rowcount


def _direct(path: Path, batch: Batch) -> Loaded | None:
    """The rows stored by the direct path; None (all undone) when the file is not for it."""
    try:
        with transaction.atomic():
            return import_direct(path, batch)
    except (NotDirect, DatabaseError, psycopg.Error):
        return None


def load_figures_csv(path: Path, batch: Batch) -> Loaded:
    """Every row of the file as a new figure revision under `batch`'s change set, or nothing; returns the
    number of revisions written (rows equal to their figure's latest revision are skipped). Call inside the
    write's transaction; the rules over the stored rows are checked by the caller (`devplan.recording.bulk`)."""
    if not path.is_file():
        raise ImportRejected(str(path), [Problem(0, "—", "找不到这个文件")])
    _read_header(path)
    direct = _direct(path, batch)
    if direct is not None:
        return direct
    stage_text(path)
    strip_cells("stage", ("value", "growth_pct", "note"))
    _codes_for_names()
    problems = _all_problems()
    if problems:
        # The valid rows go in too (the caller rolls everything back), so that the rules over stored rows
        # (a cumulative decrease, a month a quarterly indicator is not reported in) are listed with these.
        try:
            with transaction.atomic():
                _insert(_valid_condition(), batch, timezone.now())
        except DatabaseError:
            raise ImportRejected(str(path), problems) from None  # reported on their own
        rejected = ImportRejected(str(path), problems)
        rejected.valid_rows_stored = True
        raise rejected
    try:
        with transaction.atomic():
            return Loaded(_insert(_valid_condition(), batch, timezone.now()))
    except DatabaseError as exc:
        raise ImportRejected(str(path), [Problem(0, "—", _first_line(exc))]) from None


def _all_problems() -> list[Problem]:
    return sorted(_diagnose() + _duplicates(), key=lambda problem: problem.line)


def _first_line(exc: Exception) -> str:
    return re.sub(r"\s+", " ", str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

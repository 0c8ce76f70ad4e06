"""Bulk import of key projects' monthly progress (月度调度) in a long CSV format:

    project,period,completed_investment,status,narrative,note
    XX-001,2024-06,2.6,续建,主体工程施工中,

`project` is the project's 登记编号 (`ref`) or its 项目代码 (`code`); `period` "YYYY-MM" (the year to date
through that month); `completed_investment` the investment completed from January through that month, in
亿元; `status` one of 前期、新开工、续建、竣工投产 or empty; `narrative` the 形象进度; `note` the explanation
(偏差说明) of a value the rules find unlikely (above the plan or the total, below last month).

The file is staged as text by the database's own bulk path (PostgreSQL `COPY`, SQLite `executemany`), one
diagnostic query lists every problem by line and column, and only a file without any goes in: one INSERT …
SELECT adds every row as a new revision, numbered after the latest of its project and month. A reported
status also updates the registry, as `record_progress` does, unless a later month is already stored. All in
one transaction: the whole file or nothing.
"""

from __future__ import annotations

import csv
import re
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from devplan.projects.models import Project
from devplan.recording.checks import meaningful, static
from devplan.recording.rows import ProgressRow
from devplan.scale.csv_direct import Batch, Loaded
from devplan.scale.problems import MAX_LISTED, ImportRejected, Problem
from devplan.scale.stage_csv import drop_stage, stage_csv
from devplan.scale.staging import (
    CONTROL,
    NUMBER,
    dialect,
    period_in_years,
    period_problem,
    starts_like_formula,
    strip_cells,
)

PROGRESS_COLUMNS = ("project", "period", "completed_investment", "status", "narrative", "note")
STAGE = "progress_stage"
PROGRESS_TABLE = "projects_progress"
# The texts' limits and the statuses are the rules' (`checks.PROGRESS_TEXTS`, `Project.Status`).
TEXT_MAX = 1000
STATUSES = ", ".join(f"'{value}'" for value in Project.Status.values)
DUPLICATE = "与第{first}行重复（同一项目同一期别只能有一行）"
# The file's columns as the rules name them (`ProgressRow.raw`, the problems' fields), and back.
RAW = {"completed_investment": "completed", "status": "status", "narrative": "narrative", "note": "explanation"}
COLUMN_OF = {"completed": "completed_investment", "explanation": "note", "year": "period", "month": "period"}


def _text_ok(column: str) -> str:
    return (f"length(s.{column}) <= {TEXT_MAX} AND NOT {starts_like_formula('s.' + column)}"
            f" AND NOT s.{column} {dialect().match} '{CONTROL}'")


def _valid_condition() -> str:
    """SQL true for a staged row (its cells stripped) that keeps every rule `checks.static` applies to it —
    but the explanation's (`explanation_meaningful`, judged in Python over the file's distinct notes). A
    filter: the rows it leaves out are explained by the rules, in `_explain`. A CAST comes only after its
    pattern matched (PostgreSQL may evaluate an AND's terms in any order, a CASE's in its own)."""
    d = dialect()
    return (
        "s.project_id IS NOT NULL"
        f" AND {period_in_years(d)}"
        # Not below zero: "-0" is zero, as `parse.number` reads it.
        f" AND CASE WHEN s.completed_investment {d.match} '{NUMBER}'"
        " THEN CAST(s.completed_investment AS NUMERIC) >= 0 ELSE 0 = 1 END"
        f" AND (s.status = '' OR s.status IN ({STATUSES}))"
        f" AND {_text_ok('narrative')} AND {_text_ok('note')}"
    )


def _muddled_notes() -> list[str]:
    """The file's notes that cannot explain anything (`explanation_meaningful`: "x", "."), judged by the rule's
    own function over the distinct notes (explanations are few)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT DISTINCT note FROM {STAGE} WHERE note <> ''")
        return [note for (note,) in cursor.fetchall() if not meaningful(note)][:MAX_LISTED]


def _explain(line: int, project: str, project_id: int | None, period: str, cells: dict[str, str]) -> list[Problem]:
    """The row's problems by the one table of rules, at the file's columns; a project not registered or a
    period not written YYYY-MM is named, and the row's other cells still judged (under the name the file
    gives)."""
    problems = []
    if project_id is None:
        problems.append(Problem(line, "project", f"没有登记编号或项目代码为“{project}”的项目" if project
                                else "缺少项目：填登记编号或项目代码"))
    form = period_problem(period)
    if form is not None:
        problems.append(Problem(line, "period", form))
    subject = Project.objects.get(pk=project_id) if project_id is not None else Project(ref=project, name=project or "本行项目")
    # A period not of the form YYYY-MM is named above; the row's cells are judged all the same, in a year the
    # rules take.
    year, month = (int(period[:4]), int(period[5:])) if form is None else (settings.DEVPLAN_YEAR_MIN, 1)
    row = ProgressRow(subject, year, month, {RAW[column]: cells[column] for column in RAW})
    problems += [Problem(line, COLUMN_OF.get(p.field, p.field), p.message) for p in static(row).problems]
    # The filter and the rules are one table; should they ever part, the row is still named.
    return problems or [Problem(line, "—", "此行不符合导入规则，未能导入（请检查各列的写法）")]


def _broken_rows() -> str:
    """The staged rows the rules refuse: left out by the filter, or explained by a note that explains nothing."""
    return f"""
        SELECT s.line, s.project, s.project_id, s.period, {", ".join(f"s.{c}" for c in RAW)}
        FROM {STAGE} s WHERE NOT ({_valid_condition()}) OR s.note IN (SELECT note FROM muddled)
    """


def _duplicate_problems() -> list[Problem]:
    """Every row after the first of its project and period (the project as resolved, so a ref and a code
    naming the same project are the same key)."""
    key = "COALESCE(CAST(project_id AS TEXT), '?' || project), period"
    sql = f"""
        SELECT line, first FROM (
            SELECT line, ROW_NUMBER() OVER (PARTITION BY {key} ORDER BY line) AS n,
                MIN(line) OVER (PARTITION BY {key}) AS first
            FROM {STAGE}
        ) t WHERE n > 1 ORDER BY line LIMIT {MAX_LISTED}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [Problem(line, "period", DUPLICATE.format(first=first)) for line, first in cursor.fetchall()]


def find_problems() -> tuple[int, list[Problem]]:
    """Every problem in the staged file: how many, and the first MAX_LISTED by line and column.
    Only the listed rows are fetched, so a file where every row is wrong costs no memory."""
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS muddled")
        cursor.execute("CREATE TEMP TABLE muddled (note TEXT)")
        cursor.executemany("INSERT INTO muddled VALUES (%s)", [(note,) for note in _muddled_notes()])
        cursor.execute(f"SELECT COUNT(*) FROM ({_broken_rows()}) b")
        broken = int(cursor.fetchone()[0])
        cursor.execute(f"{_broken_rows()} ORDER BY s.line LIMIT {MAX_LISTED}")
        rows = cursor.fetchall()
        cursor.execute("DROP TABLE muddled")
    duplicates = _duplicate_problems()
    listed = [problem for line, project, project_id, period, *cells in rows
              for problem in _explain(line, project, project_id, period, dict(zip(RAW, cells, strict=True)))]
    # A row past the listed ones counts once, however many of its cells are wrong.
    total = len(listed) + broken - len(rows) + len(duplicates)
    return total, sorted(listed + duplicates, key=lambda problem: problem.line)[:MAX_LISTED]


def _resolve_projects() -> None:
    """Fill `project_id` from the 登记编号, or else the 项目代码."""
    with connection.cursor() as cursor:
        for key in ("ref", "code"):
            cursor.execute(
                f"UPDATE {STAGE} SET project_id = p.id FROM projects_project p"
                f" WHERE p.{key} = {STAGE}.project AND {STAGE}.project_id IS NULL"
            )
        if connection.vendor == "postgresql":
            # Without statistics the planner takes the temporary table for one row and loops over it.
            cursor.execute(f"ANALYZE {STAGE}")


def _insert(batch: Batch, now: datetime) -> int:
    """Every staged row as the next revision of its project and month; the file's note is the report's
    explanation (偏差说明) of an unlikely value."""
    d = dialect()
    sql = f"""
        INSERT INTO {PROGRESS_TABLE} (project_id, year, month, revision, completed_investment, status, narrative,
            problems, help_requested, reported_by, reported_on, illustrative, source, explanation,
            known_at, change_set_id)
        SELECT s.project_id, {d.year}, {d.month}, COALESCE(e.latest, 0) + 1,
            CAST(s.completed_investment AS NUMERIC), s.status, s.narrative,
            '', '', '', NULL, FALSE, '', s.note, %s, %s
        FROM {STAGE} s
        LEFT JOIN (
            SELECT project_id, year, month, MAX(revision) AS latest FROM {PROGRESS_TABLE}
            WHERE project_id IN (SELECT project_id FROM {STAGE})
            GROUP BY project_id, year, month
        ) e ON e.project_id = s.project_id AND e.year = {d.year} AND e.month = {d.month}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [batch.known_at or now, batch.change_set])
        return cursor.rowcount


def _update_registry() -> None:
    """Each project's status becomes the one reported for its latest month in the file, unless a later month
    is already stored; a change adds one to the registry row's version, as every change to it does."""
    d = dialect()
    latest = f"""
        SELECT project_id, status, {d.year} * 100 + {d.month} AS reported FROM (
            SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s.project_id ORDER BY s.period DESC, s.line DESC) AS n
            FROM {STAGE} s WHERE s.status <> ''
        ) s WHERE n = 1
    """
    sql = f"""
        UPDATE projects_project SET status = x.status, version = version + 1
        FROM ({latest}) x
        WHERE x.project_id = projects_project.id AND projects_project.status <> x.status
          AND NOT EXISTS (SELECT 1 FROM {PROGRESS_TABLE} g WHERE g.project_id = x.project_id
                          AND g.year * 100 + g.month > x.reported)
    """
    with connection.cursor() as cursor:
        cursor.execute(sql)


def read_header(path: Path) -> list[str]:
    """The header row, stripped; refuses a missing, empty or non-UTF-8 file."""
    if not path.is_file():
        raise ImportRejected(str(path), [Problem(0, "—", "找不到这个文件")])
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), None)
    except UnicodeDecodeError:
        raise ImportRejected(str(path), [Problem(0, "—", "文件不是 UTF-8 编码的 CSV（请在 Excel 中另存为“CSV UTF-8”）")]) from None
    except csv.Error as exc:
        raise ImportRejected(str(path), [Problem(1, "—", f"CSV 格式错误：{exc}")]) from None
    if header is None:
        raise ImportRejected(str(path), [Problem(0, "—", "文件是空的")])
    return [name.strip() for name in header]


def load_progress_csv(path: Path, batch: Batch) -> Loaded:
    """Every row of the file as a new progress revision under `batch`'s change set, or nothing; returns the
    number of rows. Call inside the write's transaction; the rules over the stored rows are checked by the
    caller (`devplan.recording.bulk`)."""
    header = read_header(path)
    if header != list(PROGRESS_COLUMNS):
        expected = ",".join(PROGRESS_COLUMNS)
        raise ImportRejected(str(path), [Problem(1, "—", f"表头应为 {expected}，而不是 {','.join(header)}")])
    staged = stage_csv(path, STAGE, PROGRESS_COLUMNS, extra="project_id BIGINT")
    strip_cells(STAGE, ("completed_investment", "status", "narrative", "note"))
    _resolve_projects()
    total, listed = find_problems()
    if total:
        raise ImportRejected(str(path), listed, total)
    try:
        with transaction.atomic():
            inserted = _insert(batch, timezone.now())
            _update_registry()
    except DatabaseError as exc:
        raise ImportRejected(str(path), [Problem(0, "—", _first_line(exc))]) from None
    if inserted != staged:
        raise ImportRejected(str(path), [Problem(0, "—", f"只写入了{inserted}行，少于文件的{staged}行")])
    drop_stage(STAGE)
    return Loaded(inserted)


def _first_line(exc: Exception) -> str:
    return re.sub(r"\s+", " ", str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

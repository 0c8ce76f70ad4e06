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
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from devplan.projects.models import Project
from devplan.scale.csv_direct import Batch, Loaded
from devplan.scale.problems import MAX_LISTED, ImportRejected, Problem
from devplan.scale.stage_csv import drop_stage, stage_csv
from devplan.scale.staging import dialect, starts_like_formula

PROGRESS_COLUMNS = ("project", "period", "completed_investment", "status", "narrative", "note")
STAGE = "progress_stage"
PROGRESS_TABLE = "projects_progress"
NARRATIVE_MAX, NOTE_MAX = 1000, 500
SHOWN_MAX = 40  # characters of a bad value quoted back in a message

PERIOD = "'^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$'"
NUMBER = "'^-?[0-9]+([.][0-9]+)?$'"
DIGITS = "'^-?[0-9]{1,15}([.][0-9]{1,4})?$'"  # the format rule of devplan.recording.parse
STATUSES = ", ".join(f"'{value}'" for value in Project.Status.values)
FORMULA = "不能以 = + - @ 开头（会被电子表格当作公式）"

# Per column, the checks in order; a row reports the first that fails in each column. A reason may quote the
# cell ({value}) and a detail the query supplies ({detail}).
CHECKS: dict[str, list[tuple[str, str]]] = {
    "project": [
        ("s.project = ''", "缺少项目：填登记编号或项目代码"),
        ("s.project_id IS NULL", "没有登记编号或项目代码为“{value}”的项目"),
    ],
    "period": [
        ("NOT s.period {match} " + PERIOD, "期别应为 YYYY-MM（年份 1900—2099，月份 01—12），而不是“{value}”"),
    ],
    "completed_investment": [
        ("s.completed_investment = ''", "缺少1至当月累计完成投资"),
        ("NOT s.completed_investment {match} " + NUMBER, "“{value}”不是数字（只写阿拉伯数字，单位亿元，不带单位和千分位）"),
        ("substr(s.completed_investment, 1, 1) = '-'", "累计完成投资不能为负数"),
        ("NOT s.completed_investment {match} " + DIGITS, "数字位数过多：整数最多15位，小数最多4位"),
    ],
    "status": [
        (f"s.status <> '' AND s.status NOT IN ({STATUSES})",
         "项目状态应为 " + "、".join(Project.Status.values) + " 之一或留空，而不是“{value}”"),
    ],
    "narrative": [
        (starts_like_formula("s.narrative"), "形象进度" + FORMULA),
        (f"length(s.narrative) > {NARRATIVE_MAX}", f"形象进度超过{NARRATIVE_MAX}字"),
    ],
    "note": [
        (starts_like_formula("s.note"), "备注" + FORMULA),
        (f"length(s.note) > {NOTE_MAX}", f"备注超过{NOTE_MAX}字"),
    ],
}
DUPLICATE = "与第{detail}行重复（同一项目同一期别只能有一行）"


def _column_problems(index: int, column: str) -> str:
    """One row per bad cell of `column`: (line, column index, check index, cell, detail)."""
    match = dialect().match
    cases = " ".join(
        f"WHEN {condition.replace('{match}', match)} THEN {n}" for n, (condition, _r) in enumerate(CHECKS[column])
    )
    return f"""
        SELECT line, {index} AS col, code, value, detail FROM (
            SELECT s.line, CASE {cases} ELSE NULL END AS code, s.{column} AS value, CAST(NULL AS TEXT) AS detail
            FROM {STAGE} s
        ) t WHERE code IS NOT NULL
    """


def _duplicate_problems() -> str:
    """Every row after the first of its project and period (the project as resolved, so a ref and a code
    naming the same project are the same key)."""
    key = "COALESCE(CAST(project_id AS TEXT), '?' || project), period"
    return f"""
        SELECT line, {len(CHECKS)} AS col, 0 AS code, CAST(NULL AS TEXT) AS value, CAST(first AS TEXT) AS detail
        FROM (
            SELECT line, ROW_NUMBER() OVER (PARTITION BY {key} ORDER BY line) AS n,
                MIN(line) OVER (PARTITION BY {key}) AS first
            FROM {STAGE}
        ) t WHERE n > 1
    """


def _problem_sql() -> str:
    return " UNION ALL ".join(
        [*(_column_problems(index, column) for index, column in enumerate(CHECKS)), _duplicate_problems()]
    )


def _problem(line: int, col: int, code: int, value: str | None, detail: str | None) -> Problem:
    if col == len(CHECKS):
        return Problem(line, "period", DUPLICATE.format(detail=detail))
    column = list(CHECKS)[col]
    shown = value if value is None or len(value) <= SHOWN_MAX else value[:SHOWN_MAX] + "…"
    return Problem(line, column, CHECKS[column][code][1].format(value=shown, detail=_plain(detail)))


def _plain(number: str | None) -> str:
    """A stored amount as people write it: 18.0000 → 18."""
    try:
        return format(Decimal(number or "").normalize(), "f")
    except InvalidOperation:
        return number or ""


def find_problems() -> tuple[int, list[Problem]]:
    """Every problem in the staged file: how many, and the first MAX_LISTED by line and column. Only the
    listed ones are fetched, so a file where every row is wrong costs no memory."""
    sql = _problem_sql()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) a")
        total = int(cursor.fetchone()[0])
        if not total:
            return 0, []
        cursor.execute(f"SELECT line, col, code, value, detail FROM ({sql}) a ORDER BY line, col LIMIT {MAX_LISTED}")
        return total, [_problem(*row) for row in cursor.fetchall()]


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

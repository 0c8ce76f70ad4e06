"""The one door for files of millions of rows (`devplan import-csv`): the rows go into the tables by the
database's bulk path under a change set opened here, and the rules that need values or what is stored are
then checked over the change set's rows. SQL only finds the rows that may break a rule; each of those is
checked again by the same functions as every other door (`checks.static`, `checks.in_context`), so the verdict
and the message are the same. Anything found rolls the whole file back."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import connection

from devplan.accounts.access import OFFICIAL, write_right
from devplan.indicators.models import Figure, Indicator, Target
from devplan.indicators.status_cache import data_changed
from devplan.lib.numbers import stated
from devplan.projects.models import Progress, Project
from devplan.recording.actors import Actor
from devplan.recording.audit import log
from devplan.recording.checks import JUMP_FACTOR, MIN_EXPLANATION, check_not_future, in_context, static
from devplan.recording.clock import current_month
from devplan.recording.models import ChangeSet
from devplan.recording.periods import locked_message
from devplan.recording.rows import FigureRow, ProgressRow
from devplan.recording.rules import Problem, Severity
from devplan.recording.screen import EARLIER, LATER, Screen, Written
from devplan.recording.service import Forbidden, Upload, checked_reason
from devplan.regions.models import Region

LISTED = 50


@dataclass(frozen=True)
class Found:
    """A rule a bulk row breaks, with the row's key as the file wrote it (to find its line)."""

    key: tuple[str, ...]
    problem: Problem


def open_change_set(actor: Actor, reason: str, upload: Upload) -> ChangeSet:
    """The change set of a bulk write; call inside the write's transaction. On PostgreSQL the month states
    are held for the rest of the transaction: no month can be locked or reopened while the file goes in."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("LOCK TABLE collection_periodstate IN SHARE MODE")
    return ChangeSet.objects.create(
        actor=actor.user if actor.user_id is not None else None, actor_name=actor.name, door=actor.door,
        reason=checked_reason(reason), file_name=upload.name[:255], file_sha256=upload.sha256,
    )


def close_change_set(actor: Actor, change_set: ChangeSet, table: str, written: Written | None = None) -> ChangeSet:
    """Record what the change set wrote (rows, periods, the region when only one) and log it; `written` when
    the rows were counted as they went in, else they are counted in the table."""
    _refuse_beyond_rights(actor, change_set, table)
    if written is None:
        written = _written(change_set, table)
    change_set.periods = [f"{year}-{month}" if month else year for year, month in sorted(written.periods)]
    change_set.rows = written.rows
    change_set.region_id = int(next(iter(written.regions))) if len(written.regions) == 1 else None
    change_set.save(update_fields=["periods", "rows", "region"])
    log(actor, "changeset.write", change_set, {"rows": change_set.rows, "periods": change_set.periods,
                                               "file": change_set.file_name, "sha256": change_set.file_sha256})
    data_changed()
    return change_set


def _refuse_beyond_rights(actor: Actor, change_set: ChangeSet, table: str) -> None:
    """A bulk file writes official revisions: a user named with `--by` must be a planner or admin of every
    region it wrote (or of an area above it). The operator without an account is trusted as whoever runs
    commands on the server is."""
    if actor.operator:
        return
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT DISTINCT {_region(table)} FROM {table} t WHERE change_set_id = %s", [change_set.pk])
        written = [row[0] for row in cursor.fetchall()]
    for region in Region.objects.filter(pk__in=written).order_by("code"):
        if write_right(actor.user, region, None) != OFFICIAL:
            raise Forbidden(f"{actor.name}无权直接写入{region.name}的数据：批量导入只能由该行政区或上级的发改局（计划科）"
                            "人员、系统管理员进行；不写 --by 时记为运行命令的系统用户")


def _written(change_set: ChangeSet, table: str) -> Written:
    month = "month" if table != Target._meta.db_table else "0"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT year, {month}, MIN(region), MAX(region), COUNT(*) FROM ("
                       f"SELECT year, {month} AS month, {_region(table)} AS region FROM {table} t "
                       "WHERE change_set_id = %s) x GROUP BY year, month", [change_set.pk])
        groups = cursor.fetchall()
    return Written(sum(n for *_, n in groups), {(f"{year:04d}", f"{month:02d}" if month else "") for year, month, *_ in groups},
                   {str(r) for _y, _m, low, high, _n in groups for r in (low, high)})


def _region(table: str) -> str:
    if table == Progress._meta.db_table:
        return "(SELECT p.region_id FROM projects_project p WHERE p.id = t.project_id)"
    return "t.region_id"


FIGURE_CANDIDATES = """
    SELECT r.code, i.code, f.year, f.month, f.value, f.growth_pct, f.note
    FROM {figure} f
    JOIN regions_region r ON r.id = f.region_id
    JOIN indicators_indicator i ON i.id = f.indicator_id
    WHERE f.change_set_id = %(change_set)s AND (
        f.year < %(low)s OR f.year > %(high)s OR f.year * 100 + f.month > %(now)s
        OR f.growth_pct <= -100 OR f.growth_pct > %(ceiling)s
        OR (i.quantity = 'rate' AND i.unit = '%%' AND f.value > 100)
        OR (i.quantity <> 'rate' AND f.value < 0)
        OR (i.frequency = 'quarterly' AND f.month NOT IN (3, 6, 9, 12))
        OR (i.frequency = 'annual' AND f.month <> 12)
        OR EXISTS (SELECT 1 FROM collection_periodstate s WHERE s.region_id = f.region_id AND s.year = f.year
                   AND s.month = f.month AND s.locked)
        OR (i.quantity = 'flow' AND LENGTH(f.note) < {min_note}
            AND (NOT f.value BETWEEN ({earlier}) AND {jump} * ({earlier}) OR f.value > ({later})))
    )
    ORDER BY f.year, f.month, r.code, i.code
    LIMIT {listed}
"""
def _now() -> int:
    """The current month as year × 100 + month: a row after it is of a month that has not come."""
    year, month = current_month()
    return year * 100 + month


def _text(value: Any) -> str | None:
    """A stored number as its user would have written it (SQLite hands back floats, PostgreSQL Decimals)."""
    if value is None:
        return None
    return stated(Decimal(repr(value)) if isinstance(value, float) else value)


def figure_problems(change_set: ChangeSet) -> list[Found]:
    """The rules the change set's figures break, each found by SQL and confirmed by the rules' own code."""
    figure = Figure._meta.db_table
    # A note under MIN_EXPLANATION characters cannot explain a decrease or a jump (`value_near_previous`, found
    # here above JUMP_FACTOR times the earlier month, a superset); a longer one of mere punctuation is
    # judged by the rules at the other doors and in the screen, not found by this search.
    sql = FIGURE_CANDIDATES.format(figure=figure, earlier=EARLIER.format(figure=figure), later=LATER.format(figure=figure, same="f.change_set_id"),
                                   listed=LISTED,
                                   min_note=MIN_EXPLANATION, jump=JUMP_FACTOR)
    params: dict[str, Any] = {"change_set": change_set.pk, "low": settings.DEVPLAN_YEAR_MIN,
                              "high": settings.DEVPLAN_YEAR_MAX, "ceiling": settings.DEVPLAN_MAX_GROWTH_PCT,
                              "now": _now()}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    regions = {r.code: r for r in Region.objects.filter(code__in={row[0] for row in rows})}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in={row[1] for row in rows})}
    found = []
    for region_code, code, year, month, value, growth, note in rows:
        row = FigureRow(regions[region_code], indicators[code], year, month,
                        {"value": _text(value), "growth_pct": _text(growth), "note": note}, written_with=change_set.pk)
        key = (region_code, code, f"{year:04d}-{month:02d}")
        found += [Found(key, p) for p in _recheck(row)]
    return found


PROGRESS_CANDIDATES = """
    SELECT p.ref, t.year, t.month, t.completed_investment, t.explanation
    FROM {progress} t JOIN projects_project p ON p.id = t.project_id
    WHERE t.change_set_id = %(change_set)s AND (
        t.year < %(low)s OR t.year > %(high)s OR t.year * 100 + t.month > %(now)s
        OR EXISTS (SELECT 1 FROM collection_periodstate s WHERE s.region_id = p.region_id AND s.year = t.year
                   AND s.month = t.month AND s.locked)
        OR (t.explanation = '' AND (
            t.completed_investment > p.total_investment
            OR t.completed_investment > (SELECT a.planned_investment * (100 + %(margin)s) / 100
                                         FROM projects_annualplan a WHERE a.project_id = p.id AND a.year = t.year)
            OR t.completed_investment < ({earlier_value})
            OR t.completed_investment > ({later_value})
            OR ({earlier_month}) < t.month - 1
        ))
    )
    ORDER BY t.year, t.month, p.ref
    LIMIT {listed}
"""


# The report `checks.previous_progress` compares with: the latest revision of the latest earlier month.
EARLIER_MONTH = """SELECT MAX(e.month) FROM {progress} e WHERE e.project_id = t.project_id AND e.year = t.year
                   AND e.month < t.month"""
EARLIER_VALUE = """SELECT e.completed_investment FROM {progress} e WHERE e.project_id = t.project_id
                   AND e.year = t.year AND e.month < t.month ORDER BY e.month DESC, e.revision DESC LIMIT 1"""
# The report `checks.next_progress` compares with: the latest revision of the nearest later month, unless the
# same change set wrote it.
LATER_VALUE = """SELECT CASE WHEN e.change_set_id = t.change_set_id THEN NULL ELSE e.completed_investment END
                 FROM {progress} e WHERE e.project_id = t.project_id
                 AND e.year = t.year AND e.month > t.month ORDER BY e.month, e.revision DESC LIMIT 1"""


def progress_problems(change_set: ChangeSet) -> list[Found]:
    """The rules the change set's progress reports break, found by SQL and confirmed by the rules' code."""
    table = Progress._meta.db_table
    sql = PROGRESS_CANDIDATES.format(progress=table, listed=LISTED, earlier_month=EARLIER_MONTH.format(progress=table),
                                     earlier_value=EARLIER_VALUE.format(progress=table),
                                     later_value=LATER_VALUE.format(progress=table))
    params: dict[str, Any] = {"change_set": change_set.pk, "low": settings.DEVPLAN_YEAR_MIN,
                              "high": settings.DEVPLAN_YEAR_MAX, "margin": settings.DEVPLAN_PROJECT_PLAN_MARGIN_PCT,
                              "now": _now()}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    projects = {p.ref: p for p in Project.objects.select_related("region").filter(ref__in={row[0] for row in rows})}
    found = []
    for ref, year, month, completed, explanation in rows:
        row = ProgressRow(projects[ref], year, month, {"completed": _text(completed), "explanation": explanation},
                          written_with=change_set.pk)
        found += [Found((ref, f"{year:04d}-{month:02d}"), p) for p in _recheck(row)]
    return found


def screened_problems(screen: Screen, change_set: ChangeSet) -> list[Found]:
    """The rules broken by the rows the screen of a direct import names (`Screen.suspects`), judged by the
    rules' own code as at every other door: the first `LISTED` problems in the order of the file."""
    regions = Region.objects.in_bulk({int(row[0]) for row in screen.suspects})
    indicators = Indicator.objects.in_bulk({int(row[1]) for row in screen.suspects})
    found: list[Found] = []
    for region_id, indicator_id, year, month, value, growth, note in screen.suspects:
        region, indicator = regions[int(region_id)], indicators[int(indicator_id)]
        row = FigureRow(region, indicator, int(year), int(month), {"value": value, "growth_pct": growth, "note": note},
                        written_with=change_set.pk)
        found += [Found((region.code, indicator.code, f"{year}-{month}"), p) for p in _recheck(row)]
        if len(found) >= LISTED:
            break
    return found


def _recheck(row: FigureRow | ProgressRow) -> list[Problem]:
    """The row (stored already) by the rules: it is compared with other months, never with itself, and with a
    later month only when that was stored before the row's change set."""
    checked = static(row)
    check_not_future(checked)
    if 1 <= row.month <= 12 and _locked(row):
        checked.problem("period_open", "month", locked_message(row.region.name, row.year, row.month))
    in_context(checked)
    return [p for p in checked.problems if p.severity is not Severity.NOTICE]


def _locked(row: FigureRow | ProgressRow) -> bool:
    from devplan.collection.models import PeriodState

    return PeriodState.objects.filter(region=row.region, year=row.year, month=row.month, locked=True).exists()

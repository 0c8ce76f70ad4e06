"""The pages of the measure kinds — 争资争项, 招商引资, 主要任务: each series against its target with its light,
the pipeline by stage (funds by source, attraction by industry chain), the tasks by department; entry of a
figure through the one door — official at once from the region's planners, a submission for their approval
from the department responsible for the series —; and the dashboard's summary."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from devplan.accounts.access import measure_access, region_access, submission_access
from devplan.attraction.services import ATTRACTION, attraction_status
from devplan.attraction.services import SERIES as ATTRACTION_SERIES
from devplan.collection.models import Submission
from devplan.funds.services import FUNDS, funds_status
from devplan.funds.services import SERIES as FUNDS_SERIES
from devplan.indicators.assessment import indicator_thresholds
from devplan.indicators.models import Target
from devplan.lib.errors import DevplanError, UsageError
from devplan.measures.status import Declaration, Series
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.rows import Measure
from devplan.recording.service import Forbidden, write
from devplan.regions.models import Region
from devplan.tasks.services import TASKS, task_series, tasks_status
from devplan.web.dashboard import light_words
from devplan.web.periods import check_year, default_period, home_region, region_by_code
from devplan.web.views.common import require

ENTRY_FIELDS = ("value", "count", "total", "note")
Status = Callable[..., dict[str, Any]]
# Per page: its status, its declaration (whose stages the pipeline follows) and how a pipeline row is named.
KINDS: dict[str, tuple[Status, Declaration | None, Callable[[dict[str, Any]], str]]] = {
    "funds": (funds_status, FUNDS, lambda row: row["name"]),
    "attraction": (attraction_status, ATTRACTION, lambda row: f"{row['chain'] or '未分产业链'} · {row['name']}"),
    "tasks": (tasks_status, None, lambda row: row["name"]),
}


def _pipeline(kind: Declaration, rows: list[dict[str, Any]], name: Callable[[dict[str, Any]], str]
              ) -> tuple[list[str], list[tuple[str, list[dict[str, Any] | None]]]]:
    """The stages as columns and one line per series (and chain) with its figure at each stage."""
    stages = list(kind.stages)
    lines: dict[str, list[dict[str, Any] | None]] = {}
    for row in rows:
        lines.setdefault(name(row), [None] * len(stages))[stages.index(row["stage"])] = row
    return [kind.stages[s] for s in stages], list(lines.items())


def _chart(page: str, status: dict[str, Any], stages: list[str],
           lines: list[tuple[str, list[dict[str, Any] | None]]]) -> dict[str, Any]:
    """What charts.js draws: the pipeline as stacked bars by stage (amounts for funds, projects for
    attraction), or each task's completion coloured by its light."""
    if page == "tasks":
        rows = [r for r in status["rows"] if r["completion_pct"] is not None]
        return {"names": [r["name"] for r in rows], "values": [r["completion_pct"] for r in rows],
                "lights": [r["light"] for r in rows], "unit": "%"}
    field, unit = ("value", "亿元") if page == "funds" else ("count", "个")
    return {"stages": stages, "unit": unit, "series": [
        {"name": name, "values": [None if cell is None else cell[field] for cell in cells]} for name, cells in lines]}


@login_required
def measure_default(request: HttpRequest, page: str) -> HttpResponse:
    region = home_region(request.user)
    return redirect(f"web:{page}", region=region.code, year=default_period(region)[0])


def _series(page: str, region: Region, year: int) -> list[Series]:
    return task_series(region, year) if page == "tasks" else (FUNDS_SERIES if page == "funds" else ATTRACTION_SERIES)


def _writable(user: Any, page: str, region: Region, year: int, official: bool) -> list[Series]:
    """The series the user may enter: all for the region's planners, else those its departments are
    responsible for (their figures wait for approval)."""
    series = _series(page, region, year)
    if official:
        return series
    kind = KINDS[page][1] or TASKS
    return [s for s in series
            if measure_access(user, region, Measure(kind.key, s.key, department_id=kind.department_id(region, year, s.key))).write]


def _waiting(user: Any, page: str, region: Region, year: int, official: bool) -> list[Submission]:
    """The kind's submissions not yet approved that the user may read: all for the planners (who decide
    them on 审核), a department's own for it."""
    kind = KINDS[page][1] or TASKS
    found = (Submission.objects.filter(region=region, year=year, measure_kind=kind.key)
             .exclude(status=Submission.Status.APPROVED).select_related("region", "submitted_by")
             .order_by("month", "measure", "stage", "pk"))
    if official:
        return list(found.exclude(status=Submission.Status.DRAFT))
    return [s for s in found if submission_access(user, s).read]


def _enter(request: HttpRequest, page: str, region: Region, year: int) -> str:
    """Writes one posted figure through the one door; the sentence saying what was stored."""
    kind = KINDS[page][1] or TASKS
    posted = {key: request.POST.get(key, "").strip() for key in (*ENTRY_FIELDS, "month", "measure", "stage", "chain")}
    names = {s.key for s in _series(page, region, year)}
    if posted["measure"] not in names:
        raise UsageError(f"请选择要录入的{'任务' if page == 'tasks' else '指标'}")
    if posted["stage"] and posted["stage"] not in kind.stages:
        raise UsageError(f"环节“{posted['stage'][:20]}”不在{'、'.join(kind.stages.values())}之中" if kind.stages
                         else f"{kind.name}不分环节")
    if not (posted["month"].isascii() and posted["month"].isdigit()):
        raise UsageError("请选择截至月份")
    raw = {key: posted[key] for key in ENTRY_FIELDS if posted[key]}
    row = kind.figure_row(region, year, int(posted["month"]), posted["measure"], raw, None, stage=posted["stage"],
                          chain=posted["chain"])
    try:
        outcome = write(Actor.of_request(request, Door.WEB), [row])
    except Forbidden as exc:
        raise PermissionDenied(exc.sentence()) from None
    return outcome.sentence() + "。"


def _set_target(request: HttpRequest, page: str, region: Region, year: int) -> str:
    """A planner's yearly target of one series (funds, attraction; a task's target is the plan's own) through
    the one door, as a new revision with the reason given."""
    kind = KINDS[page][1]
    if kind is None or kind.target is None:
        raise UsageError("主要任务的目标值来自年度计划，不在此修改")
    measure, value = request.POST.get("measure", "").strip(), request.POST.get("value", "").strip()
    if measure not in {s.key for s in _series(page, region, year)}:
        raise UsageError("请选择要设定目标的指标")
    if not value:
        raise UsageError("请填写目标值")
    qualifier = request.POST.get("qualifier", "").strip()
    if qualifier not in Target.Qualifier.values:
        raise UsageError(f"限定词只能是{'、'.join(q for q in Target.Qualifier.values if q)}或不填")
    raw = {"value": value, "qualifier": qualifier}
    reason = request.POST.get("reason", "").strip()
    if not reason and kind.target.objects.filter(region=region, year=year, measure=measure).exists():
        raise UsageError("修改已有的目标须写明依据或修改原因")
    outcome = write(Actor.of_request(request, Door.WEB), [kind.target_row(region, year, measure, raw)],
                    reason=reason)
    return outcome.sentence() + "。"


@login_required
@require_http_methods(["GET", "POST"])
def measure_page(request: HttpRequest, page: str, region: str, year: int) -> HttpResponse:
    if page not in KINDS:
        raise Http404("没有这个页面")
    place = region_by_code(region)
    check_year(year)
    access = region_access(request.user, place)
    require(access.read)
    read, kind, name = KINDS[page]
    writable = _writable(request.user, page, place, year, access.write)
    if request.method == "POST":
        # Whoever enters nothing here is refused outright; for the rest the door decides each series (403).
        require(access.write or bool(writable))
        targeting = request.POST.get("action") == "target"
        require(access.write or not targeting)
        try:
            enter = _set_target if targeting else _enter
            messages.success(request, enter(request, page, place, year))
        except DevplanError as exc:
            messages.error(request, f"未保存任何数据：{exc.sentence()}")
        return redirect(f"web:{page}", region=place.code, year=year)
    status = read(place, year)
    stages, lines = _pipeline(kind, status["pipeline"], name) if kind else ([], [])
    departments: dict[str, list[dict[str, Any]]] = {}
    for row in status["rows"] if page == "tasks" else ():
        departments.setdefault(row["department"], []).append(row)
    return render(request, f"web/{page}.html", {
        "region": place, "year": year, "status": status, "stages": stages, "lines": lines,
        "departments": departments, "chart": _chart(page, status, stages, lines),
        "lights": light_words(indicator_thresholds()), "page": page,
        "entry": bool(writable) and {"series": writable, "stages": (kind or TASKS).stages, "months": range(1, 13),
                                     "official": access.write,
                                     "targets": access.write and kind is not None and kind.target is not None},
        "waiting": _waiting(request.user, page, place, year, access.write),
    })


def measure_summaries(region: Region, year: int, month: int) -> list[dict[str, Any]]:
    """For the dashboard: per kind, how many series are judged by each light through `month`."""
    summaries = []
    for page, title in (("funds", "争资争项"), ("attraction", "招商引资"), ("tasks", "主要任务")):
        status = KINDS[page][0](region, year, month)
        counts = {light: sum(1 for r in status["rows"] if r["light"] == light) for light in ("green", "yellow", "red", "none")}
        summaries.append({"page": page, "title": title, "series": len(status["rows"]), "lights": counts,
                          "staged": len(status["pipeline"])})
    return summaries

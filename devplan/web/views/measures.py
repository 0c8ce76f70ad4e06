"""The pages of the measure kinds — 争资争项, 招商引资, 主要任务: each series against its target with its light,
the pipeline by stage (funds by source, attraction by industry chain), the tasks by department; and the
dashboard's summary of the three."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from devplan.accounts.access import region_access
from devplan.attraction.services import ATTRACTION, attraction_status
from devplan.funds.services import FUNDS, funds_status
from devplan.indicators.assessment import indicator_thresholds
from devplan.measures.status import Declaration
from devplan.regions.models import Region
from devplan.tasks.services import tasks_status
from devplan.web.dashboard import light_words
from devplan.web.periods import check_year, default_period, home_region, region_by_code
from devplan.web.views.common import require

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


@login_required
@require_GET
def measure_page(request: HttpRequest, page: str, region: str, year: int) -> HttpResponse:
    if page not in KINDS:
        raise Http404("没有这个页面")
    place = region_by_code(region)
    check_year(year)
    require(region_access(request.user, place).read)
    read, kind, name = KINDS[page]
    status = read(place, year)
    stages, lines = _pipeline(kind, status["pipeline"], name) if kind else ([], [])
    departments: dict[str, list[dict[str, Any]]] = {}
    for row in status["rows"] if page == "tasks" else ():
        departments.setdefault(row["department"], []).append(row)
    return render(request, f"web/{page}.html", {
        "region": place, "year": year, "status": status, "stages": stages, "lines": lines,
        "departments": departments, "chart": _chart(page, status, stages, lines),
        "lights": light_words(indicator_thresholds()),
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

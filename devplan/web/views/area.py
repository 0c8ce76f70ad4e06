"""所辖地区一览: a prefecture's or province's counties by main indicator, for the area's planners, viewers and
admins. Each cell is the county's completion and light by the one rule, from the same SQL as the ranking of
/compare/ (`scale.rollups.province_ranking`: each county's latest figure through the month, as its own
dashboard judges it); counties with red lights come first, and the area's own figures are checked against
the sum of its counties (`scale.level_checks`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from devplan.accounts.access import area_access, report_access
from devplan.collection.reporting import month_states, year_records
from devplan.indicators.models import Indicator
from devplan.lib.errors import DevplanError
from devplan.recording.actors import Actor
from devplan.recording.clock import current_month
from devplan.recording.models import Door
from devplan.recording.periods import accept_report, return_report
from devplan.regions.models import Region
from devplan.scale.level_checks import LevelCheck, level_checks
from devplan.scale.rollups import RankedCounty, area_totals, province_ranking
from devplan.web.periods import check_month, region_by_code
from devplan.web.views.common import period_context, require
from devplan.web.views.compare import LIGHT_WORDS

FORBIDDEN_READ = "只有本级发改委（计划科）、领导和系统管理员可以查看所辖地区一览"
FORBIDDEN_DECISION = "只有上一级地区的发改委（计划科）和系统管理员可以接收或退回上报的月份"


@dataclass
class CountyRow:
    """One county's cells, one per main indicator in the page's order (None: no figure through the month)."""

    code: str
    name: str
    cells: list[RankedCounty | None] = field(default_factory=list)

    def count(self, light: str) -> int:
        return sum(1 for cell in self.cells if cell is not None and cell.light == light)


def _counties(area: Region) -> dict[str, str]:
    """Code → name of the counties under `area`."""
    return dict(area.counties().order_by("code").values_list("code", "name"))


def _rows(area: Region, indicators: list[Indicator], year: int, month: int) -> list[CountyRow]:
    province = area if area.level == Region.Level.PROVINCE else area.parent
    counties = _counties(area)
    rows = {code: CountyRow(code, name) for code, name in counties.items()}
    for indicator in indicators:
        ranked = {r.code: r for r in province_ranking(province, indicator, year, month)} if province else {}
        for code, row in rows.items():
            row.cells.append(ranked.get(code))
    return sorted(rows.values(), key=lambda row: (-row.count("red"), -row.count("yellow"), row.code))


def _data_months(rows: list[CountyRow], columns: int) -> list[int | None]:
    """Per column, the month its figures run through (a quarterly indicator's is the quarter's last month):
    the latest any county has, which the header names; a cell with an older month says so itself."""
    return [max((row.cells[i].month for row in rows if row.cells[i] is not None), default=None)  # type: ignore[union-attr]
            for i in range(columns)]


def _checks(area: Region, indicators: list[Indicator], year: int, month: int) -> list[LevelCheck]:
    """The area's own figures against its counties' sums, and for a province its prefectures' too."""
    found: list[LevelCheck] = []
    for indicator in indicators:
        if not indicator.additive:
            continue
        if area.level == Region.Level.PROVINCE:
            prefectures = area_totals(Region.Level.PREFECTURE, indicator, year, month, within=area)
            found.extend(level_checks(Region.Level.PREFECTURE, prefectures, indicator, year).values())
        totals = area_totals(area.level, indicator, year, month, only=area)
        found.extend(level_checks(area.level, totals, indicator, year).values())
    return found


@login_required
@require_POST
def report_decision(request: HttpRequest, region: str, year: int, month: int) -> HttpResponse:
    """The area's planner accepts or returns (with a comment) the month a region under it reported."""
    place = region_by_code(region)
    check_month(year, month)
    require(report_access(request.user, place).write, FORBIDDEN_DECISION)
    actor = Actor.of_request(request, Door.WEB)
    try:
        if request.POST.get("action") == "accept":
            accept_report(actor, place, year, month)
            messages.success(request, f"已接收{place.name}{year}年{month}月的上报。")
        else:
            return_report(actor, place, year, month, request.POST.get("comment", ""))
            messages.success(request, f"已退回{place.name}{year}年{month}月的上报，该月已在{place.name}重新开启。")
    except DevplanError as exc:
        messages.error(request, exc.sentence())
    assert place.parent is not None  # report_access refuses a region without an area above
    return redirect("web:area", region=place.parent.code, year=year, month=month)


@login_required
def area_page(request: HttpRequest, region: str, year: int, month: int) -> HttpResponse:
    area = region_by_code(region)
    check_month(year, month)
    if area.level == Region.Level.COUNTY:
        raise Http404(f"{area.name}是县级行政区，没有所辖地区一览")
    require(area_access(request.user, area).read, FORBIDDEN_READ)
    if (year, month) > current_month():
        raise Http404(f"{year}年{month}月还没有到，没有所辖地区的数据和上报情况")
    indicators = list(Indicator.objects.filter(is_main=True).order_by("sort_order", "code"))
    rows = _rows(area, indicators, year, month)
    return render(request, "web/area.html", {
        "reporting": month_states(area, year, month), "records": year_records(area, year, month),
        "can_decide": area_access(request.user, area).write,
        "area": area, "indicators": indicators, "rows": rows, "lights": LIGHT_WORDS,
        "columns": list(zip(indicators, _data_months(rows, len(indicators)), strict=True)),
        "lagging": [(row, [(indicator, cell) for indicator, cell in zip(indicators, row.cells, strict=True)
                           if cell is not None and cell.light == "red"]) for row in rows if row.count("red")],
        "checks": _checks(area, indicators, year, month),
        **period_context(year, month),
    })

"""汇总与排名 (public, like the public pages: official figures only): a province's prefectures totalled from
their counties, and every county of the province ranked, for one indicator and month."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from devplan.indicators.models import Figure, Indicator
from devplan.regions.models import Region
from devplan.scale.level_checks import LevelCheck, level_checks
from devplan.scale.present import BASES
from devplan.scale.rollups import AreaTotal, RankedCounty, area_totals, province_ranking
from devplan.web.periods import (
    check_come,
    chosen_month,
    indicator_by_code,
    region_by_code_or_name,
)

DEFAULT_INDICATOR = "gdp"
LIGHT_WORDS = {"green": "绿", "yellow": "黄", "red": "红", "none": "无"}  # beside the page's own coloured lamp


def _provinces() -> list[Region]:
    return list(Region.objects.filter(level=Region.Level.PROVINCE).order_by("code"))


def _latest_month(province: Region, indicator: Indicator) -> tuple[int, int] | None:
    latest = (Figure.objects.filter(indicator=indicator, region__in=province.counties())
              .order_by("-year", "-month").values_list("year", "month").first())
    return None if latest is None else (latest[0], latest[1])


def compare_default(request: HttpRequest) -> HttpResponse:
    """The form's target (?province=&indicator=&period=) and the first visit: to the page's own address."""
    provinces = _provinces()
    if not provinces:
        raise Http404("尚无省级行政区：请先载入行政区划")
    code = request.GET.get("province") or provinces[0].code
    province = region_by_code_or_name(code)
    indicator = indicator_by_code(request.GET.get("indicator") or DEFAULT_INDICATOR)
    period = request.GET.get("period")
    year, month = chosen_month(period, "所选年月") if period else (_latest_month(province, indicator) or (0, 0))
    if not year:
        raise Http404(f"{province.name}尚无{indicator.name}的数据")
    return redirect("web:compare", province=province.code, indicator=indicator.code, year=year, month=month)


def _chart(ranked: list[RankedCounty]) -> dict[str, Any]:
    shown = [r for r in ranked if r.growth_pct is not None]
    return {"names": [r.name for r in shown], "growth": [float(r.growth_pct or 0) for r in shown],
            "labels": [r.stated("growth_pct") for r in shown], "lights": [r.light for r in shown]}


def compare_page(request: HttpRequest, province: str, indicator: str, year: int, month: int) -> HttpResponse:
    place = region_by_code_or_name(province)
    if place.code != province:  # a name, as the API and `devplan rank` take: to the page's own address
        return redirect("web:compare", province=place.code, indicator=indicator, year=year, month=month)
    if place.level != Region.Level.PROVINCE:
        raise Http404(f"{place.name}不是省级行政区")
    check_come(year, month)
    subject = indicator_by_code(indicator)
    areas: list[AreaTotal] = []
    totals: list[AreaTotal] = []
    checks: list[LevelCheck] = []
    if subject.additive:
        areas = area_totals(Region.Level.PREFECTURE, subject, year, month, within=place)
        totals = area_totals(Region.Level.PROVINCE, subject, year, month, only=place)
        checks = [*level_checks(Region.Level.PREFECTURE, areas, subject, year).values(),
                  *level_checks(Region.Level.PROVINCE, totals, subject, year).values()]
    ranked = province_ranking(place, subject, year, month)
    return render(request, "web/compare.html", {
        "province": place, "indicator": subject, "year": year, "month": month, "period": f"{year}-{month:02d}",
        "areas": areas, "total": totals[0] if totals else None, "checks": checks, "ranked": ranked,
        "chart": _chart(ranked),
        "provinces": _provinces(), "indicators": Indicator.objects.order_by("sort_order", "code"),
        "lights": LIGHT_WORDS, "bases": BASES,
    })

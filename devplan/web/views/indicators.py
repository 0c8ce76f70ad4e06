"""One indicator of a region and year: targets (original and adjusted), the monthly chart, every revision
of every month with who, when, why and the value before and after, and the source sentence."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from devplan.accounts.access import indicator_access
from devplan.api.payloads import figures_by_month, series_payload
from devplan.indicators.judged import judge_region
from devplan.indicators.models import Figure, Responsibility
from devplan.indicators.services import target_history
from devplan.web.periods import MONTHS, check_year, indicator_by_code, region_by_code
from devplan.web.views.common import require


@dataclass(frozen=True)
class Change:
    figure: Figure
    before: Figure | None


def _changes(months: dict[int, list[Figure]]) -> list[tuple[int, list[Change]]]:
    """Per month, newest first: each revision beside the one it replaced."""
    rows = []
    for month, revisions in sorted(months.items(), reverse=True):
        changes = [Change(f, revisions[i - 1] if i else None) for i, f in enumerate(revisions)]
        rows.append((month, list(reversed(changes))))
    return rows


LIGHT_WORDS = {"green": "绿灯", "yellow": "黄灯", "red": "红灯", "none": "无"}


def _month(request: HttpRequest) -> int:
    """`?month=M` (the assessment through month M), December — the year's latest — by default; ASCII digits
    only, as every door reads a month (str.isdigit would take "１１")."""
    text = request.GET.get("month", "12")
    if not (text.isascii() and text.isdigit()) or int(text) not in MONTHS:
        raise Http404("没有这个月份")
    return int(text)


@login_required
def indicator_page(request: HttpRequest, region: str, code: str, year: int) -> HttpResponse:
    place = region_by_code(region)
    indicator = indicator_by_code(code)
    check_year(year)
    require(indicator_access(request.user, place, indicator).read)
    owner = Responsibility.objects.filter(region=place, indicator=indicator).select_related("department").first()
    month = _month(request)
    (judged,) = judge_region(place, year, month, only=indicator)
    return render(request, "web/indicator.html", {
        "region": place,
        "indicator": indicator,
        "year": year,
        "month": month,
        "month_choices": MONTHS,
        "judged": judged,
        "lights": LIGHT_WORDS,
        "owner": owner.department if owner else None,
        "targets": target_history(place, indicator, year),
        "months": _changes(figures_by_month(place, indicator, year)),
        "series": series_payload(place, indicator, year),
    })

"""数据质量: a region's reporters over the year up to a month (on time, missing after the deadline, returned,
revised after approval, warnings confirmed), and for an area each region under it with its reporting up;
every count opens the items behind it (`collection.quality`)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from devplan.accounts.access import oversight_access
from devplan.collection.quality import area_scorecards, region_scorecards
from devplan.recording.clock import current_month
from devplan.regions.models import Region
from devplan.web.periods import check_month, region_by_code
from devplan.web.views.common import period_context, require

READERS = "只有本级或上级发改局（计划科）、领导和系统管理员可以查看数据质量"


@login_required
def quality_page(request: HttpRequest, region: str, year: int, month: int) -> HttpResponse:
    place = region_by_code(region)
    check_month(year, month)
    require(oversight_access(request.user, place).read, READERS)
    if (year, month) > current_month():
        raise Http404(f"{year}年{month}月还没有到，没有数据质量可看")
    return render(request, "web/quality.html", {
        "region": place, "cards": region_scorecards(place, year, month),
        "below": area_scorecards(place, year, month) if place.level != Region.Level.COUNTY else [],
        **period_context(year, month),
    })

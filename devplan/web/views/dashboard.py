"""The dashboard of a region and month."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from devplan.accounts.access import region_access, regions_of
from devplan.supervision.summary import counts as supervision_counts
from devplan.web.dashboard import dashboard_context
from devplan.web.periods import (
    check_come,
    chosen_month,
    default_period,
    home_region,
    region_by_code,
)
from devplan.web.views.common import period_context, require
from devplan.web.views.measures import measure_summaries


@login_required
def dashboard_default(request: HttpRequest) -> HttpResponse:
    """The user's region and its latest month, or the region and month chosen in the page's switcher
    (?region=CODE&period=YYYY-MM)."""
    code, period = request.GET.get("region"), request.GET.get("period")
    region = region_by_code(code) if code else home_region(request.user)
    year, month = chosen_month(period, "所选年月") if period else default_period(region)
    return redirect("web:dashboard", region=region.code, year=year, month=month)


@login_required
def dashboard(request: HttpRequest, region: str, year: int, month: int) -> HttpResponse:
    place = region_by_code(region)
    check_come(year, month)
    access = region_access(request.user, place)
    require(access.read)
    context = dashboard_context(request.user, place, year, month)
    return render(request, "web/dashboard.html", {
        "region": place, "can_review": access.write, **period_context(year, month), **context,
        "regions": regions_of(request.user), "period": f"{year}-{month:02d}",
        "measures": measure_summaries(place, year, month),
        "supervision": supervision_counts(place, year),
    })

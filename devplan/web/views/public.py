"""The public page (no login): the official figures of the main indicators, nothing in draft or waiting
for approval, and none of the names of who recorded them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from devplan.indicators.models import Figure
from devplan.regions.models import Region
from devplan.web.dashboard import cards, progress_chart
from devplan.web.periods import check_year, default_period, region_by_code


def public_index(request: HttpRequest) -> HttpResponse:
    regions = Region.objects.filter(pk__in=Figure.objects.values("region")).order_by("code")
    return render(request, "web/public_index.html", {"regions": regions})


def public_region(request: HttpRequest, region: str, year: int | None = None) -> HttpResponse:
    place = region_by_code(region)
    if year is None:
        return redirect("web:public_year", region=place.code, year=default_period(place)[0])
    check_year(year)
    items = cards(None, place, year)
    return render(request, "web/public.html", {
        "region": place, "year": year, "cards": items, "chart": progress_chart(items),
    })

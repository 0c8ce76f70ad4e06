"""The JSON API (django-ninja); OpenAPI at /api/openapi.json and /openapi.json."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import NinjaAPI

from devplan.indicators.status import indicator_status
from devplan.lib.periods import end_of_month, parse_month
from devplan.regions.lookup import find_region

api = NinjaAPI(title="devplan API", version="1", urls_namespace="api")


@api.get("/status", summary="某地区某年度主要指标完成情况（同 devplan status --json）")
def status(request: HttpRequest, region: str, year: int, as_of: str | None = None) -> list[dict[str, Any]]:
    moment = None
    if as_of:
        y, m = parse_month(as_of, field="as_of")
        moment = end_of_month(y, m, settings.TIME_ZONE)
    return indicator_status(find_region(region), year, moment)

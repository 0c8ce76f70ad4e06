"""`POST /api/observations`: a department records a figure for an indicator it is responsible for.

An accepted call adds an official `Figure` revision at once (source "api", recorded by the caller) and
overwrites nothing; web submissions, by contrast, wait for a planner's approval (docs/web.md).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from devplan.accounts.access import indicator_access
from devplan.api.errors import FORBIDDEN
from devplan.api.security import session
from devplan.collection.checks import parse_decimal
from devplan.collection.workflow import record_observation
from devplan.indicators.services import find_indicator
from devplan.lib.jsonnum import to_number
from devplan.lib.periods import format_month, parse_month
from devplan.regions.lookup import find_region

router = Router(tags=["数据报送"])

Number = int | float | str | None


class Observation(Schema):
    region: str
    indicator: str
    through: str
    value: Number = None
    growth_pct: Number = None
    note: str = ""


class Recorded(Schema):
    region: str
    indicator: str
    through: str
    value: float | None
    growth_pct: float | None
    note: str
    revision: int
    recorded_by: str
    recorded_at: str


class Detail(Schema):
    detail: str


@router.post(
    "/observations",
    auth=session,
    response={201: Recorded, 403: Detail},
    summary="部门报送指标数据（1至当月累计）；每次接受的报送都新增一个修订，不覆盖任何记录",
)
def post_observation(request: HttpRequest, observation: Observation) -> Any:
    region = find_region(observation.region)
    indicator = find_indicator(observation.indicator)
    if not indicator_access(request.user, region, indicator).write:
        return Status(403, {"detail": FORBIDDEN})
    year, month = parse_month(observation.through, field="through")
    figure = record_observation(
        request, region, indicator, year, month,
        value=parse_decimal(observation.value, "value（累计值）"),
        growth_pct=parse_decimal(observation.growth_pct, "growth_pct（同比增长）"),
        note=observation.note,
    )
    return Status(201, {
        "region": region.code,
        "indicator": indicator.code,
        "through": format_month(year, month),
        "value": to_number(figure.value),
        "growth_pct": to_number(figure.growth_pct),
        "note": figure.note,
        "revision": figure.revision,
        "recorded_by": figure.who,
        "recorded_at": figure.recorded_at.isoformat(),
    })

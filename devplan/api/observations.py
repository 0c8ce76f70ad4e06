"""`POST /api/observations`: a department records a figure for an indicator it is responsible for.

An accepted call adds an official `Figure` revision at once (source "api", recorded by the caller) and
overwrites nothing; web submissions, by contrast, wait for a planner's approval (docs/web.md).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from devplan.accounts.access import indicator_access
from devplan.api.errors import FORBIDDEN, SESSION, errors
from devplan.api.payloads import NumberIn, Text
from devplan.api.security import session
from devplan.collection.checks import parse_decimal
from devplan.collection.workflow import record_observation
from devplan.indicators.services import find_indicator
from devplan.lib.jsonnum import to_number
from devplan.lib.periods import format_month, parse_month
from devplan.regions.lookup import find_region

router = Router(tags=["数据报送"])



class Observation(Schema):
    region: Text = Field(description="行政区代码或名称", examples=["湘乡市"])
    indicator: Text = Field(description="指标代码", examples=["gdp"])
    through: Text = Field(description="1月至该月（YYYY-MM）", examples=["2023-12"])
    value: NumberIn = Field(None, description="累计值", examples=[610.5])
    growth_pct: NumberIn = Field(None, description="同比增长（%）", examples=[4.1])
    note: Text = Field("", examples=["初步核算"])


class Recorded(Schema):
    region: str
    indicator: str
    through: str
    value: int | float | None
    growth_pct: int | float | None
    note: str
    revision: int
    recorded_by: str
    recorded_at: str


@router.post(
    "/observations",
    auth=session,
    response={201: Recorded, **errors(400, *SESSION, 404, 409, 422)},
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

"""`POST /api/observations`: a figure for an indicator, through the one door (`devplan.recording`).

A department's figure waits for a planner's approval like one from the web form: 202 with the submission.
A planner's or admin's own figure is official at once: 201 with the new revision. Nothing is overwritten.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from devplan.accounts.access import indicator_access, region_access
from devplan.api.errors import FORBIDDEN, SESSION, errors
from devplan.api.payloads import REASON_DESCRIPTION, Body, NumberIn, Text, WarningOut
from devplan.api.security import session
from devplan.indicators.services import find_indicator
from devplan.lib.jsonnum import with_text
from devplan.lib.periods import format_month, parse_month
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.rows import FigureRow
from devplan.recording.service import reason_or, write
from devplan.regions.lookup import find_region

READ_ONLY = "您可以查看{region}的{indicator}，但不能报送：只有{region}负责该指标的部门和{region}发改局可以写入"

router = Router(tags=["数据报送"])


class Observation(Body):
    region: Text = Field(description="行政区代码或名称", examples=["湘乡市"])
    indicator: Text = Field(description="指标代码", examples=["gdp"])
    through: Text = Field(description="1月至该月（YYYY-MM）", examples=["2023-12"])
    value: NumberIn = Field(None, description="累计值", examples=[610.5])
    growth_pct: NumberIn = Field(None, description="同比增长（%）", examples=[4.1])
    estimate_value: NumberIn = Field(None, description="全年预计值", examples=[None])
    estimate_growth_pct: NumberIn = Field(None, description="全年预计增长（%）", examples=[None])
    note: Text = Field("", description="备注；累计值比上期小时须写明原因", examples=["初步核算"])
    reason: Text = Field("", description=REASON_DESCRIPTION + "；不写时以 note 为原因", examples=["统计局反馈修订"])


class Recorded(Schema):
    region: str
    indicator: str
    through: str
    value: int | float | None
    value_text: str | None = Field(description="累计值，按报送时的小数位（如 \"12.70\"），与页面显示一致")
    growth_pct: int | float | None
    growth_pct_text: str | None = Field(description="同比增长（%），按报送时的小数位")
    note: str
    revision: int | None
    change_set: int | None
    recorded_by: str
    recorded_at: str
    warnings: list[WarningOut] = []


class Submitted(Schema):
    submission: int | None
    status: str
    warnings: list[WarningOut] = []


@router.post(
    "/observations",
    auth=session,
    response={200: Submitted, 201: Recorded, 202: Submitted, **errors(400, *SESSION, 404, 409, 422)},
    summary="报送指标数据（1至当月累计）：部门报送待发改局审核（202），发改局或管理员的数据直接成为正式修订（201）；与已有数据相同则不重复记录（200）",
)
def post_observation(request: HttpRequest, observation: Observation) -> Any:
    region = find_region(observation.region)
    indicator = find_indicator(observation.indicator)
    access = indicator_access(request.user, region, indicator)
    if not (access.write or region_access(request.user, region).write):
        return Status(403, {"detail": READ_ONLY.format(region=region.name, indicator=indicator.name)
                            if access.read else FORBIDDEN})
    year, month = parse_month(observation.through, field="through", any_year=True)
    # A key left out of the body keeps the month's previous value; a key sent as null clears it.
    raw = observation.model_dump(include={"value", "growth_pct", "estimate_value", "estimate_growth_pct", "note"},
                                 exclude_unset=True)
    outcome = write(Actor.of_request(request, Door.API), [FigureRow(region, indicator, year, month, raw)],
                    reason=reason_or(observation.reason, observation.note))
    warnings = [problem.as_json() for problem in outcome.warnings]
    if outcome.submissions:
        return Status(202, {"submission": outcome.submissions[0].pk, "status": "submitted", "warnings": warnings})
    if not outcome.revisions:
        # The same values as the official figure or the waiting submission: nothing new to record.
        return Status(200, {"submission": None, "status": "unchanged", "warnings": warnings})
    figure = outcome.revisions[0]
    return Status(201, {
        "region": region.code,
        "indicator": indicator.code,
        "through": format_month(year, month),
        **with_text("value", figure.stated("value")),  # type: ignore[attr-defined]
        **with_text("growth_pct", figure.stated("growth_pct")),  # type: ignore[attr-defined]
        "note": figure.note,  # type: ignore[attr-defined]
        "revision": figure.revision,
        "change_set": figure.change_set_id,
        "recorded_by": figure.who,
        "recorded_at": figure.recorded_at.isoformat(),
        "warnings": warnings,
    })

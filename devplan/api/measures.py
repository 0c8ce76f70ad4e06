"""`POST /api/measures`: a month's year-to-date figure of 争资争项, 招商引资 or a plan task (主要任务) — the
unstaged figure judged against the target, or a pipeline stage — through the one door (`devplan.recording`).
The department responsible for the series sends it for a planner's approval (202), like an indicator's figure;
a planner's or admin's is official at once (201); the same values again change nothing (200)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status
from pydantic import Field

from devplan.api.errors import SESSION, errors
from devplan.api.payloads import Body, NumberIn, Text, WriteOut
from devplan.api.security import session
from devplan.lib.errors import UsageError
from devplan.lib.periods import format_month, parse_month
from devplan.measures.kinds import kind_of
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.service import write
from devplan.regions.lookup import find_region

router = Router(tags=["数据报送"])

NUMBERS = ("value", "count", "total", "note")


class MeasureIn(Body):
    region: Text = Field(description="行政区代码或名称", examples=["湘乡市"])
    kind: Text = Field(description="funds（争资争项）/ attraction（招商引资）/ tasks（主要任务）", examples=["funds"])
    measure: Text = Field(description="资金来源、招商指标或任务的代码", examples=["special_bonds"])
    stage: Text = Field("", description="流程环节（空为与年度目标比较的累计数）：funds 的 planned/applied/approved/arrived，"
                                        "attraction 的 negotiating/signed/started/producing", examples=["applied"])
    chain: Text = Field("", description="产业链（只用于 attraction 的流程环节）", examples=[""])
    through: Text = Field(description="1月至该月（YYYY-MM）", examples=["2024-05"])
    value: NumberIn = Field(None, description="1至当月累计值（金额、到位资金或完成值）", examples=[3.2])
    count: NumberIn = Field(None, description="项目个数", examples=[4])
    total: NumberIn = Field(None, description="项目总投资或合同引资", examples=[None])
    note: Text = Field("", description="备注", examples=[""])


class MeasureOut(WriteOut):
    kind: str
    measure: str
    stage: str
    chain: str


@router.post("/measures", auth=session,
             response={200: MeasureOut, 201: MeasureOut, 202: MeasureOut, **errors(400, *SESSION, 404, 409, 422)},
             summary="报送争资争项、招商引资或主要任务的1至当月累计数：责任部门报送待发改局审核（202），发改局或管理员的直接成为"
                     "正式修订（201）；与已有数据相同则不重复记录（200）")
def post_measure(request: HttpRequest, body: MeasureIn) -> Any:
    region = find_region(body.region)
    kind = kind_of(body.kind)
    year, month = parse_month(body.through, field="through", any_year=True)
    if kind.one_series(region, year, body.measure) is None:
        raise UsageError(f"{kind.name}没有代码为“{body.measure}”的指标（{region.name}{year}年）")
    if body.stage and body.stage not in kind.stages:
        raise UsageError(f"stage 应为 {'、'.join(kind.stages) or '空'} 之一，而不是“{body.stage}”")
    if body.chain and not (body.stage and "chain" in kind.figure.identity_fields):
        raise UsageError("chain（产业链）只用于招商引资的流程环节")
    # Left out of the body: not part of this revision (a measure figure carries no field from the previous one).
    raw = body.model_dump(include=set(NUMBERS), exclude_unset=True)
    row = kind.figure_row(region, year, month, body.measure, raw, stage=body.stage, chain=body.chain)
    outcome = write(Actor.of_request(request, Door.API), [row])
    shown = {"kind": kind.key, "measure": body.measure, "stage": body.stage, "chain": body.chain,
             "through": format_month(year, month), "warnings": [problem.as_json() for problem in outcome.warnings]}
    if outcome.submissions:
        return Status(202, {**shown, "status": "submitted", "submission": outcome.submissions[0].pk})
    if outcome.revisions:
        return Status(201, {**shown, "status": "recorded", "revision": outcome.revisions[0].revision,
                            "change_set": outcome.change_set.pk if outcome.change_set else None})
    return Status(200, {**shown, "status": "unchanged"})

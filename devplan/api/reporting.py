"""Reporting up (`GET /api/reporting`, `POST /api/reporting/{region}/{period}/accept|return`): the months the
regions under an area reported by locking them, as the area sees them, and the area planners' answer."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Path, Query, Router, Schema, Status
from pydantic import Field

from devplan.accounts.access import area_access, report_access
from devplan.api.errors import SESSION, errors
from devplan.api.payloads import Body, Text, refuse_body
from devplan.api.security import session
from devplan.collection.reporting import Reported, month_states
from devplan.lib.errors import NotFound
from devplan.lib.periods import format_month, parse_month
from devplan.recording.actors import Actor
from devplan.recording.clock import check_past
from devplan.recording.models import Door
from devplan.recording.periods import accept_report, return_report
from devplan.regions.lookup import find_region
from devplan.regions.models import Region

router = Router(tags=["逐级上报"], auth=session)

FORBIDDEN_READ = "只有本级发改委（计划科）、领导和系统管理员可以查看所辖地区的上报情况"
FORBIDDEN_WRITE = "只有上一级地区的发改委（计划科）和系统管理员可以接收或退回上报的月份"
AREA = Query(..., description="市（州）或省的代码或名称")
PERIOD = Query(..., description="YYYY-MM")
REGION = Path(..., description="上报地区的代码或名称")
MONTH = Path(..., description="YYYY-MM")


class ReportedOut(Schema):
    region: str
    name: str
    state: str
    state_words: str
    reported_at: str | None
    on_time: bool | None
    comment: str


class Reporting(Schema):
    area: str
    period: str
    regions: list[ReportedOut]


class ReturnBody(Body):
    comment: Text = Field(description="退回意见（必填），会转给报送地区并记入操作日志", examples=["固定资产投资增速与项目进度不符，请核实"])


class Answer(Schema):
    region: str
    period: str
    state: str


def _reported(item: Reported) -> dict[str, Any]:
    return {"region": item.region.code, "name": item.region.name, "state": item.state, "state_words": item.words,
            "reported_at": item.reported_at.isoformat() if item.reported_at else None, "on_time": item.on_time,
            "comment": item.comment}


@router.get("/reporting", response={200: Reporting, **errors(*SESSION, 404, 422)},
            summary="所辖各地区某月的上报情况：未上报、待接收、已接收、已退回，是否按时")
def reporting(request: HttpRequest, area: Text = AREA, period: Text = PERIOD) -> Any:
    place = find_region(area)
    year, month = parse_month(period, field="period")
    if not area_access(request.user, place).read:
        return Status(403, {"detail": FORBIDDEN_READ})
    if place.level == Region.Level.COUNTY:
        raise NotFound(f"{place.name}是县级行政区，没有所辖地区，也没有下级向它上报")
    check_past(year, month, field="period")
    return {"area": place.code, "period": format_month(year, month),
            "regions": [_reported(item) for item in month_states(place, year, month)]}


def _decide(request: HttpRequest, region: str, period: str, comment: str | None) -> Any:
    place = find_region(region)
    year, month = parse_month(period, field="period")
    if not report_access(request.user, place).write:
        return Status(403, {"detail": FORBIDDEN_WRITE})
    actor = Actor.of_request(request, Door.API)
    if comment is None:
        accept_report(actor, place, year, month)
        state = "accepted"
    else:
        return_report(actor, place, year, month, comment)
        state = "returned"
    return {"region": place.code, "period": format_month(year, month), "state": state}


@router.post("/reporting/{region}/{period}/accept", response={200: Answer, **errors(*SESSION, 404, 409, 422)},
             summary="接收下级上报的月份；尚未上报或已处理过的答 409")
def accept(request: HttpRequest, region: str = REGION, period: str = MONTH) -> Any:
    refuse_body(request)
    return _decide(request, region, period, None)


@router.post("/reporting/{region}/{period}/return", response={200: Answer, **errors(400, *SESSION, 404, 409, 422)},
             summary="退回下级上报的月份（须写明意见）：该月在下级重新开启")
def give_back(request: HttpRequest, body: ReturnBody, region: str = REGION, period: str = MONTH) -> Any:
    return _decide(request, region, period, body.comment)

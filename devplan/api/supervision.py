"""督办 (`GET /api/supervision`, `POST /api/supervision/{id}/answer|return|close`): a region's items of a year
with their steps, and the next step of one — the same workflow as the pages (`supervision.workflow`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Path, Query, Router, Schema, Status
from pydantic import Field

from devplan.accounts.access import region_access, supervision_access
from devplan.api.errors import SESSION, errors
from devplan.api.payloads import Body, Text
from devplan.api.security import session
from devplan.lib.errors import NotFound
from devplan.lib.periods import parse_year
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.regions.lookup import find_region
from devplan.supervision import workflow
from devplan.supervision.models import Item
from devplan.supervision.summary import item_json, items

router = Router(tags=["督办"], auth=session)

FORBIDDEN_READ = "您不是该地区的成员，不能查看它的督办事项"
REGION = Query(..., description="行政区划代码或名称")
YEAR = Query(..., description="年度，如 2023")


class StepOut(Schema):
    action: str
    action_words: str
    text: str
    by: str
    at: str


class ItemOut(Schema):
    id: int
    year: int
    month: int
    kind: str
    subject: str
    subject_name: str
    reason: str
    assignee: str
    deadline: str
    state: str
    state_words: str
    overdue: bool
    proposed: bool
    opened_at: str
    closed_at: str | None
    steps: list[StepOut]


class Items(Schema):
    region: str
    year: int
    items: list[ItemOut]


class StepBody(Body):
    text: Text = Field(description="反馈的原因和措施，或退回、销号的意见（至少 4 个字）",
                       examples=["1—10月固定资产投资低于序时进度，主要因两个续建项目资金未到位；已协调专项债资金，11月底前到位。"])


@router.get("/supervision", response={200: Items, **errors(*SESSION, 404, 422)},
            summary="某地区某年度的督办事项及办理记录（逾期的在前）")
def supervision(request: HttpRequest, region: Text = REGION, year: Text = YEAR) -> Any:
    place = find_region(region)
    chosen = parse_year(year, field="year")
    if not region_access(request.user, place).read:
        return Status(403, {"detail": FORBIDDEN_READ})
    return {"region": place.code, "year": chosen, "items": [item_json(item) for item in items(place, chosen)]}


def _step(request: HttpRequest, pk: int, action: str, text: str) -> Any:
    item = Item.objects.select_related("region", "department").filter(pk=pk).first()
    if item is None or not supervision_access(request.user, item).read:
        raise NotFound(f"没有编号为 {pk} 的督办事项")
    step = workflow.STEPS[action]
    return item_json(step(Actor.of_request(request, Door.API), item, text))


ID = Path(..., description="督办事项编号")


@router.post("/supervision/{pk}/answer", response={200: ItemOut, **errors(400, *SESSION, 404, 409, 422)},
             summary="责任单位反馈督办事项（原因和措施）；不在督办中的答 409")
def answer(request: HttpRequest, body: StepBody, pk: int = ID) -> Any:
    return _step(request, pk, "answer", body.text)


@router.post("/supervision/{pk}/return", response={200: ItemOut, **errors(400, *SESSION, 404, 409, 422)},
             summary="发改局退回反馈，要求重新反馈（须写明意见）")
def give_back(request: HttpRequest, body: StepBody, pk: int = ID) -> Any:
    return _step(request, pk, "return", body.text)


@router.post("/supervision/{pk}/close", response={200: ItemOut, **errors(400, *SESSION, 404, 409, 422)},
             summary="发改局销号（须写明意见）；尚未反馈或已销号的答 409")
def close(request: HttpRequest, body: StepBody, pk: int = ID) -> Any:
    return _step(request, pk, "close", body.text)

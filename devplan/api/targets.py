"""`GET` and `PUT /api/targets/{region}/{indicator}/{year}`: read an annual target, and change it as a new
revision on the copy one read. A `PUT` names the revision it was based on (`base_revision`); if someone
stored a newer one meanwhile, the answer is 409 with both versions and nothing is stored (docs/contract.md)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Path, Router, Schema, Status
from pydantic import Field

from devplan.accounts.access import target_access
from devplan.api.errors import SESSION, errors
from devplan.api.payloads import FIRST_YEAR, LAST_YEAR, Body, NumberIn, TargetOut, Text, Whole, target_payload
from devplan.api.security import session
from devplan.indicators.models import Indicator, Target
from devplan.indicators.services import find_indicator, latest_target
from devplan.lib.errors import DevplanError, NotFound
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.rows import TargetRow
from devplan.recording.rules import Problem, Rejected
from devplan.recording.service import TargetChanged, write
from devplan.regions.lookup import find_region
from devplan.regions.models import Region

router = Router(tags=["目标与项目的修改"], auth=session)

FORBIDDEN_READ = "您无权查看该指标的目标：它不属于您所在的部门"
FORBIDDEN_EDIT = "您无权修改年度目标：只有本行政区的发改局（计划科）和系统管理员可以修改"
PATH = "/targets/{region}/{indicator}/{year}"
REGION = Path(..., description="行政区代码或名称", example="湘乡市")
INDICATOR = Path(..., description="指标代码", example="gdp")
YEAR = Path(..., ge=FIRST_YEAR, le=LAST_YEAR, description="年度", example=2023)
# Revision numbers are stored in a 32-bit column; a larger one could never be the latest.
LARGEST_REVISION = 2**31 - 2



class TargetBody(Body):
    """The complete new target (a revision stands on its own) and the revision it was based on."""

    base_revision: int = Field(ge=0, le=LARGEST_REVISION, description="读取时的最新修订号；尚无目标时为 0",
                               examples=[1])
    kind: Text = Field(description="level / growth / ceiling / in_step", examples=["level"])
    value: NumberIn = Field(None, description="目标值（in_step 时为空）", examples=[620])
    unit: Text = Field("", examples=["亿元"])
    qualifier: Text = Field("", description="以上 / 左右 / 以内 / 空", examples=["以上"])
    step_with: Text | None = Field(None, description="in_step 时同步的指标代码", examples=[None])
    adjusted: bool = Field(False, description="是否为正式调整后的目标（调整后）")
    reason: Text = Field(description="修改原因，必填", examples=["县政府常务会议调整"])
    source: Text = Field("", description="出处原文")
    source_document: Text = Field("", description="出处文件")


class TargetRevision(TargetOut):
    region: str
    indicator: str
    year: int


class TargetConflict(Schema):
    detail: str
    yours: dict[str, Any]
    theirs: TargetRevision | None


def payload(target: Target) -> dict[str, Any]:
    return {"region": target.region.code, "indicator": target.indicator.code, "year": target.year,
            **target_payload(target)}


def _row(body: TargetBody, region: Region, indicator: Indicator, year: int) -> TargetRow:
    step_with = None
    if body.step_with:
        step_with = Indicator.objects.filter(code=body.step_with).first()
        if step_with is None:
            raise DevplanError(f"step_with：没有代码为“{body.step_with}”的指标")
    if not body.reason.strip():
        raise Rejected([Problem("reason_given", "reason", "请在 reason 中写明修改原因：目标的每次修订都要留下原因")])
    raw = {"kind": body.kind, "value": body.value, "unit": body.unit, "qualifier": body.qualifier,
           "step_with": step_with, "adjusted": body.adjusted, "source": body.source}
    return TargetRow(region, indicator, year, raw, base_revision=body.base_revision)


@router.get(PATH, response={200: TargetRevision, **errors(*SESSION, 404, 422)},
            summary="某指标某年度年度目标的最新修订（修改时以其 revision 作为 base_revision）")
def get_target(
    request: HttpRequest, region: Text = REGION, indicator: Text = INDICATOR, year: Whole = YEAR
) -> Any:
    place, subject = find_region(region), find_indicator(indicator)
    if not target_access(request.user, place, subject).read:
        return Status(403, {"detail": FORBIDDEN_READ})
    target = latest_target(place, subject, year)
    if target is None:
        raise NotFound(f"{place.name}尚未设定{subject.name}{year}年的年度目标")
    return payload(target)


@router.put(
    PATH,
    response={200: TargetRevision, 409: TargetConflict, **errors(400, *SESSION, 404, 422)},
    summary="修改年度目标：基于读取时的修订号（base_revision）新增一个修订；期间已被他人修改则 409，不覆盖",
)
def put_target(
    request: HttpRequest, body: TargetBody, region: Text = REGION, indicator: Text = INDICATOR, year: Whole = YEAR
) -> Any:
    place, subject = find_region(region), find_indicator(indicator)
    if not target_access(request.user, place, subject).write:
        return Status(403, {"detail": FORBIDDEN_EDIT})
    actor = Actor.of_request(request, Door.API)
    try:
        outcome = write(actor, [_row(body, place, subject, year)], reason=body.reason.strip(),
                        upload=None)
    except TargetChanged as conflict:
        theirs = payload(conflict.theirs) if conflict.theirs is not None else None
        return Status(409, {"detail": conflict.sentence(), "yours": body.model_dump(mode="json"), "theirs": theirs})
    target = outcome.revisions[0] if outcome.revisions else latest_target(place, subject, year)
    assert isinstance(target, Target)
    return payload(target)

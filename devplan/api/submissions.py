"""The planners' side of the approval policy in the API: the region's submissions, and approving or
returning one (`devplan.recording.service.approve` / `give_back`, the same decisions as the review page).
A decision on a submission already decided answers 409, so two planners can never both decide it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Path, Query, Router, Schema, Status
from pydantic import Field

from devplan.accounts.access import region_access
from devplan.api.errors import SESSION, errors
from devplan.api.payloads import Body, Text, refuse_body, stated_fields
from devplan.api.security import session
from devplan.collection.models import Submission
from devplan.lib.errors import UsageError
from devplan.lib.jsonnum import stated_number
from devplan.lib.periods import format_month, parse_month
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.service import approve, give_back
from devplan.regions.lookup import find_region

router = Router(tags=["数据审核"], auth=session)

FORBIDDEN = "只有本行政区的发改局（计划科）和系统管理员可以查看和审核填报"
ID = Path(..., description="填报编号", example=1)
REGION = Query(..., description="行政区代码或名称")
STATUS = Query(None, description="draft / submitted / approved / returned")
PERIOD = Query(None, description="YYYY-MM")


class SubmissionOut(Schema):
    id: int
    indicator: str | None
    project: str | None
    kind: str | None
    measure: str | None
    stage: str | None
    chain: str | None
    through: str
    value: int | float | None
    value_text: str | None
    growth_pct: int | float | None
    growth_pct_text: str | None
    estimate_value: int | float | None
    estimate_value_text: str | None
    estimate_growth_pct: int | float | None
    estimate_growth_pct_text: str | None
    count: int | float | None
    total: int | float | None
    note: str
    explanation: str
    warnings: list[str]
    status: str
    door: str
    file_name: str | None
    submitted_by: str | None
    submitted_at: str | None
    reviewed_by: str | None
    comment: str | None


class Decision(Schema):
    id: int
    status: str
    revision: int | None = None
    change_set: int | None = None


class ReturnBody(Body):
    comment: Text = Field(description="退回意见（必填），会转给填报单位", examples=["增速与上月差距较大，请核实"])


def _number(submission: Submission, key: str) -> int | float | None:
    text = submission.text(key)
    return stated_number(text) if text else None


def payload(submission: Submission) -> dict[str, Any]:
    return {
        "id": submission.pk,
        "indicator": submission.indicator.code if submission.indicator else None,
        "project": submission.project.ref if submission.project else None,
        "kind": submission.measure_kind or None,
        "measure": submission.measure or None,
        "stage": submission.stage or None,
        "chain": submission.chain or None,
        "through": format_month(submission.year, submission.month),
        **stated_fields(submission.stated),  # `value` is a project's completed investment
        "count": _number(submission, "count"),
        "total": _number(submission, "total"),
        "note": submission.note,
        "explanation": submission.explanation,
        "warnings": submission.warnings,
        "status": submission.status,
        "door": submission.door,
        "file_name": submission.file_name or None,
        "submitted_by": submission.submitted_by.get_username() if submission.submitted_by else None,
        "submitted_at": submission.submitted_at.isoformat() if submission.submitted_at else None,
        "reviewed_by": submission.reviewed_by.get_username() if submission.reviewed_by else None,
        "comment": submission.comment or None,
    }


@router.get("/submissions", response={200: list[SubmissionOut], **errors(*SESSION, 404, 422)},
            summary="本行政区的填报（发改局用）：可按状态和月份筛选")
def list_submissions(request: HttpRequest, region: Text = REGION, status: Text | None = STATUS,
                     period: Text | None = PERIOD) -> Any:
    place = find_region(region)
    if not region_access(request.user, place).write:
        return Status(403, {"detail": FORBIDDEN})
    rows = Submission.objects.filter(region=place).exclude(status=Submission.Status.DRAFT)
    if status:
        if status not in Submission.Status.values:
            raise UsageError(f"status 应为 {'/'.join(Submission.Status.values)} 之一，而不是“{status}”")
        rows = rows.filter(status=status)
    if period:
        year, month = parse_month(period, field="period")
        rows = rows.filter(year=year, month=month)
    rows = rows.select_related("indicator", "project", "submitted_by", "reviewed_by").order_by("year", "month", "pk")
    return [payload(s) for s in rows]


@router.post("/submissions/{id}/approve", response={200: Decision, **errors(*SESSION, 404, 409, 422)},
             summary="审核通过：填报的数据成为正式修订；已审核过的填报答 409")
def approve_submission(request: HttpRequest, id: int = ID) -> Any:
    refuse_body(request)
    submission = Submission.objects.select_related("region").filter(pk=id).first()
    if submission is None:
        return Status(404, {"detail": f"没有编号为 {id} 的填报"})
    if not region_access(request.user, submission.region).write:
        return Status(403, {"detail": FORBIDDEN})
    outcome = approve(Actor.of_request(request, Door.API), submission.pk)
    revision = outcome.revisions[0].revision if outcome.revisions else None
    return {"id": submission.pk, "status": "approved", "revision": revision,
            "change_set": outcome.change_set.pk if outcome.change_set else None}


@router.post("/submissions/{id}/return", response={200: Decision, **errors(400, *SESSION, 404, 409, 422)},
             summary="退回：须写明意见；已审核过的填报答 409")
def return_submission(request: HttpRequest, body: ReturnBody, id: int = ID) -> Any:
    submission = Submission.objects.select_related("region").filter(pk=id).first()
    if submission is None:
        return Status(404, {"detail": f"没有编号为 {id} 的填报"})
    if not region_access(request.user, submission.region).write:
        return Status(403, {"detail": FORBIDDEN})
    returned = give_back(Actor.of_request(request, Door.API), submission.pk, body.comment)
    return {"id": returned.pk, "status": returned.status}

"""`POST /api/progress`: a key project's monthly report (月度调度) through the one door — an owner's waits for
a planner's approval (202), a planner's is official at once (201); the same rules as the web form and the
Excel template (above the plan or the total, below last month's, a month skipped: say why in
`explanation`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status
from pydantic import Field

from devplan.accounts.access import project_access, region_access
from devplan.api.errors import SESSION, errors
from devplan.api.payloads import REASON_DESCRIPTION, Body, NumberIn, Text, WriteOut
from devplan.api.projects import find_project
from devplan.api.security import session
from devplan.lib.periods import format_month, parse_month
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.rows import ProgressRow
from devplan.recording.service import reason_or, write

router = Router(tags=["数据报送"])

FORBIDDEN = "您无权报送该项目的进度：只有项目业主单位和本行政区的发改局可以报送"


class ProgressIn(Body):
    project: Text = Field(description="项目登记编号", examples=["XX-003"])
    through: Text = Field(description="1月至该月（YYYY-MM）", examples=["2023-11"])
    completed: NumberIn = Field(None, description="本年1至当月累计完成投资（亿元）；不写则沿用该月已记录的值", examples=[1.6])
    status: Text = Field("", description="前期 / 新开工 / 续建 / 竣工投产，或空")
    narrative: Text = Field("", description="形象进度")
    problems: Text = Field("", description="存在问题")
    help_requested: Text = Field("", description="需协调解决事项")
    explanation: Text = Field("", description="偏差说明：超过年计划或总投资、低于上月、上月未报时写明原因")
    reason: Text = Field("", description=REASON_DESCRIPTION + "；不写时以 explanation 为原因")


class ProgressOut(WriteOut):
    project: str


@router.post("/progress", auth=session,
             response={200: ProgressOut, 201: ProgressOut, 202: ProgressOut, **errors(400, *SESSION, 404, 409, 422)},
             summary="报送重点项目月度进度：业主单位报送待发改局审核（202），发改局的直接成为正式修订（201）")
def post_progress(request: HttpRequest, body: ProgressIn) -> Any:
    project = find_project(body.project)
    if not (project_access(request.user, project).write or region_access(request.user, project.region).write):
        return Status(403, {"detail": FORBIDDEN})
    year, month = parse_month(body.through, field="through", any_year=True)
    # A key left out of the body keeps the month's recorded value (`recording.carry`); "" clears it.
    raw = body.model_dump(exclude={"project", "through", "reason"}, exclude_unset=True)
    outcome = write(Actor.of_request(request, Door.API), [ProgressRow(project, year, month, raw)],
                    reason=reason_or(body.reason, body.explanation))
    shown = {"project": project.ref, "through": format_month(year, month),
             "warnings": [problem.as_json() for problem in outcome.warnings]}
    if outcome.submissions:
        return Status(202, {**shown, "status": "submitted", "submission": outcome.submissions[0].pk})
    if outcome.revisions:
        return Status(201, {**shown, "status": "recorded", "revision": outcome.revisions[0].revision,
                            "change_set": outcome.change_set.pk if outcome.change_set else None})
    return Status(200, {**shown, "status": "unchanged"})

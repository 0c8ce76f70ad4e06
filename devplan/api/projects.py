"""`GET` and `PUT /api/projects/{ref}`: read a key project's registry row, and change it on the copy one
read; `GET` and `POST /api/projects/{ref}/milestones`: its milestones, and their dates set
(`recording.milestones`). A `PUT` names the `version` it read; if the project was changed meanwhile, the answer is 409 with both
versions and nothing is stored (docs/contract.md). Monthly progress is not edited here: it is reported
through the collection workflow and kept as revisions."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Path, Router, Schema, Status
from pydantic import Field

from devplan.accounts.access import project_access, project_edit_access
from devplan.api.errors import SESSION, errors
from devplan.api.payloads import Body, NumberIn, Text
from devplan.api.security import session
from devplan.lib.errors import NotFound
from devplan.lib.jsonnum import to_number
from devplan.projects.milestones import milestones
from devplan.projects.models import Project
from devplan.recording.actors import Actor
from devplan.recording.milestones import set_milestones
from devplan.recording.models import Door
from devplan.recording.registry import ProjectChanged, edit_project, last_change

router = Router(tags=["目标与项目的修改"], auth=session)

FORBIDDEN_READ = "您无权查看该项目：它不属于您所在的行政区"
FORBIDDEN_EDIT = "您无权修改项目登记信息：只有本行政区的发改局（计划科）和系统管理员可以修改"

REF = Path(..., description="项目登记编号", example="XX-003")
# Versions are stored in a 32-bit column; a larger one could never be the current one.
LARGEST_VERSION = 2**31 - 2



class ProjectBody(Body):
    """`version` and the fields to change; a field left out keeps its value."""

    version: int = Field(ge=1, le=LARGEST_VERSION, description="读取时的版本号", examples=[1])
    name: Text | None = Field(None, description="项目名称", examples=["韶峰南方物流大道"])
    owner: Text | None = Field(None, description="业主单位")
    department: Text | None = Field(None, description="责任单位（本行政区的部门名称）", examples=["住建局"])
    leader: Text | None = Field(None, description="责任领导")
    location: Text | None = Field(None, description="建设地点")
    sector: Text | None = Field(None, description="行业")
    start_year: int | None = Field(None, description="开始年度")
    end_year: int | None = Field(None, description="结束年度")
    total_investment: NumberIn = Field(None, description="总投资（亿元）", examples=[31.5])
    status: Text | None = Field(None, description="前期 / 新开工 / 续建 / 竣工投产", examples=["续建"])
    planned_start: date | None = Field(None, description="计划开工日期")
    actual_start: date | None = Field(None, description="实际开工日期")
    planned_completion: date | None = Field(None, description="计划竣工日期")
    actual_completion: date | None = Field(None, description="实际竣工日期")
    funding_source: Text | None = Field(None, description="资金来源")
    keeps_location: bool | None = Field(None, description="上传的照片是否保留 GPS 拍摄位置（默认不保留）")
    note: Text | None = Field(None, description="备注", examples=["调增总投资"])


class ProjectOut(Schema):
    ref: str
    code: str | None
    region: str
    name: str
    owner: str
    department: str | None
    leader: str
    location: str
    sector: str
    start_year: int | None
    end_year: int | None
    total_investment: int | float | None
    status: str
    planned_start: str | None
    actual_start: str | None
    planned_completion: str | None
    actual_completion: str | None
    funding_source: str
    keeps_location: bool
    illustrative: bool
    note: str
    version: int
    changed_by: str | None
    changed_at: str | None


class ProjectConflict(Schema):
    detail: str
    yours: dict[str, Any]
    theirs: ProjectOut


def find_project(ref: str) -> Project:
    project = Project.objects.select_related("region", "department").filter(ref=ref).first()
    if project is None:
        raise NotFound(f"没有登记编号为“{ref}”的项目")
    return project


def payload(project: Project) -> dict[str, Any]:
    last = last_change(project)
    return {
        "ref": project.ref,
        "code": project.code,
        "region": project.region.code,
        "name": project.name,
        "owner": project.owner,
        "department": project.department.name if project.department else None,
        "leader": project.leader,
        "location": project.location,
        "sector": project.sector,
        "start_year": project.start_year,
        "end_year": project.end_year,
        "total_investment": to_number(project.total_investment),
        "status": project.status,
        **{name: getattr(project, name).isoformat() if getattr(project, name) else None
           for name in ("planned_start", "actual_start", "planned_completion", "actual_completion")},
        "funding_source": project.funding_source,
        "keeps_location": project.keeps_location,
        "illustrative": project.illustrative,
        "note": project.note,
        "version": project.version,
        "changed_by": last.actor_name or None if last else None,
        "changed_at": last.at.isoformat() if last else None,
    }


def _changes(body: ProjectBody) -> dict[str, Any]:
    changes = body.model_dump(exclude_unset=True)
    changes.pop("version")
    return changes


@router.get("/projects/{ref}", response={200: ProjectOut, **errors(*SESSION, 404, 422)},
            summary="重点项目的登记信息（修改时以其 version 为准）")
def get_project(request: HttpRequest, ref: Text = REF) -> Any:
    project = find_project(ref)
    if not project_edit_access(request.user, project).read:
        return Status(403, {"detail": FORBIDDEN_READ})
    return payload(project)


@router.put(
    "/projects/{ref}",
    response={200: ProjectOut, 409: ProjectConflict, **errors(400, *SESSION, 404, 422)},
    summary="修改重点项目登记信息：须带读取时的版本号（version）；期间已被他人修改则 409，不覆盖",
)
def put_project(request: HttpRequest, body: ProjectBody, ref: Text = REF) -> Any:
    project = find_project(ref)
    if not project_edit_access(request.user, project).write:
        return Status(403, {"detail": FORBIDDEN_EDIT})
    yours = body.model_dump(mode="json", exclude_unset=True)
    try:
        edited = edit_project(Actor.of_request(request, Door.API), project, body.version, _changes(body))
    except ProjectChanged as conflict:
        return Status(409, {"detail": conflict.sentence(), "yours": yours, "theirs": payload(conflict.theirs)})
    return payload(edited)


class MilestoneOut(Schema):
    key: str = Field(description="approval 立项 / land 用地 / eia 环评 / permit 施工许可 / start 开工 / completion 竣工")
    name: str
    planned: str | None
    actual: str | None
    overdue: bool = Field(description="计划日期已过而未完成（以 judged_on 为准）")
    overdue_days: int
    illustrative: bool


class MilestonesOut(Schema):
    ref: str
    judged_on: str = Field(description="判断是否逾期所依据的日期：今天")
    version: int
    milestones: list[MilestoneOut]


class DatesIn(Body):
    planned: date | None = Field(None, description="计划完成日期（仅发改局可改）")
    actual: date | None = Field(None, description="实际完成日期")


class MilestonesBody(Body):
    """The dates to set by milestone key; a date left out keeps its value, null clears it."""

    dates: dict[str, DatesIn] = Field(description="节点 → 日期", examples=[{"permit": {"actual": "2023-08-10"}}])
    reason: Text | None = Field(None, description="说明（记入修改记录）", examples=["取得施工许可证"])


def _milestones(project: Project) -> dict[str, Any]:
    today = timezone.localdate()
    return {"ref": project.ref, "judged_on": today.isoformat(), "version": project.version,
            "milestones": [step.json(today) for step in milestones(project)]}


@router.get("/projects/{ref}/milestones", response={200: MilestonesOut, **errors(*SESSION, 404, 422)},
            summary="重点项目的审批与建设节点（立项、用地、环评、施工许可、开工、竣工）及是否逾期")
def get_milestones(request: HttpRequest, ref: Text = REF) -> Any:
    project = find_project(ref)
    if not project_access(request.user, project).read:
        return Status(403, {"detail": FORBIDDEN_READ})
    return _milestones(project)


@router.post("/projects/{ref}/milestones", response={200: MilestonesOut, **errors(400, *SESSION, 404, 422)},
             summary="填报节点日期：业主单位填实际完成日期，发改局（计划科）也可改计划日期")
def post_milestones(request: HttpRequest, body: MilestonesBody, ref: Text = REF) -> Any:
    project = find_project(ref)
    dates = {key: pair.model_dump(exclude_unset=True) for key, pair in body.dates.items()}
    return _milestones(set_milestones(Actor.of_request(request, Door.API), project, dates, body.reason or ""))

"""The planners' month: the approval queue (approve, or return with a comment), the completeness table
with the deadline, and the period lock with its history of locks and reopenings."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from devplan.accounts.access import region_access, submission_access
from devplan.collection.completeness import completeness
from devplan.collection.models import PeriodLock, Submission
from devplan.collection.reporting import month_states, returned
from devplan.lib.errors import DevplanError
from devplan.projects.models import AnnualPlan
from devplan.recording import periods
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.service import approve, give_back, preview, submission_row
from devplan.regions.models import Region
from devplan.web.periods import check_month, default_period, home_region, region_by_code
from devplan.web.views.common import period_context, require

REVIEWERS_ONLY = "只有发改局（计划科）可以审核数据、锁定或重新开启月份"


def _back(region: Region, year: int, month: int) -> HttpResponse:
    return redirect("web:review", region=region.code, year=year, month=month)


@login_required
def review_default(request: HttpRequest) -> HttpResponse:
    region = home_region(request.user)
    year, month = default_period(region)
    return _back(region, year, month)


@login_required
def review_page(request: HttpRequest, region: str, year: int, month: int) -> HttpResponse:
    place = region_by_code(region)
    check_month(year, month)
    access = region_access(request.user, place)
    require(access.read)
    submissions = [
        s for s in Submission.objects.filter(region=place, year=year, month=month)
        .exclude(status=Submission.Status.DRAFT)
        .select_related("region", "indicator", "project", "submitted_by", "reviewed_by")
        if access.write or submission_access(request.user, s).read  # others' unpublished values stay theirs
    ]
    return render(request, "web/review.html", {
        "region": place,
        "can_review": access.write,
        "queue": [_queued(s) for s in submissions if s.status == Submission.Status.SUBMITTED],
        "done": [s for s in submissions if s.status != Submission.Status.SUBMITTED],
        "completeness": completeness(place, year, month),
        "locked": periods.is_locked(place, year, month),
        "returned": returned(place, year, month),
        "report": _reported_state(place, year, month),
        "has_below": place.level != Region.Level.COUNTY,
        "lock_history": PeriodLock.objects.filter(region=place, year=year, month=month).select_related("by"),
        **period_context(year, month, ahead=True),
    })


def _reported_state(region: Region, year: int, month: int) -> str | None:
    """How the area above sees the month (未上报, 已上报，待接收 …), None for a region with nothing above."""
    if region.parent is None:
        return None
    return next((item.words for item in month_states(region.parent, year, month) if item.region == region), None)


@dataclass(frozen=True)
class Queued:
    """A submission waiting for review and what the reviewer needs beside it: the door's warnings (stored
    when it was sent, and any the rules find now), and for a project its total investment and the year's
    plan."""

    submission: Submission
    warnings: list[str]
    plan: AnnualPlan | None = None


def _queued(submission: Submission) -> Queued:
    now = [problem.message for problem in preview(submission_row(submission))]
    warnings = [*submission.warnings, *(m for m in now if m not in submission.warnings)]
    plan = None
    if submission.project is not None:
        plan = AnnualPlan.objects.filter(project=submission.project, year=submission.year).first()
    return Queued(submission, warnings, plan)


@login_required
@require_POST
def review_submission(request: HttpRequest, pk: int) -> HttpResponse:
    submission = get_object_or_404(Submission.objects.select_related("region", "indicator", "project"), pk=pk)
    require(region_access(request.user, submission.region).write, REVIEWERS_ONLY)
    actor = Actor.of_request(request, Door.WEB)
    try:
        if request.POST.get("action") == "approve":
            outcome = approve(actor, submission.pk)
            done = (f"第 {outcome.revisions[0].revision} 次修订" if outcome.revisions
                    else "与现有正式数据相同，未新增修订")
            messages.success(request, f"已通过：{submission.subject_name}成为正式数据（{done}）。")
        else:
            give_back(actor, submission.pk, request.POST.get("comment", ""))
            messages.success(request, f"已退回：{submission.subject_name}，意见已转给填报单位。")
    except DevplanError as exc:
        messages.error(request, exc.sentence())
    return _back(submission.region, submission.year, submission.month)


@login_required
@require_POST
def review_period(request: HttpRequest, region: str, year: int, month: int) -> HttpResponse:
    place = region_by_code(region)
    check_month(year, month)
    require(region_access(request.user, place).write, REVIEWERS_ONLY)
    action = request.POST.get("action")
    actor = Actor.of_request(request, Door.WEB)
    try:
        if action == "lock":
            periods.lock_month(actor, place, year, month, request.POST.get("reason", ""))
            messages.success(request, f"{year}年{month}月已锁定：修改须先重新开启。")
        elif action == "reopen":
            periods.reopen_month(actor, place, year, month, request.POST.get("reason", ""))
            messages.success(request, f"{year}年{month}月已重新开启，原因已记录。")
        else:
            periods.set_deadline(actor, place, year, month, request.POST.get("due", ""))
            messages.success(request, f"{year}年{month}月数据的报送截止日已设定。")
    except DevplanError as exc:
        messages.error(request, exc.sentence())
    return _back(place, year, month)



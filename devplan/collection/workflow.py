"""The monthly collection workflow: draft → submitted → approved (an official figure or project progress
revision) or returned.

Every function is one transaction and writes one audit-log row. Callers decide access first (through
`devplan.accounts.access`); these functions enforce the workflow's own rules: a locked month takes no
change, only drafts and returned submissions can be edited, only submitted ones reviewed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from devplan.accounts.audit import record_action
from devplan.collection.checks import check_text, validate_progress, validate_values
from devplan.collection.models import Deadline, PeriodLock, Submission
from devplan.indicators.models import Figure, Indicator
from devplan.indicators.services import Provenance, record_figure
from devplan.lib.errors import DevplanError
from devplan.projects.models import Progress, Project
from devplan.projects.services import record_progress
from devplan.regions.models import Region


class WorkflowError(DevplanError):
    """A step the workflow does not allow now (a locked month, a submission already reviewed)."""


class PeriodLocked(WorkflowError):
    pass


def is_locked(region: Region, year: int, month: int) -> bool:
    latest = PeriodLock.objects.filter(region=region, year=year, month=month).order_by("-at", "-pk").first()
    return latest is not None and latest.event == PeriodLock.Event.LOCK


def _check_open(region: Region, year: int, month: int) -> None:
    if is_locked(region, year, month):
        raise PeriodLocked(f"{region.name}{year}年{month}月的数据已锁定：如需修改，请发改局先重新开启该月")


def _display_name(user: object) -> str:
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return full or user.get_username()  # type: ignore[attr-defined]


Subject = Indicator | Project


def _identity(region: Region, subject: Subject) -> dict[str, Any]:
    if isinstance(subject, Project):
        return {"region": subject.region, "project": subject, "indicator": None}
    return {"region": region, "indicator": subject, "project": None}


@transaction.atomic
def save_draft(
    request: HttpRequest,
    region: Region,
    subject: Subject,
    year: int,
    month: int,
    *,
    value: Decimal | None,
    growth_pct: Decimal | None = None,
    note: str = "",
    problems: str = "",
    help_requested: str = "",
) -> Submission:
    """Create or update the draft for the month of an indicator (a department's figure) or a project (its
    owner's cumulative completed investment); a returned submission becomes a draft again."""
    _check_open(region, year, month)
    if isinstance(subject, Project):
        validate_progress(subject, value)
    else:
        validate_values(subject, value, growth_pct)
    for text, label in ((note, "备注（形象进度）"), (problems, "存在问题"), (help_requested, "需协调解决事项")):
        check_text(text, f"{subject.name}的{label}")
    submission, _ = Submission.objects.select_for_update().get_or_create(
        **_identity(region, subject), year=year, month=month
    )
    if not submission.is_editable:
        raise WorkflowError(f"{subject.name}{year}年{month}月的数据{submission.get_status_display()}，不能再修改")
    submission.value, submission.growth_pct, submission.note = value, growth_pct, note
    submission.problems, submission.help_requested = problems, help_requested
    submission.status = Submission.Status.DRAFT
    submission.submitted_by = request.user  # type: ignore[assignment]
    submission.save()
    record_action(request, "submission.save_draft", submission, _values(submission))
    return submission


@transaction.atomic
def submit(request: HttpRequest, submission: Submission) -> Submission:
    _check_open(submission.region, submission.year, submission.month)
    if submission.status != Submission.Status.DRAFT:
        raise WorkflowError(f"只有草稿可以提交；这条数据{submission.get_status_display()}")
    submission.status = Submission.Status.SUBMITTED
    submission.submitted_by = request.user  # type: ignore[assignment]
    submission.submitted_at = timezone.now()
    submission.save()
    record_action(request, "submission.submit", submission, _values(submission))
    return submission


def _check_reviewable(submission: Submission) -> None:
    _check_open(submission.region, submission.year, submission.month)
    if submission.status != Submission.Status.SUBMITTED:
        raise WorkflowError(f"只有待审核的数据可以审核；这条数据{submission.get_status_display()}")


def _make_official(submission: Submission, provenance: Provenance) -> Figure | Progress:
    if submission.project is not None:
        return record_progress(
            submission.project, submission.year, submission.month, submission.value or Decimal(0), provenance,
            narrative=submission.note, problems=submission.problems, help_requested=submission.help_requested,
            reported_by=provenance.extra["submitter"],
        )
    return record_figure(
        submission.region, submission.subject, submission.year, submission.month,  # type: ignore[arg-type]
        provenance, value=submission.value, growth_pct=submission.growth_pct, note=submission.note,
    )


@transaction.atomic
def approve(request: HttpRequest, submission: Submission) -> Figure | Progress:
    """The submitted values become official: a new revision naming submitter and approver."""
    _check_reviewable(submission)
    submitter = _display_name(submission.submitted_by) if submission.submitted_by else ""
    approver = _display_name(request.user)
    official = _make_official(submission, Provenance(
        reason=f"填报审核通过：{submitter}填报，{approver}审核",
        by=request.user,  # type: ignore[arg-type]
        source="填报审核",
        extra={"submission": submission.pk, "submitter": submitter},
    ))
    submission.status = Submission.Status.APPROVED
    submission.reviewed_by = request.user  # type: ignore[assignment]
    submission.reviewed_at = timezone.now()
    submission.comment = ""
    submission.save()
    record_action(request, "submission.approve", submission, {**_values(submission), "revision": official.revision})
    return official


@transaction.atomic
def return_submission(request: HttpRequest, submission: Submission, comment: str) -> Submission:
    _check_reviewable(submission)
    if not comment.strip():
        raise WorkflowError("退回时请写明原因，让填报部门知道要改什么")
    submission.status = Submission.Status.RETURNED
    submission.reviewed_by = request.user  # type: ignore[assignment]
    submission.reviewed_at = timezone.now()
    submission.comment = comment.strip()
    submission.save()
    record_action(request, "submission.return", submission, {"comment": submission.comment})
    return submission


@transaction.atomic
def record_observation(
    request: HttpRequest,
    region: Region,
    indicator: Indicator,
    year: int,
    month: int,
    *,
    value: Decimal | None,
    growth_pct: Decimal | None,
    note: str = "",
) -> Figure:
    """`POST /api/observations`: the department's figure becomes a new official revision at once (source
    "api"); the caller's access was checked by the endpoint. Nothing earlier is overwritten."""
    _check_open(region, year, month)
    validate_values(indicator, value, growth_pct)
    check_text(note, "note（备注）")
    figure = record_figure(
        region, indicator, year, month,
        Provenance(reason="部门通过 API 报送", by=request.user, source="api"),  # type: ignore[arg-type]
        value=value, growth_pct=growth_pct, note=note,
    )
    record_action(request, "figure.api_record", figure, {"value": str(value), "growth_pct": str(growth_pct)})
    return figure


def _lock_event(
    request: HttpRequest, region: Region, year: int, month: int, event: PeriodLock.Event, reason: str
) -> PeriodLock:
    row = PeriodLock.objects.create(
        region=region, year=year, month=month, event=event, reason=reason.strip(),
        by=request.user,  # type: ignore[misc]
    )
    record_action(request, f"period.{event.value}", row, {"year": year, "month": month, "reason": row.reason})
    return row


@transaction.atomic
def lock_period(request: HttpRequest, region: Region, year: int, month: int, reason: str = "") -> PeriodLock:
    if is_locked(region, year, month):
        raise WorkflowError(f"{region.name}{year}年{month}月已经锁定")
    waiting = Submission.objects.filter(
        region=region, year=year, month=month, status=Submission.Status.SUBMITTED
    ).count()
    if waiting:
        raise WorkflowError(f"{year}年{month}月还有 {waiting} 条数据待审核：请先审核完再锁定")
    return _lock_event(request, region, year, month, PeriodLock.Event.LOCK, reason)


@transaction.atomic
def reopen_period(request: HttpRequest, region: Region, year: int, month: int, reason: str) -> PeriodLock:
    if not is_locked(region, year, month):
        raise WorkflowError(f"{region.name}{year}年{month}月没有锁定，无需重新开启")
    if not reason.strip():
        raise WorkflowError("重新开启已锁定的月份须写明原因（将记入操作日志）")
    return _lock_event(request, region, year, month, PeriodLock.Event.REOPEN, reason)


@transaction.atomic
def set_deadline(request: HttpRequest, region: Region, year: int, month: int, due: date) -> Deadline:
    deadline, _ = Deadline.objects.update_or_create(region=region, year=year, month=month, defaults={"due": due})
    record_action(request, "deadline.set", deadline, {"due": due.isoformat()})
    return deadline


def _values(submission: Submission) -> dict[str, str | None]:
    return {
        "value": None if submission.value is None else str(submission.value),
        "growth_pct": None if submission.growth_pct is None else str(submission.growth_pct),
        "note": submission.note,
    }

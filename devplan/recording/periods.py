"""Months of a region: locked or open, and their deadlines. Every write into a month and every lock or
reopening first locks the month's state row (`PeriodState`, SELECT … FOR UPDATE) inside its transaction, so a
month can never be locked while a submission into it is still being made, on PostgreSQL as on SQLite
(where transactions are IMMEDIATE and take turns anyway)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import reduce
from operator import or_

from django.db import transaction
from django.db.models import Q

from devplan.collection.models import Deadline, PeriodLock, PeriodState, Submission, UpwardReview
from devplan.lib.errors import DevplanError, UsageError
from devplan.recording import parse
from devplan.recording.actors import Actor
from devplan.recording.audit import log
from devplan.recording.clock import current_month
from devplan.regions.models import Region

Month = tuple[int, int, int]  # region id, year, month


class WorkflowError(DevplanError):
    """A step the workflow does not allow now (a month already locked, a submission already decided)."""


class PeriodLocked(WorkflowError):
    pass


def locked_message(region_name: str, year: int, month: int) -> str:
    return f"{region_name}{year}年{month}月的数据已锁定：如需修改，请发改局先重新开启该月"


def is_locked(region: Region, year: int, month: int) -> bool:
    """Whether the month is locked now (a read for pages; writers hold the row with `hold`)."""
    return PeriodState.objects.filter(region=region, year=year, month=month, locked=True).exists()


def locked_months(region: Region, year: int) -> set[int]:
    return set(PeriodState.objects.filter(region=region, year=year, locked=True).values_list("month", flat=True))


HOLD_BATCH = 300


def hold(months: Iterable[Month]) -> dict[Month, bool]:
    """Lock the state rows of `months` until the transaction ends (creating missing ones) and say which of
    the months are locked. Call inside `transaction.atomic()`."""
    wanted = sorted(set(months))
    if not wanted:
        return {}
    PeriodState.objects.bulk_create(
        [PeriodState(region_id=r, year=y, month=m) for r, y, m in wanted], ignore_conflicts=True
    )
    held: dict[Month, bool] = {}
    # In sorted batches (the same order for every writer, so none waits on another in a circle): SQLite
    # refuses a condition of more than about a thousand terms (a revert of a change set over many months).
    for start in range(0, len(wanted), HOLD_BATCH):
        condition = reduce(or_, (Q(region_id=r, year=y, month=m) for r, y, m in wanted[start:start + HOLD_BATCH]))
        rows = PeriodState.objects.select_for_update().filter(condition).order_by("region_id", "year", "month")
        held.update({(row.region_id, row.year, row.month): row.locked for row in rows})
    return held


def _event(actor: Actor, region: Region, year: int, month: int, event: PeriodLock.Event, reason: str) -> PeriodLock:
    """The lock or reopening recorded, its reason a free text like any other (`text_safe`); the caller's
    transaction undoes the rest when the reason is refused."""
    reason = parse.text(reason, "reason", f"{event.label}原因", 500)
    row = PeriodLock.objects.create(region=region, year=year, month=month, event=event, reason=reason,
                                    by=actor.user)
    PeriodState.objects.filter(region=region, year=year, month=month).update(locked=event == PeriodLock.Event.LOCK)
    log(actor, f"period.{event.value}", row, {"year": year, "month": month, "reason": row.reason})
    return row


COMMENT_MAX = 500


def _unaccepted_below(region: Region, year: int, month: int) -> list[str]:
    """The names of the regions directly under `region` whose month the region has not accepted."""
    return [child.name for child in Region.objects.filter(parent=region).order_by("code")
            if not _accepted(child, year, month)]


@transaction.atomic
def lock_month(actor: Actor, region: Region, year: int, month: int, reason: str = "") -> PeriodLock:
    """Lock the month (which reports it to the area above); refused while submissions into it wait for a
    decision, and for an area while a region under it has not had its month accepted: an area reports up
    what its regions reported to it. A main indicator red in this month and the one before gets a 督办 item
    (`supervision.proposals`)."""
    if (year, month) > current_month():
        raise UsageError(f"{year}年{month}月还没有到：只能锁定已经过去或正在进行的月份")
    if hold([(region.pk, year, month)])[(region.pk, year, month)]:
        raise WorkflowError(f"{region.name}{year}年{month}月已经锁定")
    waiting = Submission.objects.filter(region=region, year=year, month=month,
                                        status=Submission.Status.SUBMITTED).count()
    if waiting:
        raise WorkflowError(f"{year}年{month}月还有 {waiting} 条数据待审核：请先审核完再锁定")
    missing = _unaccepted_below(region, year, month)
    if missing:
        shown = "、".join(missing[:5]) + (f"等 {len(missing)} 个地区" if len(missing) > 5 else "")
        raise WorkflowError(f"{shown}{year}年{month}月的数据尚未上报或尚未接收：请先接收所辖地区的上报再锁定上报")
    locked = _event(actor, region, year, month, PeriodLock.Event.LOCK, reason)
    # The month's figures are now the region's word: a main indicator red for two months gets a 督办 item.
    # (Imported here: supervision's workflow builds on this module.)
    from devplan.supervision.proposals import propose

    propose(region, year, month)
    return locked


@transaction.atomic
def reopen_month(actor: Actor, region: Region, year: int, month: int, reason: str) -> PeriodLock:
    """Reopen a locked month (which withdraws it from the area above while not yet answered); refused once the
    area above has accepted it: only the area can then give it back (`return_report`), so what it accepted
    never changes under it without a trace on its side."""
    if not hold([(region.pk, year, month)])[(region.pk, year, month)]:
        raise WorkflowError(f"{region.name}{year}年{month}月没有锁定，无需重新开启")
    if not reason.strip():
        raise WorkflowError("重新开启已锁定的月份须写明原因（将记入操作日志）")
    if _accepted(region, year, month) and region.parent is not None:
        raise WorkflowError(f"{region.name}{year}年{month}月的上报已被{region.parent.name}接收：如需修改，"
                            f"请{region.parent.name}退回该月")
    return _event(actor, region, year, month, PeriodLock.Event.REOPEN, reason)


def _answer(region: Region, year: int, month: int) -> UpwardReview | bool | None:
    """The area's answer to the month's latest report: the review since the latest lock, None while it waits,
    False when the month was never reported."""
    locked_at = (PeriodLock.objects.filter(region=region, year=year, month=month, event=PeriodLock.Event.LOCK)
                 .order_by("-at", "-pk").values_list("at", flat=True).first())
    if locked_at is None:
        return False
    return (UpwardReview.objects.filter(region=region, year=year, month=month, at__gte=locked_at)
            .order_by("-at", "-pk").first())


def _accepted(region: Region, year: int, month: int) -> bool:
    """Whether the month is locked and its latest report accepted by the area above."""
    answer = _answer(region, year, month)
    return is_locked(region, year, month) and isinstance(answer, UpwardReview) and \
        answer.event == UpwardReview.Event.ACCEPT


def _reported(region: Region, year: int, month: int) -> None:
    """Refuse unless the month is locked (reported up) and waits for an answer. Holds the month's row."""
    if not hold([(region.pk, year, month)])[(region.pk, year, month)]:
        raise WorkflowError(f"{region.name}{year}年{month}月尚未上报（该地区锁定该月即为上报）")
    if isinstance(_answer(region, year, month), UpwardReview):
        raise WorkflowError(f"{region.name}{year}年{month}月的上报已经处理过")


@transaction.atomic
def accept_report(actor: Actor, region: Region, year: int, month: int) -> UpwardReview:
    """The area above accepts the month `region` reported up."""
    _reported(region, year, month)
    review = UpwardReview.objects.create(region=region, year=year, month=month, event=UpwardReview.Event.ACCEPT,
                                         by=actor.user)
    log(actor, "report.accept", review, {"year": year, "month": month})
    return review


@transaction.atomic
def return_report(actor: Actor, region: Region, year: int, month: int, comment: str) -> UpwardReview:
    """The area above returns the month with a comment: the month reopens at `region`, recorded as a
    reopening by the area's planner with the comment as its reason."""
    if not comment.strip():
        raise UsageError("退回上报的月份须写明意见（将转给报送地区并记入操作日志）")
    if len(comment.strip()) > COMMENT_MAX:
        raise UsageError(f"退回意见不能超过 {COMMENT_MAX} 字（现有 {len(comment.strip())} 字）")
    _reported(region, year, month)
    review = UpwardReview.objects.create(region=region, year=year, month=month, event=UpwardReview.Event.RETURN,
                                         comment=comment.strip(), by=actor.user)
    _event(actor, region, year, month, PeriodLock.Event.REOPEN, f"上级退回：{comment.strip()}")
    log(actor, "report.return", review, {"year": year, "month": month, "comment": review.comment})
    return review


@transaction.atomic
def set_deadline(actor: Actor, region: Region, year: int, month: int, due: date | str) -> Deadline:
    """The month's deadline; a date as every door reads one (`parse.day`: YYYY-MM-DD, a year in range)."""
    day = parse.day(due, "due", "截止日")
    if day is None:
        raise DevplanError("请填写截止日（如 2024-03-15）")
    deadline, _ = Deadline.objects.update_or_create(region=region, year=year, month=month, defaults={"due": day})
    log(actor, "deadline.set", deadline, {"due": day.isoformat()})
    return deadline

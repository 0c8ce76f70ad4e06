"""The one way 督办 items change: open (a planner, or devplan itself when a light stays red), answer (the
assignee), send back or close (a planner). Each step holds the item's row, checks its state — two planners
closing at once: the second is told it was already decided — writes a `Step` and an audit-log entry, in one
transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from devplan.accounts.access import region_access, supervision_access
from devplan.evidence import store
from devplan.evidence.content import kept
from devplan.evidence.service import check_size
from devplan.lib.errors import UsageError
from devplan.recording.actors import Actor
from devplan.recording.audit import log
from devplan.recording.periods import WorkflowError
from devplan.recording.service import Forbidden
from devplan.regions.models import Department, Region
from devplan.supervision.models import TEXT_MAX, Item, Step, StepFile

REASON_MAX = 500
# A 督办 asks for an answer within weeks; a deadline years ahead would never turn overdue.
MAX_DEADLINE_DAYS = 180
MAX_FILES = 5


class AlreadyDecided(WorkflowError):
    """The item is not in the state the step needs (someone else acted first); the API answers 409."""


def _text(text: str, what: str, limit: int) -> str:
    text = text.strip()
    if len(text) < 4:
        raise UsageError(f"请填写{what}（至少 4 个字）")
    if len(text) > limit:
        raise UsageError(f"{what}不能超过 {limit} 字（现有 {len(text)} 字）")
    return text


def _plans(actor: Actor, region: Region) -> None:
    if not actor.operator and not region_access(actor.user, region).write:
        raise Forbidden(f"只有{region.name}发改局（计划科）可以提出、退回或销号督办事项")


def _step(actor: Actor, item: Item, action: Step.Action, text: str) -> Step:
    step = Step.objects.create(item=item, action=action, text=text, by=actor.user if actor.user_id else None,
                               by_name=actor.name[:150])
    log(actor, f"supervision.{action.value}", item, {"state": item.state, "text": text[:200]})
    return step


@transaction.atomic
def open_item(actor: Actor, region: Region, year: int, month: int, *, kind: str, subject: str, subject_name: str,
              reason: str, deadline: date, department: Department | None = None, owner_unit: str = "",
              proposed: bool = False) -> Item:
    """A new item on `subject`, unless one on it is still open or answered (the same lag is followed once)."""
    _plans(actor, region)
    if kind not in Item.Kind.values:
        raise UsageError(f"督办对象应为{'、'.join(Item.Kind.labels)}之一")
    if department is None and not owner_unit.strip():
        raise UsageError("请选择督办事项的责任部门或业主单位")
    if department is not None and department.region_id != region.pk:
        raise UsageError(f"{department.name}不是{region.name}的部门")
    if deadline < timezone.localdate():
        raise UsageError(f"反馈期限 {deadline.isoformat()} 已经过去：请选择今天以后的日期")
    if deadline > timezone.localdate() + timedelta(days=MAX_DEADLINE_DAYS):
        raise UsageError(f"反馈期限 {deadline.isoformat()} 太远：督办事项的反馈期限最长为 {MAX_DEADLINE_DAYS} 天")
    reason = _text(reason, "督办事由", REASON_MAX)
    Region.objects.select_for_update().filter(pk=region.pk).first()  # one item per subject, even at once
    if Item.objects.filter(region=region, kind=kind, subject=subject).exclude(state=Item.State.CLOSED).exists():
        raise AlreadyDecided(f"{subject_name}已有未销号的督办事项：请在该事项中继续办理")
    item = Item.objects.create(region=region, year=year, month=month, kind=kind, subject=subject,
                               subject_name=subject_name[:200], reason=reason, department=department,
                               owner_unit=owner_unit.strip()[:100], deadline=deadline, proposed=proposed)
    _step(actor, item, Step.Action.OPEN, reason)
    return item


def _held(item: Item, *states: str) -> Item:
    held = Item.objects.select_for_update().get(pk=item.pk)
    if held.state not in states:
        raise AlreadyDecided(f"该督办事项现为“{held.get_state_display()}”，不能再做这一步（可能已有他人处理）")
    return held


def _move(actor: Actor, item: Item, before: str, after: str, action: Step.Action, text: str) -> tuple[Item, Step]:
    """Hold the item, check it is in state `before`, put it in `after` (closed: with the time) and record
    the step."""
    held = _held(item, before)
    held.state = after
    held.closed_at = timezone.now() if after == Item.State.CLOSED else None
    held.save(update_fields=["state", "closed_at"])
    return held, _step(actor, held, action, text)


@transaction.atomic
def answer(actor: Actor, item: Item, text: str, files: Sequence[tuple[str, bytes]] = ()) -> Item:
    """The assignee's explanation and measures, with photos or documents (at most MAX_FILES, each checked
    and kept as a project's evidence is); the item waits for the planner."""
    if not supervision_access(actor.user, item).write:
        raise Forbidden(f"只有{item.assignee}可以反馈这一督办事项")
    text = _text(text, "反馈内容（原因和措施）", TEXT_MAX)
    if len(files) > MAX_FILES:
        raise UsageError(f"一次反馈最多附 {MAX_FILES} 个文件")
    kept_files = []
    for name, data in files:
        shown = (name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "未命名")[:200]
        check_size(shown, len(data))
        kept_files.append((shown, kept(data, shown, keep_location=False)))
    held, step = _move(actor, item, Item.State.OPEN, Item.State.ANSWERED, Step.Action.ANSWER, text)
    for shown, content in kept_files:
        StepFile.objects.create(step=step, name=shown, sha256=store.put(content.content),
                                content_type=content.content_type, size=len(content.content))
    return held


@transaction.atomic
def send_back(actor: Actor, item: Item, comment: str) -> Item:
    """The planner finds the answer wanting: the item is open again, the comment says what is missing."""
    _plans(actor, item.region)
    comment = _text(comment, "退回意见", REASON_MAX)
    return _move(actor, item, Item.State.ANSWERED, Item.State.OPEN, Step.Action.RETURN, comment)[0]


@transaction.atomic
def close(actor: Actor, item: Item, comment: str) -> Item:
    """销号: the planner accepts the answer."""
    _plans(actor, item.region)
    comment = _text(comment, "销号意见", REASON_MAX)
    return _move(actor, item, Item.State.ANSWERED, Item.State.CLOSED, Step.Action.CLOSE, comment)[0]


# The assignee's and the planner's steps by name (the pages' and the API's `action`).
STEPS: dict[str, Callable[[Actor, Item, str], Item]] = {"answer": answer, "return": send_back, "close": close}

"""What the dashboard, the brief and the API say of a region's 督办 items: each item with its state and whether
it is overdue, and the counts (open, answered, overdue, closed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils import timezone

from devplan.regions.models import Region
from devplan.supervision.models import Item


@dataclass(frozen=True)
class Counts:
    open: int
    answered: int
    overdue: int
    closed: int

    @property
    def total(self) -> int:
        return self.open + self.answered + self.closed


def items(region: Region, year: int) -> list[Item]:
    """The year's items, overdue first, then open, answered and closed, newest first within each."""
    today = timezone.localdate()
    found = list(Item.objects.filter(region=region, year=year).select_related("department"))
    order = {Item.State.OPEN: 1, Item.State.ANSWERED: 2, Item.State.CLOSED: 3}
    found.sort(key=lambda item: item.opened_at, reverse=True)
    found.sort(key=lambda item: 0 if item.overdue(today) else order[Item.State(item.state)])
    return found


def counts(region: Region, year: int, today: date | None = None) -> Counts:
    found = list(Item.objects.filter(region=region, year=year).only("state", "deadline"))
    today = today or timezone.localdate()
    return Counts(
        open=sum(1 for item in found if item.state == Item.State.OPEN),
        answered=sum(1 for item in found if item.state == Item.State.ANSWERED),
        overdue=sum(1 for item in found if item.overdue(today)),
        closed=sum(1 for item in found if item.state == Item.State.CLOSED),
    )


STATE_AFTER: dict[str, str] = {"open": Item.State.OPEN, "return": Item.State.OPEN, "answer": Item.State.ANSWERED,
               "close": Item.State.CLOSED}


def as_known(region: Region, year: int, at: datetime) -> list[tuple[Item, str]]:
    """The year's items opened by `at`, each with its state then (from its steps): the brief written at an
    earlier date says what was known then."""
    found: list[tuple[Item, str]] = []
    for item in Item.objects.filter(region=region, year=year, opened_at__lte=at).select_related("department"):
        steps = [step for step in item.steps.all() if step.at <= at]
        found.append((item, STATE_AFTER[steps[-1].action] if steps else Item.State.OPEN))
    return found


def brief_lines(region: Region, year: int, at: datetime, shown: int = 5) -> list[str]:
    """The brief's sentences on 督办 as known at `at`: the counts, then the items not closed (overdue first)."""
    known = as_known(region, year, at)
    if not known:
        return []
    day = timezone.localtime(at).date()
    waiting = [(item, state) for item, state in known if state != Item.State.CLOSED]
    overdue = [item for item, state in waiting if state == Item.State.OPEN and item.deadline < day]
    opened = sum(1 for _, state in waiting if state == Item.State.OPEN)
    lines = [f"督办事项：督办中{opened}项" + (f"（逾期{len(overdue)}项）" if overdue else "")
             + f"，已反馈待销号{len(waiting) - opened}项，已销号{len(known) - len(waiting)}项。"]
    waiting.sort(key=lambda pair: (pair[0] not in overdue, pair[0].deadline))
    for item, state in waiting[:shown]:
        words = Item.State(state).label
        late = "，已逾期" if item in overdue else ""
        lines.append(f"{item.subject_name}（{item.assignee}）：{words}，反馈期限{item.deadline.month}月{item.deadline.day}日{late}。")
    if len(waiting) > shown:
        lines.append(f"另有{len(waiting) - shown}项未销号，见督办页面。")
    return lines


def item_json(item: Item, today: date | None = None) -> dict[str, Any]:
    return {
        "id": item.pk, "year": item.year, "month": item.month, "kind": item.kind, "subject": item.subject,
        "subject_name": item.subject_name, "reason": item.reason, "assignee": item.assignee,
        "deadline": item.deadline.isoformat(), "state": item.state, "state_words": item.get_state_display(),
        "overdue": item.overdue(today), "proposed": item.proposed, "opened_at": item.opened_at.isoformat(),
        "closed_at": item.closed_at.isoformat() if item.closed_at else None,
        "steps": [{"action": step.action, "action_words": step.get_action_display(), "text": step.text,
                   "by": step.by_name, "at": step.at.isoformat()} for step in item.steps.all()],
    }

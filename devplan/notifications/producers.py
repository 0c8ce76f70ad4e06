"""What happened that someone should be told, read from the database: reports still missing near or past a
deadline, submissions returned, 督办 items opened or answered. Each producer turns it into `Notification`
rows whose key names the event (a reminder's key names the day too), inserted ignoring conflicts, so
running them twice — or in two workers at once — tells nobody twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from devplan.accounts.access import measure_department
from devplan.collection.completeness import OWNER, completeness
from devplan.collection.models import Deadline, Submission
from devplan.indicators.models import Responsibility
from devplan.lib.periods import month_span
from devplan.notifications.models import Cursor, Notification
from devplan.notifications.recipients import department_members, owner_members, planners
from devplan.recording.periods import is_locked
from devplan.supervision.models import Item, Step

EVENTS = "events"
# Events are read from a little before the previous run: a step or a return committed just after that run
# read the tables, but stamped before it, is still found (its key keeps it from being told twice).
OVERLAP = timedelta(minutes=10)
FIRST_LOOK_BACK = timedelta(days=1)


@dataclass(frozen=True)
class Draft:
    """A notification before it is stored."""

    recipient: Any
    kind: str
    subject: str
    body: str
    link: str
    key: str


def deadline_reminders(today: date) -> list[Draft]:
    """For every month with a deadline at most DEVPLAN_REMIND_DAYS days ahead or past by at most
    DEVPLAN_REMIND_OVERDUE_DAYS days, and not yet locked: each department or owner member whose reports are
    missing, once a day."""
    horizon = today + timedelta(days=settings.DEVPLAN_REMIND_DAYS)
    oldest = today - timedelta(days=settings.DEVPLAN_REMIND_OVERDUE_DAYS)
    deadlines = Deadline.objects.filter(due__lte=horizon, due__gte=oldest).select_related("region")
    drafts = []
    for deadline in deadlines.order_by("due", "pk"):
        region, year, month = deadline.region, deadline.year, deadline.month
        if is_locked(region, year, month):
            continue
        overdue = deadline.due < today
        kind = Notification.Kind.OVERDUE if overdue else Notification.Kind.DEADLINE_SOON
        when = "已逾期" if overdue else f"将于{deadline.due.month}月{deadline.due.day}日截止"
        for row in completeness(region, year, month).rows:
            if not row.missing:
                continue
            page = "web:progress" if row.kind == OWNER else "web:submit"
            members = owner_members(region, row.name) if row.kind == OWNER else department_members(region, row.name)
            body = (f"{row.name}还有 {len(row.missing)} 项{year}年{month_span(month)}数据未报送（截止日 "
                    f"{deadline.due.isoformat()}）：{'、'.join(row.missing)}。")
            drafts += [Draft(user, kind, f"{region.name}{year}年{month}月数据报送{when}", body,
                             reverse(page, kwargs={"region": region.code, "year": year, "month": month}),
                             f"{kind}:{deadline.pk}:{row.kind}:{row.name}:{today.isoformat()}"[:200])
                       for user in members]
    return drafts


def returned_submissions(since: datetime, until: datetime) -> list[Draft]:
    """Submissions returned in (since, until]: to the department or owner unit that sent them and the sender."""
    drafts = []
    returned = Submission.objects.filter(status=Submission.Status.RETURNED, reviewed_at__gt=since,
                                         reviewed_at__lte=until).select_related("region", "indicator", "project",
                                                                               "submitted_by")
    for sub in returned.order_by("reviewed_at", "pk"):
        kwargs = {"region": sub.region.code, "year": sub.year, "month": sub.month}
        if sub.project is not None:
            users = owner_members(sub.project.region, sub.project.owner)
            page = "web:progress"
        elif sub.measure_kind:
            department = measure_department(sub)
            users = department_members(sub.region, department.name) if department else []
            page, kwargs = f"web:{sub.measure_kind}", {"region": sub.region.code, "year": sub.year}
        else:
            names = Responsibility.objects.filter(region=sub.region, indicator=sub.indicator).values_list(
                "department__name", flat=True)
            users = [user for name in names for user in department_members(sub.region, name)]
            page = "web:submit"
        if sub.submitted_by is not None and sub.submitted_by.is_active:
            users.append(sub.submitted_by)
        link = reverse(page, kwargs=kwargs)
        body = f"{sub.subject_name}{sub.year}年{month_span(sub.month)}的填报被退回，审核意见：{sub.comment}"
        key = f"returned:{sub.pk}:{sub.reviewed_at.isoformat() if sub.reviewed_at else ''}"
        drafts += [Draft(user, Notification.Kind.RETURNED, f"{sub.subject_name}的填报被退回", body, link, key)
                   for user in {user.pk: user for user in users}.values()]
    return drafts


def _assignees(item: Item) -> list[Any]:
    return (department_members(item.region, item.department.name) if item.department is not None
            else owner_members(item.region, item.owner_unit))


def supervision_steps(since: datetime, until: datetime) -> list[Draft]:
    """督办 steps in (since, until]: a new item and an answer sent back to its assignee's members, an answer
    to the region's planners."""
    drafts = []
    steps = Step.objects.filter(at__gt=since, at__lte=until,
                                action__in=[Step.Action.OPEN, Step.Action.ANSWER, Step.Action.RETURN])
    for step in steps.select_related("item", "item__region", "item__department").order_by("at", "pk"):
        item = step.item
        link = reverse("web:supervision_item", kwargs={"pk": item.pk})
        if step.action == Step.Action.OPEN:
            users = _assignees(item)
            subject = f"新的督办事项：{item.subject_name}"
            body = f"{item.assignee}请于 {item.deadline.isoformat()} 前反馈督办事项“{item.subject_name}”：{item.reason}"
        elif step.action == Step.Action.RETURN:
            users = _assignees(item)
            subject = f"督办事项反馈被退回：{item.subject_name}"
            when = (f"请于 {item.deadline.isoformat()} 前重新反馈" if item.deadline >= timezone.localdate(step.at)
                    else f"原反馈期限 {item.deadline.isoformat()} 已过，请尽快重新反馈")
            body = f"督办事项“{item.subject_name}”的反馈被退回，{when}：{step.text}"
        else:
            users = planners(item.region)
            subject = f"督办事项已反馈：{item.subject_name}"
            body = f"{item.assignee}已反馈督办事项“{item.subject_name}”，请审核销号：{step.text}"
        drafts += [Draft(user, Notification.Kind.SUPERVISION, subject[:200], body, link, f"supervision:{step.pk}")
                   for user in users]
    return drafts


def overdue_items(today: date) -> list[Draft]:
    """督办 items past their deadline and not answered: their assignee's members once a day (for at most
    DEVPLAN_REMIND_OVERDUE_DAYS), the region's planners once (the item escalates to them)."""
    oldest = today - timedelta(days=settings.DEVPLAN_REMIND_OVERDUE_DAYS)
    drafts = []
    items = Item.objects.filter(state=Item.State.OPEN, deadline__lt=today).select_related("region", "department")
    for item in items.order_by("deadline", "pk"):
        link = reverse("web:supervision_item", kwargs={"pk": item.pk})
        subject = f"督办事项已逾期：{item.subject_name}"
        body = (f"督办事项“{item.subject_name}”的反馈期限 {item.deadline.isoformat()} 已过，{item.assignee}尚未反馈。")
        if item.deadline >= oldest:
            drafts += [Draft(user, Notification.Kind.SUPERVISION, subject[:200], body, link,
                             f"supervision-overdue:{item.pk}:{today.isoformat()}") for user in _assignees(item)]
        drafts += [Draft(user, Notification.Kind.SUPERVISION, subject[:200], body, link,
                         f"supervision-escalated:{item.pk}") for user in planners(item.region)]
    return drafts


def collect(today: date | None = None, now: datetime | None = None) -> int:
    """Store the notifications of `today` (reminders) and of the events since the previous run; the number of
    new ones."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    with transaction.atomic():
        cursor, _ = Cursor.objects.select_for_update().get_or_create(name=EVENTS,
                                                                   defaults={"at": now - FIRST_LOOK_BACK})
        since = cursor.at - OVERLAP
        drafts = [*deadline_reminders(today), *returned_submissions(since, now), *supervision_steps(since, now),
                  *overdue_items(today)]
        before = Notification.objects.count()
        Notification.objects.bulk_create(
            [Notification(recipient=d.recipient, kind=d.kind, subject=d.subject, body=d.body, link=d.link,
                          key=d.key, created_at=now) for d in drafts], ignore_conflicts=True)
        cursor.at = max(cursor.at, now)
        cursor.save(update_fields=["at"])
        return Notification.objects.count() - before

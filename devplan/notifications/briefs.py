"""The monthly brief once a month is locked: `devplan worker` builds it into the server's folder (the reports
page then sends it at once) and tells the region's planners and leaders, with a link to the PDF. A lock is
handled once: its notifications name it, and a lock already told is not built again."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from devplan.collection.models import PeriodLock
from devplan.lib.errors import DevplanError
from devplan.notifications.models import Notification
from devplan.notifications.recipients import leaders, planners
from devplan.recording.periods import is_locked
from devplan.reports.downloads import brief_files

# Locks older than this are not looked at: a worker that was down longer leaves those briefs to the page.
LOOK_BACK = timedelta(days=2)


def _key(lock: PeriodLock) -> str:
    return f"brief:{lock.pk}"


def locked_month_briefs(now: datetime | None = None) -> int:
    """Build and announce the brief of every month locked in the last two days and not yet announced (and
    still locked); the number of notifications stored. A month without main-indicator figures has no brief."""
    now = now or timezone.now()
    locks = (PeriodLock.objects.filter(event=PeriodLock.Event.LOCK, at__gt=now - LOOK_BACK, at__lte=now)
             .select_related("region").order_by("at", "pk"))
    stored = 0
    for lock in locks:
        region, year, month = lock.region, lock.year, lock.month
        users = {user.pk: user for user in [*planners(region), *leaders(region)]}
        if not users or Notification.objects.filter(key=_key(lock)).exists() or not is_locked(region, year, month):
            continue
        try:
            brief_files(region, year, month)
        except DevplanError:
            continue
        link = reverse("web:report_file", kwargs={"region": region.code, "year": year, "month": month,
                                                   "name": "brief.pdf"})
        subject = f"{region.name}{year}年{month}月经济运行简报已生成"
        body = f"{region.name}{year}年{month}月的数据已锁定，经济运行简报已按锁定时的数据生成，可在“报告”页下载。"
        made = Notification.objects.bulk_create(
            [Notification(recipient=user, kind=Notification.Kind.BRIEF, subject=subject, body=body, link=link,
                          key=_key(lock), created_at=now) for user in users.values()], ignore_conflicts=True)
        stored += len(made)
    return stored

"""Issue 20: the monthly brief once a month is locked — built by the worker into the folder the reports page
sends from, and told once to the region's planners and leaders; overdue reminders stop after
DEVPLAN_REMIND_OVERDUE_DAYS."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from devplan.collection.models import Deadline
from devplan.notifications.briefs import locked_month_briefs
from devplan.notifications.models import Notification
from devplan.notifications.producers import deadline_reminders
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.periods import lock_month
from devplan.reports.downloads import is_built


def test_a_locked_month_gets_its_brief_built_and_announced_once(personas: Any) -> None:
    region = personas.region
    assert not is_built(region, 2023, 11, True)
    lock_month(Actor(user=personas.planner, name="planner", door=Door.WEB), region, 2023, 11)
    assert locked_month_briefs() == 2
    assert is_built(region, 2023, 11, True)
    told = Notification.objects.filter(kind=Notification.Kind.BRIEF)
    assert sorted(told.values_list("recipient__username", flat=True)) == ["leader", "planner"]
    assert {note.subject for note in told} == {"湘乡市2023年11月经济运行简报已生成"}
    assert {note.link for note in told} == {"/reports/430381/2023/11/brief.pdf"}
    assert locked_month_briefs() == 0
    response = personas.client("viewer").get("/reports/430381/2023/11/brief.pdf")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]
    assert not Notification.objects.filter(recipient=personas.owner, kind=Notification.Kind.BRIEF).exists()


def test_overdue_reminders_stop_after_the_configured_days(personas: Any, settings: Any) -> None:
    settings.DEVPLAN_REMIND_OVERDUE_DAYS = 30
    today = timezone.localdate()
    Deadline.objects.create(region=personas.region, year=2024, month=3, due=today - timedelta(days=30))
    Deadline.objects.create(region=personas.region, year=2024, month=2, due=today - timedelta(days=31))
    subjects = {draft.subject for draft in deadline_reminders(today)}
    assert subjects == {"湘乡市2024年3月数据报送已逾期"}

"""Who is told what: reminders a few days before a deadline and after it (not for a locked month), a returned
submission to its department, a new 督办 item to its assignee and an answer to the planners — each once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from devplan.collection.models import Deadline, PeriodState, Submission
from devplan.notifications.models import Notification
from devplan.notifications.producers import collect
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.service import give_back
from devplan.regions.models import Department
from devplan.supervision import workflow


def _actor(user: Any) -> Actor:
    return Actor(user=user, name=user.get_username(), door=Door.WEB)


def told(user: Any) -> list[tuple[str, str]]:
    return list(Notification.objects.filter(recipient=user).order_by("pk").values_list("kind", "subject"))


def test_reminders_start_three_days_before_the_deadline_and_skip_locked_months(personas: Any) -> None:
    today = timezone.localdate()
    Deadline.objects.create(region=personas.region, year=2024, month=5, due=today + timedelta(days=3))
    Deadline.objects.create(region=personas.region, year=2024, month=6, due=today + timedelta(days=4))
    Deadline.objects.create(region=personas.region, year=2024, month=11, due=today - timedelta(days=9))
    PeriodState.objects.create(region=personas.region, year=2024, month=11, locked=True)
    collect(today)
    assert told(personas.owner) == [("deadline_soon", f"湘乡市2024年5月数据报送将于{(today + timedelta(days=3)).month}月"
                                                      f"{(today + timedelta(days=3)).day}日截止")]
    assert collect(today) == 0
    assert collect(today + timedelta(days=1)) == 6  # a new day: 统计局, 财政局 and 城投, for May and now June


def test_a_returned_submission_is_told_to_its_department_once(personas: Any) -> None:
    personas.client("owner").post("/submit/430381/2023/11/", {"value_retail_sales": "152.1", "action": "submit"})
    submission = Submission.objects.get(indicator__code="retail_sales", status=Submission.Status.SUBMITTED)
    give_back(_actor(personas.planner), submission.pk, "请核实限额以上单位数据")
    collect()
    collect()
    assert told(personas.owner) == [("returned", "社会消费品零售总额的填报被退回")]
    note = Notification.objects.get(recipient=personas.owner)
    assert "请核实限额以上单位数据" in note.body and note.link == "/submit/430381/2023/11/"
    assert told(personas.other) == []


def test_a_new_supervision_item_goes_to_its_assignee_and_its_answer_to_the_planners(personas: Any) -> None:
    item = workflow.open_item(_actor(personas.planner), personas.region, 2023, 10, kind="indicator", subject="gdp",
                              subject_name="地区生产总值", reason="地区生产总值落后序时进度，请说明原因",
                              deadline=timezone.localdate() + timedelta(days=10),
                              department=Department.objects.get(region=personas.region, name="统计局"))
    collect()
    assert told(personas.owner) == [("supervision", "新的督办事项：地区生产总值")]
    assert told(personas.planner) == [] and told(personas.other) == []
    workflow.answer(_actor(personas.owner), item, "三季度工业增加值下滑，已约谈重点企业")
    collect()
    collect()
    assert told(personas.planner) == [("supervision", "督办事项已反馈：地区生产总值")]
    assert Notification.objects.get(recipient=personas.planner).link == f"/supervision/item/{item.pk}/"
    assert len(told(personas.owner)) == 1

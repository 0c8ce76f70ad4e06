"""An overdue report is told once a day per chosen channel, however often `devplan worker --once` runs."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from devplan.notifications.models import Delivery, Digest, Notification
from tests.notifications.conftest import Inbox, Receiver, robots


@pytest.mark.django_db(transaction=True)
def test_an_overdue_report_sends_one_email_and_one_robot_message_per_channel_a_day(
        overdue: Any, smtp: Inbox, receiver: Receiver) -> None:
    robots(overdue, receiver.url)
    call_command("worker", "--once")
    call_command("worker", "--once")

    assert [m["To"] for m in smtp.messages] == ["tongji@example.cn"]
    text = smtp.messages[0].get_payload(decode=True).decode()
    assert "统计局还有 2 项2024年1—5月数据未报送" in text and "http://devplan.test/submit/430381/2024/5/" in text
    ding, wecom = receiver.at("/ding"), receiver.at("/wecom")
    assert len(ding) == 1 and len(wecom) == 1
    assert ding[0]["signed"] and ding[0]["query"]["access_token"] == "t1"
    assert ding[0]["body"]["msgtype"] == "markdown" and set(ding[0]["body"]["markdown"]) == {"title", "text"}
    assert "固定资产投资" in ding[0]["body"]["markdown"]["text"]
    assert wecom[0]["body"]["msgtype"] == "markdown" and "财政局" in wecom[0]["body"]["markdown"]["content"]
    assert not wecom[0]["signed"]
    # The project owner unit (城投) is told too, with its progress page; it chose no channel, so nothing is sent.
    told = Notification.objects.filter(kind=Notification.Kind.OVERDUE)
    assert sorted(told.values_list("recipient__username", flat=True)) == ["caizheng", "chengtou", "tongji"]
    assert told.get(recipient=overdue.builder).link == "/progress/430381/2024/5/"
    assert Digest.objects.count() == 3
    assert Delivery.objects.filter(sent_at__isnull=False).count() == 3


@pytest.mark.django_db(transaction=True)
def test_the_worker_says_in_one_sentence_what_it_did(overdue: Any, smtp: Inbox, capsys: Any) -> None:
    call_command("worker", "--once")
    assert capsys.readouterr().out.strip() == "本轮新增通知 3 条，安排发送 1 条，发出 1 条，发送失败 0 条（稍后重试）。"


@pytest.mark.django_db(transaction=True)
def test_the_worker_keeps_a_day_of_task_results_and_a_month_of_failures(overdue: Any, smtp: Inbox) -> None:
    call_command("worker", "--once")
    assert DBTaskResult.objects.count() == 3  # collect, brief the months locked, send
    DBTaskResult.objects.update(finished_at=timezone.now() - timedelta(days=2))
    DBTaskResult.objects.filter(task_path__endswith="send_notifications").update(status="FAILED")
    call_command("worker", "--once")
    assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == ["FAILED", *["SUCCESSFUL"] * 3]

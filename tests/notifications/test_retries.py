"""A failing channel is tried again after 1, 5, 25, 125 minutes, then given up, and never holds the e-mail."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from devplan.notifications import delivery, producers
from devplan.notifications.models import Channels, Delivery
from tests.notifications.conftest import SECRET, Inbox, Receiver, free_port


def test_a_failing_robot_is_retried_with_back_off_and_the_email_still_goes(
        overdue: Any, smtp: Inbox, receiver: Receiver) -> None:
    Channels.objects.create(user=overdue.owner, webhook_url=f"{receiver.url}/ding", webhook_secret=SECRET)
    Channels.objects.create(user=overdue.other, email=False, digest=False,
                            webhook_url=f"http://127.0.0.1:{free_port()}/refused")
    receiver.status["/ding"] = 500
    now = timezone.now()
    producers.collect(now=now)
    delivery.plan(now)
    assert delivery.send_due(now) == (1, 2)
    assert len(smtp.messages) == 1
    robot = Delivery.objects.get(digest__recipient=overdue.owner, channel=Delivery.Channel.WEBHOOK)
    refused = Delivery.objects.get(notification__recipient=overdue.other)
    assert robot.attempts == 1 and robot.next_attempt_at == now + timedelta(minutes=1) and "500" in robot.last_error
    assert refused.attempts == 1 and "无法送达" in refused.last_error

    assert delivery.send_due(now + timedelta(seconds=30)) == (0, 0)  # not due yet
    later = now
    for minutes in (1, 5, 25):
        later += timedelta(minutes=minutes)
        assert delivery.send_due(later) == (0, 2)
    robot.refresh_from_db()
    assert robot.attempts == 4 and robot.next_attempt_at == later + timedelta(minutes=125)
    receiver.status["/ding"] = 200
    later += timedelta(minutes=125)
    assert delivery.send_due(later) == (1, 1)
    robot.refresh_from_db()
    refused.refresh_from_db()
    assert robot.sent_at is not None and robot.last_error == ""
    assert refused.attempts == 5 and refused.next_attempt_at is None and refused.sent_at is None  # given up
    assert len(receiver.at("/ding")) == 5 and receiver.at("/ding")[-1]["signed"]
    assert len(smtp.messages) == 1

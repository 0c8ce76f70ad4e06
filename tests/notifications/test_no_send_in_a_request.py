"""Nothing is sent inside a web request: a planner returning a submission gets the page at once, even when
the department's robot hangs; the worker's next pass tells the department."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.core.management import call_command

from devplan.collection.models import Submission
from devplan.notifications.models import Channels, Delivery, Notification
from tests.notifications.conftest import Inbox, Receiver


@pytest.mark.django_db(transaction=True)
def test_returning_a_submission_sends_nothing_in_the_request_and_the_worker_tells_the_department(
        overdue: Any, smtp: Inbox, receiver: Receiver) -> None:
    Channels.objects.create(user=overdue.owner, digest=False, webhook_kind=Channels.Robot.WECOM,
                            webhook_url=f"{receiver.url}/wecom")
    overdue.client("owner").post("/submit/430381/2023/11/", {"value_retail_sales": "152.1", "action": "submit"})
    submission = Submission.objects.get(indicator__code="retail_sales", status=Submission.Status.SUBMITTED)
    receiver.delay = 3.0  # a robot that takes 3 s to answer: a send inside the request would show
    started = time.monotonic()
    page = overdue.client("planner").post(f"/review/submission/{submission.pk}/",
                                          {"action": "return", "comment": "请核实限额以上单位数据"})
    assert page.status_code in (200, 302) and time.monotonic() - started < 2
    assert not Notification.objects.exists() and not Delivery.objects.exists()
    assert smtp.messages == [] and receiver.calls == []
    call_command("worker", "--once")
    returned = [c for c in receiver.at("/wecom") if "被退回" in c["body"]["markdown"]["content"]]
    assert len(returned) == 1 and "请核实限额以上单位数据" in returned[0]["body"]["markdown"]["content"]
    assert sorted(m["Subject"] for m in smtp.messages) == ["湘乡市2024年5月数据报送已逾期", "社会消费品零售总额的填报被退回"]

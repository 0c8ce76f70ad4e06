"""A locked month takes no change until a planner reopens it; every lock and reopening is recorded."""

from __future__ import annotations

import pytest

from devplan.collection.models import PeriodLock
from devplan.indicators.models import Indicator
from devplan.recording.periods import WorkflowError, lock_month, reopen_month
from devplan.recording.rules import Rejected
from tests.collection_workflow.helpers import actor, send


def test_a_locked_month_refuses_drafts_until_reopened_with_a_reason(personas):
    gdp = Indicator.objects.get(code="gdp")
    lock_month(actor(personas.planner), personas.region, 2023, 12, "12月数据已审定")
    with pytest.raises(Rejected, match="已锁定"):
        send(personas.owner, personas.region, gdp, 2023, 12, draft=True, value="620")
    with pytest.raises(WorkflowError, match="须写明原因"):
        reopen_month(actor(personas.planner), personas.region, 2023, 12, "")
    reopen_month(actor(personas.planner), personas.region, 2023, 12, "统计局更正12月数据")
    send(personas.owner, personas.region, gdp, 2023, 12, draft=True, value="620")
    history = list(PeriodLock.objects.values_list("event", "reason"))
    assert history == [("lock", "12月数据已审定"), ("reopen", "统计局更正12月数据")]


def test_a_month_with_submissions_waiting_cannot_be_locked(personas):
    gdp = Indicator.objects.get(code="gdp")
    send(personas.owner, personas.region, gdp, 2023, 12, value="620")
    with pytest.raises(WorkflowError, match="1 条数据待审核"):
        lock_month(actor(personas.planner), personas.region, 2023, 12)

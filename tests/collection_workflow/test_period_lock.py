"""A locked month takes no change until a planner reopens it; every lock and reopening is recorded."""

from __future__ import annotations

from decimal import Decimal

import pytest

from devplan.collection import workflow
from devplan.collection.models import PeriodLock
from devplan.indicators.models import Indicator
from tests.collection_workflow.helpers import request_by


def test_a_locked_month_refuses_drafts_until_reopened_with_a_reason(personas):
    gdp = Indicator.objects.get(code="gdp")
    workflow.lock_period(request_by(personas.planner), personas.region, 2023, 12, "12月数据已审定")
    with pytest.raises(workflow.PeriodLocked, match="已锁定"):
        workflow.save_draft(request_by(personas.owner), personas.region, gdp, 2023, 12,
                            value=Decimal("620"), growth_pct=None)
    with pytest.raises(workflow.WorkflowError, match="须写明原因"):
        workflow.reopen_period(request_by(personas.planner), personas.region, 2023, 12, "")
    workflow.reopen_period(request_by(personas.planner), personas.region, 2023, 12, "统计局更正12月数据")
    workflow.save_draft(request_by(personas.owner), personas.region, gdp, 2023, 12,
                        value=Decimal("620"), growth_pct=None)
    history = list(PeriodLock.objects.values_list("event", "reason"))
    assert history == [("lock", "12月数据已审定"), ("reopen", "统计局更正12月数据")]


def test_a_month_with_submissions_waiting_cannot_be_locked(personas):
    gdp = Indicator.objects.get(code="gdp")
    draft = workflow.save_draft(request_by(personas.owner), personas.region, gdp, 2023, 12,
                                value=Decimal("620"), growth_pct=None)
    workflow.submit(request_by(personas.owner), draft)
    with pytest.raises(workflow.WorkflowError, match="1 条数据待审核"):
        workflow.lock_period(request_by(personas.planner), personas.region, 2023, 12)

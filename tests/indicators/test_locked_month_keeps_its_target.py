"""A target revised after a month was locked does not change how the locked month is judged: it keeps the
target as known when it was locked, the open months take the revised one, and reopening the month judges it
by the revised target; the revision is accepted with a notice naming the locked months (issue 16 trial: the
revision silently turned a reported month's light)."""

from __future__ import annotations

from typing import Any

from devplan.indicators.judged import judge_region
from devplan.indicators.models import Indicator
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.periods import lock_month, reopen_month
from devplan.recording.rows import TargetRow
from devplan.recording.service import write


def _fiscal(region: Any, month: int) -> Any:
    fiscal = Indicator.objects.get(code="fiscal_revenue")
    (judged,) = judge_region(region, 2023, month, only=fiscal)
    return judged


def test_a_locked_month_keeps_the_target_it_was_locked_with(demo: Any) -> None:
    operator = Actor.of_system("测试", Door.CLI)
    before = _fiscal(demo, 10)
    lock_month(operator, demo, 2023, 10, "月报已发")
    fiscal = Indicator.objects.get(code="fiscal_revenue")
    outcome = write(operator, [TargetRow(demo, fiscal, 2023, {"kind": "level", "value": "20"})],
                    reason="年中调整预算目标")
    notices = [p for p in outcome.warnings if p.rule == "target_locked_months"]
    assert notices and "10月已锁定" in notices[0].message and "仍按锁定时" in notices[0].message

    locked = _fiscal(demo, 10)
    assert locked.target.value == before.target.value
    assert locked.assessment.completion_pct == before.assessment.completion_pct
    assert locked.assessment.light == before.assessment.light
    assert _fiscal(demo, 11).target.value == 20

    reopen_month(operator, demo, 2023, 10, "补报数据")
    assert _fiscal(demo, 10).target.value == 20

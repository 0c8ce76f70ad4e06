"""Rankings and area totals judge a county's locked month by the target as it stood when the month was locked,
as the county's own dashboard does (`assessment.target_time`, `judged.judge_region`): a target revised after
the lock changes neither the county's ranking cell nor its area's summed target."""

from __future__ import annotations

from typing import Any

from devplan.indicators.judged import judge_region
from devplan.indicators.models import Indicator
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.periods import lock_month
from devplan.recording.rows import TargetRow
from devplan.recording.service import write
from devplan.regions.models import Region
from devplan.scale.rollups import area_totals, province_ranking


def _card(region: Any, indicator: Indicator, month: int) -> Any:
    (judged,) = judge_region(region, 2023, month, only=indicator)
    return judged


def test_a_countys_ranking_cell_and_area_target_follow_the_locked_months_target(demo: Any) -> None:
    fiscal = Indicator.objects.get(code="fiscal_revenue")
    operator = Actor.of_system("测试", Door.CLI)
    lock_month(operator, demo, 2023, 10, "月报已发")
    write(operator, [TargetRow(demo, fiscal, 2023, {"kind": "level", "value": "20"})], reason="年中调整预算目标")
    card = _card(demo, fiscal, 10)
    assert card.target.value != 20  # the dashboard keeps the target the month was locked with
    prefecture = demo.parent
    province = Region.objects.get(pk=prefecture.parent_id)
    (cell,) = [c for c in province_ranking(province, fiscal, 2023, 10) if c.code == demo.code]
    assert (cell.completion_pct, cell.assessment.basis, cell.light) == (
        card.assessment.completion_pct, card.assessment.basis, card.assessment.light.value)
    area = next(a for a in area_totals(Region.Level.PREFECTURE, fiscal, 2023, 10) if a.code == prefecture.code)
    assert area.target_value == card.target.value  # its only county's target, as locked
    # The open month takes the revised target, in the ranking as on the dashboard.
    (open_cell,) = [c for c in province_ranking(province, fiscal, 2023, 11) if c.code == demo.code]
    assert _card(demo, fiscal, 11).target.value == 20
    assert open_cell.completion_pct == _card(demo, fiscal, 11).assessment.completion_pct

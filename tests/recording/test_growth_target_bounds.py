"""A growth target is held to the bound of growth figures (`growth_in_bounds`: above −100 %, at most
DEVPLAN_MAX_GROWTH_PCT): a tester set one of 99999 %."""

from __future__ import annotations

from typing import Any

import pytest

from devplan.indicators.models import Indicator
from devplan.recording.checks import static
from devplan.recording.rows import TargetRow


@pytest.mark.parametrize(("value", "refused"), [("99999", True), ("-100", True), ("1000", False), ("6.5", False)])
def test_a_growth_target_keeps_the_bound_of_growth_figures(demo: Any, value: str, refused: bool) -> None:
    row = TargetRow(demo, Indicator.objects.get(code="gdp"), 2024, {"kind": "growth", "value": value})
    assert [p.rule for p in static(row).problems] == (["growth_in_bounds"] if refused else [])


def test_a_level_target_is_not_a_growth(demo: Any) -> None:
    row = TargetRow(demo, Indicator.objects.get(code="gdp"), 2024, {"kind": "level", "value": "5000"})
    assert static(row).problems == []

"""Issue 16 trial: `devplan status` said the income target was "与地区生产总值同步" while the dashboard, the
public page and the report said "与经济增长同步". One function says it everywhere."""

from __future__ import annotations

from typing import Any

from devplan.indicators.status import indicator_status
from devplan.indicators.status_text import render_status


def test_status_says_the_in_step_target_as_the_dashboard_and_report_do(demo: Any) -> None:
    text = render_status(demo, 2023, None, indicator_status(demo, 2023))
    assert "与经济增长同步" in text and "与地区生产总值同步" not in text

"""Time progress (序时进度), warning lights and the growth the rest of the year needs."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from devplan.arithmetic.numbers import HUNDRED


class Light(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    NONE = "none"


def time_progress_pct(month: int) -> Decimal:
    """Month m of 12 is m/12 of the year: 1—6月 is 50%."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, not {month}")
    return Decimal(month) / 12 * HUNDRED


def light(completion_pct: Decimal | None, expected_pct: Decimal, green_gap: Decimal, yellow_gap: Decimal) -> Light:
    """Green when completion is at most `green_gap` points behind what is expected by now, yellow up to
    `yellow_gap` points behind, red beyond; none without a completion."""
    if completion_pct is None:
        return Light.NONE
    behind = expected_pct - completion_pct
    if behind <= green_gap:
        return Light.GREEN
    if behind <= yellow_gap:
        return Light.YELLOW
    return Light.RED


def required_growth_pct(target: Decimal, year_to_date: Decimal, last_year_rest: Decimal) -> Decimal | None:
    """Growth months m+1..12 must reach over last year's m+1..12 (R) for the year to hit T: (T − V)/R − 1."""
    if last_year_rest <= 0:
        return None
    return ((target - year_to_date) / last_year_rest - 1) * HUNDRED

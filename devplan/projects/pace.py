"""A year-to-date quantity against its annual target and the time elapsed (序时进度). Pure: no Django."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from devplan.arithmetic.completion import level
from devplan.arithmetic.progress import Light, light, time_progress_pct


@dataclass(frozen=True)
class Pace:
    completion_pct: Decimal | None
    time_progress_pct: Decimal | None
    light: Light


def pace(
    value: Decimal | None, target: Decimal | None, month: int | None, green_gap: Decimal, yellow_gap: Decimal
) -> Pace:
    """Completion `value / target` against `month / 12`; no light without a value, a positive target or a month."""
    expected = time_progress_pct(month) if month is not None else None
    if value is None or target is None or target <= 0:
        return Pace(None, expected, Light.NONE)
    completion = level(value, target).pct
    if expected is None:
        return Pace(completion, None, Light.NONE)
    return Pace(completion, expected, light(completion, expected, green_gap, yellow_gap))

"""The one light of a key project: its year-to-date investment against its annual plan and the time elapsed
(序时进度), and its milestones against their planned dates. Pure: no Django."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from devplan.arithmetic.completion import level
from devplan.arithmetic.progress import Light, light, time_progress_pct

SEVERITY = (Light.NONE, Light.GREEN, Light.YELLOW, Light.RED)


@dataclass(frozen=True)
class Pace:
    completion_pct: Decimal | None
    time_progress_pct: Decimal | None
    light: Light
    # The most days any milestone is past its planned date and not done (0: none is overdue).
    overdue_days: int = 0
    # The light of the money alone: where `light` is worse, the milestones decided it.
    money_light: Light = Light.NONE

    @property
    def milestones_decide(self) -> bool:
        return SEVERITY.index(self.light) > SEVERITY.index(self.money_light)


def milestone_light(overdue_days: int, red_days: int) -> Light:
    """A milestone past its planned date turns a project yellow, red once it is more than `red_days` late."""
    if overdue_days <= 0:
        return Light.NONE
    return Light.RED if overdue_days > red_days else Light.YELLOW


def pace(
    value: Decimal | None, target: Decimal | None, month: int | None, green_gap: Decimal, yellow_gap: Decimal,
    overdue_days: int = 0, red_days: int = 30,
) -> Pace:
    """Completion `value / target` against `month / 12` — no money light without a value, a positive target or
    a month — and the worse of that light and the milestones' (`milestone_light`): an overdue milestone makes a
    project yellow or red whatever its money says."""
    expected = time_progress_pct(month) if month is not None else None
    completion = level(value, target).pct if value is not None and target is not None and target > 0 else None
    money = Light.NONE if completion is None or expected is None else light(completion, expected, green_gap, yellow_gap)
    worst = max(money, milestone_light(overdue_days, red_days), key=SEVERITY.index)
    return Pace(completion, expected, worst, max(overdue_days, 0), money)

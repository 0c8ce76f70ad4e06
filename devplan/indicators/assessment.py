"""How far an indicator's figure has come towards its target: completion, expected progress and light.

The choice of figure follows the seed's own practice: a full-year estimate is judged against the whole
target; without one, a completion the source itself states is reported as stated; failing that the
year-to-date value is judged against time progress (for flows) or the whole target (stocks and rates).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from django.conf import settings

from devplan.arithmetic import completion as formulas
from devplan.arithmetic.completion import Completion, GrowthConvention
from devplan.arithmetic.numbers import HUNDRED
from devplan.arithmetic.progress import Light, light, time_progress_pct
from devplan.indicators.models import Indicator, Target


class FigureLike(Protocol):
    """What assessment reads of a figure: a stored `Figure` or plain values from a bulk query."""

    @property
    def month(self) -> int: ...
    @property
    def value(self) -> Decimal | None: ...
    @property
    def growth_pct(self) -> Decimal | None: ...
    @property
    def estimate_value(self) -> Decimal | None: ...
    @property
    def estimate_growth_pct(self) -> Decimal | None: ...
    @property
    def stated_completion_pct(self) -> Decimal | None: ...


class TargetLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def value(self) -> Decimal | None: ...
    @property
    def step_with_name(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class FigureValues:
    """A figure's numbers without a model instance, for queries over many regions."""

    month: int
    value: Decimal | None
    growth_pct: Decimal | None
    estimate_value: Decimal | None = None
    estimate_growth_pct: Decimal | None = None
    stated_completion_pct: Decimal | None = None


@dataclass(frozen=True, slots=True)
class TargetValues:
    kind: str
    value: Decimal | None
    step_with_name: str | None = None


@dataclass(frozen=True)
class Assessment:
    completion: Completion | None
    expected_pct: Decimal
    light: Light


def _growth_of(figure: FigureLike | None) -> tuple[Decimal | None, str]:
    if figure is None:
        return None, ""
    if figure.estimate_growth_pct is not None:
        return figure.estimate_growth_pct, "estimate"
    return figure.growth_pct, "actual"


def _level_completion(indicator: Indicator, target: Decimal, figure: FigureLike) -> tuple[Completion | None, Decimal]:
    if figure.estimate_value is not None:
        return formulas.level(figure.estimate_value, target, basis="estimate/target"), HUNDRED
    if figure.stated_completion_pct is not None:
        return None, HUNDRED
    if figure.value is None:
        return None, HUNDRED
    expected = time_progress_pct(figure.month) if indicator.quantity == Indicator.Quantity.FLOW else HUNDRED
    return formulas.level(figure.value, target, basis="actual/target"), expected


def _computed(indicator: Indicator, target: TargetLike, figure: FigureLike, reference: FigureLike | None) -> tuple[
    Completion | None, Decimal
]:
    kind = target.kind
    if kind == Target.Kind.LEVEL and target.value is not None:
        return _level_completion(indicator, target.value, figure)
    if kind == Target.Kind.GROWTH and target.value is not None:
        growth, which = _growth_of(figure)
        if growth is None:
            return None, HUNDRED
        convention = GrowthConvention(indicator.growth_convention)
        return formulas.growth(growth, target.value, convention, basis=f"{which} growth"), HUNDRED
    if kind == Target.Kind.CEILING and target.value is not None:
        value = figure.estimate_value if figure.estimate_value is not None else figure.value
        return (None if value is None else formulas.ceiling(value, target.value)), HUNDRED
    if kind == Target.Kind.IN_STEP and target.step_with_name is not None:
        growth, _ = _growth_of(figure)
        reference_growth, _ = _growth_of(reference)
        if growth is None or reference_growth is None:
            return None, HUNDRED
        return formulas.in_step(growth, reference_growth, target.step_with_name), HUNDRED
    return None, HUNDRED


def assess(
    indicator: Indicator, target: TargetLike | None, figure: FigureLike | None, reference: FigureLike | None
) -> Assessment:
    """`reference` is the latest figure of the indicator an in-step target keeps step with."""
    if target is None or figure is None:
        return Assessment(None, HUNDRED, Light.NONE)
    completion, expected = _computed(indicator, target, figure, reference)
    if completion is None and figure.stated_completion_pct is not None:
        completion = Completion(figure.stated_completion_pct, figure.stated_completion_pct >= HUNDRED, "stated")
    pct = None if completion is None else completion.pct
    return Assessment(
        completion,
        expected,
        light(pct, expected, settings.DEVPLAN_INDICATOR_GREEN_GAP, settings.DEVPLAN_INDICATOR_YELLOW_GAP),
    )

"""The one assessment of an indicator: for a region, an indicator and a month, as known at a time — value,
growth, target, basis, completion, expected progress and light. Every page, API answer, command and
document reads it from here (`assess`, fed by `devplan.indicators.judged` for one region and by
`devplan.scale.rollups` for many); nothing else computes a completion or a light of an indicator.

The rule (docs/user-guide.md 「完成率怎么算」, docs/architecture.md):

- 总量目标 (level): a stated full-year estimate (全年预计; never for 1—12月, which is the year itself) is judged
  against the whole target
  (**全年预计÷年目标**, expected 100 %); without one, a completion the source itself states on that very
  figure (**材料所述**, expected 100 %); failing that the year-to-date value against the target
  (**累计÷年目标**), expected the time progress of the figure's own month for a flow (GDP, investment),
  100 % for a stock or a rate.
- 增速目标 (growth): the ratio of growth indices (1+g)/(1+g目标) (**增速指数比**; an indicator set to the
  rate convention divides the rates, **增速比**), g the full-year estimated growth when stated
  (**全年预计增速指数比**), else the year-to-date growth; expected 100 %.
- 控制目标 (ceiling): met at or under the limit, else limit÷value (**控制上限**); expected 100 %.
- 同步 (in step): the growth against the growth of the indicator it keeps step with (**同步**); expected 100 %.
- No target or no figure: no completion, no light.

The light compares completion with the expected progress: behind by at most the green gap is green, by at
most the yellow gap yellow, else red (`Thresholds`, from DEVPLAN_INDICATOR_GREEN_GAP / _YELLOW_GAP).

The target a month is judged by is the target as known at the time asked about — except for a month that was
locked (reported up) then: it keeps the judgement it was reported with, against the target as known when it
was locked (`target_time`). A target revised later judges the open months; reopening a month judges it by
the revised target.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from django.conf import settings

from devplan.arithmetic import completion as formulas
from devplan.arithmetic.completion import Completion, GrowthConvention
from devplan.arithmetic.numbers import HUNDRED
from devplan.arithmetic.progress import Light, light, time_progress_pct


class Basis(StrEnum):
    """What a completion divides, named as every output prints it beside the percentage."""

    CUMULATIVE = "累计÷年目标"
    ESTIMATE = "全年预计÷年目标"
    GROWTH_INDEX = "增速指数比"
    ESTIMATE_GROWTH_INDEX = "全年预计增速指数比"
    GROWTH_RATE = "增速比"
    ESTIMATE_GROWTH_RATE = "全年预计增速比"
    CEILING = "控制上限"
    IN_STEP = "同步"
    STATED = "材料所述"

    @property
    def words(self) -> str:
        """The basis as a document's note says it after the indicator's name, in words where the pages'
        short form reads as a formula ("按全年预计数计算" for 全年预计÷年目标)."""
        return _BASIS_WORDS[self]


_BASIS_WORDS = {
    Basis.CUMULATIVE: "按累计完成数计算", Basis.ESTIMATE: "按全年预计数计算",
    Basis.GROWTH_INDEX: "按累计增速计算", Basis.ESTIMATE_GROWTH_INDEX: "按全年预计增速计算",
    Basis.GROWTH_RATE: "按累计增速与目标增速之比计算", Basis.ESTIMATE_GROWTH_RATE: "按全年预计增速与目标增速之比计算",
    Basis.CEILING: "以不突破控制上限为完成", Basis.IN_STEP: "以与经济增长同步为完成", Basis.STATED: "为有关部门材料所述",
}


# Target kinds (the values of indicators.models.Target.Kind), spelled here so the rule needs no model.
LEVEL, GROWTH, CEILING, IN_STEP = "level", "growth", "ceiling", "in_step"
FLOW = "flow"


@dataclass(frozen=True)
class Thresholds:
    """How far behind its expected progress a completion may be and still be green, or yellow."""

    green_gap: Decimal
    yellow_gap: Decimal

    def sentence(self) -> str:
        """The rule in words, for the footnotes of the brief and the report."""
        green = ("达到或超过应达进度为绿灯" if self.green_gap == 0
                 else f"落后应达进度不超过{self.green_gap}个百分点为绿灯")
        return f"{green}，落后不超过{self.yellow_gap}个百分点为黄灯，落后更多为红灯"


def indicator_thresholds() -> Thresholds:
    return Thresholds(settings.DEVPLAN_INDICATOR_GREEN_GAP, settings.DEVPLAN_INDICATOR_YELLOW_GAP)


class IndicatorLike(Protocol):
    @property
    def quantity(self) -> str: ...
    @property
    def growth_convention(self) -> str: ...


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
    """The answer for one indicator: the figure's month, value and growth, the target, and how far the
    plan has come (`completion`, whose `basis` is a `Basis` value) against `expected_pct`, with its light."""

    month: int | None
    value: Decimal | None
    growth_pct: Decimal | None
    target_kind: str | None
    target_value: Decimal | None
    completion: Completion | None
    expected_pct: Decimal
    light: Light
    thresholds: Thresholds

    @property
    def basis(self) -> Basis | None:
        return None if self.completion is None else Basis(self.completion.basis)

    @property
    def completion_pct(self) -> Decimal | None:
        return None if self.completion is None else self.completion.pct

    @property
    def lagging(self) -> bool:
        """Behind its expected progress by more than the green gap (a yellow or red light)."""
        return self.light in (Light.YELLOW, Light.RED)


def _estimates(figure: FigureLike) -> tuple[Decimal | None, Decimal | None]:
    """The full-year estimate (value, growth) the figure is judged by: none for 1—12月, whose year-to-date
    figure is the year itself (the doors refuse an estimate beside it; one stored before is not judged)."""
    if figure.month == 12:
        return None, None
    return figure.estimate_value, figure.estimate_growth_pct


def _growth_of(figure: FigureLike | None) -> tuple[Decimal | None, bool]:
    """The growth to judge and whether it is the full-year estimate."""
    if figure is None:
        return None, False
    estimated = _estimates(figure)[1]
    if estimated is not None:
        return estimated, True
    return figure.growth_pct, False


def _named(completion: Completion, basis: Basis) -> Completion:
    return replace(completion, basis=basis.value)


def _level(indicator: IndicatorLike, target: Decimal, figure: FigureLike) -> tuple[Completion | None, Decimal]:
    estimate = _estimates(figure)[0]
    if estimate is not None:
        return _named(formulas.level(estimate, target), Basis.ESTIMATE), HUNDRED
    if figure.stated_completion_pct is not None or figure.value is None:
        return None, HUNDRED
    expected = time_progress_pct(figure.month) if indicator.quantity == FLOW else HUNDRED
    return _named(formulas.level(figure.value, target), Basis.CUMULATIVE), expected


def _growth(indicator: IndicatorLike, target: Decimal, figure: FigureLike) -> Completion | None:
    growth, estimated = _growth_of(figure)
    if growth is None:
        return None
    convention = GrowthConvention(indicator.growth_convention)
    if convention is GrowthConvention.RATE_RATIO:
        basis = Basis.ESTIMATE_GROWTH_RATE if estimated else Basis.GROWTH_RATE
    else:
        basis = Basis.ESTIMATE_GROWTH_INDEX if estimated else Basis.GROWTH_INDEX
    return _named(formulas.growth(growth, target, convention), basis)


def _computed(indicator: IndicatorLike, target: TargetLike, figure: FigureLike, reference: FigureLike | None
              ) -> tuple[Completion | None, Decimal]:
    kind = target.kind
    if kind == LEVEL and target.value is not None:
        return _level(indicator, target.value, figure)
    if kind == GROWTH and target.value is not None:
        return _growth(indicator, target.value, figure), HUNDRED
    if kind == CEILING and target.value is not None:
        estimate = _estimates(figure)[0]
        value = estimate if estimate is not None else figure.value
        return (None if value is None else _named(formulas.ceiling(value, target.value), Basis.CEILING)), HUNDRED
    if kind == IN_STEP and target.step_with_name is not None:
        growth, _ = _growth_of(figure)
        reference_growth, _ = _growth_of(reference)
        if growth is None or reference_growth is None:
            return None, HUNDRED
        return _named(formulas.in_step(growth, reference_growth, target.step_with_name), Basis.IN_STEP), HUNDRED
    return None, HUNDRED


def assess(
    indicator: IndicatorLike, target: TargetLike | None, figure: FigureLike | None, reference: FigureLike | None,
    thresholds: Thresholds | None = None,
) -> Assessment:
    """The assessment of `figure` (the latest figure through the month asked about, as known at the time
    asked about) against `target`; `reference` is the figure of the indicator an in-step target keeps step
    with. Pure: the caller reads the records."""
    rules = thresholds or indicator_thresholds()
    month = None if figure is None else figure.month
    value = None if figure is None else figure.value
    growth = None if figure is None else figure.growth_pct
    kind = None if target is None else str(target.kind)
    target_value = None if target is None else target.value
    if target is None or figure is None:
        return Assessment(month, value, growth, kind, target_value, None, HUNDRED, Light.NONE, rules)
    completion, expected = _computed(indicator, target, figure, reference)
    if completion is None and figure.stated_completion_pct is not None:
        stated = figure.stated_completion_pct
        completion = Completion(stated, stated >= HUNDRED, Basis.STATED.value)
    pct = None if completion is None else completion.pct
    return Assessment(month, value, growth, kind, target_value, completion, expected,
                      light(pct, expected, rules.green_gap, rules.yellow_gap), rules)


def target_time(as_of: datetime | None, locked_at: datetime | None) -> datetime | None:
    """When the target a month is judged by is read: `as_of` (None: now), or, for a month locked at
    `as_of`, when it was locked (`locked_at`, the lock in force then)."""
    if locked_at is None:
        return as_of
    return locked_at if as_of is None else min(as_of, locked_at)

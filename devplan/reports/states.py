"""What the documents say about each indicator: its target, latest figure and assessment, read once, and
the numbers taken from them as `Num`s that carry their record."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from django.db.models import prefetch_related_objects

from devplan.arithmetic.numbers import round_half_up
from devplan.indicators.assessment import Assessment
from devplan.indicators.judged import judge_region
from devplan.indicators.models import Figure, Indicator, Target
from devplan.indicators.services import target_as_of
from devplan.lib.numbers import rounded, stated
from devplan.regions.models import Region
from devplan.reports.content import Num, Ref


@dataclass(frozen=True)
class IndicatorState:
    indicator: Indicator
    target: Target | None
    figure: Figure | None
    assessment: Assessment
    next_target: Target | None

    @property
    def completion(self) -> Num | None:
        """Completion of the year's plan to one decimal, as every page, command and API answer prints it
        ("完成年计划的97.2%"; 100.0 prints as 100)."""
        completion = self.assessment.completion
        if completion is None or completion.pct is None or self.figure is None:
            return None
        value = round_half_up(completion.pct, 1)
        # A Congress document states the percentage only; its basis stays with the record (the tooltip).
        ref = replace(figure_ref(self.figure, "completion"), note=f"完成率依据：{self.basis}" if self.basis else "")
        text = rounded(value, 1)
        return Num(text, value, 1 if "." in text else 0, ref)

    @property
    def lagging(self) -> bool:
        """Behind its expected progress (a yellow or red light): the report's "离年度计划目标有一定差距"."""
        return self.assessment.lagging

    @property
    def basis(self) -> str | None:
        """What the completion divides (累计÷年目标, 全年预计÷年目标, …), printed beside it."""
        basis = self.assessment.basis
        return None if basis is None else basis.value


def indicator_states(
    region: Region, year: int, as_of: datetime | None = None, *, month: int = 12, main_only: bool = True,
    every: bool = False,
) -> list[IndicatorState]:
    """One state per indicator with a target or a figure for the region and year (`every`: each main
    indicator, with or without), in the plan's order: the latest figure through `month` known at `as_of`,
    judged by the one rule."""
    states = []
    for item in judge_region(region, year, month, as_of, main_only=main_only):
        next_target = target_as_of(region, item.indicator, year + 1, as_of)
        if not every and item.target is None and item.figure is None and next_target is None:
            continue
        states.append(IndicatorState(item.indicator, item.target, item.figure, item.assessment, next_target))
    # Who recorded each number the report cites (its tooltip), read at once rather than number by number.
    prefetch_related_objects([state.figure for state in states if state.figure], "indicator", "region",
                             "change_set__submission__submitted_by")
    prefetch_related_objects([t for state in states for t in (state.target, state.next_target) if t], "change_set")
    return states


def monthly_figures(
    region: Region, year: int, indicators: list[Indicator], as_of: datetime | None = None
) -> dict[str, list[Figure]]:
    """Per indicator name, in the given order: its figures month by month in the year, each the latest
    revision known at `as_of`."""
    queryset = Figure.objects.filter(region=region, year=year, indicator__in=indicators).select_related(
        "indicator", "region", "change_set__submission__submitted_by")
    if as_of is not None:
        queryset = queryset.filter(known_at__lte=as_of)
    latest: dict[tuple[int, int], Figure] = {}
    for figure in queryset.order_by("indicator_id", "month", "-revision"):
        latest.setdefault((figure.indicator_id, figure.month), figure)
    return {indicator.name: [f for (pk, _), f in sorted(latest.items()) if pk == indicator.pk]
            for indicator in indicators}


def figure_ref(figure: Figure, field: str) -> Ref:
    # Figures are keyed by what they are: region, indicator and period (and revision, carried beside).
    key = f"{figure.region.code}/{figure.indicator.code}/{figure.year}-{figure.month:02d}"
    return Ref("figure", key, figure.revision, figure.indicator.code, figure.region.code, figure.year,
               figure.month, field, figure.indicator.name, figure.who, figure.recorded_at,
               submitter=figure.submitted_by)


def figure_num(figure: Figure, field: str, *, absolute: bool = False) -> Num | None:
    """A figure's field as stated ("9.0" keeps its decimal); `absolute` drops the sign (for "下降2.1%")."""
    text = figure.stated(field)
    if text is None:
        return None
    value = Decimal(text)
    if absolute:
        value = abs(value)
        text = text.lstrip("-")
    return Num(text, value, _places(text), figure_ref(figure, field))


def target_num(target: Target, *, absolute: bool = False) -> Num | None:
    if target.value is None:
        return None
    value = abs(target.value) if absolute else target.value
    text = stated(value)
    ref = Ref("target", target.pk, target.revision, target.indicator.code, target.region.code, target.year,
              None, "value", target.indicator.name, target.who, target.recorded_at)
    return Num(text, Decimal(text), _places(text), ref)


def _places(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0

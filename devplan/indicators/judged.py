"""The assessment of every indicator of a region for a month, as known at a time: the records read once and
handed to the one rule, `devplan.indicators.assessment.assess`. The status table, the dashboard, the pages,
the report and the brief all start here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from devplan.collection.models import PeriodLock
from devplan.indicators.assessment import Assessment, Thresholds, assess, target_time
from devplan.indicators.models import Figure, Indicator, Target
from devplan.indicators.services import latest_figures, target_as_of
from devplan.regions.models import Region


@dataclass(frozen=True)
class Judged:
    """An indicator's target and figure as known, and their assessment."""

    indicator: Indicator
    target: Target | None
    figure: Figure | None
    assessment: Assessment


def judge_region(
    region: Region, year: int, month: int = 12, as_of: datetime | None = None, *, main_only: bool = True,
    only: Indicator | None = None, thresholds: Thresholds | None = None,
) -> list[Judged]:
    """Every indicator (main ones by default), in the plan's order: the latest figure of the year through
    `month` known at `as_of` (a month's figures arrive in the following month, so a month is never cut at
    its last day; `as_of` None is now) and the target known then (for a locked month: when it was locked),
    assessed. `only` judges one indicator."""
    figures = latest_figures(region, year, as_of, through=month)
    indicators = Indicator.objects.all()
    if only is not None:
        indicators = indicators.filter(pk=only.pk)
    elif main_only:
        indicators = indicators.filter(is_main=True)
    # A month locked (reported up) is judged by the targets as known when it was locked (`target_time`); a
    # target first set after that judges it too, there being no judgement to keep.
    at = target_time(as_of, locked_at(region, year, month, as_of))
    judged = []
    for indicator in indicators:
        target = target_as_of(region, indicator, year, at)
        if target is None and at != as_of:
            target = target_as_of(region, indicator, year, as_of)
        figure = figures.get(indicator.pk)
        reference = figures.get(target.step_with_id) if target and target.step_with_id else None
        judged.append(Judged(indicator, target, figure, assess(indicator, target, figure, reference, thresholds)))
    return judged


def locked_at(region: Region, year: int, month: int, as_of: datetime | None = None) -> datetime | None:
    """When the month was locked, if it was locked at `as_of` (now when None): the time of the lock in force."""
    events = PeriodLock.objects.filter(region=region, year=year, month=month)
    if as_of is not None:
        events = events.filter(at__lte=as_of)
    latest = events.order_by("-at", "-pk").first()
    return latest.at if latest is not None and latest.event == PeriodLock.Event.LOCK else None

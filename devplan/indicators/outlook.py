"""What the rest of the year looks like: the growth still required to meet the target, and the
seasonal-share projection of the full year from past years' monthly figures (shown beside the official
estimate, never instead of it)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from devplan.arithmetic.numbers import index
from devplan.arithmetic.progress import required_growth_pct
from devplan.arithmetic.projection import PastYear, Projection, seasonal_share
from devplan.indicators.models import Figure, Indicator, Target
from devplan.indicators.services import figure_as_of
from devplan.regions.models import Region

PAST_YEARS_FOR_PROJECTION = 3


def _value(region: Region, indicator: Indicator, year: int, month: int, as_of: datetime | None) -> Decimal | None:
    figure = figure_as_of(region, indicator, year, month, as_of)
    return None if figure is None else figure.value


def projection(region: Region, figure: Figure, as_of: datetime | None = None) -> Projection | None:
    """Full year from this year's 1..m and the share 1..m made of the full year in up to three past years."""
    if figure.value is None or figure.month == 12 or figure.indicator.quantity != Indicator.Quantity.FLOW:
        return None
    past = []
    for year in range(figure.year - PAST_YEARS_FOR_PROJECTION, figure.year):
        through = _value(region, figure.indicator, year, figure.month, as_of)
        full = _value(region, figure.indicator, year, 12, as_of)
        if through is not None and full is not None:
            past.append(PastYear(through, full))
    return seasonal_share(figure.value, past)


def required_growth(region: Region, target: Target, figure: Figure, as_of: datetime | None = None) -> Decimal | None:
    """Growth months m+1..12 need over the same months last year for the annual target to be met.

    A level target is the full-year amount itself; a growth target becomes one through last year's full
    year. Needs last year's 1..m and full-year figures; None without them.
    """
    if figure.value is None or figure.month == 12 or target.value is None:
        return None
    last_through = _value(region, figure.indicator, figure.year - 1, figure.month, as_of)
    last_full = _value(region, figure.indicator, figure.year - 1, 12, as_of)
    if last_through is None or last_full is None:
        return None
    if target.kind == Target.Kind.LEVEL:
        annual = target.value
    elif target.kind == Target.Kind.GROWTH:
        annual = last_full * index(target.value)
    else:
        return None
    return required_growth_pct(annual, figure.value, last_full - last_through)

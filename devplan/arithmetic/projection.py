"""The seasonal-share projection of the full year from the year to date.

In past years months 1..m made up a share s of the full year; this year's 1..m divided by the mean share
predicts the full year. It needs at least two past years and is shown beside the official estimate, never
instead of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

MIN_PAST_YEARS = 2


@dataclass(frozen=True)
class PastYear:
    """Cumulative value through month m and the full-year value of one past year."""

    through_month: Decimal
    full_year: Decimal


@dataclass(frozen=True)
class Projection:
    value: Decimal
    share: Decimal
    years_used: int


def seasonal_share(year_to_date: Decimal, past_years: Sequence[PastYear]) -> Projection | None:
    """None with fewer than two usable past years (a zero full year is not usable)."""
    shares = [year.through_month / year.full_year for year in past_years if year.full_year > 0]
    if len(shares) < MIN_PAST_YEARS:
        return None
    share = sum(shares, Decimal(0)) / len(shares)
    if share <= 0:
        return None
    return Projection(value=year_to_date / share, share=share, years_used=len(shares))

"""Synthetic monthly figures: cumulative series with seasonality, a growth trend and noise.

Each county and indicator gets a base level; each year grows by a trend rate drawn around 6% with noise;
months fill the year by a seasonal profile (slow January–February, a strong December), so cumulative
values rise through the year and growth is computed from the generated levels themselves — the growth a
statistics bureau would state.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

SEASON = (0.055, 0.06, 0.08, 0.08, 0.085, 0.09, 0.08, 0.08, 0.085, 0.085, 0.09, 0.11)
MONTHS = range(1, 13)


@dataclass(frozen=True)
class SeriesRow:
    year: int
    month: int
    value: Decimal
    growth_pct: Decimal


def _year_levels(rng: random.Random, base: float, years: int) -> list[float]:
    """Full-year levels for the year before the first and every synthetic year."""
    levels = [base]
    for _ in range(years):
        levels.append(levels[-1] * (1 + rng.gauss(0.06, 0.03)))
    return levels


def _cumulative(rng: random.Random, full_year: float) -> list[float]:
    shares = [s * rng.uniform(0.9, 1.1) for s in SEASON]
    total = sum(shares)
    running, out = 0.0, []
    for share in shares:
        running += full_year * share / total
        out.append(running)
    return out


def monthly_series(rng: random.Random, first_year: int, years: int, base: float) -> Iterator[SeriesRow]:
    """Cumulative figures for months 1..12 of `years` years from `first_year`, with growth on last year."""
    levels = _year_levels(rng, base, years)
    previous = _cumulative(rng, levels[0])
    for offset in range(years):
        current = _cumulative(rng, levels[offset + 1])
        for month in MONTHS:
            value = current[month - 1]
            growth = (value / previous[month - 1] - 1) * 100
            yield SeriesRow(first_year + offset, month, Decimal(f"{value:.2f}"), Decimal(f"{growth:.1f}"))
        previous = current

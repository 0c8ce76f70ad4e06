"""Year-on-year growth from levels. The growth of a sum comes from the summed levels, never from an
average of growth rates."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from devplan.arithmetic.numbers import HUNDRED


def growth_pct(current: Decimal, previous: Decimal) -> Decimal | None:
    """(current / previous − 1) × 100; None when last year's value is zero or negative (no meaningful rate)."""
    if previous <= 0:
        return None
    return (current / previous - 1) * HUNDRED


def growth_of_sum(pairs: Iterable[tuple[Decimal, Decimal]]) -> Decimal | None:
    """Growth of a total from (current, previous) level pairs, e.g. a prefecture from its counties."""
    current = Decimal(0)
    previous = Decimal(0)
    for this_year, last_year in pairs:
        current += this_year
        previous += last_year
    return growth_pct(current, previous)


def implied_previous(current: Decimal, growth: Decimal) -> Decimal | None:
    """Last year's value implied by this year's value and its growth: current / (1 + g)."""
    divisor = 1 + growth / HUNDRED
    if divisor <= 0:
        return None
    return current / divisor


def month_value(cumulative: Decimal, previous_cumulative: Decimal | None) -> Decimal:
    """This month's own value from two cumulative (1..m) figures; month 1 is its own cumulative."""
    return cumulative if previous_cumulative is None else cumulative - previous_cumulative

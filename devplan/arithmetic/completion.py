"""Completion of the annual plan for each kind of target, with the convention used stated.

Level target T: value / T. Growth target g_T: the ratio of growth indices (1 + g) / (1 + g_T) — the
statistical textbook rule and the seed's (fixed-asset investment 1.080 / 1.090 = 99.1%). Dividing the rates
(g / g_T) is offered only so reports written that way can be recognised; it explodes for small or negative
targets. For a reduction target (a negative g_T, e.g. energy use per unit of GDP −3.6%) lower is better, so
the indices are inverted: (1 + g_T) / (1 + g) exceeds 100% when the reduction beats the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from devplan.arithmetic.numbers import HUNDRED, index


class GrowthConvention(StrEnum):
    INDEX_RATIO = "index"
    RATE_RATIO = "rate"


@dataclass(frozen=True)
class Completion:
    """Share of the plan done (percent, unrounded), whether the target is met, and how it was computed."""

    pct: Decimal | None
    met: bool | None
    basis: str


def level(value: Decimal, target: Decimal, *, basis: str = "value/target") -> Completion:
    if target <= 0:
        return Completion(None, None, basis)
    pct = value / target * HUNDRED
    return Completion(pct, pct >= HUNDRED, basis)


def growth(
    growth_pct: Decimal,
    target_pct: Decimal,
    convention: GrowthConvention = GrowthConvention.INDEX_RATIO,
    *,
    basis: str = "growth",
) -> Completion:
    met = growth_pct >= target_pct
    if convention is GrowthConvention.RATE_RATIO:
        if target_pct == 0:
            return Completion(None, met, f"{basis} rate ratio g/gT (undefined for a zero target)")
        return Completion(growth_pct / target_pct * HUNDRED, met, f"{basis} rate ratio g/gT")
    if target_pct < 0:
        pct = index(target_pct) / index(growth_pct) * HUNDRED
        return Completion(pct, growth_pct <= target_pct, f"{basis} reduction index (1+gT)/(1+g)")
    return Completion(index(growth_pct) / index(target_pct) * HUNDRED, met, f"{basis} index (1+g)/(1+gT)")


def ceiling(value: Decimal, limit: Decimal) -> Completion:
    """A ceiling ("控制在4.5%以内") is met at or under the limit; over it, completion is limit / value."""
    if value <= limit:
        return Completion(HUNDRED, True, "ceiling: value ≤ limit")
    return Completion(limit / value * HUNDRED, False, "ceiling: limit/value")


def in_step(growth_pct: Decimal, reference_growth_pct: Decimal, reference_name: str) -> Completion:
    """"与经济增长同步": met when the growth is at least the reference's; short of it, the index ratio."""
    basis = f"in step with {reference_name}: growth vs its growth"
    if growth_pct >= reference_growth_pct:
        return Completion(HUNDRED, True, basis)
    return Completion(index(growth_pct) / index(reference_growth_pct) * HUNDRED, False, basis)


def gap_points(growth_pct: Decimal, target_pct: Decimal) -> Decimal:
    """How many percentage points the growth is above (+) or below (−) its target: "低于目标1个百分点"."""
    return growth_pct - target_pct

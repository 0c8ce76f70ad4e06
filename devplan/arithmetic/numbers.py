"""Decimal helpers shared by the formulas: exact inputs, rounding half up as statistics offices do."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)
ONE = Decimal(1)


def as_decimal(value: Decimal | int | str | float) -> Decimal:
    """An exact Decimal; floats go through their shortest repr so 0.1 stays 0.1."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def round_half_up(value: Decimal, places: int = 1) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def index(growth_pct: Decimal) -> Decimal:
    """Growth of 8.0% as the index 1.080."""
    return ONE + growth_pct / HUNDRED

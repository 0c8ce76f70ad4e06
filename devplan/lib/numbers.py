"""Printing a stored number as it was stated: 188.2 stays 188.2, 9.0 keeps its one decimal, and a number
whose stated places are unknown prints without trailing zeros (428.3000 → 428.3)."""

from __future__ import annotations

from decimal import Decimal


def stated(value: Decimal | int | float, places: int | None = None) -> str:
    """`value` with `places` decimals (as it was written), or normalised when `places` is None."""
    number = value if isinstance(value, Decimal) else Decimal(repr(value) if isinstance(value, float) else value)
    if places is None:
        text = format(number.normalize(), "f")
        return "0" if text in ("-0", "") else text
    return format(round(number, places), "f")

"""Decimals as JSON numbers: 617 rather than 617.0000, 2.2 rather than "2.2000"."""

from __future__ import annotations

from decimal import Decimal


def to_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    normal = value.normalize()
    if normal == normal.to_integral_value():
        return int(normal)
    return float(normal)

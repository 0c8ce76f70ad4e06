"""Interval arithmetic on stated precision, in Decimal."""

from __future__ import annotations

from decimal import Decimal

from devplan.reader.interval import Interval, half_unit, rounded, truncated


def test_a_stated_number_stands_for_its_rounding_interval() -> None:
    assert rounded(Decimal("49.5")) == Interval(Decimal("49.45"), Decimal("49.55"))
    assert half_unit(Decimal("617")) == Decimal("0.5")


def test_truncation_interval() -> None:
    assert truncated(Decimal("97")) == Interval(Decimal("97"), Decimal("98"))


def test_sum_of_four_one_decimal_parts_can_miss_by_a_tenth() -> None:
    parts = [rounded(Decimal(v)) for v in ("27.7", "0.8", "1.4", "19.5")]
    total = sum(parts, Interval.exact(Decimal(0)))
    assert total.overlaps(rounded(Decimal("49.5")))


def test_no_float_drift() -> None:
    total = rounded(Decimal("0.1")) + rounded(Decimal("0.2"))
    assert total.mid == Decimal("0.3")


def test_whole_numbers_inside() -> None:
    assert not (Interval.exact(Decimal(254)) / Interval(Decimal("1.3385"), Decimal("1.3395"))).contains_integer()

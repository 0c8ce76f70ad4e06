"""Interval arithmetic on stated precision: 49.5 stands for anything in [49.45, 49.55].

Bounds are closed, which errs towards accepting numbers at the very edge of rounding; an error
is only reported when no rounding at all can reconcile the figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

ONE = Decimal(1)
HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Interval:
    lo: Decimal
    hi: Decimal

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        return cls(value, value)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __mul__(self, other: Interval) -> Interval:
        products = [self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi]
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other.lo <= 0 <= other.hi:
            raise ZeroDivisionError("interval divisor contains zero")
        # Each bound divided outright, not times 1/x: 45 ÷ 48 is 0.9375 exactly, while 45 × (1 ÷ 48) falls a hair short of
        # it and would put an exact 93.75% outside a stated 93.8%.
        quotients = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        return Interval(min(quotients), max(quotients))

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def contains_integer(self) -> bool:
        return self.lo.to_integral_value(rounding="ROUND_CEILING") <= self.hi

    def below(self, other: Interval) -> bool:
        """Every value here is smaller than every value there."""
        return self.hi < other.lo

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2


def half_unit(value: Decimal) -> Decimal:
    """Half of the last stated digit: 49.5 -> 0.05, 617 -> 0.5."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(exponent - 1)


def rounded(value: Decimal) -> Interval:
    """Every number that rounds to `value` at its stated precision."""
    half = half_unit(value)
    return Interval(value - half, value + half)


def truncated(value: Decimal) -> Interval:
    """Every number that truncates to `value` (97.8 written as "97")."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    step = Decimal(1).scaleb(exponent)
    return Interval(value, value + step) if value >= 0 else Interval(value - step, value)


def index(growth_pct: Interval) -> Interval:
    """A growth rate in % as a growth index: 8% -> 1.08."""
    return Interval(ONE + growth_pct.lo / HUNDRED, ONE + growth_pct.hi / HUNDRED)


def _rounded_to(value: Decimal, exponent: int) -> Decimal:
    """`value` at 10**exponent; a number with more digits than Decimal's precision holds (found by fuzzing:
    a text of thirty digits) stays as it is rather than raising."""
    try:
        return value.quantize(Decimal(1).scaleb(exponent))
    except InvalidOperation:
        return value


def show(value: Decimal, places: int = 1) -> str:
    """A computed value for a message, at `places` decimals, without a trailing '-0'."""
    return str(_rounded_to(value, -places) + 0)


def tidy(value: Decimal, places: int = 2) -> str:
    """At most `places` decimals and no trailing zeros: 250.00 -> '250', 31.0383 -> '31.04'."""
    return format(_rounded_to(value, -places).normalize() + 0, "f")


def at_precision_of(value: Decimal, like: Decimal) -> Decimal:
    """`value` rounded to the number of decimals `like` was stated with."""
    exponent = like.as_tuple().exponent
    assert isinstance(exponent, int)
    return _rounded_to(value, min(exponent, 0)) + 0

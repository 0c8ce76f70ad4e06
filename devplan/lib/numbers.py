"""Printing a stored number as it was stated: 188.2 stays 188.2, 9.0 keeps its one decimal, and a number
whose stated places are unknown prints without trailing zeros (428.3000 → 428.3)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def stated(value: Decimal | int | float, places: int | None = None) -> str:
    """`value` with `places` decimals (as it was written), or normalised when `places` is None."""
    number = value if isinstance(value, Decimal) else Decimal(repr(value) if isinstance(value, float) else value)
    if places is None:
        text = format(number.normalize(), "f")
        return "0" if text in ("-0", "") else text
    return format(round(number, places), "f")


def rounded(value: Decimal | int | float, places: int = 1) -> str:
    """A computed number (a completion, a time progress, a sum) rounded half up to `places` and printed
    without trailing zeros: 97.2377 → 97.2, 100.0 → 100. Stated figures go through `stated` instead."""
    number = value if isinstance(value, Decimal) else Decimal(repr(value) if isinstance(value, float) else value)
    exact = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return stated(exact)


def in_column(value: Decimal | int | float, places: int = 1) -> str:
    """A computed number that stands in a column of such numbers (a project's completion and time progress, in
    the documents' tables and on the pages alike): rounded half up and printed with exactly `places` decimals,
    so the column lines up — 52.2 and 53.0, not 53."""
    number = value if isinstance(value, Decimal) else Decimal(repr(value) if isinstance(value, float) else value)
    return format(number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")


def json_text(value: int | float | Decimal) -> str:
    """A number that went through JSON (`jsonnum.stated_number` keeps a stated ".0" as a float) printed as it
    was stated: 9.0 → 9.0, 188.2 → 188.2, 617 → 617 — never 1e-05 or 188.20000000000002-style noise."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        return text if "e" not in text else stated(value)
    return stated(value)

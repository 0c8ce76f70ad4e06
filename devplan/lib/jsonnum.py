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


def stated_number(text: str | None) -> int | float | None:
    """A number as a report stated it ("9.0", "617") as a JSON number that keeps a stated ".0" (9.0, not 9), so
    whoever prints it prints what the report said."""
    if text is None:
        return None
    return float(text) if "." in text else int(text)


def with_text(name: str, text: str | None) -> dict[str, int | float | str | None]:
    """A stated number as two JSON fields: `name`, the number (12.7 — JSON cannot keep "12.70"), and
    `name_text`, the number as stated and as every page prints it ("12.70"); both null when absent. Every API
    answer that carries a stated figure (/api/status, /api/rollup, /api/ranking, the write echoes, figure
    revisions and submissions) uses it."""
    return {name: stated_number(text), f"{name}_text": text}

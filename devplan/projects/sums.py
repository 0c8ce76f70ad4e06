"""Parts against their total, as deputies check them: 119 + 104 + 2 = 225 projects. Pure: no Django.

Counts must add up exactly. Amounts stated with d decimals are rounded, so n parts may differ from their
total by up to n × half a unit of the last place (27.7 + 0.8 + 1.4 + 19.5 = 49.4 against a stated 49.5):
within that the difference is a warning, beyond it an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from devplan.arithmetic.numbers import round_half_up
from devplan.lib.jsonnum import to_number


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Check:
    check: str
    severity: Severity
    message: str
    stated: Decimal | None = None
    computed: Decimal | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "severity": self.severity.value,
            "message": self.message,
            "stated": to_number(self.stated),
            "computed": to_number(self.computed),
        }


def pct(value: Decimal | None) -> int | float | None:
    """A percentage for JSON, rounded half up to one decimal."""
    return None if value is None else to_number(round_half_up(value))


def exact(value: Decimal | int | None) -> Decimal | None:
    """A stored number as stated: 657.4000 → 657.4, so sums print and round as the plan wrote them."""
    return None if value is None else Decimal(value).normalize()


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def rounding_tolerance(total: Decimal, parts: Sequence[Decimal]) -> Decimal:
    """How far n parts stated to d decimals may miss their total by rounding alone: n × 0.5 × 10⁻ᵈ."""
    places = max(_places(value) for value in [total, *parts])
    return len(parts) * Decimal("0.5").scaleb(-places)


def parts_against_total(
    check: str, what: str, total: Decimal, parts: Sequence[Decimal], unit: str, *, exact: bool = False
) -> Check:
    """Compare the sum of `parts` with the stated `total`; `what` names them ("三类项目的总投资")."""
    computed = sum(parts, Decimal(0))
    shown = "＋".join(format(p, "f") for p in parts)
    if computed == total:
        return Check(check, Severity.INFO, f"{what}：{shown}＝{computed}{unit}，与合计相符", total, computed)
    difference = abs(computed - total)
    if not exact and difference <= rounding_tolerance(total, parts):
        message = f"{what}：{shown}＝{computed}{unit}，与所述合计{total}{unit}相差{difference}{unit}，在四舍五入误差以内"
        return Check(check, Severity.WARNING, message, total, computed)
    message = f"{what}：{shown}＝{computed}{unit}，与所述合计{total}{unit}不符（相差{difference}{unit}）"
    return Check(check, Severity.ERROR, message, total, computed)

"""The same quantity stated in several documents of one place — the plan report, the government work report,
the statistical bulletin, the budget report — compared: what they state differently beyond rounding.

A quantity is a thing (the indicator, else the cleaned subject: `checks.common.key_of`), a period (year and
months), and what is said of it (an actual or estimated level, a growth rate, a target of either). Loose
figures (约, 近, 超过…) and facts without a year are left out: they cannot disagree with anything. Two
statements disagree when no number rounds to both (targets are exact); units of one kind are converted
(万元 and 亿元). Preliminary figures are often revised before the bulletin, so a disagreement is a warning to
look at, not an error.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from devplan.reader.audit import AuditResult
from devplan.reader.checks.common import compatible, interval_in, key_of, stated
from devplan.reader.facts import Fact
from devplan.reader.findings import WARNING
from devplan.reader.periods import Period

# What is said of a quantity, in words.
_SAID = {("actual", "level"): "数值", ("estimate", "level"): "预计数", ("growth", "growth"): "增速",
         ("estimate", "growth"): "预计增速", ("target", "level"): "目标", ("target", "growth"): "增速目标"}


@dataclass(frozen=True, slots=True)
class Statement:
    """One document's fact: `document` indexes the documents compared, `fact` its facts."""

    document: int
    source: str
    fact: Fact

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "source": self.source, "fact": self.fact.index,
                "text": self.fact.text, "start": self.fact.start, "end": self.fact.end}


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Two documents stating one quantity differently beyond rounding."""

    message: str
    statements: tuple[Statement, Statement]
    severity: str = WARNING

    def to_json(self) -> dict[str, Any]:
        return {"check": "across_documents", "severity": self.severity, "message": self.message,
                "statements": [statement.to_json() for statement in self.statements]}


def _quantity(fact: Fact) -> tuple[str, int, int, int, str, str] | None:
    said = (fact.measure, fact.kind)
    thing = key_of(fact)
    period = fact.period
    if said not in _SAID or thing is None or period is None or period.year is None or fact.approximate:
        return None
    if fact.unit_info is None:
        return None
    return (thing, period.year, period.first, period.last, *said)


def _period_words(period: Period) -> str:
    if period.full_year:
        return f"{period.year}年"
    months = f"{period.last}月" if period.first == period.last else f"{period.first}—{period.last}月"
    return f"{period.year}年{months}"


def _disagree(a: Statement, b: Statement) -> bool:
    unit_a, unit_b = a.fact.unit_info, b.fact.unit_info
    assert unit_a is not None and unit_b is not None
    if not compatible(unit_a, unit_b):
        return False  # 亿元 and 万人 are not one quantity, whatever the subject says
    return not interval_in(a.fact, unit_a).overlaps(interval_in(b.fact, unit_a))


def compare(results: Sequence[AuditResult]) -> list[Disagreement]:
    """Every pair of documents that state one quantity differently beyond rounding, each pair once (the
    first statement of the quantity in each document speaks for it)."""
    first: dict[tuple[str, int, int, int, str, str], list[Statement]] = defaultdict(list)
    for number, result in enumerate(results):
        seen: set[tuple[str, int, int, int, str, str]] = set()
        for fact in result.facts:
            quantity = _quantity(fact)
            if quantity is not None and quantity not in seen:
                seen.add(quantity)
                first[quantity].append(Statement(number, result.source, fact))
    found = []
    for quantity, statements in first.items():
        for i, a in enumerate(statements):
            for b in statements[i + 1:]:
                if _disagree(a, b):
                    name = a.fact.subject or a.fact.entity or quantity[0]
                    period = Period(quantity[1], quantity[2], quantity[3])
                    said = _SAID[(quantity[4], quantity[5])]
                    found.append(Disagreement(
                        f"“{name}”{_period_words(period)}的{said}：{a.source} 写{stated(a.fact)}，"
                        f"{b.source} 写{stated(b.fact)}，超出舍入误差", (a, b)))
    return found

"""Months that add up: 1—8月，…零售总额486.42亿元…。1—7月累计实现425.05亿元，8月当月实现61.37亿元 — the months to date
before and the month after, side by side, make the months to date the sentence before states."""

from __future__ import annotations

import itertools

from devplan.reader.checks.balance import two_figures
from devplan.reader.checks.common import stated, verdict
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import Finding


def check_months_add_up(sentence: Sentence) -> list[Finding]:
    """Two amounts side by side of months that follow on (1—7月, then 8月) add up to the one figure of the sentence
    before whose months are both (1—8月) — of the same thing when they name it, and only when that figure is the one
    amount of those months there (else which one is theirs is unsure): silent otherwise."""
    findings = []
    for earlier, later in itertools.pairwise(sentence.facts):
        if not (_plain(earlier) and _plain(later) and _follow_on(earlier, later)):
            continue
        whole = _months_stated(sentence.before, earlier, later)
        if whole is None or (checked := two_figures(earlier, "+", later, whole)) is None:
            continue
        fits, common, computed = checked
        findings.append(verdict("parts_total", fits, f"前期累计加当月为{computed}，与所述累计数相符。",
                                f"前期累计{stated(earlier)}加当月{stated(later)}应为{computed}，所述累计{stated(whole)}不符。",
                                common, sentence.text))
    return findings


def _plain(fact: Fact) -> bool:
    """An amount as it was (no plan, no last year's, nothing loose), its months and year the reader's own."""
    unit = fact.unit_info
    return (fact.kind == "level" and fact.measure == "actual" and not fact.compared and not fact.approximate
            and fact.whole is None and fact.period is not None and unit is not None and not unit.is_percent)


def _follow_on(earlier: Fact, later: Fact) -> bool:
    """1—7月 then 8月 alone, of one year and one thing (or neither named)."""
    a, b = earlier.period, later.period
    assert a is not None and b is not None
    return (a.year == b.year and b.first == b.last == a.last + 1 and a.first < a.last
            and earlier.entity == later.entity)


def _months_stated(before: list[Fact], earlier: Fact, later: Fact) -> Fact | None:
    """The one amount of the sentence before whose months run from the earlier's first to the later's month, of their
    thing when they name it."""
    a, b = earlier.period, later.period
    assert a is not None and b is not None
    wanted = a._replace(last=b.last)
    found = [f for f in before if _plain(f) and f.period == wanted
             and (earlier.entity is None or f.entity == earlier.entity)]
    return found[0] if len(found) == 1 else None

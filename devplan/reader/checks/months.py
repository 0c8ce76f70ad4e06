"""Months that add up: 1—8月，…零售总额486.42亿元…。1—7月累计实现425.05亿元，8月当月实现61.37亿元 — the months to date
before and the month after, side by side, make the months to date the sentence before states (or an earlier sentence:
从月度看，1—8月…收入19.68亿元，9月当月入库2.05亿元 after the paragraph's 1—9月 figure)."""

from __future__ import annotations

import itertools
import re

from devplan.reader.checks.balance import two_figures
from devplan.reader.checks.common import key_of, stated, verdict
from devplan.reader.checks.memory import Memory
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import Finding
from devplan.reader.numbers import normalize
from devplan.reader.periods import OWN_MONTHS, PERIOD_WORDS_RE


def check_months_add_up(sentence: Sentence, memory: Memory) -> list[Finding]:
    """Two amounts side by side of months that follow on (1—7月, then 8月; 上半年, then 三季度) add up to the one figure of
    the sentence before whose months are both (1—8月) — of the same thing when they name it, and only when that figure is
    the one amount of those months there (else which one is theirs is unsure); when the sentence before has none, the
    thing's figure of those months stated earlier in the document: silent otherwise."""
    findings = []
    for earlier, later in itertools.pairwise(sentence.facts):
        # The month may already be read as a part of the months' figure stated earlier (9月当月入库… of 1—9月's): of that one.
        within = _amount(later) and later.whole is not None
        if not (_plain(earlier) and (_plain(later) or within) and _follow_on(earlier, later)):
            continue
        whole = _months_stated(sentence.before, earlier, later) or _stated_earlier(memory, earlier, later)
        if whole is None or (within and whole.index != later.whole) \
                or (checked := two_figures(earlier, "+", later, whole)) is None:
            continue
        fits, common, computed = checked
        findings.append(verdict("parts_total", fits, f"前期累计加当月为{computed}，与所述累计数相符。",
                                f"前期累计{stated(earlier)}加当月{stated(later)}应为{computed}，所述累计{stated(whole)}不符。",
                                common, sentence.text))
    return findings


def _plain(fact: Fact) -> bool:
    """An amount as it was (no plan, no last year's, nothing loose), its months and year the reader's own, no list's part."""
    return _amount(fact) and fact.whole is None


def _amount(fact: Fact) -> bool:
    """An amount as it was, its months and year the reader's own — perhaps a part of a list (其中，出口17.82亿元)."""
    unit = fact.unit_info
    return (fact.kind == "level" and fact.measure == "actual" and not fact.compared and not fact.approximate
            and fact.period is not None and unit is not None and not unit.is_percent)


def _follow_on(earlier: Fact, later: Fact) -> bool:
    """1—7月 then 8月, or 上半年 then 三季度, of one year and one thing (or neither named, or the later named by its own
    months alone)."""
    a, b = earlier.period, later.period
    assert a is not None and b is not None
    return (a.year == b.year and b.first == a.last + 1 and b.first <= b.last and a.first < a.last
            and (earlier.entity == later.entity or _months_own(later)))


# 10月当月入库0.97亿元, 三季度单季实现87.41亿元: the later figure named by its months and a verb alone, of the thing the
# months before it are of. The months' words may hold 当月 or 单月 themselves (9月当月), so the mark is looked for apart.
_MONTHS_ALONE = re.compile(rf"^(?:{PERIOD_WORDS_RE.pattern})\s*{OWN_MONTHS}?\s*(?:实现|完成|入库|录得|为)?\s*[\d.]+")
_OWN_MARK = re.compile(OWN_MONTHS)


def _months_own(fact: Fact) -> bool:
    text = normalize(fact.text)
    return _OWN_MARK.search(text) is not None and _MONTHS_ALONE.match(text) is not None


def _stated_earlier(memory: Memory, earlier: Fact, later: Fact) -> Fact | None:
    """The thing's figure stated earlier in the document for the months of both, when the earlier names its thing: an
    indicator's amount in the unit it is measured in (never a rate misread as its level), else the thing's latest."""
    a, b = earlier.period, later.period
    assert a is not None and b is not None
    months, key = a._replace(last=b.last), key_of(earlier)
    if not earlier.entity or key is None:
        return None
    found = memory.indicator_level(earlier.indicator, months) if earlier.indicator else memory.level(key, months)
    return found if found is not None and _amount(found) else None


def _months_stated(before: list[Fact], earlier: Fact, later: Fact) -> Fact | None:
    """The one amount of the sentence before whose months run from the earlier's first to the later's month, of their
    thing when they name it."""
    a, b = earlier.period, later.period
    assert a is not None and b is not None
    wanted = a._replace(last=b.last)
    found = [f for f in before if _plain(f) and f.period == wanted
             and (earlier.entity is None or f.entity == earlier.entity)]
    return found[0] if len(found) == 1 else None

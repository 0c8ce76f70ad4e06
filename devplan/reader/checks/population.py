"""A bulletin's population rates: 人口自然增长率 = 出生率 − 死亡率, and an urbanisation rate against the population and
its 城镇人口 stated before it in the sentence (年末户籍总人口96.38万人，其中城镇人口38.62万人，…户籍人口城镇化率为40.1%)."""

from __future__ import annotations

import re
from decimal import Decimal

from devplan.reader.checks.common import (
    compatible,
    interval_in,
    percent_fit,
    plain,
    stated,
    value_in,
    verdict,
)
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import Evidence, Finding
from devplan.reader.interval import HUNDRED, Interval, rounded, show

_RATE = re.compile(r"^(?P<scope>人口)?(?P<what>出生率|死亡率|自然增长率)$")
# Whose population: 户籍 or 常住 (the rate named without either is of the resident population).
_SCOPE = re.compile(r"^(?:年末)?(?:全[市县区省])?(?P<scope>户籍|常住)?(?:总)?人口$")
_URBAN = re.compile(r"^(?P<scope>户籍|常住)?(?:人口)?城镇化率$")


def check_population(sentence: Sentence) -> list[Finding]:
    # Most sentences name neither rate: one test each before any work.
    return [*(_natural_growth(sentence) if "自然增长率" in sentence.text else []),
            *(_urbanisation(sentence) if "城镇化率" in sentence.text else [])]


def _natural_growth(sentence: Sentence) -> list[Finding]:
    """出生率6.82‰，死亡率9.23‰，自然增长率-2.41‰ in one sentence, each exact and in ‰: the third is the first less the
    second, within the rounding of each."""
    rates: dict[str, Fact] = {}
    for fact in sentence.facts:
        named = _RATE.match(fact.entity or "")
        if named and fact.unit == "‰" and fact.kind == "level" and not fact.approximate and not fact.compared:
            rates.setdefault(named.group("what"), fact)
    births, deaths, growth = (rates.get(k) for k in ("出生率", "死亡率", "自然增长率"))
    if births is None or deaths is None or growth is None or len({births.period, deaths.period, growth.period}) > 1:
        return []
    computed = births.value - deaths.value
    fits = (rounded(births.value) - rounded(deaths.value)).overlaps(rounded(growth.value))
    arithmetic = f"{plain(births.value)}‰ − {plain(deaths.value)}‰ = {plain(computed)}‰，所述 {stated(growth)}"
    common = Evidence(facts=[births.index, deaths.index, growth.index], stated=growth.value, computed=computed, arithmetic=arithmetic)
    return [verdict("point_gap", fits, f"人口自然增长率{plain(computed)}‰（出生率减死亡率），与所述相符。",
                    f"人口自然增长率应为出生率减死亡率{plain(computed)}‰，所述{stated(growth)}不符。", common, sentence.text)]


def _urbanisation(sentence: Sentence) -> list[Finding]:
    """An urbanisation rate after a population (户籍总人口, 常住人口) whose 城镇人口 the sentence lists as its part: the part
    over the whole — only of the same population (户籍人口城镇化率 of 户籍总人口; 城镇化率 named alone of 常住人口)."""
    findings = []
    by_index = {f.index: f for f in sentence.facts}
    for k, rate in enumerate(sentence.facts):
        named = _URBAN.match(rate.entity or "")
        if named is None or rate.unit != "%" or rate.approximate or rate.compared:
            continue
        town = next((f for f in reversed(sentence.facts[:k]) if (f.entity or "").endswith("城镇人口") and f.whole is not None
                     and not f.approximate and f.period == rate.period), None)
        whole = by_index.get(town.whole) if town is not None and town.whole is not None else None
        scope = _SCOPE.match(whole.entity or "") if whole is not None else None
        if town is None or whole is None or scope is None or whole.approximate \
                or (scope.group("scope") or "常住") != (named.group("scope") or "常住"):
            continue
        unit = whole.unit_info
        if unit is None or town.unit_info is None or not compatible(unit, town.unit_info) or whole.value <= 0:
            continue
        computed = value_in(town, unit) / whole.value * HUNDRED
        fits = percent_fit(interval_in(town, unit) / interval_in(whole, unit) * Interval.exact(HUNDRED), rate.value) is not None
        arithmetic = f"{stated(town)} ÷ {stated(whole)} = {show(computed)}%，所述 {stated(rate)}"
        common = Evidence(facts=[town.index, whole.index, rate.index], stated=rate.value, computed=Decimal(show(computed)),
                          arithmetic=arithmetic)
        findings.append(verdict("share_levels", fits, f"{rate.entity}{show(computed)}%，与所述{stated(rate)}相符。",
                                f"{rate.entity}应为{show(computed)}%（城镇人口÷{whole.entity}），所述{stated(rate)}不符。",
                                common, sentence.text))
    return findings

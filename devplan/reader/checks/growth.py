"""Growth rates against levels: the whole number a count's growth implies for last year, and growth
recomputed from this period's and last year's levels."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from devplan.reader.checks.common import (
    compatible,
    interval_in,
    key_of,
    percent_fit,
    plain,
    stated,
    stated_interval,
    value_in,
)
from devplan.reader.checks.memory import Memory
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, WARNING, Evidence, Finding
from devplan.reader.interval import HUNDRED, ONE, Interval, at_precision_of, index, rounded, show
from devplan.reader.lexicon import Lexicon
from devplan.reader.periods import Period

_SCOPE_WORDS = ("规上", "限上", "规模以上", "限额以上", "投资")


def _growth_facts(sentence: Sentence) -> list[Fact]:
    return [f for f in sentence.facts if f.measure == "growth" and f.unit == "%" and not f.approximate]


def _level_before(sentence: Sentence, growth: Fact, period: Period | None) -> Fact | None:
    for other in reversed(sentence.facts[: sentence.facts.index(growth)]):
        if other.kind == "level" and other.measure == "actual" and other.entity == growth.entity and other.period == period:
            return other
    return None


def check_implied_base(sentence: Sentence) -> list[Finding]:
    findings = []
    for growth in _growth_facts(sentence):
        count = _level_before(sentence, growth, growth.period)
        unit = count.unit_info if count else None
        if count is None or unit is None or not unit.is_whole_count or count.approximate or count.value <= 0:
            continue
        if growth.value <= -HUNDRED:  # nothing last year can fall by all of it and leave a count
            continue
        finding = _implied_base(count, growth)
        finding.sentence = sentence.text
        findings.append(finding)
    return findings


def _growth_for(count: Decimal, base: Decimal, like: Decimal) -> Decimal:
    return at_precision_of((count / base - ONE) * HUNDRED, like)


def _implied_base(count: Fact, growth: Fact) -> Finding:
    base_iv = stated_interval(count) / index(rounded(growth.value))
    base = count.value / (ONE + growth.value / HUNDRED)
    ids = [count.index, growth.index]
    head = f"{count.subject}{stated(count)}、同比增长{stated(growth)}"
    if base_iv.contains_integer():
        whole = base.to_integral_value(rounding=ROUND_HALF_UP)
        return Finding(
            "implied_base_not_whole", INFO,
            f"{head}：上年为{show(base)}{count.unit}，可为整数{plain(whole)}{count.unit}，相符。",
            ids, stated=growth.value, computed=growth.value,
            arithmetic=f"{plain(count.value)} ÷ (1+{plain(growth.value)}%) = {show(base)}",
        )
    # A count cannot come from nothing: the candidates for last year start at 1 (found by atheris: "1个，增长900%").
    nearest = max(ONE, base.to_integral_value(rounding=ROUND_HALF_UP))
    other = nearest + 1 if nearest < base or nearest == ONE else nearest - 1
    computed = _growth_for(count.value, nearest, growth.value)
    alternative = _growth_for(count.value, other, growth.value)
    return Finding(
        "implied_base_not_whole", WARNING,
        f"{head}：上年应为{show(base)}{count.unit}，不是整数；{plain(nearest)}{count.unit}对应{plain(computed)}%，"
        f"{plain(other)}{count.unit}对应{plain(alternative)}%（可能上年数经过口径调整）。",
        ids, stated=growth.value, computed=computed,
        arithmetic=f"{plain(count.value)} ÷ (1+{plain(growth.value)}%) = {show(base)}",
    )


def check_growth_levels(sentence: Sentence, memory: Memory, lexicon: Lexicon) -> list[Finding]:
    findings = []
    for growth in _growth_facts(sentence):
        period, key = growth.period, key_of(growth)
        if period is None or period.year is None or key is None:
            continue
        current = _level_before(sentence, growth, period) or memory.level(key, period)
        last_period = Period(period.year - 1, period.first, period.last)
        previous = _level_before(sentence, growth, last_period) or memory.level(key, last_period)
        if current is None or previous is None:
            continue
        finding = _growth_levels(growth, current, previous, lexicon)
        if finding:
            finding.sentence = sentence.text
            findings.append(finding)
    return findings


def _growth_levels(growth: Fact, current: Fact, previous: Fact, lexicon: Lexicon) -> Finding | None:
    unit, previous_unit = current.unit_info, previous.unit_info
    if unit is None or previous_unit is None or not compatible(unit, previous_unit) or previous.value <= 0:
        return None
    ids = [previous.index, current.index, growth.index]
    indicator = lexicon.indicators.get(growth.indicator or "")
    subject = growth.subject or ""
    if indicator and indicator.prices == "comparable":
        return Finding(
            "growth_levels", INFO,
            f"{subject}增速{stated(growth)}按可比价计算，不能由现价总量{stated(previous)}、{stated(current)}推算，未核对。",
            ids, stated=growth.value,
        )
    computed = (value_in(current, unit) / value_in(previous, unit) - ONE) * HUNDRED
    computed_iv = (interval_in(current, unit) / interval_in(previous, unit) - Interval.exact(ONE)) * Interval.exact(HUNDRED)
    arithmetic = f"{stated(current)} ÷ {stated(previous)} − 1 = {show(computed)}%，所述 {stated(growth)}"
    common = Evidence(facts=ids, stated=growth.value, computed=Decimal(show(computed)), arithmetic=arithmetic)
    if percent_fit(computed_iv, growth.value) == "rounded":
        return Finding("growth_levels", INFO, f"{subject}由两期总量算得增长{show(computed)}%，与所述{stated(growth)}相符。", **common)
    scoped = (indicator is not None and indicator.scope_adjusted) or any(w in subject for w in _SCOPE_WORDS)
    if scoped:
        return Finding(
            "growth_levels", INFO,
            f"{subject}由两期总量算得增长{show(computed)}%，所述{stated(growth)}；该指标按可比口径计算增速，可能为口径调整。",
            **common,
        )
    return Finding(
        "growth_levels", ERROR,
        f"{subject}由{stated(previous)}到{stated(current)}应增长{show(computed)}%，所述{stated(growth)}按任何舍入都不符。",
        **common,
    )



"""Multiples a sentence states between two levels it gives: one thing of another (城镇居民人均可支配收入42360元，农村居民…
20650元，城镇居民收入是农村居民的2.05倍; 第三产业增加值是第一产业的4.1倍), and a thing of itself in another year, with the
earlier level named in the sentence (由2020年的42家增加到2023年的126家，是2020年的3倍; 为2020年（12.5亿元）的2.9倍; 比上年的
23.6亿元增加…，是上年的1.56倍) or the year's growth (比上年增长55.9%，是上年的1.56倍: one plus the rate)."""

from __future__ import annotations

import re
from decimal import Decimal

from devplan.reader.checks.common import (
    agreement,
    compatible,
    interval_in,
    short_for,
    stated,
    value_in,
    verdict,
)
from devplan.reader.checks.memory import Memory
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, WARNING, Evidence, Finding
from devplan.reader.interval import HUNDRED, ONE, Interval, rounded, show
from devplan.reader.periods import Period

# 城镇居民收入是农村居民的2.05倍, 是2020年的3倍, 相当于上年的1.5倍: what is the multiple (may be unnamed: the sentence's
# subject), and of what — another thing, or a year (the thing's own level then).
# 是, 为, 相当于, or a level reached: 达到2020年的1.6倍, 增长到2020年的3倍 (增长3倍 is a growth, another rule's).
_VERB = r"(?:是|为|相当于|达到|达|增长到|增加到|提高到|提升到|扩大到|增至)"
_MULTIPLE = re.compile(rf"(?P<one>[\u4e00-\u9fff]*?){_VERB}(?P<other>[\u4e00-\u9fff\d]{{2,}}?)的[\d.]+倍$")
_YEAR = re.compile(r"^(?:(?P<year>(?:19|20)\d\d)年|(?P<last>上年|去年|上年同期))(?:末|底)?$")
# The level a multiple is of, stated in its clause right before it: 是2020年12.5亿元, 为2020年（12.5亿元）.
_BASE_IN_CLAUSE = re.compile(rf"^{_VERB}(?:(?P<year>(?:19|20)\d\d)年|(?P<last>上年|去年)|(?P<name>[\u4e00-\u9fff]{{2,8}}?))(?:末|底)?的?"
                             r"[(（]?[\d.]")
_OUTPUT = re.compile(r"产值|增加值|生产总值")
# 按可比价计算: a multiple of output at comparable prices is no ratio of the levels at current prices.
_COMPARABLE = re.compile(r"可比价|不变价|可比口径")


def check_multiples(sentence: Sentence, memory: Memory) -> list[Finding]:
    if "倍" not in sentence.text or _COMPARABLE.search(sentence.text):
        return []  # most sentences state no multiple: one test before any work
    findings = []
    for k, multiple in enumerate(sentence.facts):
        unit = multiple.unit_info
        if (unit is None or unit.kind != "multiple" or multiple.approximate or multiple.qualifier is not None
                or "分别" in multiple.text):
            continue
        before = [f for f in sentence.facts[:k] if _level(f)]
        earlier = [f for f in sentence.before if _level(f)]
        if multiple.kind == "growth":
            found = _growth_on_year(multiple, sentence.facts[:k], [*earlier, *before], memory)
            if found is not None:
                findings.append(found)
            continue
        if multiple.kind != "level":
            continue
        found = _of_base_in_clause(multiple, sentence.facts[k - 1], before) if k else None
        if found is None and (said := _MULTIPLE.search(multiple.text)) is not None:
            when = _YEAR.match(said.group("other"))
            found = ((_of_risen_from(multiple, sentence.facts[k - 1], before) if k else None)
                     or _of_year(multiple, when, sentence.facts[:k], before, earlier, memory) if when
                     else _of_other(multiple, said.group("one"), said.group("other"), before)
                     or (_of_other(multiple, said.group("one"), said.group("other"), earlier) if said.group("one") else None))
        if found is not None:
            findings.append(found)
    for finding in findings:
        finding.sentence = sentence.text
    return findings


def _level(fact: Fact) -> bool:
    unit = fact.unit_info
    return (fact.kind == "level" and fact.measure in {"actual", "estimate"} and not fact.approximate and fact.qualifier is None
            and unit is not None and not unit.is_percent and unit.kind != "multiple" and not fact.cumulative)


def _of_base_in_clause(multiple: Fact, base: Fact, before: list[Fact]) -> Finding | None:
    """为2020年（12.5亿元）的2.9倍, 相当于2020年12.5亿元的2.9倍: the level right before names no thing of its own, so it is the
    thing's of that year, and the multiple is of the latest level before it of a later year; 是全省平均水平（36000元）的1.18倍
    names another place's or thing's level, and the multiple is of the latest level before it of the same period."""
    said = _BASE_IN_CLAUSE.match(base.text)
    if base not in before or said is None or base.period is None:
        return None
    if said.group("name"):
        current = next((f for f in reversed(before) if f is not base and f.period == base.period and _alike(f, base)
                        and not f.compared), None)
    elif base.period.year is not None:
        year = base.period.year
        current = next((f for f in reversed(before) if f is not base and f.period is not None and (f.period.year or 0) > year
                        and _alike(f, base) and not f.compared), None) or _own_level_right_before(base, before)
    elif said.group("last"):
        current = _own_level_right_before(base, before)
    else:
        return None
    return _judged(multiple, current, base) if current is not None else None


def _own_level_right_before(base: Fact, before: list[Fact]) -> Fact | None:
    """全县5G基站862个，是上年末（431个）的2倍: the thing's level right before the base's clause, of no year said (the report's
    own), is the one the multiple is of — only right before, so no level of another clause is taken for it."""
    current = before[-2] if len(before) > 1 and before[-1] is base else None
    if (current is None or current.index != base.index - 1 or current.entity != base.entity or current.compared
            or current.period is None or current.period.year is not None or not _alike(current, base)):
        return None
    return current


# 农村居民人均可支配收入达到21386元，2020年为15496元，2025年是2020年的1.38倍: the year the multiple is said of, before its verb.
_OWN_YEAR = re.compile(rf"(?P<year>(?:19|20)\d\d)年{_VERB}(?:19|20)\d\d年")


def _of_year(multiple: Fact, when: re.Match[str], facts: list[Fact], before: list[Fact], earlier: list[Fact],
             memory: Memory) -> Finding | None:
    """是2020年的3倍, 是上年的1.56倍: the latest level before it is the thing's (the latest of the year named before the verb,
    2025年是2020年的1.38倍, when one is); the level of the year named, of the same
    thing, stated before it in the sentence or the one before (由2020年的42家, 比上年的23.6亿元), is the base — else, for last year, the
    thing's growth on last year right before the multiple (比上年增长55.9%)."""
    own = _OWN_YEAR.search(multiple.text)
    current = next((f for f in reversed(before) if not f.compared and f.period is not None and f.period.year
                    and (own is None or f.period.year == int(own.group("year")))), None)
    # Output over years is often put at comparable prices whether said or not (地区生产总值由2010年的232.92亿元增加到
    # 620.36亿元，…是2010年的2.67倍), and an estimate is rounded more than its digits say.
    if (current is None or current.period is None or current.period.year is None or _OUTPUT.search(current.entity or "")
            or current.measure == "estimate"):
        return None
    year = int(when.group("year")) if when.group("year") else current.period.year - 1
    base = _year_level(current, year, [*earlier, *before], memory)
    if base is not None:
        return _judged(multiple, current, base)
    if when.group("last") is None:
        return None
    growth = next((f for f in reversed(facts) if f.index > current.index and f.kind == "growth" and f.unit == "%"
                   and f.entity == current.entity and not f.approximate and not f.yearly_average), None)
    return _of_growth(multiple, growth) if growth is not None else None


def _of_risen_from(multiple: Fact, current: Fact, before: list[Fact]) -> Finding | None:
    """高新技术企业由126家增至318家，是2020年的2.5倍: right after a level risen to, a multiple of a year is of the level it
    rose from when that one's year is not said (the sentence says it by the multiple) — not of output (see _of_year)."""
    base = next((f for f in before if f.index == current.earlier), None) if current in before else None
    if (base is None or base.period is not None or _OUTPUT.search(current.entity or "") or current.measure == "estimate"
            or base.entity != current.entity):
        return None
    return _judged(multiple, current, base)


def _year_level(current: Fact, year: int, stated_before: list[Fact], memory: Memory) -> Fact | None:
    """The same thing's level of `year` and the same months: stated before in the sentence or the one before, else
    remembered for a thing the lexicon names (旅游综合收入, paragraphs earlier)."""
    period = current.period
    assert period is not None
    found = next((f for f in reversed(stated_before) if f is not current and f.period == Period(year, period.first, period.last)
                  and _alike(f, current) and f.entity == current.entity), None)
    named = memory.lexicon.named(current.entity)
    if found is None and named is not None:
        remembered = memory.indicator_level(named.code, Period(year, period.first, period.last))
        found = remembered if remembered is not None and _level(remembered) and _alike(remembered, current) else None
    return found


# 比上年增长1.4倍, 比2020年增长1.9倍: a growth in 倍 on a year's level (the level before it is the thing's).
_ON_YEAR = re.compile(r"(?:比|较)(?:(?P<year>(?:19|20)\d\d)年|(?P<last>上年|去年))(?:同期)?增长[\d.]+倍$")


def _growth_on_year(growth: Fact, facts: list[Fact], stated_before: list[Fact], memory: Memory) -> Finding | None:
    """比上年增长1.4倍 after the level, last year's level stated in the sentence before (or remembered), or its change in
    this one (比上年增加24.6亿元，增长1.9倍): the ratio less one; a ratio that fits the number itself is the common slip of
    增长N倍 for 是…的N倍 (a warning). A level linked to its base (比上年的17.0亿元) is `growth._growth_in_times`'."""
    on_year = _ON_YEAR.search(growth.text)
    current = next((f for f in reversed(facts) if _level(f) and f.entity == growth.entity and not f.compared), None)
    if (growth.yearly_average or current is None or current.earlier is not None or current.period is None
            or current.period.year is None or _OUTPUT.search(current.entity or "") or current.measure == "estimate"):
        return None
    unit = current.unit_info
    assert unit is not None
    change = next((f for f in facts if f.index > current.index and f.kind == "change" and f.entity == growth.entity
                   and f.unit_info is not None and compatible(f.unit_info, unit) and not f.yearly_average
                   and not f.approximate), None)
    if on_year is not None:
        year = int(on_year.group("year")) if on_year.group("year") else current.period.year - 1
        base = _year_level(current, year, stated_before, memory)
        if base is None:
            return None
        base_iv, base_text = interval_in(base, unit), f"{year}年{stated(base)}"
    elif change is not None:
        base, base_iv = change, interval_in(current, unit) - interval_in(change, unit)
        base_text = f"{stated(current)} − {stated(change)}"
    else:
        return None
    if base_iv.lo <= 0:
        return None
    ratio_iv = interval_in(current, unit) / base_iv
    ratio = value_in(current, unit) / base_iv.mid
    common = Evidence(facts=sorted({base.index, current.index, growth.index}), stated=growth.value,
                      computed=Decimal(show(ratio - ONE, 2)),
                      arithmetic=f"{stated(current)} ÷ ({base_text}) − 1 = {show(ratio - ONE, 2)}倍，所述增长{stated(growth)}")
    said_text = f"{current.subject or ''}{stated(current)}比{base_text}"
    stated_iv = rounded(growth.value)
    if (ratio_iv - Interval.exact(ONE)).overlaps(stated_iv):
        finding = Finding("growth_levels", INFO, f"{said_text}增长{show(ratio - ONE, 2)}倍，与所述{agreement(ratio - ONE, growth.value)}。",
                          **common)
    elif ratio_iv.overlaps(stated_iv):
        finding = Finding("growth_levels", WARNING, f"{said_text}是其{show(ratio, 2)}倍，即增长{show(ratio - ONE, 2)}倍；"
                          f"所述“增长{stated(growth)}”把“是…的N倍”说成了“增长N倍”。", **common)
    else:
        finding = Finding("growth_levels", ERROR, f"{said_text}应增长{show(ratio - ONE, 2)}倍，所述增长{stated(growth)}按任何舍入都不符。",
                          **common)
    return finding


def _of_other(multiple: Fact, one: str, other: str, before: list[Fact]) -> Finding | None:
    """城镇居民收入是农村居民的2.05倍: each thing the latest level before it named so (in full, short, or by its first
    words: 农村居民 for 农村居民人均可支配收入; 出口额 for 出口), of the same period, in the sentence or, both named, in the
    one before; an unnamed one is the latest level of the same measure."""
    if one:
        # Both named: the base of the same measure as the thing (城镇居民收入 of 农村居民's income, not its spending).
        current = next((f for f in reversed(before) if _called(f, one)), None)
        base = next((f for f in reversed(before) if f is not current and current is not None and _called(f, other)
                     and f.period == current.period and _alike(f, current)
                     and (f.entity or "")[-1:] == (current.entity or "")[-1:]), None)
    else:
        # Unnamed, it is the latest level — only one of the same measure as the base (…人均可支配收入 of both).
        base = next((f for f in reversed(before) if _called(f, other)), None)
        current = next((f for f in reversed(before) if base is not None and f is not base and f.period == base.period
                        and _alike(f, base) and _same_measure(f, base)), None)
    return _judged(multiple, current, base) if current is not None and base is not None else None


_MEASURE = 4


def _same_measure(a: Fact, b: Fact) -> bool:
    one, other = a.entity or "", b.entity or ""
    return len(one) > _MEASURE and len(other) > _MEASURE and one[-_MEASURE:] == other[-_MEASURE:]


def _called(fact: Fact, name: str) -> bool:
    own = fact.entity or ""
    name = name.removesuffix("额")
    return len(name) >= 2 and len(own) >= 2 and (own == name or own.startswith(name) or name.startswith(own)
                                                  or short_for(name, own))


def _alike(a: Fact, b: Fact) -> bool:
    ua, ub = a.unit_info, b.unit_info
    return ua is not None and ub is not None and compatible(ua, ub)


def _judged(multiple: Fact, current: Fact, base: Fact) -> Finding | None:
    unit = base.unit_info
    assert unit is not None
    if interval_in(base, unit).lo <= 0:
        return None
    ratio_iv = interval_in(current, unit) / interval_in(base, unit)
    computed = value_in(current, unit) / value_in(base, unit)
    shown = show(computed, 2)
    common = Evidence(facts=sorted({base.index, current.index, multiple.index}), stated=multiple.value,
                      computed=Decimal(shown), arithmetic=f"{stated(current)} ÷ {stated(base)} = {shown}倍，所述 {stated(multiple)}")
    # A base of the thing's own (由2020年的42家, 为2020年（12.5亿元）) is named by its year, another thing's by its name.
    clause = _BASE_IN_CLAUSE.match(base.text)
    own = base.entity == current.entity or (clause is not None and not clause.group("name"))
    year = base.period.year if base.period is not None else None
    named = (f"{year}年" if year else "") if own else clause.group("name") if clause else (base.subject or "")
    said = f"{current.subject or ''}{stated(current)}是{named}{stated(base)}的{shown}倍"
    return verdict("growth_levels", ratio_iv.overlaps(rounded(multiple.value)),
                   f"{said}，与所述{stated(multiple)}{agreement(computed, multiple.value)}。",
                   f"{said}，所述{stated(multiple)}按任何舍入都不符。", common, "")


def _of_growth(multiple: Fact, growth: Fact) -> Finding:
    """比上年增长55.9%，是上年的1.56倍: the multiple of last year is one plus the rate."""
    rate = rounded(growth.value)
    computed_iv = Interval(ONE + rate.lo / HUNDRED, ONE + rate.hi / HUNDRED)
    computed = ONE + growth.value / HUNDRED
    shown = show(computed, 3)
    common = Evidence(facts=[growth.index, multiple.index], stated=multiple.value, computed=Decimal(shown),
                      arithmetic=f"1 + {stated(growth)} = {shown}倍，所述 {stated(multiple)}")
    said = f"{growth.subject or ''}比上年增长{stated(growth)}，即上年的{shown}倍"
    return verdict("growth_levels", computed_iv.overlaps(rounded(multiple.value)),
                   f"{said}，与所述{stated(multiple)}{agreement(computed, multiple.value)}。",
                   f"{said}，所述{stated(multiple)}按任何舍入都不符。", common, "")

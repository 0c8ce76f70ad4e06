"""Shares: "甲占乙比重X%" against the two levels, and structure ratios that must sum to 100."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from devplan.reader.checks.common import compatible, interval_in, percent_fit, plain, stated, value_in
from devplan.reader.checks.memory import Memory
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, WARNING, Evidence, Finding
from devplan.reader.interval import HUNDRED, Interval, rounded, show
from devplan.reader.lexicon import Lexicon


def check_shares(sentence: Sentence, memory: Memory, lexicon: Lexicon) -> list[Finding]:
    findings = [f for f in (_share(s, sentence, memory, lexicon) for s in sentence.facts) if f]
    findings += _structure_ratios(sentence)
    for finding in findings:
        finding.sentence = sentence.text
    return findings


def _level_named(name: str, sentence: Sentence, fact: Fact, memory: Memory, lexicon: Lexicon) -> Fact | None:
    indicator = lexicon.find(name)
    for other in reversed(sentence.facts[: sentence.facts.index(fact)]):
        named = other.entity == name or (indicator is not None and other.indicator == indicator.code)
        if named and other.kind == "level" and other.measure in {"actual", "estimate"} and other.period == fact.period:
            return other
    if fact.period is None:
        return None
    found = memory.indicator_level(indicator.code, fact.period) if indicator else memory.level(name, fact.period)
    # Across sentences only a figure named exactly as the indicator stands for it (人均GDP is not GDP).
    return found if found is None or indicator is None or lexicon.named(found.entity) is not None else None


def _share(fact: Fact, sentence: Sentence, memory: Memory, lexicon: Lexicon) -> Finding | None:
    if fact.kind != "share" or fact.unit != "%" or not fact.share_of or not fact.entity:
        return None
    part = _level_named(fact.entity, sentence, fact, memory, lexicon)
    whole = _level_named(fact.share_of, sentence, fact, memory, lexicon)
    if part is not None and whole is not None and (part is whole or part.entity == whole.entity):
        whole = None  # 占全区各项税收总额 found the part itself: the whole is not stated
    if any(f is not None and f.approximate for f in (fact, part, whole)):
        return None
    if part is None or whole is None:
        missing = fact.entity if part is None else fact.share_of
        return Finding("share_levels", INFO, f"{fact.entity}占{fact.share_of}比重{stated(fact)}：文中未给出{missing}的总量，无法核对。", [fact.index], stated=fact.value)
    unit, part_unit = whole.unit_info, part.unit_info
    ids = [part.index, whole.index, fact.index]
    if unit is None or part_unit is None or not compatible(unit, part_unit) or whole.value <= 0:
        return None
    computed = value_in(part, unit) / whole.value * HUNDRED
    fit = percent_fit(interval_in(part, unit) / interval_in(whole, unit) * Interval.exact(HUNDRED), fact.value)
    arithmetic = f"{plain(value_in(part, unit))} ÷ {stated(whole)} = {show(computed)}%，所述 {stated(fact)}"
    common = Evidence(facts=ids, stated=fact.value, computed=Decimal(show(computed)), arithmetic=arithmetic)
    if fit is None:
        return Finding("share_levels", ERROR, f"{fact.entity}占{fact.share_of}比重应为{show(computed)}%，所述{stated(fact)}不符。", **common)
    note = "相符" if fit == "rounded" else "只有按截尾取整才相符"
    return Finding("share_levels", INFO if fit == "rounded" else WARNING, f"{fact.entity}占{fact.share_of}比重{show(computed)}%，所述{stated(fact)}{note}。", **common)


_NEAR_HUNDRED = Interval(Decimal(50), Decimal(150))


def _structure_ratios(sentence: Sentence) -> list[Finding]:
    groups: dict[int, list[Fact]] = defaultdict(list)
    for fact in sentence.facts:
        if fact.kind == "share" and fact.unit is None and fact.group is not None:
            groups[fact.group].append(fact)
    findings = []
    for parts in groups.values():
        total = sum((p.value for p in parts), Decimal(0))
        if len(parts) < 3 and not _NEAR_HUNDRED.lo <= total <= _NEAR_HUNDRED.hi:
            continue  # 2.13:1 compares two quantities (城乡收入比); it is not a structure that sums to 100
        total_iv = sum((rounded(p.value) for p in parts), Interval.exact(Decimal(0)))
        ratio = ":".join(plain(p.value) for p in parts)
        arithmetic = f"{' + '.join(plain(p.value) for p in parts)} = {plain(total)}"
        ids = [p.index for p in parts]
        common = Evidence(facts=ids, stated=HUNDRED, computed=total, arithmetic=arithmetic)
        if total_iv.lo <= HUNDRED <= total_iv.hi:
            findings.append(Finding("structure_ratio_sum", INFO, f"结构比{ratio}各项之和{plain(total)}，按舍入为100，相符。", **common))
        else:
            findings.append(Finding("structure_ratio_sum", ERROR, f"结构比{ratio}各项之和为{plain(total)}，按任何舍入都不是100。", **common))
    return findings



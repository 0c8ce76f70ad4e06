"""Gaps in points: 增速高于规模以上工业2.3个百分点 against the two rates the report states."""

from __future__ import annotations

import re

from devplan.reader.checks.common import agreement, plain, short_for, stated
from devplan.reader.checks.memory import Memory
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, Evidence, Finding
from devplan.reader.interval import rounded
from devplan.reader.lexicon import Lexicon
from devplan.reader.numbers import normalize
from devplan.reader.subjects import MEASURE_NOUN


def _rate(facts: list[Fact], named: str, lexicon: Lexicon) -> Fact | None:
    indicator = lexicon.find(named)
    for fact in reversed(facts):
        if fact.kind == "growth" and fact.unit == "%" and not fact.approximate and (
            fact.entity == named or (fact.entity or "").startswith(named)
            or (indicator is not None and fact.indicator == indicator.code)
        ):
            return fact
    return None


def _beside(sentence: Sentence, k: int) -> Fact | None:
    """The other rate stated in parentheses right beside the gap: 高于全市0.8个百分点（全市增长5.5%）, 高于全省平均水平（4.9%）
    0.7个百分点 — the rate it is measured from, whatever the sentence says before."""
    gap, text, at = sentence.facts[k], normalize(sentence.text), sentence.start
    for other in sentence.facts[max(0, k - 1) : k + 2]:
        if other is gap or other.unit != "%" or other.approximate or other.kind not in {"growth", "level"}:
            continue
        if other.index > gap.index:
            # （全市增长5.5%）: nothing but the opening between the gap and the rate's words, which name no other thing.
            between, inside = text[gap.end - at : other.start - at], normalize(other.text)
        else:
            between, inside = text[other.end - at : gap.start - at], normalize(other.text)
            if "(" not in inside:
                continue
            inside = inside[inside.rfind("(") + 1 :]
        if between.strip() not in {"(", ")"} or not _BARE_RATE.fullmatch(inside):
            continue
        return other
    return None


# What a rate in parentheses may say besides its number: the place and the verb (全市增长5.5%, 全省平均水平4.9%, 4.9%).
_BARE_RATE = re.compile(r"(?:全(?:国|省|市|县|区|州|盟))?(?:平均水平|平均|水平)?(?:增长|增速|增幅|为)?\s*-?[\d.]+\s*%")


def check_gaps(sentence: Sentence, memory: Memory, lexicon: Lexicon) -> list[Finding]:
    findings = []
    for k, gap in enumerate(sentence.facts):
        if gap.kind != "change" or not gap.compared_with or gap.approximate or not gap.entity or gap.period is None:
            continue
        before = sentence.facts[:k]
        rate = next((f for f in reversed(before) if f.kind == "growth" and f.unit == "%" and short_for(gap.entity, f.entity)
                     and not f.approximate), None)
        if rate is None:
            continue
        # 高于规模以上工业 leaves out what is measured: the same as the rate's own (增加值).
        # (of industry, 增加值 when the rate does not say).
        noun = MEASURE_NOUN.search(rate.entity or "")
        elided = noun.group() if noun else "增加值"
        names = [gap.compared_with] + ([gap.compared_with + elided] if not gap.compared_with.endswith(elided) else [])
        reference = _beside(sentence, k) or next((r for name in names if (r := _rate(before, name, lexicon))), None)
        for name in names:
            if reference is None and (indicator := lexicon.named(name)):
                reference = memory.indicator_growth(indicator.code, gap.period)
        if reference is None or reference is rate:
            continue
        difference = rounded(rate.value) - rounded(reference.value)
        computed = rate.value - reference.value
        ids = sorted([reference.index, rate.index, gap.index])
        arithmetic = f"{plain(rate.value)}% − {plain(reference.value)}% = {plain(computed)}个百分点，所述 {stated(gap)}"
        common = Evidence(facts=ids, stated=gap.value, computed=computed, arithmetic=arithmetic)
        subject = gap.subject or ""
        if difference.overlaps(rounded(gap.value)):
            finding = Finding("point_gap", INFO, f"{subject}与{gap.compared_with}增速相差{plain(computed)}个百分点，与所述{agreement(computed, gap.value)}。", **common)
        else:
            finding = Finding(
                "point_gap", ERROR,
                f"{subject}增速{stated(rate)}与{gap.compared_with}{stated(reference)}相差{plain(computed)}个百分点，"
                f"所述{plain(abs(gap.value))}个百分点按任何舍入都不符。",
                **common,
            )
        finding.sentence = sentence.text
        findings.append(finding)
    return findings


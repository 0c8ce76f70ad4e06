"""Bounds a sentence sets on its own figures: a level reached after crossing a threshold (首次突破500亿元，
达到502亿元) is not below it, and what is new this year is not more than the running total it joins
(产值超亿元企业635家、新增43家; 新增规上工业企业268家，总量达到2417家)."""

from __future__ import annotations

import re

from devplan.reader.checks.common import compatible, interval_in, key_of, stated, value_in
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, Evidence, Finding

_THRESHOLD_QUALIFIERS = {"突破", "超过"}
_REACHED = re.compile(r"达到?|实现|完成|为")
_NEW = re.compile(r"新增|新转移|新培育|新认定|新引进")
_TOTAL = re.compile(r"总量|总数|累计|总计|共有|达到")


def check_bounds(sentence: Sentence) -> list[Finding]:
    findings = [*_thresholds(sentence), *_new_within_total(sentence)]
    for finding in findings:
        finding.sentence = sentence.text
    return findings


def _comparable_levels(a: Fact, b: Fact) -> bool:
    ua, ub = a.unit_info, b.unit_info
    return (
        a.kind == b.kind == "level" and ua is not None and ub is not None and compatible(ua, ub)
        and not ua.is_percent and a.period == b.period and a.measure == b.measure
    )


def _thresholds(sentence: Sentence) -> list[Finding]:
    findings = []
    facts = sentence.facts
    for k, threshold in enumerate(facts[:-1]):
        level = facts[k + 1]
        if threshold.qualifier not in _THRESHOLD_QUALIFIERS or level.approximate or not _comparable_levels(threshold, level):
            continue
        if level.entity != threshold.entity or not _REACHED.search(level.text):
            continue  # 突破4000、2000和500亿元 lists thresholds; only a level reached (达到502亿元) is checked
        unit = threshold.unit_info
        assert unit is not None
        ids = [threshold.index, level.index]
        arithmetic = f"{stated(level)} ≥ {threshold.qualifier}{stated(threshold)}"
        common = Evidence(facts=ids, stated=level.value, computed=value_in(threshold, unit), arithmetic=arithmetic)
        if interval_in(level, unit).hi < value_in(threshold, unit):
            findings.append(Finding(
                "level_below_threshold", ERROR,
                f"{level.subject}{stated(level)}低于同句所说{threshold.qualifier}的{stated(threshold)}。", **common,
            ))
        else:
            findings.append(Finding(
                "level_below_threshold", INFO,
                f"{level.subject}{stated(level)}不低于{threshold.qualifier}的{stated(threshold)}，相符。", **common,
            ))
    return findings


def _new_within_total(sentence: Sentence) -> list[Finding]:
    findings = []
    facts = sentence.facts
    for new in facts:
        if not _NEW.search(new.text) or new.approximate:
            continue
        for k, total in enumerate(facts):
            # The total says so (总量达到2417家), or is the figure the new ones are added to (企业635家、新增43家).
            marked = _TOTAL.search(total.text) is not None or (k + 1 < len(facts) and facts[k + 1] is new)
            if total is new or not marked or _NEW.search(total.text) or total.approximate:
                continue
            if not _comparable_levels(new, total) or key_of(new) != key_of(total) or key_of(new) is None:
                continue
            unit = total.unit_info
            assert unit is not None
            ids = sorted([new.index, total.index])
            arithmetic = f"新增 {stated(new)} ≤ 总量 {stated(total)}"
            common = Evidence(facts=ids, stated=total.value, computed=value_in(new, unit), arithmetic=arithmetic)
            if interval_in(new, unit).lo > interval_in(total, unit).hi:
                findings.append(Finding(
                    "part_exceeds_whole", ERROR,
                    f"{new.subject}新增{stated(new)}大于总量{stated(total)}：新增的部分不可能多于总量。", **common,
                ))
            else:
                findings.append(Finding(
                    "part_exceeds_whole", INFO, f"{new.subject}新增{stated(new)}不大于总量{stated(total)}，相符。", **common,
                ))
            break
    return findings

"""Figures per thousand people: 全县医疗卫生机构床位3100张，每千常住人口床位数6.2张 — the things counted over the people,
in thousands (or ten thousands), as the population stated for the period gives them."""

from __future__ import annotations

import re
from decimal import Decimal

from devplan.reader.checks.common import interval_in, is_flow, plain, stated, verdict
from devplan.reader.checks.memory import Memory
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import WARNING, Evidence, Finding
from devplan.reader.interval import Interval, rounded, show
from devplan.reader.units import parse_unit

# 每千常住人口床位数, 每千人口执业医师, 每万人口…: per how many people, which people, and the thing counted.
_PER_HEAD = re.compile(r"^每(?P<per>千|万)(?P<people>常住人口|人口|人)(?:拥有)?(?P<thing>[\u4e00-\u9fff]{2,12}?)数?$")
_PER = {"千": Decimal(1000), "万": Decimal(10000)}
_PERSONS = parse_unit("人")


def check_per_head(sentence: Sentence, memory: Memory) -> list[Finding]:
    """Each figure per thousand people whose things are counted right before it (in this sentence or the one before),
    against the resident population stated for the period. Per 常住人口 it is an error when no rounding fits; per 人 or
    人口 a warning, since a report may have divided by its registered population instead."""
    findings = []
    for share in sentence.facts:
        named = _PER_HEAD.match(share.entity or "")
        if named is None or share.kind != "level" or share.qualifier is not None or share.period is None:
            continue
        counted = _counted(sentence, share, named.group("thing"))
        people = memory.indicator_level("resident_population", share.period)
        if counted is None or people is None or people.approximate or people.qualifier is not None:
            continue
        findings.append(_per_head(share, counted, people, named, sentence.text))
    return findings


def _counted(sentence: Sentence, share: Fact, thing: str) -> Fact | None:
    """The count of the things just before the figure: same unit, its name ending with the thing (医疗卫生机构床位), all there
    are (not 新增床位300张)."""
    earlier = [f for f in [*sentence.before, *sentence.facts] if f.index < share.index]
    last = earlier[-1] if earlier else None
    if (last is None or last.kind != "level" or last.unit != share.unit or last.qualifier is not None or last.period != share.period
            or not (last.entity or "").endswith(thing) or last.measure not in {"actual", "estimate"} or is_flow(last)):
        return None
    return last


def _per_head(share: Fact, counted: Fact, people: Fact, named: re.Match[str], sentence: str) -> Finding:
    per = _PER[named.group("per")]
    population = interval_in(people, _PERSONS)
    computed_iv = interval_in(counted, parse_unit(counted.unit or "")) / population * Interval.exact(per)
    computed = Decimal(counted.value) / (population.mid / per)
    fits = computed_iv.overlaps(rounded(share.value))
    arithmetic = f"{stated(counted)} ÷ {stated(people)} × {plain(per)} = {show(computed)}{share.unit or ''}，所述 {stated(share)}"
    common = Evidence(facts=sorted([counted.index, people.index, share.index]), stated=share.value,
                      computed=Decimal(show(computed)), arithmetic=arithmetic)
    finding = verdict("share_levels", fits, f"{share.entity}{show(computed)}{share.unit or ''}，与所述{stated(share)}相符。",
                      f"{share.entity}应为{show(computed)}{share.unit or ''}（{stated(counted)}÷常住人口{stated(people)}），"
                      f"所述{stated(share)}不符。", common, sentence)
    if not fits and named.group("people") != "常住人口":
        finding.severity = WARNING
        finding.message = finding.message.removesuffix("。") + "；如是按户籍人口计算的，请注明。"
    return finding

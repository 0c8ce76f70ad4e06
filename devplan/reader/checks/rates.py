"""Rates of a state over the count before it: 计划新开工项目45个，已开工41个，开工率91.1% and 申报专项债券项目128个，获批74个，
获批率57.8% — the things in the state (named by the rate's own verb) over the things counted right before them."""

from __future__ import annotations

import re
from decimal import Decimal

from devplan.reader.checks.common import percent_fit, plain, stated, verdict
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import Evidence, Finding
from devplan.reader.interval import HUNDRED, Interval, show

_RATE = "率"
# The rate names its verb alone (开工率, 获批率, 签约率): 新开工项目开工率 or 综合开工率 may be of another count.
_RATE_OF = re.compile(r"^(?P<verb>[\u4e00-\u9fff]{2})率(?:为|达到?)?\s*\d")
# The count in that state, named by the same verb right before its number (已开工41个, 获批74个, 已开工项目38个).
_IN_STATE = "^(?:已|共|累计)?{verb}(?:项目)?\\s*\\d"


def check_state_rates(sentence: Sentence) -> list[Finding]:
    if _RATE not in sentence.text:
        return []  # no rate named: one test before any work
    facts = [f for f in sentence.facts if not f.compared]
    findings = []
    for whole, part, rate in zip(facts, facts[1:], facts[2:], strict=False):
        if _of_the_count(whole, part, rate):
            findings.append(_rate(whole, part, rate, sentence.text))
    return findings


def _of_the_count(whole: Fact, part: Fact, rate: Fact) -> bool:
    named = _RATE_OF.match(rate.text)
    if named is None or rate.unit != "%" or rate.approximate or rate.qualifier is not None or rate.period != part.period:
        return False
    if re.match(_IN_STATE.format(verb=named.group("verb")), part.text) is None:
        return False
    a, b = whole.unit_info, part.unit_info
    return (a is not None and b is not None and a.is_whole_count and whole.unit == part.unit and whole.kind == part.kind == "level"
            and not whole.approximate and not part.approximate and whole.qualifier is None and part.qualifier is None
            and whole.value > 0 and whole.period == part.period)


def _rate(whole: Fact, part: Fact, rate: Fact, sentence: str) -> Finding:
    computed = part.value / whole.value * HUNDRED
    fits = percent_fit(Interval.exact(computed), rate.value) is not None
    name = rate.text[: rate.text.index(_RATE) + 1]
    arithmetic = f"{plain(part.value)}{part.unit} ÷ {plain(whole.value)}{whole.unit} = {show(computed)}%，所述 {stated(rate)}"
    common = Evidence(facts=[whole.index, part.index, rate.index], stated=rate.value, computed=Decimal(show(computed)),
                      arithmetic=arithmetic)
    return verdict("share_levels", fits, f"{name}{show(computed)}%，与所述{stated(rate)}相符。",
                   f"{name}应为{show(computed)}%（{plain(part.value)}{part.unit}÷{plain(whole.value)}{whole.unit}），"
                   f"所述{stated(rate)}不符。", common, sentence)


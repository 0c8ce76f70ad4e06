"""Shares of the days of a year: 优良天数331天，优良天数比例为90.7% — the days over the year's 365 (366 in a leap year)."""

from __future__ import annotations

import calendar
import itertools
from decimal import Decimal

from devplan.reader.checks.common import percent_fit, plain, stated, verdict
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import Evidence, Finding
from devplan.reader.interval import HUNDRED, Interval, show

# 优良天数比例 and 优良天数比率 name the same share; a 比率 is read as a level (no 占 or 比重 says share).
_RATIOS = ("比例", "比率")


def check_day_shares(sentence: Sentence) -> list[Finding]:
    """A share named as the days just counted and 比例 or 比率 (优良天数比例 after 空气质量优良天数331天), of a full year: the days
    over the days of the year — both 365 and 366 when the year is not known."""
    findings = []
    # 优良天数328天，优良天数比例由上年的87.4%提高到89.9%: last year's share is no share of this year's days.
    facts = [f for f in sentence.facts if not f.compared]
    for days, share in itertools.pairwise(facts):
        if not _of_the_days(days, share):
            continue
        year = share.period.year if share.period is not None else None
        lengths = [366 if calendar.isleap(year) else 365] if year is not None else [365, 366]
        fits = [n for n in lengths if percent_fit(Interval.exact(days.value / Decimal(n) * HUNDRED), share.value) is not None]
        computed = days.value / Decimal(lengths[0]) * HUNDRED
        arithmetic = f"{plain(days.value)}天 ÷ {lengths[0]}天 = {show(computed)}%，所述 {stated(share)}"
        common = Evidence(facts=[days.index, share.index], stated=share.value, computed=Decimal(show(computed)), arithmetic=arithmetic)
        findings.append(verdict("share_levels", bool(fits), f"{share.entity}{show(computed)}%，与所述{stated(share)}相符。",
                                f"{share.entity}应为{show(computed)}%（{plain(days.value)}天÷全年{lengths[0]}天），"
                                f"所述{stated(share)}不符。", common, sentence.text))
    return findings


def _of_the_days(days: Fact, share: Fact) -> bool:
    entity = share.entity or ""
    ratio = next((word for word in _RATIOS if entity.endswith(word)), None)
    if ratio is None or share.kind not in {"share", "level"} or share.unit != "%" or share.qualifier is not None:
        return False
    name = entity.removesuffix(ratio)
    if days.kind != "level" or days.unit != "天" or days.qualifier is not None or days.measure != "actual" or days.period != share.period:
        return False
    full_year = share.period is not None and (share.period.first, share.period.last) == (1, 12)
    return full_year and name.endswith("天数") and (days.entity or "").endswith(name)

"""Gaps in points: 增速高于规模以上工业2.3个百分点 against the two rates the report states."""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from decimal import Decimal

from devplan.reader.checks.common import agreement, plain, short_for, stated
from devplan.reader.checks.memory import Memory
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, WARNING, Evidence, Finding
from devplan.reader.interval import HUNDRED, Interval, rounded
from devplan.reader.lexicon import Lexicon
from devplan.reader.numbers import normalize
from devplan.reader.periods import PERIOD_WORDS_RE, Period
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


_PLACE = re.compile(r"全(?:国|省|市|县|区|州|盟)")


def _named_rate(facts: list[Fact], place: str) -> Fact | None:
    """（全省增长6.9%，全市增长7.1%）: the rate stated for a place of a list, named by the place alone."""
    return next((f for f in facts if f.unit == "%" and not f.approximate and f.kind in {"growth", "level"}
                 and normalize(f.text).startswith(place) and _BARE_RATE.fullmatch(normalize(f.text))), None)


def _listed_references(facts: list[Fact]) -> dict[int, tuple[str, str]]:
    """分别高于全省、全市0.7个和0.5个百分点: each gap of the list is to the reference in its place, of the first gap's
    thing — only when there are as many gaps as references."""
    found: dict[int, tuple[str, str]] = {}
    k = 0
    while k < len(facts):
        first = facts[k]
        names = (first.compared_with or "").split("、")
        if first.kind != "change" or len(names) < 2 or not first.entity:
            k += 1
            continue
        run = [first]
        while k + len(run) < len(facts) and facts[k + len(run)].kind == "change" \
                and facts[k + len(run)].compared_with == first.compared_with:
            run.append(facts[k + len(run)])
        if len(run) == len(names) and all(name for name in names):
            found.update({gap.index: (first.entity, name) for gap, name in zip(run, names, strict=True)})
        k += len(run)
    return found


# 高于全县规上工业平均水平1.2个百分点: the whole place's word before a thing the lexicon names (规上工业增加值).
_WHOLE_PLACE_NAME = re.compile(r"(?P<place>全(?:省|市|县|区|州|盟|旗))(?=[\u4e00-\u9fff]{3})")


def _place_rate(place: str, names: list[str], gap: Fact, memory: Memory, lexicon: Lexicon) -> Fact | None:
    """The whole place's rate of a thing the lexicon names, remembered from a sentence or paragraph before (全年规模以上
    工业增加值比上年增长8.4%。…民营企业增长9.6%，高于全县规上工业平均水平1.2个百分点) — unless its words name another place
    (全市规模以上工业增加值增长6.9% is not 全县's)."""
    for name in names:
        if (indicator := lexicon.named(name)) is None or gap.period is None:
            continue
        rate = memory.indicator_growth(indicator.code, gap.period)
        other = _PLACE.match(normalize(rate.text)) if rate is not None else None
        if rate is not None and not rate.approximate and (other is None or other.group() == place):
            return rate
    return None


def check_gaps(sentence: Sentence, memory: Memory, lexicon: Lexicon) -> list[Finding]:
    findings = []
    listed = _listed_references(sentence.facts)
    for k, gap in enumerate(sentence.facts):
        if gap.index in listed:
            gap = replace(gap, entity=listed[gap.index][0], subject=listed[gap.index][0], compared_with=listed[gap.index][1])
        if gap.kind == "change" and _SCHEDULE.fullmatch(gap.compared_with or "") and not gap.approximate:
            findings += _against_schedule(gap, sentence, k)
            continue
        if (stated_target := _against_stated_target(sentence, k)) is not None:
            findings.append(stated_target)
            continue
        if gap.unit == "个百分点" and (paced := _against_earlier_period(sentence, k) or _against_rate_after(sentence, k)
                                     or _against_last_years_rate(sentence, k) or _across_parenthesis(sentence, k)
                                     or _to_plan_across_parenthesis(sentence, k)) is not None:
            findings.append(paced)
            continue
        if gap.kind != "change" or not gap.compared_with or "、" in gap.compared_with or gap.approximate or not gap.entity \
                or gap.period is None:
            continue
        before = sentence.facts[:k]
        if _OWN_PLAN.fullmatch(gap.compared_with):
            findings += _against_own_plan(gap, before, sentence, memory)
            continue
        # 增速比上半年（5.9%）回落0.3个百分点，高于全省（5.2%）0.4个百分点: the rate in parentheses beside an earlier gap is
        # the other period's or place's, never the thing's own rate a later gap is measured from.
        others = {f.index for j in range(k) if sentence.facts[j].kind == "change" and (f := _beside(sentence, j)) is not None}
        others |= of_other_periods(sentence, k)
        rate = next((f for f in reversed(before) if f.kind == "growth" and f.unit == "%" and short_for(gap.entity, f.entity)
                     and not f.approximate and f.index not in others), None)
        beside = _beside(sentence, k) if gap.index not in listed else None
        if beside is None and _PLACE.fullmatch(gap.compared_with):
            beside = _named_rate(before, gap.compared_with)  # 城镇化率为56.3%，全市为58.1%，低于全市1.8个百分点
        if rate is None and beside is not None and beside.kind == "level":
            # 森林覆盖率…提高到63.1%，…高于全省平均水平（59.8%）3.3个百分点: a gap between two levels in %, the thing's
            # latest (never the one it rose from).
            rate = next((f for f in reversed(before) if f.kind == "level" and f.unit == "%" and f.entity == gap.entity
                         and f is not beside and not f.approximate and not f.compared and not any(e.earlier == f.index for e in before)), None)
        if rate is None:
            continue
        # 高于规模以上工业 leaves out what is measured: the same as the rate's own (增加值).
        # (of industry, 增加值 when the rate does not say).
        noun = MEASURE_NOUN.search(rate.entity or "")
        elided = noun.group() if noun else "增加值"
        # 快于全部规上工业: all of 规上工业 is 规上工业 itself.
        compared = gap.compared_with.removeprefix("全部") if len(gap.compared_with) > 4 else gap.compared_with
        names = [gap.compared_with] + ([compared] if compared != gap.compared_with else [])
        names += [name + elided for name in names if not name.endswith(elided)]
        if _ECONOMY.fullmatch(gap.compared_with):
            names.append(_GDP)  # 高于经济增速0.2个百分点, 快于经济增长: the economy's growth is the growth of its output
        # Another period's rate is no place's or thing's to be measured from either.
        own_period = [f for f in before if f.index not in others]
        reference = (_named_rate(sentence.facts, gap.compared_with) if gap.index in listed else beside) \
            or next((r for name in names if (r := _rate(own_period, name, lexicon))), None)
        for name in names:
            if reference is None and (indicator := lexicon.named(name)):
                reference = memory.indicator_growth(indicator.code, gap.period)
        if reference is None and (whole := _WHOLE_PLACE_NAME.match(gap.compared_with)) is not None:
            reference = _place_rate(whole.group("place"), [n.removeprefix(whole.group("place")) for n in names], gap, memory,
                                    lexicon)
        if reference is None or reference is rate:
            continue
        findings.append(_judged(gap, rate, reference, sentence))
    return findings


# 经济增速, 经济增长, 经济增长速度: how fast the economy grew, the rate of 地区生产总值.
_ECONOMY = re.compile(r"(?:全[县市区省])?经济(?:增速|增长(?:速度)?)?")
_GDP = "地区生产总值"


# 计划增长7%，预计增长5.8%，低于计划1.2个百分点: a gap to the thing's own plan (计划, 目标, 预期目标 …), not to another thing.
_OWN_PLAN = re.compile(r"(?:年度|年初|全年)?(?:计划|目标|预期|预期目标|计划目标)")


def _against_own_plan(gap: Fact, before: list[Fact], sentence: Sentence, memory: Memory) -> list[Finding]:
    """The gap between the thing's rate and its growth target stated before it in the sentence, else the indicator's
    target for the same period remembered from sentences or paragraphs before (主要预期目标是：地区生产总值增长6.5% …
    比上年增长6.8%，高于年度目标0.3个百分点); nothing when either is missing or loose (增长6%左右)."""
    growth = [f for f in before if f.kind == "growth" and f.unit == "%" and short_for(gap.entity or "", f.entity)]
    rate = next((f for f in reversed(growth) if f.measure != "target"), None)
    plan = next((f for f in reversed(growth) if f.measure == "target"), None)
    # 增速分别比目标低0.4个百分点和高0.1个百分点: a list's gaps are each some other thing's, which a remembered target
    # cannot tell apart.
    if plan is None and rate is not None and rate.indicator and rate.period is not None and "分别" not in gap.text:
        plan = memory.growth_target(rate.indicator, rate.period)
    if rate is None or plan is None or rate.qualifier or plan.qualifier or rate.entity != plan.entity:
        return []
    return [_judged(gap, rate, plan, sentence)]


# 完成年度计划的77.8%，超序时进度（75%）2.8个百分点: the share of the year's plan done against the share of the year gone.
_SCHEDULE = re.compile(r"(?:序时|时序|时间)进度")


def _against_schedule(gap: Fact, sentence: Sentence, k: int) -> list[Finding]:
    """A gap to the schedule, its rate in parentheses beside it, from the completion right before that rate; without
    the schedule's rate, from the completion right before the gap over months 1—N of the year (`_against_months_gone`)."""
    beside = _beside(sentence, k)
    if beside is None or k < 2 or sentence.facts[k - 1] is not beside:
        return _against_months_gone(gap, sentence, k)
    done = sentence.facts[k - 2]
    if done.kind != "completion" or done.unit != "%" or done.approximate or beside.approximate:
        return []
    return [_judged(replace(gap, subject=done.subject or "完成进度"), done, beside, sentence)]


_HUNDREDTH = Decimal("0.01")
# Days of a year gone by the end of each month, in a common year (2023) and a leap year (2024).
_DAYS_GONE = {last: tuple(sum(calendar.monthrange(year, m)[1] for m in range(1, last + 1)) for year in (2023, 2024))
              for last in range(1, 13)}
# 完成年度预算11.50亿元的85.7%, 完成全年目标36亿元的76.0%: the plan of the whole year, stated right before its completion.
_YEARS_PLAN = re.compile(r"年度|全年")


def _years_plan_before(sentence: Sentence, k: int) -> bool:
    """The fact before the completion at `k` is the year's plan (a target of the whole year, named 年度 or 全年)."""
    if k < 1:
        return False
    plan = sentence.facts[k - 1]
    return (plan.measure == "target" and plan.period is not None and (plan.period.first, plan.period.last) == (1, 12)
            and bool(_YEARS_PLAN.search(normalize(plan.text))))


def _against_months_gone(gap: Fact, sentence: Sentence, k: int) -> list[Finding]:
    """1—10月…完成年计划的82.2%，低于序时进度1.1个百分点: the schedule of months 1—N is the share of the year gone, N/12 by
    months or the days to the month's end over the year's by days. Only a gap stated for months 1—N (N < 12), the
    completion right before it of those months or of the year's plan. When the year's plan is stated right before the
    completion (完成年度预算11.50亿元的85.7%) a gap no such schedule gives is an error; otherwise a warning: a plan may set
    its own schedule by month, as investment plans do, and the text does not say which."""
    if k < 1:
        return []
    done, period = sentence.facts[k - 1], gap.period  # the months the sentence states (完成年计划的… may be dated by the plan's year)
    if (done.kind != "completion" or done.unit != "%" or done.approximate or done.qualifier or not gap.period_stated
            or period is None or period.first != 1 or period.last >= 12 or gap.unit != "个百分点"
            or done.period not in {period, Period(period.year)}):
        return []
    days, leap_days = _DAYS_GONE[period.last]
    schedules = [Decimal(period.last) * HUNDRED / 12, Decimal(days) * HUNDRED / 365, Decimal(leap_days) * HUNDRED / 366]
    gone = Interval(min(schedules), max(schedules))
    difference = rounded(done.value) - gone
    computed = done.value - Decimal(period.last) * HUNDRED / 12
    low, high, shown = (plain(x.quantize(_HUNDREDTH)) for x in (gone.lo, gone.hi, computed))
    ids = sorted([done.index, gap.index])
    arithmetic = f"{plain(done.value)}% − {period.last}/12 = {shown}个百分点（按天计序时进度{low}%—{high}%），所述 {stated(gap)}"
    common = Evidence(facts=ids, stated=gap.value, computed=computed, arithmetic=arithmetic)
    subject = done.subject or "完成进度"
    if difference.overlaps(rounded(gap.value)):
        finding = Finding("point_gap", INFO, f"{subject}完成进度与1—{period.last}月序时进度相差{shown}个百分点，"
                                             f"与所述{agreement(computed, gap.value)}。", **common)
    else:
        judged = (f"{subject}完成{stated(done)}，按月或按天计1—{period.last}月序时进度为{low}%—{high}%，相差{shown}个百分点，"
                  f"所述{plain(abs(gap.value))}个百分点{'方向相反' if difference.overlaps(rounded(-gap.value)) else '不符'}")
        if _years_plan_before(sentence, k - 1):
            finding = Finding("point_gap", ERROR, f"{judged}。", **common)
        else:
            finding = Finding("point_gap", WARNING, f"{judged}；除非计划另定了序时进度，否则数字有误。", **common)
    finding.sentence = sentence.text
    return [finding]


# 增速比1—9月（6.5%）提高0.3个百分点, 较上年同期（5.0%）回落0.8个百分点: the thing's rate of an earlier period in parentheses,
# then how far its rate has moved since, in points — a change of pace, signed by its verb.
# 降幅比1—4月（下降1.2%）扩大0.6个百分点: so is a fall's width against the fall of the earlier period.
# 增速较上年的6.9%回落0.8个百分点, 较1—4月的6.1%回落0.3个百分点: the earlier period's rate after 的, not in parentheses.
_EARLIER_RATE = re.compile(rf"^(?:增速|增幅|涨幅|(?P<fall>降幅))?(?:比|较)\s*(?P<when>{PERIOD_WORDS_RE.pattern}|上月|上个月|上季度)\s*"
                           r"(?P<open>\(|的)\s*(?(fall)(?:下降)?)\s*-?[\d.]+\s*%$")
# 比1—4月（-4.6%）降幅收窄1.9个百分点: the fall's own word may stand after the parenthesis, before the verb.
_PACE = re.compile(r"^(?:增速|增幅|涨幅|(?P<fall>降幅))?"
                   r"(?P<verb>提高|提升|加快|回升|上升|扩大|回落|放缓|减缓|下降|降低|下滑|收窄|缩小)\s*[\d.]+\s*个百分点$")
_SLOWER = {"回落", "放缓", "减缓", "下降", "降低", "下滑", "收窄", "缩小"}
# 增幅扩大, 增幅收窄 say how wide a rise is: of a fall (降幅收窄) they mean the opposite, so they are read of rises only.
_WIDTH = {"扩大", "收窄", "缩小"}


def _against_earlier_period(sentence: Sentence, k: int) -> Finding | None:
    """The change in points right after the earlier period's rate in parentheses, against the thing's rate right before
    that rate (同比增长6.8%，增速比1—9月（6.5%）提高0.3个百分点: 6.8 − 6.5)."""
    if k < 2:
        return None
    change, earlier = sentence.facts[k], sentence.facts[k - 1]
    pace = _PACE.match(normalize(change.text))
    when = _EARLIER_RATE.match(normalize(earlier.text))
    if pace is None or when is None or change.unit != "个百分点" or change.approximate \
            or _between(sentence, earlier, change) != (")" if when["open"] == "(" else ""):
        return None
    rate = _rate_before_earlier(sentence, k, when)
    # 城镇调查失业率5.1%，比一季度（5.3%）下降0.2个百分点: a rate that is a level moves the same way. The earlier period's rate
    # without 增速 before 比 is read as a level (比1—4月（6.8%）, 较1—4月的6.1%): right after the thing's rate, it is that
    # rate's of the earlier period.
    if rate is None:
        return None
    kind = "level" if earlier.kind == "level" and (when["open"] == "的" or rate.kind == "growth") else rate.kind
    if not _plain_rate(rate, rate.kind) or not _plain_rate(earlier, kind) or rate.entity != earlier.entity:
        return None
    if when["fall"] or pace["fall"]:
        # A fall's width: wider (扩大) is further down, narrower (收窄, 缩小) back up — of two falls only. The fall's rate
        # after 降幅 is a fall however its sign is written (降幅比1—9月（-5.8%）, 降幅比1—9月（5.8%）).
        earlier = replace(earlier, value=-abs(earlier.value)) if when["fall"] else earlier
        if pace["verb"] not in _WIDTH or rate.value >= 0 or earlier.value >= 0:
            return None
        size = -abs(change.value) if pace["verb"] == "扩大" else abs(change.value)
    elif pace["verb"] in _WIDTH and (rate.value < 0 or earlier.value < 0):
        return None
    else:
        size = -abs(change.value) if pace["verb"] in _SLOWER else abs(change.value)
    return _judged(replace(change, value=size, compared_with=when["when"], subject=rate.subject), rate, earlier, sentence)


# 增速, 增幅, 涨幅 or 降幅 before 比 name the growth the earlier period's rate is of.
_GROWTH_NAMED = re.compile(r"^(?:增速|增幅|涨幅|降幅)")


def _rate_before_earlier(sentence: Sentence, k: int, when: re.Match[str]) -> Fact | None:
    """The thing's rate the earlier period's rate (the (k−1)-th fact) is measured against: the fact right before it, or —
    when the words before 比 name the growth (同比增长5.2%，完成年度目标的74.1%，增速较上半年（4.9%）…) — the thing's latest
    growth rate of this period before it."""
    # 同比增长6.8%（上年为143.1亿元），增速比上年（5.5%）…: last year's level said between is no rate of the thing's.
    rate = next((f for f in reversed(sentence.facts[: k - 1]) if not f.compared), None)
    if rate is None or _plain_rate(rate, rate.kind) or not _GROWTH_NAMED.match(when.string):
        return rate
    others = of_other_periods(sentence, k - 1)
    earlier = sentence.facts[k - 1]
    return next((f for f in reversed(sentence.facts[: k - 1]) if _plain_rate(f, "growth") and f.index not in others
                 and f.entity == earlier.entity), None)


# 增速比上年同期提高2.2个百分点（上年同期增长4.6%）, 较上年末提高0.9个百分点（上年末为55.4%）: the change names the period it is
# measured from, and the parenthesis right after it states that period's rate.
_PACE_FROM = re.compile(rf"^(?:增速|增幅|涨幅)?(?:比|较)\s*(?P<when>{PERIOD_WORDS_RE.pattern}|上月|上个月|上季度)\s*"
                        r"(?P<verb>提高|提升|加快|回升|上升|回落|放缓|减缓|下降|降低|下滑)\s*[\d.]+\s*个百分点$")
_RATE_OF_THEN = re.compile(rf"^(?P<when>{PERIOD_WORDS_RE.pattern}|[^\d(]+?)(?:为|是|增长|下降)?\s*-?[\d.]+\s*%$")


def _against_rate_after(sentence: Sentence, k: int) -> Finding | None:
    """The change in points that names the period it is measured from, against the thing's latest rate before it and that
    period's rate in the parenthesis right after it, named by the same words."""
    if k < 1 or k + 1 >= len(sentence.facts):
        return None
    change, then = sentence.facts[k], sentence.facts[k + 1]
    # The thing's latest own rate: 增长8.2%，增速比一季度（7.6%）提高0.6个百分点，比上年同期提高1.1个百分点（…）: the 8.2.
    others = of_other_periods(sentence, k)
    rate = next((f for f in reversed(sentence.facts[:k]) if f.unit == "%" and f.index not in others), None)
    if rate is None:
        return None
    pace, said = _PACE_FROM.match(normalize(change.text)), _RATE_OF_THEN.match(normalize(then.text))
    if pace is None or said is None or said["when"].strip() != pace["when"] or _between(sentence, change, then) != "(" \
            or change.unit != "个百分点" or change.approximate:
        return None
    if not _plain_rate(rate, rate.kind) or then.kind != rate.kind or then.unit != "%" or then.approximate or then.qualifier \
            or rate.entity != then.entity:
        return None
    size = -abs(change.value) if pace["verb"] in _SLOWER else abs(change.value)
    return _judged(replace(change, value=size, compared_with=pace["when"], subject=rate.subject), rate, then, sentence)


# （上年同期增长7.1%）: a rate in parentheses named by its period alone.
_PERIODS_RATE = re.compile(rf"^(?:{PERIOD_WORDS_RE.pattern}|上月|上个月|上季度)\s*(?:为|是|增长|下降)?\s*-?[\d.]+\s*%$")


def of_other_periods(sentence: Sentence, k: int) -> set[int]:
    """The rates before the k-th fact that are another period's (增速比一季度（7.6%）…, …提高1.1个百分点（上年同期增长7.1%）): never
    the thing's own rate a later gap is measured from."""
    return {f.index for f in sentence.facts[:k] if f.unit == "%" and (
        _EARLIER_RATE.match(text := normalize(f.text)) is not None
        or (_PERIODS_RATE.match(text) is not None and normalize(sentence.text)[: f.start - sentence.start].rstrip().endswith("(")))}


# 增长6.8%，上年为5.2%，提高1.6个百分点: last year's rate in a clause of its own between the rate and its change.
_LAST_YEARS_RATE = re.compile(r"(?P<when>(?:上年|去年)(?:同期|末|底)?)(?:为|是)\s*-?[\d.]+\s*%")


def _against_last_years_rate(sentence: Sentence, k: int) -> Finding | None:
    """A growth rate, last year's in the clause after it, and the change in points in the clause after that (a rate that is a
    level is linked to last year's and checked as a change between the two, `growth._point_changes`)."""
    if k < 2:
        return None
    rate, then, change = sentence.facts[k - 2], sentence.facts[k - 1], sentence.facts[k]
    pace, said = _PACE.match(normalize(change.text)), _LAST_YEARS_RATE.fullmatch(normalize(then.text))
    if pace is None or said is None or change.unit != "个百分点" or change.approximate or then.unit != "%" or then.approximate \
            or not _plain_rate(rate, "growth") or rate.entity != then.entity:
        return None
    if _between(sentence, rate, then) != "," or _between(sentence, then, change) != ",":
        return None
    size = -abs(change.value) if pace["verb"] in _SLOWER else abs(change.value)
    return _judged(replace(change, value=size, compared_with=said["when"], subject=rate.subject), rate, then, sentence)


# 比全省平均水平（5.7%）高1.1个百分点: 比 and its reference, the reference's rate in parentheses, and the gap after it;
# 比全省第二产业增速（5.9%）: the place's rate of the thing the rate before is of, named between them.
_REFERENCE_BEFORE = re.compile(r"^(?:增速|增幅|涨幅)?(?P<way>比|较|高于|低于|快于|慢于)(?P<ref>全(?:国|省|市|县|区|州|盟))"
                               r"(?P<thing>[\u4e00-\u9fff]{2,8}?(?=增速|增幅))?(?:平均水平|平均|水平)?(?:增速|增幅)?"
                               r"\s*\(\s*-?[\d.]+\s*%$")
# The gap's own word after 比 (比全省（5.7%）高1.1个百分点); after 高于 or 低于 the number alone (高于全省（6.4%）2.2个百分点).
_GAP_AFTER = re.compile(r"^(?P<verb>高出|高|低|快|慢)?\s*[\d.]+\s*个百分点$")
_LOWER = {"低", "慢", "低于", "慢于"}


def _across_parenthesis(sentence: Sentence, k: int) -> Finding | None:
    """A gap to a place whose rate stands in parentheses between 比 and the gap, against the thing's latest rate before
    it — never a rate beside an earlier gap (an earlier period's or another place's)."""
    if k < 2:
        return None
    gap, reference = sentence.facts[k], sentence.facts[k - 1]
    said = _GAP_AFTER.match(normalize(gap.text))
    named = _REFERENCE_BEFORE.match(normalize(reference.text))
    if said is None or named is None or gap.unit != "个百分点" or gap.approximate or _between(sentence, reference, gap) != ")" \
            or reference.unit != "%" or reference.approximate or (said["verb"] is None) != (named["way"] not in {"比", "较"}):
        return None
    others = {f.index for j in range(k - 1) if sentence.facts[j].unit == "个百分点" and (f := _beside(sentence, j)) is not None}
    others |= of_other_periods(sentence, k)
    # The latest rate in %, which must be a growth: 城镇化率58.2%，比全省（60.1%）低… after 增长6% is the level's gap, not checked.
    rate = next((f for f in reversed(sentence.facts[: k - 1]) if f.unit == "%" and f.index not in others), None)
    if rate is None or not _plain_rate(rate, "growth") or not (rate.subject or "").startswith(named["thing"] or ""):
        return None
    size = -abs(gap.value) if (said["verb"] or named["way"]) in _LOWER else abs(gap.value)
    return _judged(replace(gap, value=size, compared_with=named["ref"], subject=rate.subject), rate, reference, sentence)


# 较序时进度（83.3%）快3.2个百分点, 比年度目标（70%）高3.4个百分点: the schedule or the plan, its rate in parentheses.
_PLAN_BEFORE = re.compile(r"^(?:比|较)(?P<ref>(?:序时|时序|时间)进度|(?:年度|全年|规划)?目标值?)\s*\(\s*[\d.]+\s*%$")


def _to_plan_across_parenthesis(sentence: Sentence, k: int) -> Finding | None:
    """A gap to the schedule or the plan whose rate stands in parentheses between 比 and the gap, against the rate right
    before that (完成年度计划的86.5%，较序时进度（83.3%）快3.2个百分点; 健康管理率73.4%，比年度目标（70%）高3.4个百分点) — a
    completion against the schedule, a rate or completion against the plan; never a bound (目标（95%以上）)."""
    if k < 2:
        return None
    gap, reference, rate = sentence.facts[k], sentence.facts[k - 1], sentence.facts[k - 2]
    said = _GAP_AFTER.match(normalize(gap.text))
    named = _PLAN_BEFORE.match(normalize(reference.text))
    if said is None or named is None or gap.unit != "个百分点" or gap.approximate or _between(sentence, reference, gap) != ")" \
            or reference.approximate or reference.qualifier or _between(sentence, rate, reference) not in {",", "，"}:
        return None
    kinds = {"completion"} if _SCHEDULE.fullmatch(named["ref"]) else {"completion", "level"}
    if rate.kind not in kinds or rate.unit != "%" or rate.approximate or rate.qualifier or rate.compared:
        return None
    size = -abs(gap.value) if said["verb"] in _LOWER else abs(gap.value)
    return _judged(replace(gap, value=size, compared_with=named["ref"], subject=rate.subject), rate, reference, sentence)


def _plain_rate(fact: Fact, kind: str) -> bool:
    return fact.kind == kind in {"growth", "level"} and fact.unit == "%" and not fact.approximate and fact.qualifier is None \
        and not fact.compared


def _between(sentence: Sentence, first: Fact, second: Fact) -> str:
    return normalize(sentence.text)[first.end - sentence.start : second.start - sentence.start].strip()


# 增长5.6%，低于年度计划目标（6.5%）0.9个百分点 and 失业率5.1%，低于5.5%的控制目标0.4个百分点: the target's own figure stated
# right before the gap, in parentheses after 目标 or before 的…目标.
_TARGET_WORDS = r"(?:年度|年初|全年)?(?:计划|控制|预期)?目标"
_TARGET_IN_PARENTHESES = re.compile(_TARGET_WORDS + r"\s*\(\s*-?[\d.]+\s*%")
_GAP_AFTER_TARGET = re.compile(r"的?" + _TARGET_WORDS + r"\s*-?[\d.]+\s*个百分点")
# 增长5.4%，比年度预期目标6.5%低1.1个百分点: the target's words alone after 比, its figure, the gap right after it.
_TARGET_AFTER_COMPARISON = re.compile(r"(?:比|较)" + _TARGET_WORDS + r"(?:为)?\s*-?[\d.]+\s*%")
# 增长5.9%，年度目标6.5%，低于目标0.6个百分点: a clause of the target's words alone and its figure, then the gap to 目标.
_TARGET_ALONE = re.compile(_TARGET_WORDS + r"(?:为|是)?\s*-?[\d.]+\s*%")
_GAP_TO_TARGET = re.compile(r"(?:高于|低于|超过|超出|高出)" + _TARGET_WORDS + r"\s*[\d.]+\s*个百分点")


def _against_stated_target(sentence: Sentence, k: int) -> Finding | None:
    """A gap in points right after its own target's figure, against the same thing's rate or level (in %) right before
    that figure; the gap's size only, as its sign follows the target's sense (失业率低于 its ceiling)."""
    gap = sentence.facts[k]
    # 的控制目标0.4个百分点 is read as a level of 控制目标: the words make it the gap.
    if gap.kind not in {"change", "level"} or gap.unit != "个百分点" or gap.approximate or k < 2:
        return None
    target, rate = sentence.facts[k - 1], sentence.facts[k - 2]
    between = _between(sentence, target, gap)
    said, told = normalize(target.text), normalize(gap.text)
    named = ((between == ")" and gap.kind == "change" and _TARGET_IN_PARENTHESES.search(said) is not None)
             or (between == "" and _GAP_AFTER_TARGET.fullmatch(told) is not None))
    # The target's figure said by the target's words alone names no thing: it is the rate's own.
    alone = ((between == "" and _TARGET_AFTER_COMPARISON.fullmatch(said) is not None and _GAP_AFTER.fullmatch(told) is not None)
             or (between == "," and _TARGET_ALONE.fullmatch(said) is not None and _GAP_TO_TARGET.fullmatch(told) is not None))
    if not (named or alone) or target.unit != "%" or rate.unit != "%" or target.approximate or rate.approximate \
            or target.qualifier or rate.qualifier or rate.compared or rate.kind not in {"growth", "level"} \
            or (rate.entity != target.entity if not alone else _between(sentence, rate, target) != ","):
        return None
    size = abs(gap.value) if rate.value >= target.value else -abs(gap.value)
    return _judged(replace(gap, value=size, compared_with="目标", subject=rate.subject), rate, target, sentence)


def _judged(gap: Fact, rate: Fact, reference: Fact, sentence: Sentence) -> Finding:
    """The stated gap against the difference of the two rates."""
    difference = rounded(rate.value) - rounded(reference.value)
    computed = rate.value - reference.value
    ids = sorted([reference.index, rate.index, gap.index])
    arithmetic = f"{plain(rate.value)}% − {plain(reference.value)}% = {plain(computed)}个百分点，所述 {stated(gap)}"
    common = Evidence(facts=ids, stated=gap.value, computed=computed, arithmetic=arithmetic)
    subject = gap.subject or ""
    word = "增速" if rate.kind == "growth" else ""
    if difference.overlaps(rounded(gap.value)):
        finding = Finding("point_gap", INFO, f"{subject}与{gap.compared_with}{word}相差{plain(computed)}个百分点，与所述{agreement(computed, gap.value)}。", **common)
    else:
        finding = Finding(
            "point_gap", ERROR,
            f"{subject}{word}{stated(rate)}与{gap.compared_with}{stated(reference)}相差{plain(computed)}个百分点，"
            f"所述{plain(abs(gap.value))}个百分点{'方向相反' if difference.overlaps(rounded(-gap.value)) else '按任何舍入都不符'}。",
            **common,
        )
    finding.sentence = sentence.text
    return finding


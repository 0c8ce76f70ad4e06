"""Growth rates against levels: the whole number a count's growth implies for last year, and growth
recomputed from this period's and last year's levels."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from devplan.reader.checks.common import (
    agreement,
    beside,
    compatible,
    in_order,
    interval_in,
    key_of,
    percent_fit,
    plain,
    stated,
    stated_interval,
    value_in,
    verdict,
)
from devplan.reader.checks.gaps import of_other_periods
from devplan.reader.checks.memory import Memory
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, WARNING, Evidence, Finding
from devplan.reader.interval import HUNDRED, ONE, Interval, at_precision_of, index, rounded, show
from devplan.reader.lexicon import Lexicon
from devplan.reader.numbers import normalize
from devplan.reader.periods import Period, years_between
from devplan.reader.units import POINT_UNITS

_SCOPE_WORDS = ("规上", "限上", "规模以上", "限额以上", "投资")
# 引进项目总投资168.5亿元，比上年的154.2亿元增长9.3%: the projects' total investment adds up what each project plans —
# a sum with no 口径 of its own to adjust, unlike the statistic of investment done (固定资产投资, 工业投资).
_PROJECTS_TOTAL = "总投资"


def _scoped_name(subject: str) -> bool:
    return _PROJECTS_TOTAL not in subject and any(w in subject for w in _SCOPE_WORDS)


def _growth_facts(sentence: Sentence) -> list[Fact]:
    """The thing's own rates: never another period's said beside them (增速比上年（5.5%）提高…, （上年增长6.5%）), which no
    level of this period grew by."""
    others = of_other_periods(sentence, len(sentence.facts))
    return [f for f in sentence.facts if f.measure == "growth" and f.unit == "%" and not f.approximate and f.index not in others]


def _target_growths(sentence: Sentence) -> list[Fact]:
    """一般公共预算收入预期目标为12.98亿元，增长5%: a plan year's growth target stated exactly with its level target."""
    return [f for f in sentence.facts if f.measure == "target" and f.kind == "growth" and f.unit == "%" and f.qualifier is None
            and not f.yearly_average]


def _level_before(sentence: Sentence, growth: Fact, period: Period | None) -> Fact | None:
    # A growth target is of the level target before it; last year's level is what was done (or estimated).
    measures = {"target"} if growth.measure == "target" and period == growth.period else {"actual", "estimate"} \
        if growth.measure == "target" else {"actual"}
    for other in reversed(sentence.facts[: sentence.facts.index(growth)]):
        if other.kind == "level" and other.measure in measures and other.entity == growth.entity and other.period == period:
            return other if other.qualifier is None or other.measure != "target" else None
    return None


def _earlier_level_after(sentence: Sentence, growth: Fact, period: Period) -> Fact | None:
    """1-11月 | 1-11月同比±% | 上年同期（1-11月）: the earlier period's level stated right after the rate, the next figure of
    the thing (a table's column of last year's levels after its growth column)."""
    after = sentence.facts[sentence.facts.index(growth) + 1 :]
    other = after[0] if after else None
    if other is not None and other.kind == "level" and other.measure == "actual" and other.entity == growth.entity \
            and other.period == period and other.qualifier is None:
        return other
    return None


def check_implied_base(sentence: Sentence) -> list[Finding]:
    findings = []
    for growth in _growth_facts(sentence):
        count = _level_before(sentence, growth, growth.period)
        unit = count.unit_info if count else None
        if count is None or unit is None or not unit.is_whole_count or count.approximate or count.value <= 0:
            continue
        if growth.yearly_average:
            continue  # 由50家增加到120家，年均增长24.5%: a rate per year, not on last year's count
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
    findings = [*_within_sentence(sentence, lexicon), *_changes_between(sentence), *_multiples(sentence), *_yearly_changes(sentence),
                *_point_changes(sentence), *_structure_changes(sentence), *_growth_in_times(sentence),
                *_growth_beside_new(sentence), *_yearly_rate_of_multiple(sentence, lexicon)]
    checked = {i for f in findings for i in f.facts}
    for growth in [*_growth_facts(sentence), *_target_growths(sentence)]:
        if growth.index in checked:
            continue
        period, key = growth.period, key_of(growth)
        if period is None or period.year is None or key is None:
            continue
        # Across sentences only an indicator named as such is the same thing (工业项目 in two places may not be).
        remembered = lexicon.named(growth.entity) is not None or lexicon.named(growth.subject) is not None
        planned = growth.measure == "target"
        current = _level_before(sentence, growth, period) or (memory.level(key, period) if remembered and not planned else None)
        last_period = Period(period.year - 1, period.first, period.last)
        previous = (_level_before(sentence, growth, last_period) or _earlier_level_after(sentence, growth, last_period)
                    or (memory.level(key, last_period) if remembered else None))
        if current is None or previous is None:
            continue
        finding = _growth_levels(growth, current, previous, lexicon, _part_named_short(current, sentence, lexicon))
        if finding:
            finding.sentence = sentence.text
            findings.append(finding)
    return findings


_COMPARABLE_WORDS = ("可比价", "可比口径", "同口径", "实际增长")
# 预算安排52860万元，比上年执行数增长5.0%: a target's rate on the figure it names as last year's executed one — no base
# adjusted, so a rate that disagrees with that figure is wrong.
# 比2025年完成数增长5.0% in the plan for 2026 names the same base, by its year.
_EXECUTED_BASE = re.compile(r"(?:比|较)(?:上年|去年|(?P<year>(?:19|20)\d{2})年)(?:执行数|完成数|实际数|决算数)")


def _on_executed_base(growth: Fact) -> bool:
    """The target's rate is said on last year's figure as executed (上年执行数, or the year before the target's by number)."""
    named = _EXECUTED_BASE.search(growth.text)
    if named is None or named.group("year") is None:
        return named is not None
    return growth.period is not None and growth.period.year is not None and int(named.group("year")) == growth.period.year - 1


def _within_sentence(sentence: Sentence, lexicon: Lexicon) -> list[Finding]:
    """A growth rate against two levels its own sentence states: 由94.51亿元增加到143.86亿元，年均增长8.8%
    (five years between them) or 1490.8亿元，增加130.6亿元，增长9.6% (last year = level − increase)."""
    by_index = {f.index: f for f in sentence.facts}
    others = of_other_periods(sentence, len(sentence.facts))
    findings = []
    yearly_goals = [f for f in sentence.facts if f.measure == "target" and f.kind == "growth" and f.unit == "%"
                    and f.qualifier is None and f.yearly_average]
    for growth in [*_growth_facts(sentence), *_target_growths(sentence), *yearly_goals]:
        before = sentence.facts[: sentence.facts.index(growth)]
        current = (before[-1] if before else None) if growth in yearly_goals else _paired_level(sentence.facts, growth)
        linked = by_index.get(current.earlier) if current is not None and current.earlier is not None else None
        if linked is not None and _other_bases(linked, growth):
            continue  # 比年初的211.8亿元增加24.7亿元，同比增长15.3%: the rate is on a level the sentence does not state
        earlier = _base_for(sentence.facts, current, growth, by_index, others)
        if _one_year_within(sentence.facts, current, earlier, growth):
            continue
        if growth in yearly_goals and (current is None or current.entity != growth.entity or not _done_between(earlier, current)):
            continue  # a yearly rate read as a goal is checked only right after two levels done it joins
        # A target only with the level it is set on stated beside it (17.90亿元，比2023年的16.80亿元增长6.5%).
        measures = ({"actual", "estimate"} if growth.measure == "growth" or _done_between(earlier, current)
                    else {"target"} if earlier is not None else set())
        if current is None or current.approximate or current.measure not in measures:
            continue
        unit = current.unit_info
        assert unit is not None
        # 412.65亿元，比年初增加38.42亿元，增长10.3% — or the rate first: 125.77亿元，比上年增长6.8%，比上年增加8.01亿元.
        changes = [f for f in [*before, *_until_level(sentence.facts, growth)] if f.kind == "change"
                   and f.entity == growth.entity and f.index > current.index and not f.compared_with
                   and f.unit_info and compatible(f.unit_info, unit) and not f.yearly_average
                   and not _other_bases(f, growth)]
        change = None if _bases_differ(changes) else next(iter(changes), None)
        if earlier is not None and earlier.unit_info and compatible(earlier.unit_info, unit) and not earlier.approximate:
            # 由10亿元增加到16.1亿元: the round figure has dropped its zeros (10.0), as in a growth in 倍.
            previous_iv, previous_text, previous = beside(earlier, current, unit), stated(earlier), earlier
        elif change is not None and not change.approximate:
            previous_iv = interval_in(current, unit) - interval_in(change, unit)
            previous_text, previous = f"{stated(current)} − {stated(change)}", change
        else:
            continue
        years = _years_between(earlier, current, sentence) if growth.yearly_average else 1
        if years < 1 or previous_iv.lo <= 0:
            continue
        # Only the words between the level and its growth say how the growth was computed (实际增长).
        between = sentence.text[max(0, current.start - sentence.start) : growth.end - sentence.start]
        finding = _between(growth, current, previous, previous_iv, previous_text, years, between, lexicon)
        finding.sentence = sentence.text
        findings.append(finding)
    return findings


def _one_year_within(facts: list[Fact], current: Fact | None, earlier: Fact | None, growth: Fact) -> bool:
    """由7.12亿元增加到9.86亿元，年均增长8.5%，其中2024年增长4.9%: once a 年均 rate says the two levels are years apart, a
    plain rate after it is one year's within the span (or the rate before it, 累计, the whole span's), never the growth
    between them."""
    if current is None or earlier is None or growth.yearly_average or _SPAN_WHOLE.search(growth.text):
        return False
    between = facts[facts.index(current) + 1 : facts.index(growth)]
    return any(f.yearly_average and f.kind == "growth" for f in between)


# 累计增长29.3%, 共增长…, 总增长…: a rate over the whole span between two levels.
_SPAN_WHOLE = re.compile(r"累计|共|总")


def _done_between(earlier: Fact | None, current: Fact | None) -> bool:
    """由2020年的12.84亿元增至2025年的17.26亿元，年均增长6.1% in a plan's part: a rate between two levels done, each of its
    year, is what was done, not a goal."""
    return (earlier is not None and current is not None and earlier.measure == current.measure == "actual"
            and current.earlier == earlier.index and earlier.period is not None and current.period is not None
            and earlier.period.year is not None and current.period.year is not None
            and earlier.period.year < current.period.year)


# 比年初增加26.2亿元 and 同比增长9.8%: a balance's rise since the year began and its rise over a year ago (上年同期) are
# measured from two levels; neither gives the other's base. So are a rise since a year named (较2020年增加2.6万吨) and a
# rate over last year (比上年增长1.2%), or over last month (环比). Each names its base by one of these.
_BASES = (
    re.compile(r"(?:比|较)(?:年初|(?:上年|去年)(?:末|底))"),
    re.compile(r"(?:比|较)上月|环比"),
    re.compile(r"(?:比|较)((?:19|20)\d\d)年"),
    re.compile(r"同比|(?:上年|去年)"),
)


def _base_named(fact: Fact) -> str | None:
    for pattern in _BASES:
        if found := pattern.search(fact.text):
            return found.group(1) if found.lastindex else pattern.pattern
    return None


def _other_bases(change: Fact, rate: Fact) -> bool:
    """The change and the rate name two different levels they are measured from (年初, 同比, 2020年)."""
    a, b = _base_named(change), _base_named(rate)
    return a is not None and b is not None and a != b


def _bases_differ(changes: list[Fact]) -> bool:
    """环比增加3.2亿元，同比增加38.6亿元，增长11.6%: changes from two bases named before a rate that names none; which one
    the rate is of is not said."""
    return len({_base_named(f) for f in changes}) > 1


def _base_for(facts: list[Fact], current: Fact | None, rate: Fact, by_index: dict[int, Fact], others: set[int]) -> Fact | None:
    """The level `current` grew from, as the base of `rate` (a growth or change of it): 由A增加到B and B，比上年的A增长…
    — but a base stated after the rate with a rate of its own after it is that one's only (526.84亿元，比年初增加41.27亿元，
    增长8.5%，比2020年末的358.2亿元年均增长8.0%: the 358.2 is the 年均 rate's base, not the year's)."""
    earlier = by_index.get(current.earlier) if current is not None and current.earlier is not None else None
    if earlier is None or earlier.index < rate.index:
        return earlier
    # Another period's rate (增速比上年（5.5%）) or a move in points is no rate of the base's own.
    own = [f for f in _until_level(facts, earlier) if f.index not in others and f.unit not in POINT_UNITS]
    return None if any(f.kind in {"growth", "change"} for f in own) else earlier


def _until_level(facts: list[Fact], fact: Fact) -> list[Fact]:
    """The facts after `fact` up to the next level."""
    after = facts[facts.index(fact) + 1 :]
    end = next((i for i, f in enumerate(after) if f.kind == "level"), len(after))
    return after[:end]


def _bases(facts: list[Fact]) -> set[int]:
    """The levels others grew from (由A增加到B, B比上年的A增长…): never the level a rate after them is of."""
    return {f.earlier for f in facts if f.earlier is not None}


def _level(fact: Fact) -> bool:
    unit = fact.unit_info
    return fact.kind == "level" and unit is not None and not unit.is_percent and unit.kind != "multiple"


def _run(facts: list[Fact], k: int, alike: Callable[[Fact], bool]) -> tuple[int, int]:
    """The run of facts around position k that `alike` accepts: [first, last]."""
    first = last = k
    while first > 0 and alike(facts[first - 1]):
        first -= 1
    while last + 1 < len(facts) and alike(facts[last + 1]):
        last += 1
    return first, last


def _paired_level(facts: list[Fact], growth: Fact) -> Fact | None:
    """The level a growth rate is of: the latest of its subject before it, or, for rates listed together after as many
    levels reached (各由15660元、5987元提高到26500元、11139元，年均分别增长11.1%和13.2%), the level in the same place of
    its list — never another's, whatever subject the list's later members were given."""
    k = facts.index(growth)
    first, last = _run(facts, k, lambda f: f.kind == "growth")
    if last > first:
        reached: list[Fact] = []
        for fact in reversed(facts[:first]):
            if not (_level(fact) and fact.earlier is not None):
                break
            reached.insert(0, fact)
        if len(reached) == last - first + 1:
            return reached[k - first]
        if len(reached) > 1:
            return None
    bases = _bases(facts)
    # Never the plan of a completion in between (完成125863万元，为年初预算（123900万元）的101.6%，比上年增加8672万元，增长7.4%).
    levels = [f for f in facts[:k] if _level(f) and f.index not in bases and not f.compared
              and (f.measure == "target") == (growth.measure == "target")]
    return next((f for f in reversed(levels) if f.entity == growth.entity), None) or _named_short(levels, growth)


_WHOSE = re.compile(r"(?:地方)?政府")


def _named_short(levels: list[Fact], growth: Fact) -> Fact | None:
    """全年实际到位市外资金218.6亿元，…；到位资金比上年增加14.3亿元，增长7.0%: a rate of a thing named short (its name's
    characters in order and its end, words inside left out) is of the one level of the sentence so named, when none is
    named exactly — never of a level whose name only adds words in front (规上工业增加值 is some of 工业增加值)."""
    name = growth.entity or ""
    found = [f for f in levels if len(name) >= 4 and (f.entity or "").endswith(name[-2:]) and in_order(name, f.entity or "")]
    if len(found) != 1:
        return None
    entity = found[0].entity or ""
    # 政府债务余额…；债务余额比上年末增加…: 政府 in front names whose debt it is, not some of it.
    return found[0] if not entity.endswith(name) or _WHOSE.fullmatch(entity.removesuffix(name)) else None


def _years_between(earlier: Fact | None, current: Fact, sentence: Sentence) -> int:
    """Over how many years a 年均 rate runs from `earlier` to `current`: the years of the two levels, or else the span
    the review states before it (过去五年, 五年来, “十二五”期间: on the corpus every such rate between two levels of
    current prices fits that span exactly, none a year more or less); 0 when neither is known."""
    if earlier is None:
        return 0
    first, last = earlier.period, current.period
    if first and last and first.year and last.year and last.year > first.year:
        return last.year - first.year
    # 2019年至2023年，…从10亿元增至14.64亿元，年均增长10%: the span named before the first level.
    if (first is None or first.year is None) and (span := years_between(sentence.text[: earlier.start - sentence.start])):
        return span
    return sentence.review_years or 0


def _root(value: Decimal, years: int) -> Decimal:
    return value ** (ONE / Decimal(years)) if years > 1 else value


def _between(
    growth: Fact, current: Fact, previous: Fact, previous_iv: Interval, previous_text: str, years: int,
    text: str, lexicon: Lexicon,
) -> Finding:
    unit = current.unit_info
    assert unit is not None
    current_iv = beside(current, previous, unit) if previous.index == current.earlier else interval_in(current, unit)
    ratio = current_iv / previous_iv
    computed_iv = Interval((_root(ratio.lo, years) - ONE) * HUNDRED, (_root(ratio.hi, years) - ONE) * HUNDRED)
    computed = (_root(value_in(current, unit) / previous_iv.mid, years) - ONE) * HUNDRED
    ids = sorted({previous.index, current.index, growth.index})
    span = f"（{years}年）" if years > 1 else ""
    arithmetic = f"{stated(current)} ÷ ({previous_text}) → {'年均' if years > 1 else ''}增长{show(computed)}%{span}，所述 {stated(growth)}"
    common = Evidence(facts=ids, stated=growth.value, computed=Decimal(show(computed)), arithmetic=arithmetic)
    subject = (growth.subject if growth.entity == current.entity else current.subject) or ""
    fit = percent_fit(computed_iv, growth.value)
    if fit == "rounded":
        return Finding("growth_levels", INFO, f"{subject}由两个总量算得增长{show(computed)}%{span}，与所述{stated(growth)}{agreement(computed, growth.value)}。", **common)
    indicator = lexicon.indicators.get(growth.indicator or "")
    # 按现价计算年均增长7.9%: a rate the words say is at current prices is the levels' own, whatever the indicator.
    comparable = ((indicator is not None and indicator.prices == "comparable" and "现价" not in text)
                  or any(w in text for w in _COMPARABLE_WORDS))
    scoped = (indicator is not None and indicator.scope_adjusted) or _scoped_name(subject)
    # 规上工业企业由100家增加到146家: two counts the sentence states are counted, not adjusted to one 口径.
    # So are a count and its stated change (规上工业企业186家，比上年末增加14家，增长8.1%: 14 of 172).
    scoped = scoped and not (unit.is_whole_count and previous.kind in {"level", "change"})
    # 9月当月7.42亿元，环比增长3.9%（8月当月为7.14亿元）: one month over the month before, within a year — the same
    # enterprises above the scale, so no 口径 between them to adjust.
    scoped = scoped and not (growth.text.startswith("环比") and previous.kind == "level")
    if fit == "truncated" or comparable or scoped:
        return Finding(
            "growth_levels", INFO if fit != "truncated" else WARNING,
            f"{subject}由两个总量算得增长{show(computed)}%{span}，所述{stated(growth)}；"
            + ("只有按截尾取整才相符。" if fit == "truncated" else "增速按可比价或可比口径计算，可能因此不同。"),
            **common,
        )
    return Finding(
        "growth_levels", ERROR,
        f"{subject}由{previous_text}到{stated(current)}应{'年均' if years > 1 else ''}增长{show(computed)}%{span}，"
        f"所述{stated(growth)}按任何舍入都不符。",
        **common,
    )


def _changes_between(sentence: Sentence) -> list[Finding]:
    """规模以上工业企业203家，比上年末的186家净增17家 (由186家增加到203家，增加17家): a change between two levels the
    sentence states is their difference — by the year, never per year (年均增加 is `_yearly_changes`')."""
    findings = []
    by_index = {f.index: f for f in sentence.facts}
    bases, others = _bases(sentence.facts), of_other_periods(sentence, len(sentence.facts))
    for k, change in enumerate(sentence.facts):
        unit = change.unit_info
        if (change.kind != "change" or unit is None or unit.is_percent or unit.base in POINT_UNITS or change.approximate
                or change.yearly_average or change.compared_with or change.measure == "target"):
            continue
        # 到位资金136.2亿元，完成目标任务125亿元的109.0%，比上年的118.5亿元增加17.7亿元: the target between is no level
        # that changed.
        current = next((f for f in reversed(sentence.facts[:k]) if _level(f) and f.index not in bases
                        and f.measure != "target"), None)
        earlier = _base_for(sentence.facts, current, change, by_index, others)
        if (current is None or earlier is None or current.entity != change.entity or earlier.unit_info is None
                or current.approximate or earlier.approximate or not compatible(unit, earlier.unit_info)
                or not compatible(unit, current.unit_info or unit)):
            continue
        computed_iv = interval_in(current, unit) - interval_in(earlier, unit)
        computed = value_in(current, unit) - value_in(earlier, unit)
        ids = [earlier.index, current.index, change.index]
        # 16.08 − 16.05 is 0.03, not 0.0: a difference is shown to the decimals its levels were stated with.
        places = max(1, -min(int(current.value.as_tuple().exponent), int(earlier.value.as_tuple().exponent)))
        shown = plain(computed.normalize()) if computed == computed.to_integral_value() else show(computed, places)
        arithmetic = f"{stated(current)} − {stated(earlier)} = {shown}{unit.text}，所述 {stated(change)}"
        common = Evidence(facts=ids, stated=change.value, computed=Decimal(shown), arithmetic=arithmetic)
        subject = change.subject or ""
        findings.append(verdict("growth_levels", computed_iv.overlaps(stated_interval(change)),
                                f"{subject}由{stated(earlier)}到{stated(current)}变动{shown}{unit.text}，与所述{stated(change)}相符。",
                                f"{subject}由{stated(earlier)}到{stated(current)}应变动{shown}{unit.text}，"
                                f"所述{stated(change)}按任何舍入都不符。", common, sentence.text))
    return findings


def _growth_in_times(sentence: Sentence) -> list[Finding]:
    """由120家增加到240家，增长1倍: a growth in 倍 between the two levels the sentence states is the ratio less one; a
    ratio that fits the number itself is the common slip of 增长N倍 for 是…的N倍 (a warning), any other an error."""
    findings = []
    by_index = {f.index: f for f in sentence.facts}
    for k, growth in enumerate(sentence.facts):
        if growth.kind != "growth" or growth.unit != "倍" or growth.approximate or growth.yearly_average:
            continue
        # Never the base itself (比2020年的12.5亿元增长1.9倍: the level before 比 grew from it).
        current = next((f for f in reversed(sentence.facts[:k]) if f.kind == "level" and f.entity == growth.entity
                        and not f.compared), None)
        earlier = by_index.get(current.earlier) if current is not None and current.earlier is not None else None
        unit = current.unit_info if current is not None else None
        if (current is None or earlier is None or unit is None or earlier.unit_info is None or current.approximate
                or earlier.approximate or not compatible(unit, earlier.unit_info) or unit.is_percent):
            continue
        previous_iv = beside(earlier, current, unit)
        if previous_iv.lo <= 0:
            continue
        ratio_iv = beside(current, earlier, unit) / previous_iv
        ratio = value_in(current, unit) / value_in(earlier, unit)
        ids = [earlier.index, current.index, growth.index]
        arithmetic = f"{stated(current)} ÷ {stated(earlier)} − 1 = {show(ratio - ONE, 2)}倍，所述增长{stated(growth)}"
        common = Evidence(facts=ids, stated=growth.value, computed=Decimal(show(ratio - ONE, 2)), arithmetic=arithmetic)
        subject = growth.subject or ""
        stated_iv = rounded(growth.value)
        if (ratio_iv - Interval.exact(ONE)).overlaps(stated_iv):
            finding = Finding("growth_levels", INFO, f"{subject}由{stated(earlier)}到{stated(current)}增长{show(ratio - ONE, 2)}倍，与所述{agreement(ratio - ONE, growth.value)}。", **common)
        elif ratio_iv.overlaps(stated_iv):
            finding = Finding("growth_levels", WARNING,
                              f"{subject}由{stated(earlier)}到{stated(current)}是原来的{show(ratio, 2)}倍，即增长{show(ratio - ONE, 2)}倍；"
                              f"所述“增长{stated(growth)}”把“是…的N倍”说成了“增长N倍”。", **common)
        else:
            finding = Finding("growth_levels", ERROR,
                              f"{subject}由{stated(earlier)}到{stated(current)}应增长{show(ratio - ONE, 2)}倍，所述增长{stated(growth)}按任何舍入都不符。",
                              **common)
        finding.sentence = sentence.text
        findings.append(finding)
    return findings


# The new ones of a stock, named by the verb before the number (新增 counts all that came; some may have left since).
_NEW_ONES = re.compile(r"^[^\d]*?(?:新增|新登记)[^\d]*\d")


def _growth_beside_new(sentence: Sentence) -> list[Finding]:
    """全市市场主体达39万户，新增3.6万户，增长10%: a stock grows by no more than what came to it, so its growth is at
    most new ÷ (stock − new) (a net gain, 净增, is a change the rates between two levels check exactly); not where the
    stock is counted by a 口径 that changes from year to year (规上)."""
    findings = []
    facts = sentence.facts
    for k, growth in enumerate(facts):
        if growth.kind != "growth" or growth.unit != "%" or growth.approximate or growth.yearly_average or k < 2:
            continue
        new, stock = facts[k - 1], facts[k - 2]
        unit = stock.unit_info
        if (unit is None or new.unit_info is None or not _NEW_ONES.match(new.text) or _NEW_ONES.match(stock.text)
                or not (_level(stock) and _level(new)) or {stock.measure, new.measure} - {"actual", "estimate"}
                or stock.approximate or new.approximate or not stock.entity == new.entity == growth.entity
                or not compatible(unit, new.unit_info) or any(w in (stock.subject or "") for w in _SCOPE_WORDS)):
            continue
        before_iv = interval_in(stock, unit) - interval_in(new, unit)
        if before_iv.lo <= 0:
            continue
        # new ÷ (stock − new) is largest with the fewest before and the most new: dividing the intervals gives just that.
        gained = interval_in(new, unit) / before_iv * Interval.exact(HUNDRED)
        computed = value_in(new, unit) / (value_in(stock, unit) - value_in(new, unit)) * HUNDRED
        ids = [stock.index, new.index, growth.index]
        arithmetic = f"{stated(new)} ÷ ({stated(stock)} − {stated(new)}) = {show(computed)}%，所述增长{stated(growth)}"
        common = Evidence(facts=ids, stated=growth.value, computed=Decimal(show(computed)), arithmetic=arithmetic)
        subject = stock.subject or ""
        findings.append(verdict("growth_levels", rounded(growth.value).lo <= gained.hi,
                                f"{subject}{stated(stock)}、新增{stated(new)}，至多增长{show(computed)}%，与所述{stated(growth)}相符。",
                                f"{subject}{stated(stock)}中新增{stated(new)}，比上年至多增长{show(computed)}%，"
                                f"所述增长{stated(growth)}按任何舍入都不符。", common, sentence.text))
    return findings


_COMPARISON = re.compile(r"比|较|同比|高于|低于|快于|慢于")
# 比上年提高0.8个百分点 after 城镇化率54.6%…上年为53.8%: a change against the period the rate it is of was linked to.
_AGAINST_PERIOD = re.compile(r"^(?:比|较)(?P<when>上年|去年|年初)(?:末|底|同期)?(?:提高|提升|上升|增加|下降|降低|回落|减少)")


def _point_changes(sentence: Sentence) -> list[Finding]:
    """城镇化率由55.2%提高到58.3%，提高3.1个百分点: a rate's change in points is the difference of the two rates the
    sentence states, the one it rose or fell from and the one it reached."""
    findings = []
    by_index = {f.index: f for f in sentence.facts}
    for k, change in enumerate(sentence.facts):
        against = _AGAINST_PERIOD.match(normalize(change.text))
        if (change.kind != "change" or change.unit not in POINT_UNITS or change.approximate
                or (against is None and (change.compared_with or _COMPARISON.search(change.text)))):
            continue  # 比上年提高1.2个百分点, 比全省高0.5个百分点: against another year or place, not the rate it rose from
        bases = _bases(sentence.facts)
        reached = next((f for f in reversed(sentence.facts[:k]) if f.unit == "%" and f.entity == change.entity
                        and f.index not in bases and not f.compared), None)
        earlier = by_index.get(reached.earlier) if reached is not None and reached.earlier is not None else None
        earlier = earlier or _rate_compared(reached, change, sentence)
        if reached is None or earlier is None or earlier.unit != "%" or reached.approximate or earlier.approximate:
            continue
        if against is not None and (against["when"] not in earlier.text or (normalize(
                sentence.text[change.end - sentence.start : earlier.start - sentence.start]).strip() == "("
                and not (reached.kind == "share" and normalize(earlier.text).startswith(against["when"])))):
            # 比上年提高… of a rate linked to another period's (比2020年的…), or with a rate in parentheses (gaps') — unless
            # a share's, the parentheses opening with the period it is against (比重为62.2%，较上年提高4.1个百分点（上年为
            # 58.1%）): that is its base, and the gaps' check reads rates, not shares.
            continue
        # 由38.7%提高到46.5%，年均提高1.56个百分点: the difference spread over the years between (or the review's).
        years = _years_between(earlier, reached, sentence) if change.yearly_average else 1
        if years < 1:
            continue
        difference = rounded(reached.value) - rounded(earlier.value)
        computed_iv = difference / Interval.exact(Decimal(years))
        computed = (reached.value - earlier.value) / Decimal(years)
        ids = [earlier.index, reached.index, change.index]
        per_year = f" ÷ {years}年" if change.yearly_average else ""
        shown = show(computed, 2) if per_year else plain(computed)
        arithmetic = (f"({stated(reached)} − {stated(earlier)}){per_year} = {shown}个百分点，所述 {stated(change)}" if per_year
                      else f"{stated(reached)} − {stated(earlier)} = {shown}个百分点，所述 {stated(change)}")
        common = Evidence(facts=ids, stated=change.value, computed=Decimal(shown), arithmetic=arithmetic)
        subject = change.subject or ""
        if computed_iv.overlaps(rounded(change.value)):
            finding = Finding("growth_levels", INFO, f"{subject}由{stated(earlier)}到{stated(reached)}，{'年均' if per_year else ''}变动{shown}个百分点，与所述{stated(change)}相符。", **common)
        else:
            finding = Finding("growth_levels", ERROR,
                              f"{subject}由{stated(earlier)}到{stated(reached)}应{'年均' if per_year else ''}变动{shown}个百分点，所述{stated(change)}按任何舍入都不符。",
                              **common)
        finding.sentence = sentence.text
        findings.append(finding)
    return findings


def _rate_compared(reached: Fact | None, change: Fact, sentence: Sentence) -> Fact | None:
    """增长7.1%，比上年的8.4%回落1.3个百分点: a growth rate's own rate of last year, said right before its change in points
    (比上年的… links levels only, see Fact.compared), is the rate it fell or rose from."""
    if reached is None or reached.kind != "growth":
        return None
    between = [f for f in sentence.facts if reached.index < f.index < change.index]
    said = between[0] if len(between) == 1 else None
    if said is None or not said.compared or said.unit != "%" or said.entity != reached.entity:
        return None
    return said if not sentence.text[said.end - sentence.start : change.start - sentence.start].strip() else None


# 第三产业增加值占地区生产总值比重提高3.7个百分点: the change of one industry's share, named by the industry.
_INDUSTRY_SHARE = re.compile(r"^(?P<industry>第[一二三]产业)(?:增加值)?(?:占(?:地区)?生产总值)?(?:的)?(?:比重|占比)")
_RESTRUCTURED = re.compile(r"调整为|变为|优化为|调整到|转变为")


def _structure_changes(sentence: Sentence) -> list[Finding]:
    """三次产业结构由7.2∶44.2∶48.6调整为6.3∶41.4∶52.3，第三产业…比重提高3.7个百分点: an industry's share changed by its member of
    the structure reached less its member of the one it came from — only with exactly two structures in the sentence."""
    groups: dict[int, list[Fact]] = {}
    for fact in sentence.facts:
        if fact.kind == "share" and fact.unit is None and fact.group is not None:
            groups.setdefault(fact.group, []).append(fact)
    if len(groups) != 2 or any(len(g) != 3 for g in groups.values()):
        return []
    first, second = sorted(groups.values(), key=lambda g: g[0].index)
    if not _RESTRUCTURED.search(second[0].text):
        return []
    findings = []
    for change in sentence.facts:
        named = _INDUSTRY_SHARE.match(change.text)
        if (named is None or change.kind != "change" or change.unit not in POINT_UNITS or change.approximate
                or change.yearly_average or change.index < second[-1].index):
            continue
        before, after = (next((f for f in g if f.entity == named.group("industry")), None) for g in (first, second))
        if before is None or after is None:
            continue
        computed = after.value - before.value
        common = Evidence(facts=[before.index, after.index, change.index], stated=change.value, computed=computed,
                          arithmetic=f"{plain(after.value)} − {plain(before.value)} = {plain(computed)}个百分点，所述 {stated(change)}")
        fits = (rounded(after.value) - rounded(before.value)).overlaps(rounded(change.value))
        industry = named.group("industry")
        findings.append(verdict("growth_levels", fits, f"{industry}比重由{plain(before.value)}%到{plain(after.value)}%，"
                                f"变动{plain(computed)}个百分点，与所述相符。",
                                f"{industry}比重由{plain(before.value)}%到{plain(after.value)}%应变动{plain(computed)}个百分点，"
                                f"所述{stated(change)}按任何舍入都不符。", common, sentence.text))
    return findings


_MULTIPLE_BASE = re.compile(r"(?:是|为|相当于)\s*(?:19|20)\d{2}\s*年(?:末|底)?的?\s*[\d.]+\s*\S*$")


def _yearly_changes(sentence: Sentence) -> list[Finding]:
    """是2005年4432亿元的2.7倍，年均增加1482亿元: the yearly increase against the two levels and the years between."""
    findings = []
    facts = sentence.facts
    for k, change in enumerate(facts):
        unit = change.unit_info
        if change.kind != "change" or not change.yearly_average or unit is None or unit.is_percent or change.approximate:
            continue
        levels = [f for f in facts[:k] if f.kind == "level" and f.entity == change.entity and f.unit_info
                  and compatible(f.unit_info, unit) and f.period and f.period.year and not f.approximate]
        if len(levels) < 2:
            continue
        earlier = min(levels, key=lambda f: f.period.year if f.period and f.period.year else 0)
        current = max(levels, key=lambda f: f.period.year if f.period and f.period.year else 0)
        assert earlier.period and current.period and earlier.period.year and current.period.year
        years = current.period.year - earlier.period.year
        if years < 1:
            continue
        span = Interval.exact(Decimal(years))
        computed_iv = (interval_in(current, unit) - interval_in(earlier, unit)) / span
        computed = (value_in(current, unit) - value_in(earlier, unit)) / Decimal(years)
        ids = [earlier.index, current.index, change.index]
        arithmetic = f"({stated(current)} − {stated(earlier)}) ÷ {years}年 = {show(computed)}{unit.text}，所述 {stated(change)}"
        common = Evidence(facts=ids, stated=change.value, computed=Decimal(show(computed)), arithmetic=arithmetic)
        subject = change.subject or ""
        if computed_iv.overlaps(rounded(change.value)):
            finding = Finding("growth_levels", INFO, f"{subject}年均增加{show(computed)}{unit.text}，与所述{stated(change)}相符。", **common)
        else:
            finding = Finding(
                "growth_levels", ERROR,
                f"{subject}由{stated(earlier)}到{stated(current)}（{years}年）应年均增加{show(computed)}{unit.text}，所述{stated(change)}按任何舍入都不符。",
                **common,
            )
        finding.sentence = sentence.text
        findings.append(finding)
    return findings


def _multiples(sentence: Sentence) -> list[Finding]:
    """是2005年22557亿元的2倍: the multiple against the current level and the earlier one."""
    findings = []
    facts = sentence.facts
    for k, multiple in enumerate(facts):
        unit = multiple.unit_info
        if unit is None or unit.kind != "multiple" or multiple.kind != "level" or k == 0 or multiple.approximate:
            continue
        earlier = facts[k - 1]
        base = earlier.unit_info
        if base is None or earlier.kind != "level" or base.is_percent or earlier.entity != multiple.entity:
            continue
        if not _MULTIPLE_BASE.search(earlier.text):
            continue  # 去年达到437.1亿元，是2011年的1.8倍: the multiple is of a level the sentence does not state
        current = next((f for f in reversed(facts[: k - 1]) if f.kind == "level" and f.entity == earlier.entity
                        and f.unit_info and compatible(f.unit_info, base) and f.period and earlier.period
                        and (f.period.year or 0) > (earlier.period.year or 0)), None)
        if current is None or current.approximate or earlier.approximate or interval_in(earlier, base).lo <= 0:
            continue
        ratio_iv = interval_in(current, base) / interval_in(earlier, base)
        computed = value_in(current, base) / earlier.value
        ids = [earlier.index, current.index, multiple.index]
        arithmetic = f"{stated(current)} ÷ {stated(earlier)} = {show(computed, 2)}倍，所述 {stated(multiple)}"
        common = Evidence(facts=ids, stated=multiple.value, computed=Decimal(show(computed, 2)), arithmetic=arithmetic)
        subject = multiple.subject or ""
        if ratio_iv.overlaps(rounded(multiple.value)):
            findings.append(Finding("growth_levels", INFO, f"{subject}是{stated(earlier)}的{show(computed, 2)}倍，与所述{stated(multiple)}相符。", **common))
            continue
        # A multiple stated beside two levels is of those levels, unless it says it is at comparable prices.
        between = sentence.text[max(0, current.start - sentence.start) : multiple.end - sentence.start]
        severity = INFO if any(w in between for w in _COMPARABLE_WORDS) else ERROR
        findings.append(Finding(
            "growth_levels", severity,
            f"{subject}{stated(current)}是{stated(earlier)}的{show(computed, 2)}倍，所述{stated(multiple)}"
            + ("（可比价计算，可能因此不同）。" if severity == INFO else "按任何舍入都不符。"),
            **common,
        ))
    for finding in findings:
        finding.sentence = sentence.text
    return findings


# Output and value added grow at comparable prices, whatever the lexicon knows of them (农业总产值).
_OUTPUT = re.compile(r"产值|增加值|生产总值")


def _yearly_rate_of_multiple(sentence: Sentence, lexicon: Lexicon) -> list[Finding]:
    """年均增长9.7%，2023年达到10.0亿元，是2020年的1.25倍: a yearly rate and the multiple of a stated year's level that the
    level reached is, over the years between — the multiple to the power of one over the years, less one. Only for an
    indicator the lexicon names, the multiple right beside its rate: not one whose rate is at comparable prices (GDP, value
    added, output) or on an adjusted 口径 (investment), nor a rate said so."""
    findings = []
    facts = sentence.facts
    for growth in facts:
        if not growth.yearly_average or growth.kind != "growth" or growth.unit != "%" or growth.approximate:
            continue
        k = facts.index(growth)
        # Right beside the rate, or after the level reached right after it (年均增长9.7%，2023年达到10.0亿元，是2020年的1.25倍).
        beside = [*facts[k - 1 : k][-1:], *facts[k + 1 : k + 2]]
        if k + 2 < len(facts) and _level(facts[k + 1]) and facts[k + 1].entity == growth.entity:
            beside.append(facts[k + 2])
        multiple = next((f for f in beside if f.unit_info is not None and f.unit_info.kind == "multiple" and f.kind == "level"
                         and f.entity == growth.entity and f.qualifier is None), None)
        if (multiple is None or multiple.period is None or multiple.period.year is None or not _MULTIPLE_BASE.search(multiple.text)
                or "分别" in multiple.text):
            continue
        start = multiple.period.year
        current = next((f for f in reversed(facts) if f.index < multiple.index and _level(f) and f.entity == growth.entity
                        and f.period is not None and (f.period.year or 0) > start), None)
        indicator = lexicon.indicators.get(growth.indicator or "")
        if (current is None or current.period is None or current.period.year is None or indicator is None
                or indicator.prices == "comparable" or indicator.scope_adjusted or _OUTPUT.search(growth.entity or "")
                or any(w in sentence.text for w in _COMPARABLE_WORDS)):
            continue
        years = current.period.year - start
        ratio = rounded(multiple.value)
        computed_iv = Interval((_root(ratio.lo, years) - ONE) * HUNDRED, (_root(ratio.hi, years) - ONE) * HUNDRED)
        computed = (_root(multiple.value, years) - ONE) * HUNDRED
        arithmetic = f"{stated(multiple)}开{years}次方 − 1 = 年均增长{show(computed)}%，所述 {stated(growth)}"
        common = Evidence(facts=sorted([growth.index, current.index, multiple.index]), stated=growth.value,
                          computed=Decimal(show(computed)), arithmetic=arithmetic)
        subject = growth.subject or ""
        said = f"{subject}{years}年间是{start}年的{stated(multiple)}，年均应增长{show(computed)}%"
        findings.append(verdict("growth_levels", percent_fit(computed_iv, growth.value) is not None,
                                f"{said}，与所述{stated(growth)}相符。", f"{said}，所述{stated(growth)}按任何舍入都不符。",
                                common, sentence.text))
    return findings


def _part_named_short(current: Fact, sentence: Sentence, lexicon: Lexicon) -> str | None:
    """其中：第一产业 under 地区生产总值: a table's part row named short for one of the parts the lexicon gives its whole row
    (第一产业增加值 of 地区生产总值, whose levels its sentence carries) is that part, which says how it grows."""
    whole = next((f for f in sentence.carried if f.index == current.whole), None) if current.whole is not None else None
    name = current.entity or ""
    if not name:
        return None
    if whole is None or whole.indicator is None:
        # 第二产业 with no whole row found (a layout lost its indent): the one indicator whose name it opens.
        opened = [code for code, indicator in lexicon.indicators.items()
                  if len(name) >= 4 and any(n.startswith(name) for n in (indicator.name, *indicator.aliases))]
        return opened[0] if len(opened) == 1 else None
    parts = [code for code in lexicon.parts_of(whole.indicator)
             if any(n.startswith(name) for n in (lexicon.indicators[code].name, *lexicon.indicators[code].aliases))]
    return parts[0] if len(parts) == 1 else None


def _growth_levels(growth: Fact, current: Fact, previous: Fact, lexicon: Lexicon, named: str | None = None) -> Finding | None:
    unit, previous_unit = current.unit_info, previous.unit_info
    if unit is None or previous_unit is None or not compatible(unit, previous_unit) or previous.value <= 0:
        return None
    ids = [previous.index, current.index, growth.index]
    indicator = lexicon.indicators.get(growth.indicator or "")
    subject = growth.subject or ""
    # A part row named short (第一产业 for 第一产业增加值) grows as the part it names.
    basis = indicator or lexicon.indicators.get(named or "")
    if basis and basis.prices == "comparable":
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
        return Finding("growth_levels", INFO, f"{subject}由两期总量算得增长{show(computed)}%，与所述{stated(growth)}{agreement(computed, growth.value)}。", **common)
    scoped = ((indicator is not None and indicator.scope_adjusted) or _scoped_name(subject)
              or any(w in growth.text for w in _COMPARABLE_WORDS))
    if scoped:
        return Finding(
            "growth_levels", INFO,
            f"{subject}由两期总量算得增长{show(computed)}%，所述{stated(growth)}；该指标按可比口径计算增速，可能为口径调整。",
            **common,
        )
    if growth.measure == "target" and not _on_executed_base(growth):
        # A plan's growth target is often set on last year's figure as adjusted (同口径: 地方财政收入达到2.25亿元，同口径增长
        # 11.5% beside 2.2亿元 last year), so a target level and rate that disagree with last year's are worth a look only.
        return Finding(
            "growth_levels", WARNING,
            f"{subject}目标{stated(current)}较上年{stated(previous)}应增长{show(computed)}%，所述目标增速{stated(growth)}不符；"
            "除非目标增速按调整后的基数计算，否则数字有误。",
            **common,
        )
    return Finding(
        "growth_levels", ERROR,
        f"{subject}由{stated(previous)}到{stated(current)}应增长{show(computed)}%，所述{stated(growth)}按任何舍入都不符。",
        **common,
    )



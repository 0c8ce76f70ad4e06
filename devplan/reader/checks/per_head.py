"""Figures per head: 全县常住人口52.3万人，…地区生产总值312.6亿元，人均地区生产总值59770元 — the total over the people;
and per thousand people: 全县医疗卫生机构床位3100张，每千常住人口床位数6.2张 — the things counted over the people, in
thousands (or ten thousands). The people are the place's population stated for the period, before the figure or after it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from devplan.reader.checks.common import (
    agreement,
    compatible,
    in_sub_area,
    interval_in,
    is_flow,
    plain,
    short_for,
    stated,
    value_in,
    verdict,
)
from devplan.reader.checks.memory import Memory
from devplan.reader.checks.people import People, PerHead
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import Evidence, Finding
from devplan.reader.interval import Interval, rounded, show
from devplan.reader.lexicon import Lexicon
from devplan.reader.periods import Period
from devplan.reader.units import parse_unit

# 每千常住人口床位数, 每千人口执业医师, 每千常住人口拥有…床位, 每万人口…: per how many people, which people, and the thing
# counted, right before the figure (拥有 is a verb to the reader, so the figure's subject may have lost the people).
_PER_HEAD = re.compile(r"每(?P<per>千|万)(?P<people>常住人口|户籍人口|人口|人)(?:拥有)?(?P<thing>[\u4e00-\u9fff()（）]{2,14}?)数?"
                       r"(?:为|达到|达)?[\d.]+\S*$")
_PER = {"千": Decimal(1000), "万": Decimal(10000)}
_CUES = re.compile(r"人口|人均|每[千万]")
# 人均地区生产总值, 人均一般公共预算支出, 全县人均财政收入: an amount per head, named by the amount.
_PER_CAPITA = re.compile(r"^(?:全[市县区省州旗])?人均(?P<amount>[\u4e00-\u9fffA-Z]{2,14})$")
# 按常住人口计算, 按户籍人口计算: the people the sentence says it divided by.
_BASIS = re.compile(r"按(?P<scope>常住|户籍)(?:总)?人口")
_PERSONS = parse_unit("人")
# 地区生产总值(GDP), 地区生产总值（现价）, 地区生产总值总量: a name with a note or a word for its total after it.
_NAME_AFTER = re.compile(r"[(（][^()（）]*[)）]?|总量|规模")
# 县域, 中心城区, 经开区: a part of the place named before an amount.
_PART_OF_PLACE = re.compile(r"县域|城区|新区|开发区|经开区|高新区|园区|示范区|试验区|集聚区|[镇乡]")
_NAME_MIN = 4
# A yearly per-head figure is on the year's average population, a year-end figure on the population at the end: the
# two differ by half a year's change, a percent or two in a county. Within that, a per-head figure is not judged.
_AVERAGE_PEOPLE = Decimal("0.02")


def check_per_head(sentence: Sentence, memory: Memory, lexicon: Lexicon) -> list[Finding]:
    """Each figure per head or per thousand people whose total is stated before it (in this sentence, the one before,
    or earlier for the period), against the place's population — stated before it, or, in a bulletin that gives the
    population in its own section, after it (the figure waits in memory until then)."""
    if not _CUES.search(sentence.text):
        return []  # no population, nothing per head or per thousand: most sentences
    people = memory.people
    findings: list[Finding] = []
    for fact in sentence.facts:
        if in_sub_area(sentence.text, sentence.start, fact) or fact.elsewhere:
            continue  # a zone's figure, or a higher place's (全市每千常住人口床位… in a county's text): not of these people
        ready = people.ready(fact.period) if people.remember(fact) else []
        ratio = _ratio(sentence, fact, memory, lexicon)
        if ratio is not None and ratio.figure.unit == "‰":
            ratio = _of_residents(ratio)
        if ratio is not None and people.population(ratio.scopes[0], fact.period) is None:
            people.wait(ratio)
        elif ratio is not None:
            ready.append(ratio)
        findings.extend(_judged(r, people, sentence.text) for r in ready)
    return findings


def _ratio(sentence: Sentence, fact: Fact, memory: Memory, lexicon: Lexicon) -> PerHead | None:
    """The figure's total and the people it may be of, when the figure is per head or per thousand people."""
    if fact.kind != "level" or fact.qualifier is not None or fact.compared or fact.measure not in {"actual", "estimate"}:
        return None
    per_thousand = _PER_HEAD.search(fact.text)
    if per_thousand is not None:
        counted = _counted(sentence, fact, per_thousand.group("thing"), memory)
        scope = per_thousand.group("people")
        name = per_thousand.group()[: per_thousand.start("thing") - per_thousand.start()] + per_thousand.group("thing")
        return PerHead(name, fact, counted, _PER[per_thousand.group("per")], _scopes(scope, sentence, fact)) if counted else None
    unit = fact.unit_info
    rate = _PER_MILLE.match(fact.entity or "")
    if rate is not None and unit is not None and unit.base == "‰":
        events = _events(sentence, fact, rate.group("event"))
        return PerHead(fact.entity or "", fact, events, _PER["千"], _scopes("", sentence, fact)) if events else None
    per_capita = _PER_CAPITA.match(fact.entity or "")
    if per_capita is None or unit is None:
        return None
    amount = per_capita.group("amount")
    resource = next((r for r in _RESOURCES if amount.startswith(r)), None)
    if unit.kind == "money":
        total = _amount(sentence, fact, amount, memory, lexicon)
    elif resource is not None and unit.kind == _RESOURCES[resource][1]:
        total = _resource(sentence, fact, resource)
    else:
        return None
    if total is None or total.unit_info is None:
        return None
    per = _KILOGRAMS.get(total.unit_info.base, Decimal(1)) / _KILOGRAMS.get(unit.base, Decimal(1))
    return PerHead(fact.entity or "", fact, total, per, _scopes("", sentence, fact))


# Land and grain per head (人均耕地1.28亩, 人均粮食占有量516公斤) are of the place's whole amount and people, like money:
# the words the total's name holds, and the kind of unit. Not green space or housing, which are of the town's people.
_RESOURCES = {"耕地": (("耕地",), "area"), "粮食": (("粮食", "产量"), "weight")}
_KILOGRAMS = {"吨": Decimal(1000), "公斤": Decimal(1), "千克": Decimal(1), "斤": Decimal("0.5")}


def _resource(sentence: Sentence, figure: Fact, resource: str) -> Fact | None:
    """The place's amount of land or grain right before the figure, in this sentence or the one before."""
    words, _ = _RESOURCES[resource]
    unit = figure.unit_info
    found = next((f for f in _earlier(sentence, figure) if f.unit_info is not None and unit is not None
                  and f.unit_info.kind == unit.kind and all(w in (f.entity or "") for w in words)), None)
    if (found is None or "人均" in (found.entity or "") or found.kind != "level" or found.approximate
            or found.qualifier is not None or found.compared or found.period != figure.period
            or found.measure not in {"actual", "estimate"} or found.whole is not None):
        return None
    return found


# 人口出生率7.84‰, 出生率为6.18‰, 死亡率: the people born or dead in the year per thousand of the place's people.
_PER_MILLE = re.compile(r"^(?:全[市县区])?(?:(?P<scope>户籍|常住)?人口)?(?P<event>出生|死亡)率$")
_EVENTS = re.compile(r"^(?:全[市县区]|全年)?(?P<event>出生|死亡)(?:人口|人数)$")


def _of_residents(rate: PerHead) -> PerHead:
    """A rate per thousand is of the population it names (户籍人口出生率), else of the residents, as the statistics count
    births and deaths: never judged by the registered population alone, which a county's bulletin may give beside a rate
    of residents it does not state (年末全县户籍总人口96.38万人…。全年出生人口5862人，人口出生率为6.82‰, of some 86万)."""
    named = _PER_MILLE.match(rate.figure.entity or "")
    return replace(rate, scopes=(named.group("scope") if named is not None and named.group("scope") else "常住",))


def _events(sentence: Sentence, rate: Fact, event: str) -> Fact | None:
    """The people born (or dead) that a rate per thousand counts: the latest count of people before it, in this sentence
    or the one before, named by the same event (出生人口6128人 for 出生率), of the rate's period and stated exactly."""
    found = next((f for f in _earlier(sentence, rate) if f.unit_info is not None and f.unit_info.base == "人"
                  and (named := _EVENTS.match(f.entity or "")) is not None and named.group("event") == event), None)
    if (found is None or found.kind != "level" or found.approximate or found.qualifier is not None or found.compared
            or found.period != rate.period or found.measure not in {"actual", "estimate"} or found.whole is not None):
        return None
    return found


def _scopes(named: str, sentence: Sentence, fact: Fact) -> tuple[str, ...]:
    """The populations a figure may be of: the one it names (每千常住人口) or the sentence says it divided by (按户籍人口
    计算); else the resident one, the statistics' rule, or the registered one where the report states that too."""
    basis = _BASIS.search(sentence.text, 0, max(0, fact.start - sentence.start))
    scope = named[:2] if named in {"常住人口", "户籍人口"} else basis.group("scope") if basis else None
    return (scope,) if scope else ("常住", "户籍")


def _earlier(sentence: Sentence, fact: Fact) -> list[Fact]:
    """The facts before `fact` in its sentence and the sentence before, latest first."""
    return [f for f in reversed([*sentence.before, *sentence.facts]) if f.index < fact.index]


# How many sentences back the count a figure per thousand people divides may stand (卫生技术人员…，其中执业(助理)医师…。
# 医疗卫生机构床位…。全科医生…。按年末常住人口…计算，每千常住人口执业(助理)医师…，每千常住人口床位…).
_COUNT_BACK = 3


def _counted(sentence: Sentence, share: Fact, thing: str, memory: Memory) -> Fact | None:
    """The count of the things before the figure, the latest of them: same unit, named by the thing's head (床位 of
    医疗机构床位, 医疗卫生机构实有床位), all there are (not 新增床位300张, nor a part of a 其中 list); in the sentence, the one
    before, or a few more back."""
    thing = _unbracketed(re.sub(r"(?:拥有量|数量|数)$", "", thing))  # 每万人口发明专利拥有量 counts 发明专利
    head = thing[-2:]
    near = _earlier(sentence, share)
    further = [f for f in reversed(memory.counts) if f not in near and share.sentence - f.sentence <= _COUNT_BACK]
    for last in [*near, *further]:
        name = _unbracketed(last.entity or "")
        if last.unit != share.unit or not name.endswith(head) or "每" in name:
            continue
        if last.whole is not None and not (len(thing) > len(head) and name.endswith(thing)):
            continue  # 其中医院床位2400张 is some of the beds; 其中执业(助理)医师1520人 the doctors 每千人口执业(助理)医师 counts
        if (last.kind != "level" or last.qualifier is not None or last.period != share.period
                or last.measure not in {"actual", "estimate"} or last.compared or is_flow(last)):
            return None
        return last
    return None


def _unbracketed(name: str) -> str:
    """执业（助理）医师 as the reader names it, 执业(助理)医师."""
    return name.replace("（", "(").replace("）", ")")


def _amount(sentence: Sentence, figure: Fact, amount: str, memory: Memory, lexicon: Lexicon) -> Fact | None:
    """The amount a per-head figure divides: named as it is (人均地区生产总值 of 地区生产总值, 人均GDP of 地区生产总值（GDP）: the
    same indicator), stated exactly for the same period before it, in this sentence or the one before, else earlier."""
    indicator = lexicon.named(amount)

    def named(fact: Fact) -> bool:
        own = fact.entity or ""
        # 人均储蓄存款 of 城乡居民储蓄存款余额, 人均社会消费品零售额 of 社会消费品零售总额: the amount's name in it, or short for it.
        if "人均" in own:
            return False
        if indicator is not None:
            # 人均地区生产总值 names the indicator: its total is named so too, with at most a note in parentheses or a word for
            # the total after it, and never a part of the place in front (县域地区生产总值, 经开区地区生产总值 are some of it).
            name = lexicon.name_in(own)
            if own == amount or name is None or fact.indicator != indicator.code:
                return own == amount
            front, _, back = own.partition(name)
            return _PART_OF_PLACE.search(front) is None and (not back or _NAME_AFTER.fullmatch(back) is not None)
        return own == amount or (len(amount) >= _NAME_MIN and (amount in own or short_for(amount, own)))

    unit = figure.unit_info
    found = next((f for f in _earlier(sentence, figure) if named(f) and f.kind == "level" and f.unit_info is not None
                  and unit is not None and compatible(f.unit_info, unit)), None)
    if found is None and figure.period is not None:
        found = memory.named_level(amount, figure.period) or (memory.level(indicator.code, figure.period)
                                                              if indicator else None) or _only_named(memory, figure.period, named)
    own = found.unit_info if found is not None else None
    if (found is None or own is None or unit is None or not compatible(own, unit)
            or found.approximate or found.qualifier is not None or found.compared or found.cumulative
            or found.period != figure.period or found.measure not in {"actual", "estimate"} or not named(found)):
        return None
    return found


def _only_named(memory: Memory, period: Period, named: Callable[[Fact], bool]) -> Fact | None:
    """The one level of `period` stated earlier that the amount names short (人均农业产值 of 农业总产值 paragraphs before);
    None when none does or several do."""
    found = [f for f in memory.levels_of(period) if named(f)]
    return found[0] if len(found) == 1 else None


def _judged(ratio: PerHead, people: People, sentence: str) -> Finding:
    """The figure against the total over each population it may be of (the first one is stated): it fits when any
    gives it."""
    figure, total = ratio.figure, ratio.total
    peoples = [p for p in (people.population(scope, figure.period) for scope in ratio.scopes) if p is not None]
    whose = next(scope for scope in ratio.scopes if people.population(scope, figure.period) is not None)
    unit = figure.unit_info
    assert unit is not None
    counted = interval_in(total, unit) * Interval.exact(ratio.per)
    fits = any(_per(counted, people).overlaps(rounded(figure.value)) for people in peoples)
    first = peoples[0]
    computed = value_in(total, unit) * ratio.per / value_in(first, _PERSONS)
    places = max(1, -int(figure.value.as_tuple().exponent))
    times = f" × {plain(ratio.per)}" if ratio.per != 1 else ""
    arithmetic = (f"{stated(total)} ÷ {stated(first)}{times} = {show(computed, places)}"
                  f"{figure.unit or ''}，所述 {stated(figure)}")
    common = Evidence(facts=sorted({total.index, first.index, figure.index}), stated=figure.value,
                      computed=Decimal(show(computed, places)), arithmetic=arithmetic)
    name, shown = ratio.name, show(computed, places) + (figure.unit or "")
    return verdict("share_levels", fits, f"{name}{shown}，与所述{stated(figure)}{agreement(computed, figure.value)}。",
                   f"{name}应约为{shown}（{stated(total)}÷{whose}人口{stated(first)}），"
                   f"所述{stated(figure)}不符。", common, sentence)


def _per(counted: Interval, population: Fact) -> Interval:
    """The amount per person, the people taken as anything within a year's drift of the stated figure."""
    persons = interval_in(population, _PERSONS)
    drift = Interval(persons.lo * (1 - _AVERAGE_PEOPLE), persons.hi * (1 + _AVERAGE_PEOPLE))
    return counted / drift

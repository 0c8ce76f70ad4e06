"""What the auditor remembers across sentences: the latest level stated for each thing and period.

One entry per (thing, period) is kept, so memory grows with the number of distinct figures, not with
the length of the document.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable

from devplan.reader.checks.common import SEVERAL_YEARS, is_flow, is_running_total, key_of, names_things
from devplan.reader.checks.people import People
from devplan.reader.facts import Fact
from devplan.reader.lexicon import Indicator, Lexicon, default_lexicon
from devplan.reader.lists import PER_PERSON
from devplan.reader.periods import Period
from devplan.reader.units import Unit

# How many of the latest counts are kept for a sentence naming the things it is about (签约项目中，…).
_RECENT_COUNTS = 64

# A figure stated for the whole place (全市新增规上工业企业45家): the total its sectors' and areas' figures are within.
WHOLE_PLACE = re.compile(r"^全(?:市|县|区|省|州|盟|旗)")
# A flow and its running total are matched by name only when the name says what of (实际利用外资, not 投资 or 产值,
# which a clause names after whatever it was about).
_NAMED = 4


# A name with words in front is a kind of the thing the rest names (主城区新增绿地 of 区新增绿地) when the rest says what
# of at some length and the words in front pick some of it rather than other years, an average or another measure.
_SUFFIX_MIN = 5
_NOT_SOME_OF = re.compile(r"年均|人均|平均|上年|去年|同比|计划|目标|预计|合同|协议|签约|减少|下降|净|全|总|[和、及与]")


def _qualified(name: str, whole: str) -> bool:
    """`name` is `whole` with words in front that pick some of it."""
    return (len(whole) >= _SUFFIX_MIN and len(name) > len(whole) and name.endswith(whole)
            and _NOT_SOME_OF.search(name[: -len(whole)]) is None)


def running_key(key: str) -> str:
    """A thing's name without the words that make it a running total (主城建成区累计新增绿地 is 主城建成区新增绿地's,
    高新技术企业总数 高新技术企业's)."""
    return _TOTAL_WORD.sub("", key.replace("累计", ""))


_TOTAL_WORD = re.compile(r"(?:总数|总量)$")


# What a whole is named by: an amount of a kind (增加值, 投资, 产量 …), and at least this long (汽车产量, not 产量).
# Not 利润: a part's profit can exceed the whole's when other parts lose.
AMOUNT_NAME = re.compile(r"(?:增加值|产值|生产总值|收入|支出|投资|产量|总额|销售额|零售额|营业额|到位资金|交易额|成交额)$")
WHOLE_MIN = 4
# Words for the whole place before a whole's name: 地区固定资产投资 and 全社会固定资产投资 are 固定资产投资's, and
# 海关进出口总额 (all trade in goods, as customs counts it) is 进出口总额's.
_PLACE_WIDE = re.compile(r"^(?:全[市县区省州盟旗]|全社会|全部|地区|我[市县区省]|海关)(?=[\u4e00-\u9fff]{4})")
# Measures always of some set the name leaves unsaid (主营业务收入 of 规上工业企业, 营业收入 of some firms): no whole by
# themselves, whatever a sentence carried over to them.
_OF_SOMETHING = re.compile(r"(?:主营业务|营业|销售|经营)(?:收入|额)|利润总额|利税总额|总产值|固定资产投资完成额")


def within_name(fact: Fact) -> str | None:
    """The name a level stands under as a whole (工业增加值, 固定资产投资 for 地区固定资产投资), or None."""
    unit = fact.unit_info
    if (fact.kind != "level" or fact.measure not in {"actual", "estimate"} or fact.period is None or fact.approximate
            or unit is None or unit.is_percent or unit.kind == "multiple" or fact.cumulative):
        return None
    name = _PLACE_WIDE.sub("", fact.entity or "")
    if (len(name) < WHOLE_MIN or not AMOUNT_NAME.search(name) or _OF_SOMETHING.fullmatch(name) or PER_PERSON.search(name)
            or SEVERAL_YEARS.search(fact.text)):
        return None
    return name


# The members of a three-industry structure, as the extractor names them, and the indicators whose levels they are shares of.
STRUCTURE_MEMBERS = {"第一产业": "primary_value_added", "第二产业": "secondary_value_added", "第三产业": "services_value_added"}


# Indicators that are rates or indices (城镇化率, 空气质量优良天数比例, 居民消费价格指数) are stated in %; every other is an amount.
_RATE_NAME = re.compile(r"(?:率|比例|比重|指数)$")


def _measured_in(indicator: Indicator, unit: Unit) -> bool:
    """The unit is of the kind the indicator is stated in: a percentage for a rate, an amount (not a multiple) for the rest."""
    if unit.kind == "multiple":
        return False
    return unit.is_percent == bool(_RATE_NAME.search(indicator.name))


def _looser(fact: Fact, known: Fact | None) -> bool:
    """`fact` is loose (约, 多, or a bound: 连续五年稳定在35万吨以上) where the figure `known` for the same thing and period is
    exact, in the same kind of unit: the exact one stays what the thing's level is."""
    if known is None:
        return False
    loose = (fact.approximate and not known.approximate) or (fact.qualifier is not None and known.qualifier is None)
    unit, known_unit = fact.unit_info, known.unit_info
    return loose and unit is not None and known_unit is not None and unit.kind == known_unit.kind and unit.is_percent == known_unit.is_percent


class Memory:
    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.levels: dict[tuple[str, Period], Fact] = {}
        # Exact level targets of any thing (年度计划投资208.5亿元), for a share of the plan named short.
        self.planned: dict[tuple[str, Period], Fact] = {}
        # The same levels and targets by period, for the rules that look through all of a period's (a share's whole named
        # short): a lookup, not a pass over every figure remembered.
        self.period_levels: dict[Period, dict[str, Fact]] = {}
        self.period_planned: dict[Period, dict[str, Fact]] = {}
        self.by_indicator: dict[tuple[str, Period], Fact] = {}
        self.yearly: dict[tuple[str, int], Fact] = {}
        self.sectors: dict[Period, dict[str, Fact]] = {}
        self.growth: dict[tuple[str, Period], Fact] = {}
        self.targets: dict[tuple[str, Period], Fact] = {}
        # The latest growth target of each indicator and period (预期目标：地区生产总值增长6.5%), for a gap to the plan
        # said sentences or paragraphs later (比上年增长6.8%，高于年度目标0.3个百分点).
        self.growth_targets: dict[tuple[str, Period], Fact] = {}
        self.place_totals: dict[tuple[str, Period], Fact] = {}
        # Flows and their running totals (累计…), by attribute and period, then thing: the first stated of each. Grouped so
        # that a thing named differently is looked for among its attribute and period's only.
        self.flows: dict[tuple[str | None, Period], dict[str, Fact]] = {}
        self.running: dict[tuple[str | None, Period], dict[str, Fact]] = {}
        # Exact amounts by the name they stand under as a whole (工业增加值, 固定资产投资 for 地区固定资产投资): the first of each.
        self.named: dict[tuple[str, Period], Fact] = {}
        # The members of three-industry structures (14.5:29.8:55.7), by industry and period: the first stated of each.
        self.structures: dict[tuple[str, Period], Fact] = {}
        # Levels whose own rate is a yearly average (完成投资408亿元，年均增长23%): perhaps totals over years, by fact index.
        self.spans: set[int] = set()
        # A budget's latest 收入总计 and 支出总计, by side, for the year-end balance said after them (checks/balance.py).
        self.budget_totals: dict[str, Fact] = {}
        # The place's population and the figures per head that wait for it (checks/per_head.py).
        self.people = People()
        # Checks made once across the document (the three industries' sum for a year), so a later mention does not repeat them.
        self.checked: set[tuple[object, ...]] = set()
        # The latest exact counts (签约引进项目156个), for the things a later sentence opens with (签约项目中，…): a few, not all.
        self.counts: deque[Fact] = deque(maxlen=_RECENT_COUNTS)
        # The figure done and its plan of the latest completion checked, for what is left to do said after it.
        self.done_of_plan: tuple[Fact, Fact] | None = None

    def first_check(self, key: tuple[object, ...]) -> bool:
        """True the first time a check across sentences asks for `key`, False after."""
        if key in self.checked:
            return False
        self.checked.add(key)
        return True

    def remember(self, fact: Fact) -> None:
        """Keep realised and estimated levels under their thing and period, the growth rates of indicators
        (for gaps in points measured from them), the exact level targets of indicators (for a zone's
        target within the place's own), and the first flow and running total of each named thing (a flow within
        the 累计 or 总数 of another sentence)."""
        if fact.kind == "growth" and fact.unit == "%" and fact.indicator and fact.period and (
                fact.measure == "growth" or (fact.measure == "estimate" and (fact.indicator, fact.period) not in self.growth)):
            # 预计增长5.8%: a year's estimated rate stands for the year's until a rate of it is stated.
            self.growth[(fact.indicator, fact.period)] = fact
        if fact.kind == "growth" and fact.measure == "target" and fact.unit == "%" and fact.indicator and fact.period:
            self.growth_targets[(fact.indicator, fact.period)] = fact
        if (fact.kind == "level" and fact.measure == "target" and fact.period is not None and fact.qualifier is None
                and (target_of := self.lexicon.named(fact.entity) or self.lexicon.named(fact.subject)) is not None):
            self.targets[(target_of.code, fact.period)] = fact
        if fact.kind == "share" and fact.unit is None and fact.group is not None and fact.period is not None \
                and (code := STRUCTURE_MEMBERS.get(fact.entity or "")) is not None:
            self.structures.setdefault((code, fact.period), fact)
        if fact.kind == "level" and fact.measure == "target" and fact.period is not None and fact.qualifier is None \
                and (planned := key_of(fact)):
            self.planned[(planned, fact.period)] = fact
            self.period_planned.setdefault(fact.period, {})[planned] = fact
        if fact.kind != "level" or fact.measure not in {"actual", "estimate"} or fact.period is None or fact.compared:
            return  # 比上年的47.35亿元 is last year's, though the sentence names no year
        unit = fact.unit_info
        if unit is not None and unit.kind == "count" and not fact.approximate and fact.qualifier is None:
            self.counts.append(fact)
        if unit is not None and unit.kind == "multiple":
            return  # 是2005年的2倍 is a ratio to another year, not a level
        key = key_of(fact)
        if (name := within_name(fact)) is not None:
            self.named.setdefault((name, fact.period), fact)
        if fact.entity and WHOLE_PLACE.match(fact.text) and not fact.approximate:
            self.place_totals.setdefault((fact.entity, fact.period), fact)
        if key and not fact.approximate and (fact.indicator or len(key) >= _NAMED):
            kept = self.running if is_running_total(fact) else self.flows if is_flow(fact) else None
            if kept is not None:
                kept.setdefault((fact.attribute, fact.period), {}).setdefault(running_key(key), fact)
        if key:
            known_level = self.levels.get((key, fact.period))
            # 各项存款余额526.84亿元。其中，住户存款余额412.35亿元: a part named as its whole's indicator is no later figure of it.
            if not _looser(fact, known_level) and not (known_level is not None and fact.whole == known_level.index):
                self.levels[(key, fact.period)] = fact
                self.period_levels.setdefault(fact.period, {})[key] = fact
            if fact.period.year is not None:
                latest = self.yearly.get((key, fact.period.year))
                # The year's figure is its latest cumulative one: 1—10月 gives way to 全年.
                if latest is None or latest.period is None or latest.period.last <= fact.period.last:
                    self.yearly[(key, fact.period.year)] = fact
        named = self.lexicon.named(fact.entity) or self.lexicon.named(fact.subject)
        if named is not None:
            # Only a figure named as the indicator stands for it: 地区生产总值万亿之城增至5座 is not GDP. A later figure
            # replaces an earlier one, but not a loose one an exact one (增加到512.75亿元，经济总量突破500亿元大关); of two
            # units, the one the indicator is measured in wins, whichever came first (生产总值6257.2亿元，…高于全国1.8个百分点
            # misread as a level must not replace the amount, and 占全省比重…提高到15.9% misread as GDP must give way to it).
            known = self.by_indicator.get((named.code, fact.period))
            known_unit = known.unit_info if known is not None else None
            if known is None or known_unit is None or unit is None:
                self.by_indicator[(named.code, fact.period)] = fact
            elif known_unit.kind == unit.kind and known_unit.is_percent == unit.is_percent:
                if not _looser(fact, known):
                    self.by_indicator[(named.code, fact.period)] = fact
            elif _measured_in(named, unit) and not _measured_in(named, known_unit):
                self.by_indicator[(named.code, fact.period)] = fact
        elif key and fact.indicator is None and fact.entity and fact.entity.endswith("增加值") and len(fact.entity) > 3 and "人均" not in fact.entity:
            self.sectors.setdefault(fact.period, {})[key] = fact

    def year_level(self, key: str, year: int) -> Fact | None:
        """The latest level stated for `key` in `year` (full year if one was given)."""
        return self.yearly.get((key, year))

    def level(self, key: str, period: Period) -> Fact | None:
        return self.levels.get((key, period))

    def levels_of(self, period: Period) -> list[Fact]:
        """The latest level of each thing for `period`, in the order the things were first stated."""
        return list(self.period_levels.get(period, {}).values())

    def count_named(self, name: str, period: Period, unit: str, listed: bool = False) -> Fact | None:
        """The latest count in `unit` for `period` of the things `name` names — by the count's thing or said short by it
        (签约项目 for 签约招商引资项目), or in the words of the count (全年共签约引进项目156个) — when every such count
        of the latest ones says the same number. `listed`: a part of a list named exactly so counts too (其中，续建项目53个、
        新开工项目61个 for 新开工项目)."""
        found = [f for f in self.counts if f.unit == unit and f.period == period and names_things(name, f)
                 and (f.whole is None or (listed and f.entity == name))]
        return found[-1] if found and len({f.value for f in found}) == 1 else None

    def part_named(self, name: str, period: Period, unit: str) -> Fact | None:
        """The latest count in `unit` for `period` that a list made a part and whose words name the things `name` names
        (新开工项目 for 其中，新开工项目78个), when every such count of the latest ones says the same number."""
        found = [f for f in self.counts if f.unit == unit and f.period == period and f.whole is not None
                 and names_things(name, f)]
        return found[-1] if found and len({f.value for f in found}) == 1 else None

    def planned_of(self, period: Period) -> list[Fact]:
        """The latest exact level target of each thing for `period`, in the order the things were first stated."""
        return list(self.period_planned.get(period, {}).values())

    def indicator_growth(self, code: str, period: Period) -> Fact | None:
        return self.growth.get((code, period))

    def growth_target(self, code: str, period: Period) -> Fact | None:
        """The latest growth target stated for an indicator and period, loose or not (the check judges that)."""
        return self.growth_targets.get((code, period))

    def value_added(self, period: Period) -> list[Fact]:
        """The value added of sectors the lexicon does not name, stated for `period`: parts of GDP."""
        return list(self.sectors.get(period, {}).values())

    def place_total(self, entity: str, period: Period) -> Fact | None:
        """The first figure stated for the whole place (全市…) of exactly this thing and period."""
        return self.place_totals.get((entity, period))

    def flow(self, key: str, attribute: str | None, period: Period) -> Fact | None:
        """The first flow stated for the thing, attribute and period, not said to be a running total."""
        return self.flows.get((attribute, period), {}).get(running_key(key))

    def running_total(self, key: str, attribute: str | None, period: Period) -> Fact | None:
        """The first running total (累计…) stated for the thing, attribute and period; else the first of a thing whose
        name the flow's ends with (主城区新增绿地 within 主城建成区累计新增绿地, read as 区新增绿地)."""
        name = running_key(key)
        return _first_named(self.running, name, attribute, period, lambda other: _qualified(name, other))

    def running_totals(self, attribute: str | None, period: Period) -> list[Fact]:
        """The first running total of each thing stated with `attribute` for `period`."""
        return list(self.running.get((attribute, period), {}).values())

    def flow_within(self, key: str, attribute: str | None, period: Period) -> Fact | None:
        """The first flow stated of the thing, or of a kind of it named with words in front (see running_total)."""
        name = running_key(key)
        return _first_named(self.flows, name, attribute, period, lambda other: _qualified(other, name))

    def structure_member(self, code: str, period: Period) -> Fact | None:
        """The share of an industry in a three-industry structure stated for `period`."""
        return self.structures.get((code, period))

    def named_level(self, name: str, period: Period) -> Fact | None:
        """The first exact level stated under a whole's name (checks.cross.within_name) for `period`."""
        return self.named.get((name, period))

    def indicator_level(self, code: str, period: Period) -> Fact | None:
        return self.by_indicator.get((code, period))

    def indicator_target(self, code: str, period: Period) -> Fact | None:
        """The place's own level target for an indicator, named as such and stated exactly."""
        return self.targets.get((code, period))


def _first_named(store: dict[tuple[str | None, Period], dict[str, Fact]], name: str, attribute: str | None, period: Period,
                 related: Callable[[str], bool]) -> Fact | None:
    """The fact stored under `name`, else the first of the same attribute and period whose name is `related`."""
    stored = store.get((attribute, period), {})
    found = stored.get(name)
    if found is None:
        found = next((f for other, f in stored.items() if related(other)), None)
    return found


"""Averages the text works out itself: 实施重点项目120个，完成投资360亿元，平均每个项目投资3亿元 (the amount over the things
counted), 共有中小学86所，在校学生5.2万人，校均学生605人, 农户12.4万户…，户均1500元; 新增市场主体1.2万户，平均每天新增33户
(the flow over the days or months of its period — never of several years, 五年来新增…); and 分别为120亿元、…和65亿元，平均88亿元
(the mean of the values listed)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from decimal import Decimal

from devplan.reader.checks.common import (
    SEVERAL_YEARS,
    agreement,
    interval_in,
    is_flow,
    plain,
    stated,
    stated_interval,
    value_in,
    verdict,
)
from devplan.reader.checks.memory import Memory
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import Evidence, Finding
from devplan.reader.interval import HUNDRED, Interval, rounded, show
from devplan.reader.periods import Period

# The average's word and what follows it up to the figure: 户均, 校均, 村均, 平均每个项目, 平均单个项目, 项目平均, 游客人均;
# never 月人均 (a month's of a year's total), 人均…标准 (a rate set, not worked out), nor 日均余额 (a balance's).
_PER_THING = re.compile(
    r"(?P<word>户均|校均|村均|企均|平均每(?:个|户|所|家|项|场|批次|栋|幢|座)|平均单个|单个(?=[\u4e00-\u9fff]{2,4}平均)|项目平均"
    r"|(?P<people>[\u4e00-\u9fff]{2,4})人均)"
    r"(?P<rest>[\u4e00-\u9fff]{0,8}?)(?:为|达到|达)?[\d.]+\S*$")
_PER_DAY = re.compile(r"(?:平均每(?P<month>月)|平均每天|每天平均|日均|(?P<months>月)均)(?P<rest>[\u4e00-\u9fff]{0,8}?)"
                      r"(?:为|达到|达)?[\d.]+\S*$")
# A total that is itself an average (城镇居民人均可支配收入 before 农村居民人均可支配收入) divides nothing; nor is a survey's
# figure per resident (农村居民人均…) an average the text works out.
_PER_SOMETHING = re.compile(r"人均|平均|[户校村企日月]均")
_SURVEYED = re.compile(r"居民|农民|职工|城镇|农村|城乡")
# 今年以来, 截至11月底: the days so far, which the reader may not date.
_SO_FAR = re.compile(r"以来|截至|截止|至今")
_NOT_WORKED_OUT = re.compile(r"月|标准|最高|最低|不低于|提高|提标|余额")
_PEOPLE = {"人", "人次"}
# The things each average word counts, by the unit of their count, and the noun the count must name where the unit is
# shared with other things (个 counts 村 and 项目 alike).
_COUNTED = {"户均": ({"户", "家"}, ""), "校均": ({"所"}, ""), "村均": ({"个"}, "村"), "企均": ({"家", "户"}, ""),
            "平均每个": ({"个", "项"}, ""), "平均每户": ({"户"}, ""), "平均每所": ({"所"}, ""), "平均每家": ({"家"}, ""),
            "平均每项": ({"项", "个"}, ""), "平均每场": ({"场"}, ""), "平均每栋": ({"栋", "幢"}, ""), "平均每幢": ({"栋", "幢"}, ""),
            "平均每座": ({"座"}, ""), "平均每批次": ({"批次", "批"}, ""), "平均单个": ({"个", "项"}, ""), "单个": ({"个", "项"}, ""),
            "项目平均": ({"个", "项"}, "项目")}
# What a figure per visitor is called where the total is the takings (游客人均花费 of 旅游收入).
_SPENDING = {"花费", "消费", "消费支出"}


def check_averages(sentence: Sentence) -> list[Finding]:
    if "均" not in sentence.text and "产" not in sentence.text:
        return []  # most sentences state no average: one test before any work
    findings = []
    for k, average in enumerate(sentence.facts):
        if (found := _total_after(sentence, k)) is not None:
            findings.append(found)
            continue
        if average.kind != "level" or average.qualifier is not None:
            continue
        if k == 0:
            # The sentence's first figure has nothing before it here, but its things may be counted in the sentence before.
            per_thing = _PER_THING.search(average.text)
            found = _thing_and_measure(sentence, average, per_thing) if per_thing is not None else None
            findings.extend([found] if found is not None and not _NOT_WORKED_OUT.search(average.text) else [])
            continue
        if _OF_LISTED.match(average.text):
            findings.extend(_of_listed(sentence, k))
            continue
        if _PER_HEAD_MONTH.match(average.text):
            findings.extend([found] if (found := _per_head_monthly(sentence, k)) is not None else [])
            continue
        if (said_of := _PER_MU.match(average.text) or _PER_HEAD_ALONE.match(average.text)) is not None:
            found = _per_mu(sentence, k, said_of["rest"] or "") if said_of.re is _PER_MU else _per_head_alone(sentence, k, said_of["rest"])
            findings.extend([found] if found is not None else [])
            continue
        per_day = _PER_DAY.search(average.text)
        per_thing = _PER_THING.search(average.text) if per_day is None else None
        said = per_day or per_thing
        if said is None or (per_thing is not None and _NOT_WORKED_OUT.search(average.text)):
            continue
        total = _total(_reach(sentence.facts[:k]), average, said.group("rest"))
        if total is None and per_thing is not None and (found := _thing_and_measure(sentence, average, per_thing)):
            findings.append(found)
        if total is None:
            continue
        if per_day is not None and (is_flow(total) or total.unit == "人次") and not (
                sentence.review_years or SEVERAL_YEARS.search(sentence.text) or _SO_FAR.search(sentence.text)):
            found = _per_day(sentence, average, total, bool(per_day.group("month") or per_day.group("months")))
        elif per_thing is not None:
            found = _per_thing(sentence, average, total, per_thing)
        else:
            continue
        if found is not None:
            findings.append(found)
    return findings


# How far back the total may stand: the count (户籍户数…) or another figure of its unit (注销…，净增…) may come between.
_BACK = 3


def _reach(before: list[Fact]) -> list[Fact]:
    """The last `_BACK` figures before the average, past what is said of them in passing — a base compared with and a rise
    or fall from it (额度12.68亿元，比上年的10.35亿元增加2.33亿元，支持项目23个，平均每个项目5513万元)."""
    told = [f for f in before if not f.compared and f.kind not in {"change", "growth"}]
    return told[-_BACK:]


# 分别为120亿元、95亿元、86亿元、74亿元和65亿元，平均88亿元: the mean of the values listed right before it.
_OF_LISTED = re.compile(r"^(?:平均|均值)(?:为|达到|达)?[\d.]")
_JOINS = {"、", "和", "及", "与"}
_LIST_MIN = 2


def _of_listed(sentence: Sentence, k: int) -> list[Finding]:
    """The values listed with 、 or 和 right before the average, one clause break between, each exact, in the average's
    unit, not percentages (rates do not average so)."""
    average = sentence.facts[k]
    unit = average.unit_info
    if unit is None or unit.is_percent or average.kind != "level":
        return []
    listed: list[Fact] = []
    end = average.start
    for fact in reversed(sentence.facts[:k]):
        gap = sentence.text[fact.end - sentence.start : end - sentence.start]
        words = re.sub(r"[\d.]+\S*$", "", fact.text) if listed else ""
        if (listed and gap.strip() not in _JOINS and gap.strip() != "") or (not listed and gap not in {",", "，"}):
            break
        if fact.unit_info is None or fact.unit_info.base != unit.base or not _exact_level(fact):
            break
        listed.insert(0, fact)
        end = fact.start + len(words) if words in _JOINS else fact.start
        if words and words not in _JOINS:
            break  # the first of the list names the values (分别为…)
    if len(listed) < _LIST_MIN:
        return []
    total = sum((interval_in(f, unit) for f in listed[1:]), start=interval_in(listed[0], unit))
    count = Interval.exact(Decimal(len(listed)))
    computed = sum((value_in(f, unit) for f in listed), start=Decimal(0)) / len(listed)
    dividend = "、".join(stated(f) for f in listed) + "之和"
    return [_judged(average, listed, total / count, computed, dividend, str(len(listed)), sentence.text)]


def _total(last: list[Fact], average: Fact, rest: str) -> Fact | None:
    """What the average divides: the latest figure before it in its unit that names what the average names (平均每天新登记
    of 新登记市场主体, past 注销… and 净增…), or, naming nothing, the latest in its unit (户籍人口60.5万人，户籍户数18.2万户，
    户均人口3.3人)."""
    unit = average.unit_info
    alike = [f for f in last if f.unit_info is not None and unit is not None and f.unit_info.base == unit.base]
    total = next((f for f in reversed(alike) if _names(rest, f)), None)
    if (total is None or not _exact_level(total) or total.period != average.period or total.whole is not None
            or _PER_SOMETHING.search(total.text)):
        return None
    return total


# 带动农户4830户，户均增收3260元，合计增收1574.6万元: the total said right after the average, as what the count times the
# average comes to.
_TOTAL_AFTER = re.compile(r"^(?:合计|共计|总计)")


def _total_after(sentence: Sentence, k: int) -> Finding | None:
    """An average per thing (户均, 平均每个) whose total follows it, named 合计, in its kind (a level or a change): the
    total over the count before the average."""
    average = sentence.facts[k]
    per_thing = _PER_THING.search(average.text)
    total = sentence.facts[k + 1] if k + 1 < len(sentence.facts) else None
    if (per_thing is None or total is None or not _TOTAL_AFTER.match(total.text) or total.kind != average.kind
            or average.qualifier is not None or total.qualifier is not None or total.approximate or total.compared
            or average.compared or total.period != average.period or _factor(total, average) is None
            or _NOT_WORKED_OUT.search(average.text)):
        return None
    return _per_thing(sentence, average, total, per_thing)


def _exact_level(fact: Fact) -> bool:
    return (fact.kind == "level" and fact.measure in {"actual", "estimate"} and not fact.approximate
            and fact.qualifier is None and not fact.compared and not fact.cumulative)


# 平均亩产482公斤, 单产560公斤, 亩均税收24万元: a figure per 亩 of the area stated before it.
_PER_MU = re.compile(r"^(?:平均)?(?:亩产|单产|亩均(?P<rest>[\u4e00-\u9fff]{0,6}?))(?:量)?(?:为|达到|达)?[\d.]")
# What a weight is in kilograms, to divide an output in 万吨 by an area in 亩 into 公斤 per 亩.
_KILOGRAMS = {"吨": Decimal(1000), "公斤": Decimal(1), "千克": Decimal(1), "斤": Decimal("0.5")}


def _per_mu(sentence: Sentence, k: int, rest: str) -> Finding | None:
    """粮食播种面积86.5万亩，总产量38.2万吨，平均亩产442公斤: the total over the area, both among the few figures right
    before it and of its period — never a part's yield after 其中 (其中优质稻平均亩产520公斤)."""
    # The two levels right before it, past the output's rates and the area's change from last year (播种面积86.5万亩，较上年
    # 的85.1万亩增加1.4万亩；总产量38.2万吨，增长2.1%，平均亩产442公斤).
    average, pair = sentence.facts[k], [f for f in _reach(sentence.facts[:k]) if f.kind == "level"][-2:]
    area = next((f for f in pair if f.unit_info is not None and f.unit_info.base == "亩" and _exact_level(f)), None)
    if area is None and len(pair) == 1 and (before := _area_before(sentence)) is not None:
        area, pair = before, [before, *pair]
    total = next((f for f in pair if f is not area and _exact_level(f) and _names(rest, f) and _factor(f, average) is not None),
                 None)
    if (area is None or total is None or area.unit_info is None or area.value <= 0 or average.whole is not None
            or area.whole is not None or total.whole is not None or {area.period, total.period} != {average.period}
            or not _same_crop(*pair) or "其中" in sentence.text[max(0, pair[0].start - sentence.start) : average.start - sentence.start]):
        return None
    factor = _factor(total, average)
    assert factor is not None
    mu = Interval.exact(Decimal(area.unit_info.magnitude))
    computed_iv = stated_interval(total) * Interval.exact(factor) / (stated_interval(area) * mu)
    computed = total.value * factor / (area.value * area.unit_info.magnitude)
    return _judged(average, [total, area], computed_iv, computed, stated(total), stated(area), sentence.text)


def _area_before(sentence: Sentence) -> Fact | None:
    """粮食播种面积62.4万亩，其中水稻45.8万亩，玉米9.3万亩。粮食总产量27.36万吨，…，平均亩产438.5公斤: the area the sentence
    before closes on — its last whole level, all after it only the area's own parts or its change — when the output opens
    this sentence (the full stop ends the area's list, so the output is not a part's)."""
    told = [f for f in sentence.before if not f.compared and f.kind not in {"change", "growth"}]
    area = next((f for f in reversed(told) if f.whole is None), None)
    if (area is None or area.unit_info is None or area.unit_info.base != "亩" or not _exact_level(area)
            or any(f.whole != area.index for f in told[told.index(area) + 1 :])):
        return None
    return area


# The words that name an area or its output without naming what grows there (播种面积, 总产量, 实现税收).
_GENERIC_MEASURE = re.compile(r"(?:总产量|产量|总产|面积|税收|总投资|投资|产值|收入)$")
_GENERIC_VERB = re.compile(r"^(?:全县|全市|全区|全年)?(?:总|共|实现|完成|播种|种植|收获)*")


def _same_crop(earlier: Fact, later: Fact) -> bool:
    """茶园面积…，茶叶产量… and 播种面积…，总产量…: the later figure names no other thing than the earlier (蔬菜产量… then 水果面积…
    are two crops)."""
    own = _GENERIC_VERB.sub("", _GENERIC_MEASURE.sub("", later.entity or ""))
    return not own or (earlier.entity or "").lstrip("全县市区年").startswith(own[0])


def _factor(total: Fact, average: Fact) -> Decimal | None:
    """How many of the average's units one of the total's is (亿元 in 万元; 万吨 in 公斤), or None when they measure
    different things."""
    one, other = total.unit_info, average.unit_info
    if one is None or other is None or one.is_percent or other.is_percent:
        return None
    if one.base == other.base and one.kind not in {"count", "multiple"}:
        return Decimal(one.magnitude) / Decimal(other.magnitude)
    if one.base in _KILOGRAMS and other.base in _KILOGRAMS:
        return Decimal(one.magnitude) * _KILOGRAMS[one.base] / (Decimal(other.magnitude) * _KILOGRAMS[other.base])
    return None


# 发放资金1.02亿元，保障对象1.7万人，人均6000元 and 输转劳动力4.37万人，实现劳务收入12.86亿元，人均2.94万元: 人均 alone
# right after a total and a count of people, in either order. Never a statistic's per-head figure, worked out over the
# year's average or resident population (人均地区生产总值), nor of residents (城乡居民…), which may be a survey's.
_PER_HEAD_ALONE = re.compile(r"^人均(?P<rest>[\u4e00-\u9fff]{0,8}?)(?:为|达到|达)?[\d.]")
_PER_HEAD_STATISTIC = re.compile(r"生产总值|可支配|收入|消费|储蓄|存款|住房|面积|寿命|用电|用水")
# A total whose per-head figure is a statistic of its own, whatever 人均 alone says (劳务收入 is not among them).
_STATISTIC_TOTAL = re.compile(r"生产总值|可支配|消费支出|储蓄|存款")


def _per_head_alone(sentence: Sentence, k: int, rest: str) -> Finding | None:
    average = sentence.facts[k]
    if k < 2:
        return None
    count, total = sentence.facts[k - 1], sentence.facts[k - 2]
    if total.unit_info is not None and total.unit_info.base in _PEOPLE:
        count, total = total, count
    named = None if _names(rest, total) else _named_before(sentence.facts[max(0, k - 1 - _BACK) : k - 1], rest)
    total = named or total
    if (count.unit_info is None or count.unit_info.base not in _PEOPLE or "居民" in count.text + total.text
            or not _exact_level(count) or not _exact_level(total) or count.whole is not None
            or (total.whole is not None and named is None)
            or count.value <= 0 or {count.period, total.period} != {average.period} or _factor(total, average) is None
            or not _names(rest, total) or _PER_SOMETHING.search(total.text)
            or _PER_HEAD_STATISTIC.search(rest) or _STATISTIC_TOTAL.search(total.entity or "") or _NOT_WORKED_OUT.search(average.text)):
        return None
    unit = average.unit_info
    assert unit is not None and count.unit_info is not None
    people = Interval.exact(Decimal(count.unit_info.magnitude))
    computed_iv = interval_in(total, unit) / (stated_interval(count) * people)
    computed = value_in(total, unit) / (count.value * count.unit_info.magnitude)
    return _judged(average, [total, count], computed_iv, computed, stated(total), stated(count), sentence.text)


# 全年发放低保资金8652万元，折合人均每月572元 after 低保对象1.26万人: the year's amount over the people and its months.
_PER_HEAD_MONTH = re.compile(r"^(?:折合|平均)?人均每月(?:为|达到|达)?[\d.]")
# The words the amount and the people must share to be of one benefit (最低生活保障资金 and 最低生活保障对象).
_SHARED = 4
# The people paid at the year's end are not those paid every month of it: within this drift the figure is not judged.
_DRIFT = Decimal("0.02")


def _per_head_monthly(sentence: Sentence, k: int) -> Finding | None:
    """The amount paid in the period (the latest amount before the figure in its sentence) over the people it was paid to
    (the latest count of people before it, here or in the sentence before, past its parts, named with the same words) and
    the period's months."""
    average = sentence.facts[k]
    total = next((f for f in reversed(sentence.facts[:k]) if _factor(f, average) is not None), None)
    people = next((f for f in reversed([*sentence.before, *sentence.facts[:k]])
                   if f.unit_info is not None and f.unit_info.base == "人" and f.whole is None), None)
    if (total is None or people is None or not _exact_level(total) or not _exact_level(people) or total.whole is not None
            or people.value <= 0 or {total.period, people.period} != {average.period}
            or _PER_SOMETHING.search(total.text) or not _share_words(total.entity or "", people.entity or "")):
        return None
    unit, count_unit = average.unit_info, people.unit_info
    assert unit is not None and count_unit is not None
    persons = stated_interval(people) * Interval.exact(Decimal(count_unit.magnitude))
    months = _months(total.period)
    drifted = Interval(persons.lo * (1 - _DRIFT), persons.hi * (1 + _DRIFT)) * months
    computed = value_in(total, unit) / (people.value * count_unit.magnitude * months.lo)
    return _judged(average, [total, people], interval_in(total, unit) / drifted, computed, stated(total),
                   f"{stated(people)}÷{plain(months.lo)}个月", sentence.text)


def _share_words(one: str, other: str) -> bool:
    return any(one[i : i + _SHARED] in other for i in range(len(one) - _SHARED + 1))


# The words a name ends with that say what it is (产值, 低保金 ends with 保金).
_NAME_END = 2


def _named_before(facts: list[Fact], rest: str) -> Fact | None:
    """低保金912.4万元、特困供养金…；低保对象1142人，人均全年领取低保金8589元 and 工业总产值68.4亿元…；从业人员8550人，人均产值
    86.0万元: the total a few figures before the count, the latest whose name ends as the average's words do."""
    if len(rest) < _NAME_END:
        return None
    return next((f for f in reversed(facts) if f.entity and len(f.entity) >= _NAME_END and _exact_level(f)
                 and (rest.endswith(f.entity) or f.entity.endswith(rest[-_NAME_END:]))), None)


# The things an average is per, named after its word (平均每个项目, 单个企业): the count must name them too.
_EACH = re.compile(r"^(?P<each>项目|村|企业|学校|户)?(?:平均)?")


def _names(rest: str, total: Fact) -> bool:
    """The average names the same thing as the total (校均学生 of 在校学生, 平均每个项目投资 of 完成投资 or 签约总额), or
    nothing."""
    rest = rest[_EACH.match(rest).end() :]  # type: ignore[union-attr]
    if len(rest) < 2:
        return True
    text = total.text
    return (any(rest[i : i + 2] in text for i in range(len(rest) - 1)) or (rest in _SPENDING and "收入" in text)
            or (rest == "投资" and "总额" in text))


_NOUN_AFTER = 4


def _per_thing(sentence: Sentence, average: Fact, total: Fact, named: re.Match[str]) -> Finding | None:
    """The total over the count right before it: the latest count in the average's units (with its noun where the unit is
    shared), all of them (no part of a 其中 list), stated exactly."""
    people = named.group("people")
    if people and _SURVEYED.search(people):
        return None
    word = named.group("word")
    units, noun = (_PEOPLE, people) if people else _COUNTED.get(word, (set(), ""))
    noun = noun or _EACH.match(named.group("rest")).group("each") or ""  # type: ignore[union-attr]
    before = [f for f in sentence.facts[: sentence.facts.index(average)] if f is not total]
    # 接待游客1286.4万人次，比上年的1140.4万人次增长12.8%: the count compared with is another year's, never the one divided;
    # …，其中过夜游客236.8万人次: a part of the count's list is some of the group, not the group 游客人均 is of.
    count = next((f for f in reversed(before) if f.unit_info is not None and f.unit_info.base in units and f.kind == "level"
                  and not f.compared and (f.whole is None or not people)), None)
    # 全乡12个行政村…，村均…: the count's noun may follow its unit.
    after = sentence.text[count.end - sentence.start : count.end - sentence.start + _NOUN_AFTER] if count is not None else ""
    if (count is None or not _exact_level(count) or count.whole is not None or count.value <= 0
            or noun not in count.text + (count.entity or "") + after):
        return None
    unit = average.unit_info
    assert unit is not None and count.unit_info is not None
    count_unit = count.unit_info
    each = interval_in(count, count_unit) * Interval.exact(Decimal(count_unit.magnitude))
    computed_iv = interval_in(total, unit) / each
    computed = value_in(total, unit) / (count.value * count_unit.magnitude)
    return _judged(average, [total, count], computed_iv, computed, stated(total), stated(count), sentence.text)


def _thing_and_measure(sentence: Sentence, average: Fact, named: re.Match[str]) -> Finding | None:
    """工业项目41个、协议投资318.7亿元；…。…，平均每个工业项目协议投资7.77亿元: the average names the things and their measure
    exactly as a level stated before it (here or in the sentence before) is named, and those things are counted there."""
    rest, units = named.group("rest"), _COUNTED.get(named.group("word"), (set(), ""))[0]
    before = [f for f in (*sentence.before, *sentence.facts[: sentence.facts.index(average)])
              if _exact_level(f) and f.period == average.period]
    total = next((f for f in reversed(before) if f.subject == rest and f.unit_info is not None
                  and average.unit_info is not None and f.unit_info.base == average.unit_info.base), None)
    if total is None or not total.entity or total.entity == rest or not rest.startswith(total.entity):
        return None
    count = next((f for f in reversed(before) if f.entity == total.entity and f.subject == total.entity
                  and f.unit_info is not None and f.unit_info.base in units), None)
    if count is None or count.value <= 0 or count.unit_info is None:
        return None
    unit = average.unit_info
    assert unit is not None
    each = interval_in(count, count.unit_info) * Interval.exact(Decimal(count.unit_info.magnitude))
    computed = value_in(total, unit) / (count.value * count.unit_info.magnitude)
    return _judged(average, [total, count], interval_in(total, unit) / each, computed, stated(total), stated(count),
                   sentence.text)


def _per_day(sentence: Sentence, average: Fact, total: Fact, monthly: bool) -> Finding | None:
    """The flow over the days of its period: a year of 365 or 366 days (either, when the year is not known); or over
    its months (平均每月, 月均)."""
    days = _months(total.period) if monthly else _days(total.period)
    if days is None:
        return None
    unit = average.unit_info
    assert unit is not None
    computed_iv = interval_in(total, unit) / days
    computed = value_in(total, unit) / days.lo
    return _judged(average, [total], computed_iv, computed, stated(total), f"{plain(days.lo)}{'个月' if monthly else '天'}",
                   sentence.text)


def _months(period: Period | None) -> Interval:
    months = 12 if period is None else period.last - period.first + 1
    return Interval.exact(Decimal(months))


def _days(period: Period | None) -> Interval | None:
    if period is None:
        return Interval(Decimal(365), Decimal(366))
    if period.year is None:
        return Interval(Decimal(365), Decimal(366)) if period.full_year else None
    days = sum(calendar.monthrange(period.year, month)[1] for month in range(period.first, period.last + 1))
    return Interval.exact(Decimal(days))


def _judged(average: Fact, terms: list[Fact], computed_iv: Interval, computed: Decimal, dividend: str, divisor: str,
            sentence: str) -> Finding:
    """The average against the dividend (a total, or the sum of values listed) over the divisor (a count, days, months,
    how many values)."""
    name = re.sub(r"(?:为|达到|达)?[\d.]+\S*$", "", average.text)
    said = Said(name, average.value, average.unit or "", sorted({*(f.index for f in terms), average.index}))
    return quotient(said, computed_iv, computed, dividend, divisor, sentence)


@dataclass(frozen=True, slots=True)
class Said:
    """A quotient as the text states it: its name, number and unit, and the facts it and its terms are."""

    name: str
    value: Decimal
    unit: str
    facts: list[int]


def quotient(said: Said, computed_iv: Interval, computed: Decimal, dividend: str, divisor: str, sentence: str) -> Finding:
    """A stated quotient (an average, a yield per mu, a ratio of two counts) against the dividend over the divisor, the
    figures taken as anything that rounds to them."""
    places = max(0, -int(said.value.as_tuple().exponent))
    shown = show(computed, places) + said.unit
    figure = f"{plain(said.value)}{said.unit}"
    common = Evidence(facts=said.facts, stated=said.value, computed=Decimal(show(computed, places)),
                      arithmetic=f"{dividend} ÷ {divisor} = {shown}，所述 {figure}")
    return verdict("share_levels", computed_iv.overlaps(rounded(said.value)),
                   f"{said.name}{shown}，与所述{figure}{agreement(computed, said.value)}。",
                   f"{said.name}应约为{shown}（{dividend}÷{divisor}），所述{figure}不符。", common, sentence)


# 在校学生8.92万人，专任教师6135人，生师比为14.5 (or 14.5:1, 14.5∶1): a ratio of two counts of people that names them by
# its first words (生 the pupils, 师 the teachers), stated without a unit. Never 1:14.5, which is the other way round.
_NAMED_RATIO = re.compile(r"(?P<name>生师比)(?:为|是|达到|达)?(?P<value>\d+(?:\.\d+)?)(?:[:：∶]1)?(?![\d.:：∶%‰])")
# The counts each such ratio divides, by how their names end, and the words that may stand before those endings.
# (在校学生 may be read as 校学生, 在 taken for a verb.)
_RATIO_TERMS = {"生师比": (re.compile(r"(?:在?校)?学生$|在校生$"), re.compile(r"(?:专任)?教师$"))}
_PLACE = re.compile(r"^(?:年?末)?(?:全[市县区])?(?:各级各类学校)?")


def check_named_ratios(sentence: Sentence) -> list[Finding]:
    """Each ratio of two counts of people the sentence names and states (生师比为14.5): the first count over the second,
    both the latest of their kind before it, in this sentence or the one before, of the same schools."""
    findings = []
    for said in _NAMED_RATIO.finditer(sentence.text) if "比" in sentence.text else ():
        before = [f for f in (*sentence.before, *sentence.facts) if f.start < sentence.start + said.start()]
        upper, lower = (_count_named(before, ending) for ending in _RATIO_TERMS[said.group("name")])
        if (upper is None or lower is None or upper.period != lower.period or lower.value <= 0
                or _front(upper, _RATIO_TERMS[said.group("name")][0]) != _front(lower, _RATIO_TERMS[said.group("name")][1])):
            continue
        assert upper.unit_info is not None and lower.unit_info is not None
        dividend = stated_interval(upper) * Interval.exact(Decimal(upper.unit_info.magnitude))
        divisor = stated_interval(lower) * Interval.exact(Decimal(lower.unit_info.magnitude))
        computed = upper.value * upper.unit_info.magnitude / (lower.value * lower.unit_info.magnitude)
        own = [f.index for f in sentence.facts if f.start - sentence.start == said.start("name")]
        stated_as = Said(said.group("name"), Decimal(said.group("value")), "", sorted({upper.index, lower.index, *own}))
        findings.append(quotient(stated_as, dividend / divisor, computed, stated(upper), stated(lower), sentence.text))
    return findings


# 财政自给率（一般公共预算收入与支出之比）为29.5%, 收入与支出之比为29.5%: two levels named, the second maybe by its last word
# alone (支出 of 一般公共预算支出), the first over the second in percent.
_PAIR_PERCENT = re.compile(r"(?P<first>[\u4e00-\u9fff]{2,12})[与和](?P<second>[\u4e00-\u9fff]{2,12})之比[)）]?"
                           r"(?:为|是|达到|达)?(?P<value>\d+(?:\.\d+)?)%")


def check_pair_percents(sentence: Sentence, memory: Memory) -> list[Finding]:
    """Each ratio of two levels named by them and stated in percent: both the latest so named before it, in this sentence
    or the one before, else the first so named for the ratio's period earlier in the text (a budget's revenue and spending
    paragraphs before 财政自给率); exact levels of one period in units of one kind."""
    findings = []
    for said in _PAIR_PERCENT.finditer(sentence.text) if "之比" in sentence.text else ():
        before = [f for f in (*sentence.before, *sentence.facts) if f.start < sentence.start + said.start("value")]
        own = [f for f in sentence.facts if f.end - sentence.start == said.end()]
        period = own[0].period if own else None
        first = _level_named(before, said.group("first"), memory, period)
        second = _level_named(before, said.group("second"), memory, period, said.group("first"))
        if (first is None or second is None or first is second or first.period != second.period or second.value <= 0
                or first.unit_info is None or second.unit_info is None or first.unit_info.base != second.unit_info.base):
            continue
        unit = second.unit_info
        computed = value_in(first, unit) * HUNDRED / second.value
        stated_as = Said(f"{said.group('first')}与{said.group('second')}之比", Decimal(said.group("value")), "%",
                         sorted({first.index, second.index, *(f.index for f in own)}))
        findings.append(quotient(stated_as, interval_in(first, unit) * Interval.exact(HUNDRED) / stated_interval(second),
                                 computed, stated(first), stated(second), sentence.text))
    return findings


def _level_named(facts: list[Fact], name: str, memory: Memory, period: Period | None, other: str = "") -> Fact | None:
    """The latest exact level named `name` among `facts`, else the first of `period` in memory; for the second of a pair
    the name may be the first's with its last word put as `name` (支出 after 一般公共预算收入 is 一般公共预算支出)."""
    names = [name, *([other[: -len(name)] + name] if len(other) > len(name) else [])]
    found = next((f for f in reversed(facts) if _PLACE.sub("", f.entity or "") in names), None)
    if found is None and period is not None:
        found = next((f for f in (memory.named_level(n, period) for n in names) if f is not None), None)
    return found if found is not None and _exact_level(found) else None


def _count_named(facts: list[Fact], ending: re.Pattern[str]) -> Fact | None:
    """The latest count of people before the ratio named with `ending`, stated exactly as a level of its period."""
    found = next((f for f in reversed(facts) if f.unit_info is not None and f.unit_info.base == "人"
                  and ending.search(f.entity or "") is not None), None)
    return found if found is not None and _exact_level(found) else None


def _front(count: Fact, ending: re.Pattern[str]) -> str:
    """What a count's name says before its ending, past the place (小学 of 小学在校学生, nothing of 全县在校学生)."""
    return _PLACE.sub("", ending.sub("", count.entity or ""))

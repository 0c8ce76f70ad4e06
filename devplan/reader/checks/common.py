"""Helpers the rules share: figures as intervals in a common unit, and how a stated percentage fits."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, Evidence, Finding
from devplan.reader.interval import Interval, at_precision_of, rounded, truncated
from devplan.reader.units import Unit

# A figure given as a lower bound (5000亩以上, 超过500亿元) has no ceiling a part could exceed; 多 and 余 have one
# (some_more_interval) where a part is checked against its whole.
LOWER_BOUNDS = {"以上", "超过", "突破", "跨过", "跨越", "迈过", "迈上", "逾", "多", "余", "不低于", "不少于"}
# A whole stated about (3410亿元左右, 约3400亿元) still has a ceiling: no part is more than a tenth above it.
ABOUT = {"约", "左右", "近", "接近"}
ABOUT_MARGIN = Decimal("1.1")
# 规模以上工业企业中，亏损企业51家; 签约项目中，新开工项目29个: a sentence opening with the things the counts after it are among.
AMONG = re.compile(r"^\s*(?:在)?(?P<name>[\u4e00-\u9fff]{2,12})中\s*,")
# A sentence about a part of the place (三江新区…，实现地区生产总值300亿元) states that part's figures, not the place's.
_SUB_AREA = re.compile(r"新区|开发区|园区|经济区|高新区|示范区|试验区|集聚区|兵团|县域|[0-9一二三四五六七八九十]+个(?:区|县|市)")


def in_sub_area(sentence_text: str, sentence_start: int, fact: Fact) -> bool:
    """The words before the fact in its sentence name a part of the place (a district, a zone, a park)."""
    return _names_sub_area(sentence_text) and _SUB_AREA.search(sentence_text, 0, max(0, fact.end - sentence_start)) is not None


@lru_cache(maxsize=64)
def _names_sub_area(sentence_text: str) -> bool:
    """Whether the sentence names a part of the place anywhere: asked for each fact and several rules, so once per
    sentence it spares the search before each fact in most sentences, which name none."""
    return _SUB_AREA.search(sentence_text) is not None


_KEY_NOISE = re.compile(r"^(?:新认定|认定|新增|引进|培育|新培育|入库|建设)|(?:入库|达)$")


# What is done or earned within a period (引进资金828亿元, 进出口总额125亿美元, 新增市场主体3万户), as against what is
# held at its end (贷款余额, 企业总数): only a flow is added up over time, so only a flow is within its running total.
_NEW_THINGS = re.compile(r"新增|净增|新建|新登记|新注册|新引进|新培育|新认定|新开工|引进")
_HELD = re.compile(r"余额|总数|总量|存量|保有|市值|资产|规模|共有|拥有|达到")


def is_flow(fact: Fact) -> bool:
    """Money done or earned (not a balance or a size), or things new in the period."""
    unit = fact.unit_info
    if unit is None or unit.is_percent or _HELD.search(fact.text):
        return False
    return unit.kind == "money" or _NEW_THINGS.search(fact.text) is not None


# 全市高新技术企业总数达到600家: a count named as the total there is holds every new one of the same things.
_TOTAL_NAMED = re.compile(r"总数|总量")


def is_running_total(fact: Fact) -> bool:
    """A figure added up over time (累计…) or a count of all the things there are (…总数达到600家)."""
    unit = fact.unit_info
    return fact.cumulative or (unit is not None and unit.kind == "count" and _TOTAL_NAMED.search(fact.text) is not None)


# Figures over several years (五年累计, 十三五) are not one year's.
SEVERAL_YEARS = re.compile(r"累计|五年|\d+年来|历年|十[一二三四五]五")


def short_for(short: str | None, name: str | None) -> bool:
    """农村居民收入 for 农村居民人均可支配收入: the name itself, or said short — its first two characters and the rest of
    it in order."""
    if not short or not name:
        return False
    if short == name:
        return True
    rest = iter(name)
    return len(short) >= 4 and short[:2] == name[:2] and all(ch in rest for ch in short)


# The scopes of the statistics said short (规上 for 规模以上, 限上 for 限额以上).
_SCOPE_SHORT = re.compile(r"规上|限上")
_SCOPE_SPELLED = {"规上": "规模以上", "限上": "限额以上"}


def spelled_scope(name: str) -> str:
    """The name with its scope spelled out: 规上工业总产值 → 规模以上工业总产值."""
    return _SCOPE_SHORT.sub(lambda short: _SCOPE_SPELLED[short.group()], name)


def in_order(short: str, full: str) -> bool:
    """Every character of `short` found in `full`, in order (到位资金 in 实际到位市外资金)."""
    at = 0
    for char in short:
        at = full.find(char, at) + 1
        if at == 0:
            return False
    return True


def names_things(name: str, fact: Fact) -> bool:
    """签约项目 names the things of 全年共签约引进项目156个: by the fact's thing said short, or in the words of the fact — the
    name's first two characters together, the rest after them in order."""
    if short_for(name, fact.entity):
        return True
    at = fact.text.find(name[:2])
    rest = iter(fact.text[at + 2 :])
    return at >= 0 and all(ch in rest for ch in name[2:])


def plain(value: Decimal) -> str:
    """A Decimal as written, never in exponent form: 6E+2 -> '600'."""
    return format(value, "f")


def stated(fact: Fact) -> str:
    """The fact's number and unit as a reader would write them."""
    return f"{plain(fact.value)}{fact.unit or ''}"


def compatible(a: Unit, b: Unit) -> bool:
    """Same kind of quantity: same base unit, or two counts of whole things (个 and 家)."""
    if a.kind != b.kind:
        return False
    return a.base == b.base or a.kind == "count"


def interval_in(fact: Fact, unit: Unit) -> Interval:
    """The fact's rounding interval expressed in `unit` (万元 into 亿元 and so on)."""
    own = fact.unit_info
    iv = stated_interval(fact)
    if own is None or own.magnitude == unit.magnitude:
        return iv
    factor = Decimal(own.magnitude) / Decimal(unit.magnitude)
    return Interval(iv.lo * factor, iv.hi * factor)


def stated_interval(fact: Fact) -> Interval:
    """What the stated number can stand for: counts of whole things and target rates (增长10%, set as
    stated) are exact; anything else — a target amount (目标1.5亿元), often the rounded sum of its parts,
    too — stands for every number that rounds to it."""
    unit = fact.unit_info
    whole_count = unit is not None and unit.is_whole_count and fact.value == fact.value.to_integral_value()
    target_rate = fact.measure == "target" and unit is not None and unit.is_percent
    if whole_count or target_rate:
        return Interval.exact(fact.value)
    return rounded(fact.value)


def beside(fact: Fact, partner: Fact, unit: Unit) -> Interval:
    """The fact's interval in `unit` when it is compared with `partner` of the same unit: a figure written without
    decimals beside one written with them (由2.4万辆增加到6万辆; 完成3.6万亩，为年度计划3万亩的120%) has only dropped
    its trailing zeros — it is 6.0, not anything from 5.5 to 6.5, which would let any stated rate pass."""
    iv = interval_in(fact, unit)
    own, other = fact.value.as_tuple().exponent, partner.value.as_tuple().exponent
    if (not isinstance(own, int) or not isinstance(other, int) or own != 0 or other >= 0 or iv.lo == iv.hi
            or fact.unit != partner.unit):
        return iv
    half = interval_in(replace(fact, value=Decimal(5).scaleb(other - 1)), unit).lo
    value = value_in(fact, unit)
    return Interval(value - half, value + half)


def loose_interval(fact: Fact, unit: Unit) -> Interval:
    """What a figure stated about (约3410亿元, 2万亿元左右) can stand for: a tenth either side, or its rounding where
    that is wider — 约 says the figure is rounded loosely, which a round 2万亿 already says; the two do not add up."""
    iv = interval_in(fact, unit)
    if fact.qualifier not in ABOUT:
        return iv
    value = value_in(fact, unit)
    return Interval(min(iv.lo, value / ABOUT_MARGIN), max(iv.hi, value * ABOUT_MARGIN))


# 7100多亿元 is more than 7100 and short of 7200: 多 and 余 add less than one of the last digit that is not 0.
SOME_MORE = {"多", "余"}


def some_more_interval(fact: Fact, unit: Unit) -> Interval | None:
    """The interval of a figure stated with 多 or 余 (17900多 → [17900, 18000), 30余 → [30, 40)) in `unit`, else None."""
    if fact.qualifier not in SOME_MORE or fact.value <= 0:
        return None
    exponent = fact.value.normalize().as_tuple().exponent
    if not isinstance(exponent, int):  # not a finite number
        return None
    place = Decimal(1).scaleb(exponent)
    lo = value_in(fact, unit)
    return Interval(lo, lo + value_in(replace(fact, value=place), unit))


def value_in(fact: Fact, unit: Unit) -> Decimal:
    own = fact.unit_info
    if own is None or own.magnitude == unit.magnitude:
        return fact.value
    return fact.value * Decimal(own.magnitude) / Decimal(unit.magnitude)


def agreement(computed: Decimal, stated_value: Decimal) -> str:
    """How a stated figure that rounding allows agrees: 相符 when the figures as stated give it, else only within the
    rounding of the figures — never a bare 相符 beside a different number (60.1% for a stated 60.5%)."""
    return "相符" if at_precision_of(computed, stated_value) == stated_value else "在所给数字的舍入范围内相符"


def percent_fit(computed: Interval, stated_pct: Decimal) -> str | None:
    """'rounded' when the stated % is the computed one rounded, 'truncated' when only cutting digits fits."""
    if computed.overlaps(rounded(stated_pct)):
        return "rounded"
    if computed.overlaps(truncated(stated_pct)):
        return "truncated"
    return None


def key_of(fact: Fact) -> str | None:
    """What makes two facts about the same thing: the indicator code, else the cleaned subject."""
    if fact.indicator:
        return fact.indicator
    if not fact.entity:
        return None
    return _KEY_NOISE.sub("", fact.entity.replace("“", "").replace("”", "")) or None


def same_thing(a: Fact, b: Fact) -> bool:
    return a.entity is not None and (a.entity == b.entity or (a.indicator is not None and a.indicator == b.indicator))


def verdict(check: str, fits: bool, agrees: str, differs: str, evidence: Evidence, sentence: str) -> Finding:
    """A stated relation judged: a note that the figures agree (`agrees`), or an error saying what the figure
    should be (`differs`), with the arithmetic and the sentence it was read in."""
    finding = Finding(check, INFO if fits else ERROR, agrees if fits else differs, **evidence)
    finding.sentence = sentence
    return finding

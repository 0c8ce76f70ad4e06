"""Differences a sentence states beside the two figures it is of: 出口9.8亿元，进口2.8亿元，贸易顺差7.0亿元; 存款余额…，贷款
余额…，存贷差…; 城镇居民人均可支配收入…，农村居民…，城乡居民收入差距…; 新登记市场主体8640户，注销2150户，净增6490户; and one
figure said to be so much below or above another named in its own words (常住人口比户籍人口少8.21万人)."""

from __future__ import annotations

import re

from devplan.reader.checks.common import (
    agreement,
    compatible,
    interval_in,
    plain,
    stated,
    stated_interval,
    value_in,
    verdict,
)
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import Evidence, Finding

_NET = re.compile(r"^净增(?!长)")
# The difference's word, and what the figure it is taken from and the figure taken off are named by.
_PAIRS = (
    (re.compile(r"顺差"), re.compile(r"出口"), re.compile(r"进口")),
    (re.compile(r"逆差"), re.compile(r"进口"), re.compile(r"出口")),
    (re.compile(r"存贷差"), re.compile(r"存款"), re.compile(r"贷款")),
    # 城乡相差11026元: 相差 is the difference itself as 差距 is.
    (re.compile(r"城乡.*(?:差距|差额|绝对差|相差)"), re.compile(r"城镇|城市"), re.compile(r"农村|乡村")),
    (re.compile(r"收支缺口"), re.compile(r"支出"), re.compile(r"收入")),
    (_NET, re.compile(r"新增|新登记|新设立|新注册|新办|迁入"), re.compile(r"注销|吊销|迁出|退出")),
)
_MEASURES = ("收入", "消费", "支出", "存款", "贷款")
# 常住人口比户籍人口少8.21万人: the figure's own thing, the other thing, and which way.
_COMPARED = re.compile(r"(?P<one>[\u4e00-\u9fff]{2,})比(?P<other>[\u4e00-\u9fff]{2,}?)(?P<way>少|多|低|高)(?:出)?[\d.]+\S*$")


# The words a difference is said with, in its own text or, for a gap after a level in parentheses, the one before it.
_SAID = re.compile(r"差|缺口|净增|比|^[高低多少]?[\d.]")


def check_differences(sentence: Sentence) -> list[Finding]:
    findings = []
    for k, difference in enumerate(sentence.facts):
        unit = difference.unit_info
        if (unit is None or unit.is_percent or unit.kind == "multiple" or difference.approximate
                or not _SAID.search(difference.text)):
            continue  # most figures are no difference: a test before the work of finding two figures before them
        before = [f for f in sentence.facts[:k] if _exact(f, difference)]
        pair = (_named_pair(difference, before) or _compared_pair(difference, before) or _apart(difference, before)
                or _beyond_stated(difference, sentence.facts[k - 1], before)
                or _beyond_compared(difference, sentence.facts[k - 1], sentence.facts[:k])) if k >= 2 else None
        if pair is None and not before:
            # …农村居民人均可支配收入19872元。城镇居民人均可支配收入比农村居民多18644元: the two things named, stated in the
            # sentence before when this one opens with the gap.
            pair = _compared_pair(difference, [f for f in sentence.before if _exact(f, difference)])
        if pair is not None:
            findings.append(judged(difference, *pair, sentence.text))
    return findings


def _exact(fact: Fact, difference: Fact) -> bool:
    """A level stated exactly, of the difference's period and kind of unit."""
    unit, other = fact.unit_info, difference.unit_info
    return (fact.kind == "level" and fact.measure in {"actual", "estimate"} and not fact.approximate and fact.qualifier is None
            and not fact.compared and not fact.cumulative and fact.period == difference.period
            and unit is not None and other is not None and not unit.is_percent and compatible(unit, other))


def _named_pair(difference: Fact, before: list[Fact]) -> tuple[Fact, Fact] | None:
    """The latest figures before the difference named as its word says (出口 and 进口 for 顺差) — each named by one side
    only, so a figure naming both (进出口总额) is neither."""
    for word, larger, smaller in _PAIRS:
        if not word.search(difference.text):
            continue
        # 城乡居民收入差距 is of incomes, not of the spending stated beside them.
        measure = next((m for m in _MEASURES if m in difference.text), "")
        sides = [f for f in before if measure in (f.entity or "")]
        big = next((f for f in reversed(sides) if larger.search(f.text) and not smaller.search(f.text)), None)
        small = next((f for f in reversed(sides) if smaller.search(f.text) and not larger.search(f.text)), None)
        # Parts of one whole (其中出口…，进口…) or no parts at all: 住户存款 and 住户贷款 are parts of two wholes. Nothing
        # of their kind between them: 新登记企业3200户、个体工商户9920户，注销… names the new ones in two figures.
        if big is None or small is None or big.whole != small.whole or any(
                min(big.index, small.index) < f.index < max(big.index, small.index) for f in before):
            return None
        # 城乡居民收入差距缩小120元 is a change of the difference, not the difference; only 净增 is a change by name.
        return (big, small) if difference.kind == "level" or word is _NET else None
    return None


def _compared_pair(difference: Fact, before: list[Fact]) -> tuple[Fact, Fact] | None:
    """常住人口比户籍人口少8.21万人: the two things named, each the latest figure before it named so (in full, or its name
    ending with the words, 年末全县户籍人口 for 户籍人口), and only it."""
    said = _COMPARED.search(difference.text)
    if said is None:
        return None
    one, other = (_only(before, name) for name in (said.group("one"), said.group("other")))
    if one is None or other is None or one is other:
        return None
    return (one, other) if said.group("way") in {"多", "高"} else (other, one)


def _only(before: list[Fact], name: str) -> Fact | None:
    """The latest figure named so, its name ending or starting with the words (户籍人口 of 年末全县户籍人口, 城镇居民 of
    城镇居民人均可支配收入) — when no other thing before it is named so too (支出比收入多…: 收入 may be 一般公共预算收入's or
    税收收入's)."""
    named = [f for f in before if (f.entity or "").endswith(name) or (f.entity or "").startswith(name)]
    return named[-1] if named and len({f.entity for f in named}) == 1 else None


# 高于全省平均水平（40000元）2360元, 比全省平均水平（40000元）高2360元: the other level in parentheses, then the gap.
_OTHER_IN_BRACKETS = re.compile(r"^(?P<way>高于|低于|超过|超出|比)[\u4e00-\u9fff]{2,10}[(（][\d.]")
_GAP_AFTER = re.compile(r"^(?P<way>高|低|多|少)(?:出)?[\d.]")


def _beyond_stated(difference: Fact, other: Fact, before: list[Fact]) -> tuple[Fact, Fact] | None:
    """The gap right after another place's or thing's level stated in parentheses (高于全省平均水平（40000元）2360元): the
    sentence's level before it less that one, or that one less it when the gap is below."""
    said = _OTHER_IN_BRACKETS.match(other.text)
    if said is None or other not in before or difference.kind != "level":
        return None
    way = said.group("way")
    if way == "比":
        after = _GAP_AFTER.match(difference.text)
        if after is None:
            return None
        way = after.group("way")
    elif not re.match(r"^[\d.]", difference.text):
        return None
    own = next((f for f in reversed(before) if f is not other and f.index < other.index), None)
    if own is None:
        return None
    return (other, own) if way in {"低于", "低", "少"} else (own, other)


def _beyond_compared(difference: Fact, base: Fact, facts: list[Fact]) -> tuple[Fact, Fact] | None:
    """收入13.9亿元，比上年的12.6亿元多1.3亿元 (比去年同期（6.05亿元）少…): the gap right after the level the thing's own was
    compared with, which the reader linked as the one it grew from."""
    after = _GAP_AFTER.match(difference.text)
    if after is None or difference.kind != "level" or not base.compared or base.approximate or base.qualifier is not None:
        return None
    own = next((f for f in facts if f.earlier == base.index), None)
    unit, base_unit = difference.unit_info, base.unit_info
    if (own is None or not _exact(own, difference) or unit is None or base_unit is None or base_unit.is_percent
            or not compatible(base_unit, unit)):
        return None
    return (base, own) if after.group("way") in {"低", "少"} else (own, base)


# 两者相差21710元, 二者相差…: the two figures right before, of one measure; 两者收入差距缩小到3624元 names the measure (both
# figures' names end with it) and the difference it came to.
_APART = re.compile(r"^[两二]者(?P<measure>[\u4e00-\u9fff]{0,4}?)(?:相差|差距|差额)(?:为|达|(?:缩小|扩大)(?:到|至))?[\d.]")
_MEASURE_MIN = 4


def _apart(difference: Fact, before: list[Fact]) -> tuple[Fact, Fact] | None:
    """两者相差: the two latest figures before it, both named by the same measure (…人均可支配收入), the larger less the
    smaller."""
    said = _APART.match(difference.text)
    if said is None or len(before) < 2 or difference.kind != "level":
        return None
    one, other = before[-2:]
    a, b = one.entity or "", other.entity or ""
    measure = said.group("measure")
    alike = a.endswith(measure) and b.endswith(measure) if len(measure) >= 2 else (
        len(a) >= _MEASURE_MIN and a[-_MEASURE_MIN:] == b[-_MEASURE_MIN:])
    if a == b or not alike or one.whole != other.whole:
        return None
    unit = difference.unit_info
    assert unit is not None
    return (one, other) if value_in(one, unit) >= value_in(other, unit) else (other, one)


def judged(difference: Fact, big: Fact, small: Fact, sentence: str) -> Finding:
    """The stated difference against the bigger figure less the smaller."""
    unit = difference.unit_info
    assert unit is not None
    computed = value_in(big, unit) - value_in(small, unit)
    fits = (interval_in(big, unit) - interval_in(small, unit)).overlaps(stated_interval(difference))
    shown = f"{plain(computed)}{unit.text}"
    common = Evidence(facts=[small.index, big.index, difference.index] if small.index < big.index
                      else [big.index, small.index, difference.index], stated=difference.value, computed=computed,
                      arithmetic=f"{stated(big)} − {stated(small)} = {shown}，所述 {stated(difference)}")
    name = re.sub(r"(?:为|达到|达|(?:缩小|扩大)(?:到|至))?[\d.]+\S*$", "", difference.text)
    name = name if len(name) > 1 else "两者之差"  # 高于全省平均水平（40000元）2360元: the gap names nothing itself
    return verdict("parts_total", fits, f"{name}：{stated(big)}减{stated(small)}为{shown}，与所述{agreement(computed, difference.value)}。",
                   f"{name}应为{stated(big)}减{stated(small)}，即{shown}，所述{stated(difference)}不符。", common, sentence)

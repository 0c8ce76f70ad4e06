"""A total after its parts (甲镇完成投资10亿元、乙镇12亿元，合计22亿元): what it totals is the list's thing, not the
thing of its last item, which it would otherwise inherit as every clause without a subject does."""

from __future__ import annotations

import re

from devplan.reader.facts import Fact
from devplan.reader.lexicon import Lexicon
from devplan.reader.lists import TOTAL_OF_LIST, summable_with

# 合计35亿元, 共计完成25所, 总计为…: the total names nothing of its own between the word and its number.
_BARE_TOTAL = re.compile(r"(?:合计|共计|总计)(?:完成|实现|达到?|为|约)?\s*[\d一二三四五六七八九十两]")
_HEAD_MIN = 2


def _common_head(names: list[str]) -> str:
    """The longest ending all `names` share (东区固定资产投资, 西区固定资产投资 → 固定资产投资)."""
    first = names[0]
    k = 0
    while k < len(first) and all(len(n) > k and n[-1 - k] == first[-1 - k] for n in names):
        k += 1
    # 公办学校, 民办学校: a front of one character is half a word (公办), so the head is 学校, not 办学校.
    while k > _HEAD_MIN and any(len(n) - k == 1 for n in names):
        k -= 1
    return first[len(first) - k :] if k else ""


_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,4}?[镇乡县区市村]")


def _thing_after_places(names: list[str]) -> str:
    """甲镇招商引资到位资金, 乙镇, 丙镇: the first item names the thing after its place, the others their place alone;
    the total is the thing of those places (甲镇、乙镇、丙镇招商引资到位资金), not the whole place's."""
    place = _PLACE.match(names[0])
    if place is None or place.end() == len(names[0]) or not all(_PLACE.fullmatch(n) for n in names[1:]):
        return ""
    thing = names[0][place.end() :]
    return "、".join([place.group(), *names[1:]]) + thing if len(thing) >= _HEAD_MIN else ""


def name_totals(facts: list[Fact], text: str, start: int, lexicon: Lexicon) -> None:
    """Give each bare 合计/共计/总计 of the sentence (`text`, at `start` in the document) the thing of the parts
    listed before it back to a semicolon: their shared attribute (完成投资) and their shared head (学校 of 公办学校,
    民办学校), else the names listed (学校、幼儿园)."""
    for k, total in enumerate(facts):
        if not _BARE_TOTAL.match(total.text):
            continue
        if total.whole is not None:
            # 三大主导产业分别实现产值…，合计296.6亿元 (named by the list, and one part of a whole): its parts are listed under it.
            summed = [f for f in facts[:k] if f.whole == total.index]
            if summed:
                _said_of_total(facts[k + 1 :], summed[-1].entity, total)
            continue
        parts: list[Fact] = []
        for fact in reversed(facts[:k]):
            between = text[fact.end - start : total.start - start]
            if ";" in between or "；" in between or fact.whole is not None or TOTAL_OF_LIST.match(fact.text):
                break
            if fact.kind == "level" and fact.period == total.period and fact.unit_info is not None \
                    and total.unit_info is not None and fact.unit_info.kind == total.unit_info.kind \
                    and fact.unit_info.base == total.unit_info.base:
                parts.insert(0, fact)
        names = [p.entity or "" for p in parts]
        if len(parts) < 2 or not all(names) or len(set(names)) < len(names):
            continue
        attributes = {p.attribute for p in parts}
        if total.attribute is None and len(attributes) == 1:
            total.attribute = attributes.pop()
        if not all(summable_with(p, total) for p in parts):
            continue
        head = _common_head(names)
        entity = head if len(head) >= _HEAD_MIN else _thing_after_places(names) or "、".join(names)
        inherited = total.entity
        total.entity = entity
        total.subject = entity + (total.attribute or "")
        found = lexicon.find(total.subject)
        total.indicator = found.code if found else None
        _said_of_total(facts[k + 1 :], inherited, total)


def _said_of_total(after: list[Fact], inherited: str | None, total: Fact) -> None:
    """…，合计20.5亿元，占全县到位资金的62.4%, 增长5%: the figures said of the total without a subject of their own (the
    `inherited` one of the last part) are the total's."""
    for fact in after:
        if fact.kind == "level" or fact.entity != inherited:
            break
        fact.entity, fact.subject, fact.indicator = total.entity, total.subject, total.indicator

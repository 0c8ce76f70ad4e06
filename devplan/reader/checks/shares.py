"""Shares: "甲占乙比重X%" against the two levels, and structure ratios that must sum to 100."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from devplan.reader.checks.common import (
    ABOUT,
    ABOUT_MARGIN,
    AMONG,
    agreement,
    compatible,
    in_order,
    interval_in,
    percent_fit,
    plain,
    short_for,
    spelled_scope,
    stated,
    value_in,
)
from devplan.reader.checks.memory import STRUCTURE_MEMBERS, WHOLE_PLACE, Memory
from devplan.reader.checks.parts import INDUSTRY_NAMED
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, WARNING, Evidence, Finding
from devplan.reader.interval import HUNDRED, Interval, rounded, show
from devplan.reader.lexicon import Lexicon, Ratio
from devplan.reader.lists import AVERAGE, TOTAL_OF_LIST
from devplan.reader.numbers import normalize
from devplan.reader.periods import Period
from devplan.reader.subjects import MEASURE_NOUN, split_pair


def check_shares(sentence: Sentence, memory: Memory, lexicon: Lexicon) -> list[Finding]:
    findings = [f for f in (_share(s, sentence, memory, lexicon) for s in sentence.facts) if f]
    findings += [f for f in (_named_ratio(s, sentence, memory, lexicon) for s in sentence.facts) if f]
    findings += [f for f in (_pair_ratio(s, sentence) for s in sentence.facts) if f]
    findings += _structure_ratios(sentence)
    findings += _structure_levels(sentence, memory, lexicon)
    for finding in findings:
        finding.sentence = sentence.text
    return findings


_ARRANGED = "安排"


# 平均每个园区, 每家企业: an average per thing.
_PER_THING = re.compile(r"^(?:平均)?每(?:个|家|户|人|亩|项|座|所)")


def _arranged(level: Fact, share: Fact) -> bool:
    """“三保”支出安排48.26亿元，占一般公共预算支出的75.0% after 一般公共预算支出安排64.38亿元: a budget's share is of the amounts
    it arranges, each named with 安排."""
    return share.measure == level.measure == "target" and _ARRANGED in level.text


# 按照本级一般公共预算支出额的1%至3%设置预备费: a percentage of a thing is no amount of it a share could be of.
_PERCENT_OF = re.compile(r"的\s*\d[\d.]*\s*%$")


def _percent_of(level: Fact) -> bool:
    return _PERCENT_OF.search(level.text) is not None


def _level_named(name: str, sentence: Sentence, fact: Fact, memory: Memory, lexicon: Lexicon) -> Fact | None:
    indicator = lexicon.find(name)
    for other in reversed(sentence.facts[: sentence.facts.index(fact)]):
        # 进出口总额86.4亿元，其中对东盟进出口23.5亿元…，分别占全市进出口总额的27.2%…: a part of a list, though its name holds
        # the indicator's, does not stand for it.
        named = other.entity == name or (indicator is not None and other.indicator == indicator.code and other.whole is None)
        if named and other.kind == "level" and not other.compared and other.period == fact.period and (
                other.measure in {"actual", "estimate"} or _arranged(other, fact)) and not _percent_of(other):
            return other
    if fact.period is None:
        return None
    arranged = [f for f in memory.planned_of(fact.period) if f.entity == name and _arranged(f, fact)]
    if arranged:
        return arranged[-1]
    found = memory.indicator_level(indicator.code, fact.period) if indicator else memory.level(name, fact.period)
    # Across sentences only a figure named exactly as the indicator stands for it (人均GDP is not GDP).
    return found if found is None or indicator is None or lexicon.named(found.entity) is not None else None


def _share(fact: Fact, sentence: Sentence, memory: Memory, lexicon: Lexicon) -> Finding | None:
    if fact.kind != "share" or fact.unit != "%" or not fact.entity:
        return None
    if fact.compared or fact.elsewhere or _PER_THING.match(fact.entity):
        # 占出口额的比重由上年的43.1%提高到47.8%: last year's share, of levels the text does not give; so is a higher
        # place's (全市…占…), whose levels are not this text's. A share said right after an average (园区共实现产值612亿元，
        # 平均每个园区102亿元，占全县的78.5%) is the total's, whose subject the average took: which is not told.
        return None
    if not fact.share_of:
        return _unnamed_share(fact, sentence, memory, lexicon)
    if (inside := _whole_stated_inside(fact, sentence)) is not None:
        return _against(fact, inside[0], inside[1], fact.share_of)
    whole = _level_named(fact.share_of, sentence, fact, memory, lexicon)
    part = _whole_of_list_before(fact, sentence) or _level_named(fact.entity, sentence, fact, memory, lexicon)
    part = part or _measured_as_whole(fact, sentence, whole, memory, lexicon)
    whole = (whole or _named_by_attribute(fact, sentence) or _whole_of_all(fact, part, sentence)
             or _all_of_the_place(fact, part, memory) or _level_like(fact.share_of, sentence, fact, memory, lexicon)
             or _place_list_whole(fact, part, sentence) or _place_whole(fact, part, memory, lexicon))
    # 新材料产业产值…。新材料产业占全区规上工业总产值的42.3%: the whole found only now, named short, measures the part too.
    part = part or _measured_as_whole(fact, sentence, whole, memory, lexicon)
    if whole is not None and (part is None or not _comparable(part, whole)) and fact.text.startswith("占"):
        part = _level_right_before(fact, sentence, whole) or part
    if part is None and whole is not None:
        part = (_level_like(fact.entity, sentence, fact, memory, lexicon, whole) or _parts_summed(fact, sentence, whole)
                or _part_named_short(fact, sentence, whole))
    if whole is None and part is not None:
        whole = _list_whole_named_short(fact, part, sentence, lexicon)
    if whole is None:
        part, whole = _measured_part_of_all(fact, sentence) or (part, whole)
    if part is not None and whole is not None and not _comparable(part, whole) and fact.subject != fact.entity:
        # 产业项目计划投资占…: the projects' planned investment, not their count.
        part = _level_like(fact.subject, sentence, fact, memory, lexicon, whole) or part
    if part is not None and whole is not None and (part is whole or part.entity == whole.entity):
        whole = None  # 占全区各项税收总额 found the part itself: the whole is not stated
    if any(f is not None and f.approximate for f in (part, whole)) or (fact.approximate and fact.qualifier not in ABOUT):
        return None
    if part is None or whole is None:
        if fact.approximate:
            return None  # a share said about (约占…, …左右) with nothing to divide is not worth a note
        missing = fact.entity if part is None else fact.share_of
        return Finding("share_levels", INFO, f"{fact.entity}占{fact.share_of}比重{stated(fact)}：文中未给出{missing}的总量，无法核对。", [fact.index], stated=fact.value)
    return _against(fact, part, whole, fact.share_of)


def _whole_of_list_before(fact: Fact, sentence: Sentence) -> Fact | None:
    """三项支出合计21.46亿元，分别为9.82亿元、7.35亿元和4.29亿元，占一般公共预算支出的42.7%: a share right after a 分别 list,
    with no 分别 of its own, is of the list's whole — the level right before 分别 — not of the list's last value."""
    if "分别" in fact.text:
        return None
    before = sentence.facts[: sentence.facts.index(fact)]
    opener = next((k for k in range(len(before) - 1, 0, -1) if "分别" in before[k].text), None)
    if opener is None or len(before) - opener < 2:
        return None
    whole, listed = before[opener - 1], before[opener:]
    # …分别为…，合计6.80亿元，占…: a total after the list is what the share is of, found as before.
    alike = all(f.kind == "level" and _comparable(f, whole) and not f.compared for f in (whole, *listed)) \
        and not any(TOTAL_OF_LIST.match(f.text) for f in listed)
    return whole if alike and whole.period == fact.period and not whole.approximate else None


def _measured_as_whole(fact: Fact, sentence: Sentence, whole: Fact | None, memory: Memory, lexicon: Lexicon) -> Fact | None:
    """工业占生产总值的比重37.69%: the part is measured as its whole is, 工业增加值 of 生产总值."""
    if whole is None or MEASURE_NOUN.search(fact.entity or "") or (measure := _measure_of(whole)) is None:
        return None
    return _level_named((fact.entity or "") + measure, sentence, fact, memory, lexicon)


def _part_named_short(fact: Fact, sentence: Sentence, whole: Fact) -> Fact | None:
    """其中住宅销售面积78.9万平方米，…，住宅占商品房销售面积的比重为91.0%; 其中发明专利授权683件，…，发明专利占专利授权量的
    14.2%: the part named by the first words of one part of the whole's list in the sentence — the only one so named."""
    name = fact.entity or ""
    found = [f for f in sentence.facts[: sentence.facts.index(fact)]
             if f.kind == "level" and f.whole == whole.index and (f.entity or "").startswith(name) and f.entity != name]
    return found[0] if len(name) >= 2 and len(found) == 1 and not found[0].compared else None


def _list_whole_named_short(fact: Fact, part: Fact, sentence: Sentence, lexicon: Lexicon) -> Fact | None:
    """全年接待国内外游客1268.5万人次，其中接待过夜游客312.4万人次，占游客总数的24.6%; …基层医疗卫生机构5014个…。基层医疗卫生机构
    占全部卫生机构的95.8%: a whole named as all of something (游客总数, 全部卫生机构) whose name the part's list's whole ends
    with is that whole. So is one named by the list whole's last words alone (施工项目 of 固定资产投资施工项目412个。其中，新开工
    项目197个，占施工项目的47.8%) when they are long and the words in front are a qualifier of their own (进出口总额 is no
    出口总额). A name shorter still, the measure noun alone, is the list's whole when the part is named by it too (其中民生支出
    …，占支出的77.5%: the spending the 民生支出 is some of). A balance may be named without the word 余额 (其中住户存款余额…，
    占各项存款的60.2% of 各项存款余额), and one may be named with the scope its sentence is about in front (see
    _scope_of_its_sentence)."""
    named = _ALL_OF.match(fact.share_of or "")
    name = named.group("head") if named else _TOTAL_WORDS.sub("", fact.share_of or "")
    short = name == fact.share_of and len(name) < _LIKE_MIN
    if part.whole is None or len(name) < 2 or (short and not (part.entity or "").endswith(name)):
        return None
    known = (*sentence.before, *sentence.carried, *sentence.facts)
    whole = next((f for f in known if f.index == part.whole), None)
    if whole is None or whole.kind != "level" or whole.approximate:
        return None
    full = whole.entity or ""
    if _scope_of_its_sentence(fact.share_of or "", full, whole, known):
        return whole
    full = full if full.endswith(name) else _BALANCE.sub("", full)
    if not full.endswith(name):
        return None
    if name == fact.share_of and not _qualified(name, full, lexicon):
        return None
    return whole


def _scope_of_its_sentence(name: str, full: str, whole: Fact, known: tuple[Fact, ...]) -> bool:
    """规模以上工业企业实现营业收入…；实现利润总额2815.4亿元。其中，…占规模以上工业利润总额的21.8%: the whole's name with words
    in front that open another subject of the whole's own sentence (the scope it is about, never 全部工业 or another place's)."""
    front = name[: -len(full)] if len(full) >= _LIKE_MIN and name.endswith(full) else ""
    return len(front) >= 2 and any((f.subject or "").startswith(front) for f in known
                                   if f.sentence == whole.sentence and f is not whole)


# 各项存款余额 named 各项存款: the word for a balance, left out of a whole's name.
_BALANCE = re.compile(r"(?<=[\u4e00-\u9fff]{2})余额$")


def _qualified(name: str, full: str, lexicon: Lexicon) -> bool:
    """`full` is `name` with a qualifier of two characters or more in front, and names no other indicator than `name`."""
    short = lexicon.find(name)
    return len(full) - len(name) >= 2 and (short is None or (lexicon.find(full) or short).code == short.code)


def _named_by_attribute(fact: Fact, sentence: Sentence) -> Fact | None:
    """重大项目136个，总投资1286亿元。…累计完成投资532.7亿元，占总投资的41.4%: a whole named by an attribute alone (总投资,
    年度计划投资) is the latest level with exactly that attribute, in the sentence or the one before — never further. It is
    named before any level whose name merely ends in its head (1—10月完成投资 is no 总投资). A project's total investment
    has no period: 开工以来累计完成投资…，占总投资的… is of it, whatever months the share is dated by."""
    name = fact.share_of
    before = [*sentence.before, *sentence.facts[: sentence.facts.index(fact)]]
    return next((f for f in reversed(before) if f.kind == "level" and f.attribute == name and not f.compared
                 and not f.approximate and (f.period == fact.period or name in _WITHOUT_PERIOD)), None)


_WITHOUT_PERIOD = frozenset({"总投资", "计划总投资"})


def _level_right_before(fact: Fact, sentence: Sentence, whole: Fact) -> Fact | None:
    """累计完成投资532.7亿元，占总投资的41.4%: a share that names nothing before 占 is of the level right before it."""
    at = sentence.facts.index(fact)
    found = sentence.facts[at - 1] if at > 0 else None
    if found is None or found is whole or found.kind != "level" or found.compared or found.approximate \
            or found.measure not in {"actual", "estimate"} or not _comparable(found, whole):
        return None
    return found


def _whole_stated_inside(fact: Fact, sentence: Sentence) -> tuple[Fact, Fact] | None:
    """经开区规模以上工业总产值486.3亿元，占全县规模以上工业总产值（779.3亿元）的62.4%: the figure stated between 占 and 的
    is the share's whole whatever its name (a zone's and its county's are named alike), and the part the latest level
    of the sentence before it named as the share is; (part, whole), or None."""
    at = sentence.facts.index(fact)
    whole = sentence.facts[at - 1] if at > 0 else None
    if whole is None or whole.kind != "level" or not whole.text.startswith("占") or whole.approximate or whole.compared:
        return None
    part = next((f for f in reversed(sentence.facts[: at - 1]) if f.kind == "level" and f.entity == fact.entity
                 and not f.compared and f.measure in {"actual", "estimate"} and f.period == whole.period), None)
    if part is None or part.approximate or not _comparable(part, whole):
        return None
    return part, whole


# 出口总额 for 出口, 财政收入总计 for 财政收入总计25.6亿元 (read as 财政收入): words that only say it is all of it.
# 占全县的45.0%, 占全县投资的45.0%: the whole is the place's own figure of what the part measures.
_THE_PLACE = re.compile(r"^全[县市区省州](?P<measure>[\u4e00-\u9fff]{0,8})$")
_DONE = re.compile(r"^(?:完成|实现|累计完成)")
# What a place's figure of a measure named short is: all its investment, all its value added.
_PLACE_MEASURES = {"投资": "fai", "固定资产投资": "fai", "增加值": "gdp", "生产总值": "gdp"}


def _place_list_whole(fact: Fact, part: Fact | None, sentence: Sentence) -> Fact | None:
    """全县规模以上工业总产值177.6亿元，其中开发区实现规上工业总产值128.6亿元，…，占全县的72.4%: a share of the place
    alone, of a part of a list whose whole the place's words open, is of that whole."""
    named = _THE_PLACE.match(fact.share_of or "")
    if named is None or named.group("measure") or part is None or part.whole is None:
        return None
    whole = next((f for f in (*sentence.carried, *sentence.facts) if f.index == part.whole), None)
    place = named.group()  # 全县, or 我县 as the whole may say it
    if whole is None or not whole.text.startswith((place, "我" + place[1:])) or whole.kind != "level" or whole.approximate:
        return None
    return whole


def _place_whole(fact: Fact, part: Fact | None, memory: Memory, lexicon: Lexicon) -> Fact | None:
    """经济开发区完成投资40.0亿元，占全县的45.0%: the place's own figure of the part's measure (完成投资 → 固定资产投资), named
    exactly for the period; the part names a zone of the place with its measure after it."""
    named = _THE_PLACE.match(fact.share_of or "")
    if named is None or part is None or part.period is None or not part.attribute:
        return None
    measure = _DONE.sub("", named.group("measure") or part.attribute)
    if _DONE.sub("", part.attribute) != measure:
        return None  # 占全县投资的 after 完成增加值: the measures differ
    indicator = lexicon.named(measure)
    code = indicator.code if indicator is not None else _PLACE_MEASURES.get(measure)
    return memory.indicator_level(code, part.period) if code else None


_TOTAL_WORDS = re.compile(r"(?:总额|总量|总数|总计|合计)$")
_FIRST_DIGIT = re.compile(r"\d")
_SAID = re.compile(r"^(?:\d{4}年)?(?:全年|年末|全[市县区省]|我[市县区省])*(?:共|累计|合计)?")
# A whole named as a plan (年度计划投资) may be a target; the name of a budget account (一般公共预算收入, 政府性基金预算
# 支出) is no plan — its share is of the amount collected or spent, never of the year's budget.
_PLANNED = re.compile(r"计划|目标|(?<!公共)(?<!基金)(?<!经营)预算")
_LIKE_MIN = 4
_LIKE_EXTRA = 6


# 其中，装备制造产业产值126.4亿元，…，三大主导产业产值合计占规模以上工业总产值的70.1%: the share of the parts listed, summed.
_SUMMED = re.compile(r"(?:合计|共计|总计|之和)占")


def _parts_summed(fact: Fact, sentence: Sentence, whole: Fact) -> Fact | None:
    """The parts of `whole` listed before a share said of their sum (…合计占…), as one figure."""
    if not _SUMMED.search(fact.text):
        return None
    parts = [f for f in sentence.facts[: sentence.facts.index(fact)] if f.whole == whole.index and _comparable(f, whole)]
    if len(parts) < 2 or any(p.approximate for p in parts):
        return None
    unit = whole.unit_info
    assert unit is not None
    total = sum((value_in(p, unit) for p in parts), Decimal(0))
    return replace(parts[0], value=total, unit=whole.unit, entity=fact.entity, subject=fact.subject,
                   text="+".join(p.text for p in parts))


def _comparable(part: Fact, whole: Fact) -> bool:
    return part.unit_info is not None and whole.unit_info is not None and compatible(part.unit_info, whole.unit_info)


def _full_name(fact: Fact) -> str:
    return (fact.entity or "") + (fact.attribute or "")


def _named_like(name: str, fact: Fact, lexicon: Lexicon) -> bool:
    """A level named the way a share names its whole, short: with a qualifier in front (重点项目完成投资 for 县级重点项目
    完成投资, 专项债券资金 for 地方政府专项债券资金), or with words inside and 总额 left off (争取资金总额 for 争取上级各类
    资金, 实际到位资金 for 实际到位市外资金)."""
    full = _full_name(fact)
    short = _TOTAL_WORDS.sub("", name)
    if full == short:
        return True  # 出口总额 for 出口
    if len(short) >= _LIKE_MIN and short == _said(fact.text):
        return True  # 争取上级资金总额 for 全年共争取上级资金…, the verb left out of the level's name
    if len(name) >= _LIKE_MIN and full.endswith(name):
        if AVERAGE.search(full[: len(full) - len(name)]):
            return False  # 人均地区生产总值 is no 地区生产总值: a figure per head is no total
        # Not when the words in front make another thing the lexicon names (进出口总额 is no 出口总额).
        found, named = lexicon.find(full), lexicon.find(name)
        return (found.code if found else None) == (named.code if named else None)
    # 合同总额 for 合同引资总额: the total's word kept, words inside it left out.
    if short != name and _spelled_out(name, full):
        return True
    if len(short) < _LIKE_MIN:
        return False
    # The words before the figure keep the verb its subject leaves out (争取上级各类资金 of 争取资金).
    return _spelled_out(short, full) or _spelled_out(short, _said(fact.text))


def _spelled_out(short: str, words: str) -> bool:
    """`words` say `short` with a few more words inside (争取上级各类资金 for 争取资金)."""
    return (len(short) < len(words) <= len(short) + _LIKE_EXTRA and words.startswith(short[:2])
            and words.endswith(short[-2:]) and in_order(short, words))


# A share's whole is looked for among every level of its period, each time: the words before each are read once.
@lru_cache(maxsize=1024)
def _said(text: str) -> str:
    """The words before a figure's number, without the year, place and 共 or 累计 in front."""
    digit = _FIRST_DIGIT.search(text)
    return _SAID.sub("", text[: digit.start()] if digit else "")


def _level_like(
    name: str | None, sentence: Sentence, fact: Fact, memory: Memory, lexicon: Lexicon, whole: Fact | None = None,
) -> Fact | None:
    """The level a share names short (see _named_like): the latest in the sentence, else of the period before it; for
    the part (`whole` given), also a part of that whole's list named by its kind alone with the whole's measure after
    it (稻谷播种面积 for 其中，稻谷42.36万亩 of 粮食播种面积)."""
    if not name or fact.period is None:
        return None
    measures = {"actual", "estimate", "target"} if _PLANNED.search(name) else {"actual", "estimate"}
    before = [f for f in (*sentence.before, *sentence.carried, *sentence.facts[: sentence.facts.index(fact)])
              if f.kind == "level" and f.period == fact.period and f.measure in measures and not f.approximate and not f.compared]
    kept = [*memory.levels_of(fact.period), *memory.planned_of(fact.period)] if "target" in measures else memory.levels_of(fact.period)
    earlier = [f for f in kept if f.measure in measures and not f.approximate]
    if (spelled := _scope_spelled_out(name, [f for f in before if f is not whole])) is not None:
        return spelled
    if (placed := _whole_place_named(name, [f for f in (*before, *earlier) if f is not whole])) is not None:
        return placed
    for found in (*reversed(before), *reversed(earlier)):
        if found is whole or (name == fact.share_of and found.entity == fact.entity):
            continue  # 人均食品烟酒消费支出…，占人均消费支出的…: the part, spelled out, is never its own whole
        if _named_like(name, found, lexicon):
            return found
        if whole is not None and found.whole == whole.index and found.entity and name.startswith(found.entity) \
                and (whole.entity or "").endswith(name[len(found.entity) :]) and len(name) > len(found.entity):
            return found
    return _ending_in_sentence(name, sentence, fact, whole)


def _scope_spelled_out(name: str, before: list[Fact]) -> Fact | None:
    """规上工业总产值 for 规模以上工业总产值 stated in the sentence or the one before, when every level so named there, with
    words in front or not, says the same number — further back, or beside another (园区规模以上工业总产值), another place's
    may be so named."""
    spelled = spelled_scope(name)
    if spelled == name:
        return None  # most names say no scope short: nothing to spell out
    found = [f for f in before if spelled_scope(_full_name(f)).endswith(spelled)]
    return found[-1] if found and len({f.value for f in found}) == 1 else None


def _whole_place_named(name: str, levels: list[Fact]) -> Fact | None:
    """全区规上工业总产值 for 规模以上工业总产值 stated earlier: the whole place's, its scope perhaps said short — when every
    level so named says the same number (a zone's text may give the county's too, 占全县规模以上工业总产值（779.3亿元）)."""
    bare = WHOLE_PLACE.sub("", name)
    if bare == name:
        return None
    found = [f for f in levels if spelled_scope(_full_name(f)) == spelled_scope(bare)]
    return found[-1] if found and len({f.value for f in found}) == 1 else None


def _ending_in_sentence(name: str, sentence: Sentence, fact: Fact, whole: Fact | None) -> Fact | None:
    """政府债务限额1086500万元，债务余额1042360万元，余额占限额的95.9%: a name of two characters, the end of exactly one
    level's name in the share's own clause run (back to a semicolon) — never guessed among several or from sentences before."""
    if len(name) != 2:
        return None
    at = fact.start - sentence.start
    opened = max(sentence.text.rfind(mark, 0, at) for mark in ";；")
    levels = [f for f in sentence.facts[: sentence.facts.index(fact)]
              if f.start - sentence.start > opened and f.kind == "level" and f is not whole and f.period == fact.period]
    found = [f for f in levels if _full_name(f).endswith(name)]
    if len(found) != 1 or found[0].approximate or found[0].measure not in {"actual", "estimate"}:
        return None
    return found[0]


def _measure_of(whole: Fact) -> str | None:
    """What the whole measures, as a part's name says it: 增加值 for 生产总值 (a sum of value added), else the measure
    noun its name ends with (投资 of 固定资产投资, 产值 of 工业总产值)."""
    if whole.indicator == "gdp":
        return "增加值"
    found = MEASURE_NOUN.search(whole.entity or "")
    return found.group() if found else None


# 固定资产投资200亿元…；工业投资80亿元，占全部投资的40%: a whole named as all of a head noun (全部投资, 全社会投资, 总投资)
# is the level stated before the part in the sentence whose name ends with that noun.
_ALL_OF = re.compile(r"^(?:全部|全社会|全市|全省|全县|全区|总)(?P<head>[\u4e00-\u9fff]{2,})$")


# 其中，限额以上单位零售额41.26亿元，占总额的41.8%: the whole said by its last word alone is the whole of the part's list.
_WHOLE_SAID_SHORT = {"总额", "总量", "总数"}
# 其中，限额以上单位零售额18.64亿元，占全区的35.7%: the whole place alone names the whole of the part's list too.
_PLACE_ALONE = re.compile(r"^全[市县区省州盟旗镇乡]$")


_PLACE_WORD = re.compile(r"全[市县区省州盟旗镇乡]")


def _of_that_place(place: str, listed: Fact) -> bool:
    """占全市的 of a whole said of 全市, or of a whole that names no place — never 占全省的 of the city's (a province's
    figure the text does not give), nor of a whole that names another place."""
    named = _PLACE_WORD.findall(listed.text)
    return place in named if named else place not in {"全省", "全州"}


def _whole_of_all(fact: Fact, part: Fact | None, sentence: Sentence) -> Fact | None:
    alone = _PLACE_ALONE.match(fact.share_of or "") is not None
    if (fact.share_of in _WHOLE_SAID_SHORT or alone) and part is not None and part.whole is not None:
        listed = next((w for w in (*sentence.carried, *sentence.facts) if w.index == part.whole), None)
        return listed if listed is not None and listed.period == fact.period and (
            _of_that_place(fact.share_of or "", listed) if alone else _full_name(listed).endswith(fact.share_of or "")) else None
    named = _ALL_OF.match(fact.share_of or "")
    if named is None or part is None or part not in sentence.facts:
        return None
    head = named.group("head")
    before = sentence.facts[: sentence.facts.index(part)]
    if TOTAL_OF_LIST.match(part.text):
        # 甲镇到位资金12.3亿元、乙镇8.6亿元，合计20.9亿元，占全县到位资金的62.4%: the total's share is never of a figure it sums
        # (the list back to a semicolon).
        opened = max(sentence.text.rfind(mark, 0, part.start - sentence.start) for mark in ";；")
        before = [f for f in before if f.start - sentence.start < opened]
    # 按投资主体分，国有投资156.3亿元，占全部投资的43.1%；民间投资…: the whole the sentence's parts are of, carried from the
    # sentence before; never another part.
    # 1—11月完成投资2.94亿元…；项目开工以来累计完成投资8.47亿元，占总投资的…: a running total over years is never a share
    # of the months' figure.
    return next((w for w in [*reversed(before), *reversed(sentence.carried)]
                 if w.kind == "level" and _full_name(w).endswith(head) and w.period == fact.period and w.entity != part.entity
                 and w.whole is None and part.whole in (None, w.index) and _since_begun(w) == _since_begun(part)), None)


def _all_of_the_place(fact: Fact, part: Fact | None, memory: Memory) -> Fact | None:
    """全县固定资产投资215.8亿元…。民间投资98.4亿元，占全部投资的45.6%: all of a measure the place's figure is named by (投资,
    增加值) is that figure, stated before for the period, when the part is measured so too."""
    named = _ALL_OF.match(fact.share_of or "")
    if named is None or not named.group().startswith("全部") or part is None or part.period is None:
        return None
    head = named.group("head")
    code = _PLACE_MEASURES.get(head)
    return memory.indicator_level(code, part.period) if code and (part.subject or "").endswith(head) else None


def _since_begun(fact: Fact) -> bool:
    """项目开工以来累计完成投资8.47亿元: run up since something began, before the year (a 累计 since the year began is no
    running total, see Fact.cumulative)."""
    return fact.cumulative and "以来" in fact.text


def _measured_part_of_all(fact: Fact, sentence: Sentence) -> tuple[Fact, Fact] | None:
    """产业项目104个，年度计划投资196.2亿元，占全部年度计划投资的61.6%: the part is the figure of the share's own thing right
    before it, what the whole measures (not the projects' count named first), and the whole all of that measure."""
    k = sentence.facts.index(fact)
    part = sentence.facts[k - 1] if k else None
    if part is None or part.kind != "level" or part.entity != fact.entity:
        return None
    whole = _whole_of_all(fact, part, sentence)
    return (part, whole) if whole is not None else None


def _unnamed_share(fact: Fact, sentence: Sentence, memory: Memory, lexicon: Lexicon) -> Finding | None:
    """一般公共预算收入50亿元，其中税收收入40亿元，占比80%: a share that names no whole is the part's share of the whole
    the sentence makes it a part of — its 其中 list's, or the lexicon's (第三产业增加值 of 地区生产总值) stated beside it."""
    before = sentence.facts[: sentence.facts.index(fact)]
    if (named := _OWN_LEVEL.match(normalize(fact.text))) is not None and named["own"] not in (fact.subject or ""):
        return _own_levels_share(fact, named["own"], before, sentence)
    # 102个重点项目中有17个支出进度低于80%，占16.7%: a bound in percent between the count and its share is no part.
    levels = [f for f in before if f.kind == "level" and not f.compared and not (f.unit == "%" and _percent_after_count(f, before))]
    # Its own level (分别为50亿元、200亿元…，分别占10%、40%…: each share its item's), else the level right before, named
    # by the share's subject or its first words (税收占比 after 税收收入).
    part = (next((f for f in reversed(levels) if f.entity == fact.entity or _verb_left_out(fact.entity, f)), None)
            or (levels[-1] if levels else None))
    if part is None and not levels:
        return _share_of_part_before(fact, sentence)
    if part is not None and not _opens_name(fact.entity, part):
        part = _listed_part_named(fact, levels, part)
    if part is None or not _opens_name(fact.entity, part) or part.period != fact.period or part.approximate:
        return None
    by_index = {f.index: f for f in (*sentence.carried, *sentence.facts)}
    whole = by_index.get(part.whole) if part.whole is not None else None
    parent = lexicon.wholes_of(part.indicator)[:1]
    if whole is None and parent:
        # The nearest whole the lexicon knows, in the sentence; earlier only when nothing is above it (地区生产总值 of the
        # three industries): 规上工业增加值…，占比… is of 工业增加值 only when that is stated beside it.
        whole = next((f for f in before if f.indicator == parent[0] and lexicon.named(f.entity)), None)
        if whole is None and not lexicon.wholes_of(parent[0]) and part.period is not None:
            whole = memory.indicator_level(parent[0], part.period)
    if whole is None and part.whole is None and part.period is not None:
        whole = _among_named(sentence, part, memory) or _among_level(sentence, fact, part, memory, lexicon)
    if whole is None or whole.approximate or whole.kind != "level" or _whole_shares_of_another(whole, part, sentence):
        return None
    return _against(fact, part, whole, whole.subject or "")


def _opens_name(name: str | None, part: Fact) -> bool:
    """The share's words open the part's name (税收占比 after 税收收入), or name it with its verb left out."""
    return (part.entity or "").startswith(name or "") or _verb_left_out(name, part)


def _verb_left_out(name: str | None, level: Fact) -> bool:
    """产业项目投资占比53.4% after 产业项目完成投资48.7亿元: the share names the level's thing and its measure without the verb
    between them (完成, 实现) — the thing's whole name, then the measure its subject ends in."""
    entity, subject = level.entity or "", level.subject or ""
    if not name or not entity or not name.startswith(entity) or len(name) == len(entity) or not subject.startswith(entity):
        return False
    measure = name[len(entity) :]
    return MEASURE_NOUN.fullmatch(measure) is not None and subject.endswith(measure) \
        and _DONE_VERB.fullmatch(subject[len(entity) : len(subject) - len(measure)]) is not None


_DONE_VERB = re.compile(r"(?:累计)?(?:完成|实现)")


# 市本级占25.3%: a place's own level named right before 占, a word the subjects cut as saying whose figure it is.
_OWN_LEVEL = re.compile(r"^(?:其中)?\s*(?P<own>[市县区]本级)占")


def _own_levels_share(fact: Fact, own: str, before: list[Fact], sentence: Sentence) -> Finding | None:
    """其中市本级42.6亿元、县市区125.8亿元，市本级占25.3%: the words before 占 name whose share it is, not the subject it was
    given (县市区, the part before): the part whose own words name that level (其中市本级42.6亿元) over the whole of its
    list; nothing when no one part is so named."""
    named = [f for f in before if f.kind == "level" and f.whole is not None and own in f.text and not f.approximate]
    by_index = {f.index: f for f in (*sentence.carried, *sentence.facts)}
    whole = by_index.get(named[0].whole) if len(named) == 1 and named[0].whole is not None else None
    if whole is None or whole.approximate or whole.kind != "level":
        return None
    return _against(fact, replace(named[0], entity=own), whole, whole.subject or "")


def _percent_after_count(level: Fact, before: list[Fact]) -> bool:
    """The percent level right after a count that is some of another count (有17个支出进度低于80%)."""
    at = before.index(level)
    counted = before[at - 1] if at else None
    return counted is not None and counted.whole is not None and counted.unit_info is not None \
        and counted.unit_info.kind == "count"


def _listed_part_named(fact: Fact, levels: list[Fact], last: Fact) -> Fact | None:
    """其中税收收入50亿元、非税收入10亿元，税收占比83.3%: the one part of the list the level right before closes whose name
    opens with the share's words."""
    name = fact.entity or ""
    named = [f for f in levels if last.whole is not None and f.whole == last.whole and (f.entity or "").startswith(name)]
    return named[0] if len(name) >= 2 and len(named) == 1 else None


def _whole_shares_of_another(whole: Fact, part: Fact, sentence: Sentence) -> bool:
    """民生支出78.35亿元，占一般公共预算支出的79.4%，其中教育支出18.56亿元，占18.8%: after the whole's own share of a
    base, a bare 占 of its part may be of either (18.56 of the 98.72 spent); which is not guessed. So too when the
    whole's share names no base (常住人口中60岁及以上人口14.2万人，占25.1%，其中65岁及以上10.3万人，占18.2%: both of
    the 常住人口)."""
    return any(f.kind == "share" and f.entity == whole.entity and whole.index < f.index < part.index
               for f in sentence.facts)


def _among_named(sentence: Sentence, part: Fact, memory: Memory) -> Fact | None:
    """The count of the things named before 中 that opens the sentence (规模以上工业企业中，亏损企业51家，亏损面为17.8%), as
    stated earlier for the same period in a count of the part's unit — the part's sentence states no number of them."""
    among = AMONG.match(normalize(sentence.text))
    if among is None or sentence.facts[0] is not part or part.period is None or part.unit is None:
        return None
    return memory.count_named(among["name"], part.period, part.unit)


def _among_level(sentence: Sentence, fact: Fact, part: Fact, memory: Memory, lexicon: Lexicon) -> Fact | None:
    """The amount named before 中 that opens the sentence (在一般公共预算支出中，教育支出11.26亿元，占19.1%), as stated
    sentences or paragraphs before for the same period, in a unit the part's compares with (`_against` checks it)."""
    among = AMONG.match(normalize(sentence.text))
    if among is None or sentence.facts[0] is not part or part.unit is None or part.unit_info is None \
            or part.unit_info.kind == "count":
        return None
    return _level_named(among["name"], sentence, fact, memory, lexicon)


def _share_of_part_before(fact: Fact, sentence: Sentence) -> Finding | None:
    """分类型看，产业项目38个，完成投资42.16亿元；…。产业项目完成投资占比59.1%: a share opening a sentence with the full name
    of a part the sentence before listed (its thing and measure) is that part's share of the whole it was listed under."""
    found = [f for f in sentence.before if f.kind == "level" and f.whole is not None and f.entity == fact.entity
             and f.attribute == fact.attribute and not f.approximate]
    if len(found) != 1 or fact.attribute is None or (fact.period_stated and found[0].period != fact.period):
        return None  # a share that names no period of its own is of the part's (截至9月底 in the sentences before)
    part = found[0]
    whole = next((f for f in (*sentence.before, *sentence.before_wholes) if f.index == part.whole), None)
    if whole is None or whole.approximate or whole.kind != "level":
        return None
    return _against(fact, part, whole, whole.subject or "")


_BOUNDS = {"以上", "以下", "以内"}


def _against(fact: Fact, part: Fact, whole: Fact, whole_name: str) -> Finding | None:
    """The stated share against part ÷ whole."""
    unit, part_unit = whole.unit_info, part.unit_info
    ids = [part.index, whole.index, fact.index]
    # 按照支出额的1%至3%设置预备费，安排0.90亿元，占支出的1.4%: a rate is no amount a share is of; nor is a floor
    # (产量连续五年稳定在35万吨以上), which says nothing of how much more there is.
    if unit is None or part_unit is None or not compatible(unit, part_unit) or whole.value <= 0 or unit.is_percent \
            or whole.qualifier in _BOUNDS:
        return None
    computed = value_in(part, unit) / whole.value * HUNDRED
    computed_iv = interval_in(part, unit) / interval_in(whole, unit) * Interval.exact(HUNDRED)
    if fact.qualifier in ABOUT:
        # 占地区生产总值的40%左右, 约占40%: a share stated about fits anything within a tenth of it, or its rounding.
        return _about(fact, part, whole_name, computed, computed_iv, ids)
    fit = percent_fit(computed_iv, fact.value)
    arithmetic = f"{plain(value_in(part, unit))} ÷ {stated(whole)} = {show(computed)}%，所述 {stated(fact)}"
    common = Evidence(facts=ids, stated=fact.value, computed=Decimal(show(computed)), arithmetic=arithmetic)
    if fit is None:
        return Finding("share_levels", ERROR, f"{part.entity}占{whole_name}比重应为{show(computed)}%，所述{stated(fact)}不符。", **common)
    note = agreement(computed, fact.value) if fit == "rounded" else "只有按截尾取整才相符"
    return Finding("share_levels", INFO if fit == "rounded" else WARNING, f"{part.entity}占{whole_name}比重{show(computed)}%，所述{stated(fact)}{note}。", **common)


def _about(fact: Fact, part: Fact, whole_name: str, computed: Decimal, computed_iv: Interval, ids: list[int]) -> Finding:
    stated_iv = rounded(fact.value)
    loose = Interval(min(stated_iv.lo, fact.value / ABOUT_MARGIN), max(stated_iv.hi, fact.value * ABOUT_MARGIN))
    said = f"{fact.qualifier}{stated(fact)}" if fact.qualifier != "左右" else f"{stated(fact)}左右"
    arithmetic = f"{show(computed)}%，所述{said}（约数，宽限一成）"
    common = Evidence(facts=ids, stated=fact.value, computed=Decimal(show(computed)), arithmetic=arithmetic)
    if computed_iv.overlaps(loose):
        return Finding("share_levels", INFO, f"{part.entity}占{whole_name}比重{show(computed)}%，与所述{said}相符（约数）。", **common)
    return Finding("share_levels", ERROR, f"{part.entity}占{whole_name}比重应为{show(computed)}%，所述{said}相差一成以上，不符。",
                   **common)


# 城乡居民收入比为1.97:1 (or 由2020年的2.31缩小到2.08, the one reached): a ratio to one, named by a merged pair.
# The "to one" may be written with any colon, half- or full-width (1.97:1, 1.97∶1, 1.97：1).
_TO_ONE = re.compile(r"比(?:[由从][^,;，；]*?(?=缩小|下降|降))?[^\d]{0,4}[\d.０-９．]+(?:\s*[:∶：]\s*[1１])?$")


def _pair_ratio(fact: Fact, sentence: Sentence) -> Finding | None:
    """城镇居民人均可支配收入42150元、农村居民人均可支配收入21380元，城乡居民收入比为1.97:1: the ratio of the two the
    merged name stands for (城镇…, 农村…), each stated before it in the sentence, said in full or short — or, when the
    sentence does not state both before the ratio, both in the sentence before it (…农村居民人均可支配收入21380元，增长6.5%。
    城乡居民收入比为1.97; …。城镇居民人均可支配收入比农村居民多20770元，城乡居民收入比为1.97: the gap between the two is no
    level of either)."""
    to_one = fact.kind == "level" and fact.unit is None and _TO_ONE.search(fact.text)
    pair = (split_pair(fact.entity or "") or _named_pair(fact.entity or "")) if to_one else None
    if pair is None:
        return None
    k = sentence.facts.index(fact)
    terms = _pair_terms(pair, sentence.facts[:k], fact)
    if None in terms:
        # Only when the sentence before names each of the two once, in one unit: no level of another year is taken.
        levels = [f for f in sentence.before if f.kind == "level" and not f.compared and f.unit_info is not None]
        named = [[f for f in levels if _names(name, f)] for name in pair]
        single = all(len(found) == 1 for found in named) and len({found[0].unit for found in named}) == 1
        terms = _pair_terms(pair, sentence.before, fact) if single else terms
    numerator, denominator = terms
    if numerator is None or denominator is None or numerator.approximate or denominator.approximate:
        return None
    unit, other = numerator.unit_info, denominator.unit_info
    if unit is None or other is None or not compatible(unit, other) or denominator.value <= 0:
        return None
    computed = value_in(numerator, unit) / value_in(denominator, unit)
    computed_iv = interval_in(numerator, unit) / interval_in(denominator, unit)
    ids = [numerator.index, denominator.index, fact.index]
    arithmetic = f"{stated(numerator)} ÷ {stated(denominator)} = {show(computed, 2)}，所述 {plain(fact.value)}:1"
    common = Evidence(facts=ids, stated=fact.value, computed=Decimal(show(computed, 2)), arithmetic=arithmetic)
    if not computed_iv.overlaps(rounded(fact.value)):
        return Finding("share_levels", ERROR, f"{fact.entity}比应为{show(computed, 2)}:1，所述{plain(fact.value)}:1不符。", **common)
    return Finding("share_levels", INFO, f"{fact.entity}比{show(computed, 2)}:1，与所述{plain(fact.value)}:1"
                   f"{agreement(computed, fact.value)}。", **common)


# 出口与进口之比为2.33:1, 工业项目与服务业项目协议投资之比为2.96:1: the two named, joined by 与/和/同.
_NAMED_PAIR = re.compile(r"^(?P<first>[\u4e00-\u9fff]{2,12}?)[与和同](?P<second>[\u4e00-\u9fff]{2,16}?)之?$")


def _named_pair(entity: str) -> list[str] | None:
    """'出口与进口之' -> 出口, 进口; the first shares the second's head noun when the second goes on after the word
    the first ends with (工业项目与服务业项目协议投资 -> 工业项目协议投资, 服务业项目协议投资)."""
    found = _NAMED_PAIR.match(entity)
    if found is None:
        return None
    first, second = found.group("first"), found.group("second")
    end = second.find(first[-2:])
    if end > 0 and end + 2 < len(second):
        first += second[end + 2 :]
    return [first, second]


def _pair_terms(pair: list[str], before: list[Fact], fact: Fact) -> list[Fact | None]:
    """The latest level of `fact`'s period in `before` named by each of the pair, said in full or short, or by its subject."""
    levels = [f for f in before if f.kind == "level" and f.unit_info is not None and f.period == fact.period]
    return [next((f for f in reversed(levels) if _names(name, f)), None) for name in pair]


def _names(name: str, level: Fact) -> bool:
    """`name` names the level: its thing said in full or short, or the thing and its measure (工业项目协议投资 names
    协议投资318.7亿元 after 工业项目41个)."""
    return short_for(name, level.entity) or name == level.subject


_FLOW = re.compile(r"新增|净增|增加")


def _named_ratio(fact: Fact, sentence: Sentence, memory: Memory, lexicon: Lexicon) -> Finding | None:
    """存贷比86% against the two levels it is named after (贷款余额 ÷ 存款余额), stated in the sentence or
    earlier for the same period; the two must name the same thing apart from the lexicon's words
    (金融机构存款余额 and 金融机构贷款余额)."""
    if fact.unit != "%" or fact.kind not in {"level", "share"} or fact.measure not in {"actual", "estimate"} or fact.qualifier:
        return None  # 存贷比保持在70%以上 is a bound, not a ratio that the levels must give
    if fact.text.startswith(("比", "较")):
        return None  # 城镇化率为54.2%，比上年末（53.0%）提高…: the rate compared with, of another year
    if fact.elsewhere or fact.compared:
        # 全市规模以上工业营业收入利润率为6.12% in a county's text: of levels the text does not give; so is the earlier
        # period's rate (比上年末提高1.2个百分点，上年末为55.5%), never of this period's levels.
        return None
    # 存贷比从2010年的50%提高到86%: the name stands before the first number; the second keeps its subject.
    named_as = fact.entity or ""
    # 存贷比 names it; so does 余额贷存比 (the subject keeps a word before the ratio's name) — not 新增存贷比, the ratio of
    # this year's new loans to new deposits.
    ratios = [r for r in lexicon.ratios if named_as and (r.name.startswith(named_as) or (named_as + "比").endswith(r.name)
                                                          or named_as.endswith(r.name))
              and not _FLOW.search(named_as)
              and r.name in sentence.text[: fact.end - sentence.start]]
    if not ratios or fact.period is None:
        return None
    levels = [f for f in sentence.facts[: sentence.facts.index(fact)] if f.period == fact.period and f.kind == "level"]
    levels += memory.levels_of(fact.period)
    # One name may stand for several pairs of levels (资产负债率: 负债 over 资产, or 负债总额 over 资产总额): the first found speaks.
    return next((found for ratio in ratios if (found := _ratio_of_levels(ratio, fact, named_as, levels))), None)


def _ratio_of_levels(ratio: Ratio, fact: Fact, named_as: str, levels: list[Fact]) -> Finding | None:
    for numerator in reversed(levels):
        entity = numerator.entity or ""
        if not entity.endswith(ratio.numerator) or numerator.qualifier or numerator.compared or _FLOW.search(numerator.text):
            continue  # 新增各项贷款余额230亿元 is this year's flow, not the balance
        named = entity[: -len(ratio.numerator)] + ratio.denominator
        # The same prefix first (金融机构贷款余额 → 金融机构存款余额), else any such level of the period.
        # Never a part of another level (其中，住户存款余额… of 各项存款余额); of the others, the one whose words before the
        # lexicon's name are most like the numerator's (年末金融机构人民币各项存款余额 for …各项贷款余额).
        # Nor the balance compared with (比年初的380.7亿元): another date's, not the one beside the ratio.
        candidates = [f for f in reversed(levels) if (f.entity or "").endswith(ratio.denominator) and not f.qualifier
                      and not f.compared and not _FLOW.search(f.text) and f.whole is None and f is not numerator
                      and not _another_part(numerator, f, ratio)]
        shared = {f.index: _shared_front(entity[: -len(ratio.numerator)], (f.entity or "")[: -len(ratio.denominator)])
                  for f in candidates}
        denominator = next((f for f in candidates if f.entity == named), None)
        if denominator is None and candidates:
            best = max(shared.values())
            alike = {f.entity for f in candidates if shared[f.index] == best}
            # 城镇居民人均消费支出… and 农村居民人均消费支出… for 人均食品烟酒支出: which one is not said — nothing is guessed.
            denominator = next(f for f in candidates if shared[f.index] == best) if len(alike) == 1 else None
        front = named_as[: -len(ratio.name)] if named_as.endswith(ratio.name) else ""
        if denominator is not None and front and front not in (denominator.entity or ""):
            continue  # 户籍人口城镇化率 is of registered people, not of the 常住人口 stated
        if denominator is not None and _a_kind_among(numerator, denominator, levels, ratio):
            continue
        unit, part_unit = (denominator.unit_info, numerator.unit_info) if denominator else (None, None)
        if denominator is None or unit is None or part_unit is None or not compatible(unit, part_unit) or denominator.value <= 0 \
                or denominator.measure != numerator.measure:  # 收入完成12.6亿元…支出预算40亿元: what was done over what was planned
            continue
        computed = value_in(numerator, unit) / denominator.value * HUNDRED
        fit = percent_fit(interval_in(numerator, unit) / interval_in(denominator, unit) * Interval.exact(HUNDRED), fact.value)
        arithmetic = f"{stated(numerator)} ÷ {stated(denominator)} = {show(computed)}%，所述 {stated(fact)}"
        common = Evidence(facts=[numerator.index, denominator.index, fact.index], stated=fact.value,
                          computed=Decimal(show(computed)), arithmetic=arithmetic)
        if fit is None:
            return Finding("share_levels", ERROR, f"{ratio.name}应为{numerator.entity}÷{denominator.entity}＝{show(computed)}%，所述{stated(fact)}不符。", **common)
        note = agreement(computed, fact.value) if fit == "rounded" else "只有按截尾取整才相符"
        return Finding("share_levels", INFO if fit == "rounded" else WARNING, f"{ratio.name}{show(computed)}%，所述{stated(fact)}{note}。", **common)
    return None


def _another_part(numerator: Fact, candidate: Fact, ratio: Ratio) -> bool:
    """城镇常住人口43.08万人，乡村常住人口39.28万人，城镇化率52.3%: a level named with words of its own before the
    denominator's name (乡村), smaller than the numerator named without any, is another part beside it, not the whole."""
    own_front = (numerator.entity or "")[: -len(ratio.numerator)]
    their_front = (candidate.entity or "")[: -len(ratio.denominator)]
    unit, part_unit = candidate.unit_info, numerator.unit_info
    return (not own_front and bool(their_front) and unit is not None and part_unit is not None
            and compatible(unit, part_unit) and candidate.value < value_in(numerator, unit))


def _a_kind_among(numerator: Fact, denominator: Fact, levels: list[Fact], ratio: Ratio) -> bool:
    """…各项贷款余额398.62亿元…。在各项贷款中，涉农贷款余额168.9亿元: of several levels named …贷款余额, one whose front words
    share none with the denominator's (金融机构本外币各项) is a kind of loans, not the balance the ratio is of."""
    front = (numerator.entity or "")[: -len(ratio.numerator)]
    their_front = (denominator.entity or "")[: -len(ratio.denominator)]
    others = any(f is not numerator and (f.entity or "").endswith(ratio.numerator) and not f.qualifier for f in levels)
    return bool(front) and others and _shared_front(front, their_front) == 0


def _shared_front(a: str, b: str) -> int:
    """How many characters the two fronts share from their ends (人民币各项 and 人民币各项: 5; 住户: 0)."""
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    return k


_NEAR_HUNDRED = Interval(Decimal(50), Decimal(150))


def _structure_ratios(sentence: Sentence) -> list[Finding]:
    groups: dict[int, list[Fact]] = defaultdict(list)
    for fact in sentence.facts:
        if fact.kind == "share" and fact.unit is None and fact.group is not None:
            groups[fact.group].append(fact)
    findings = []
    for parts in groups.values():
        total = sum((p.value for p in parts), Decimal(0))
        if len(parts) < 3 and not _NEAR_HUNDRED.lo <= total <= _NEAR_HUNDRED.hi:
            continue  # 2.13:1 compares two quantities (城乡收入比); it is not a structure that sums to 100
        total_iv = sum((rounded(p.value) for p in parts), Interval.exact(Decimal(0)))
        ratio = ":".join(plain(p.value) for p in parts)
        arithmetic = f"{' + '.join(plain(p.value) for p in parts)} = {plain(total)}"
        ids = [p.index for p in parts]
        common = Evidence(facts=ids, stated=HUNDRED, computed=total, arithmetic=arithmetic)
        if total_iv.lo <= HUNDRED <= total_iv.hi:
            findings.append(Finding("structure_ratio_sum", INFO, f"结构比{ratio}各项之和{plain(total)}，按舍入为100，相符。", **common))
        else:
            findings.append(Finding("structure_ratio_sum", ERROR, f"结构比{ratio}各项之和为{plain(total)}，按任何舍入都不是100。", **common))
    return findings




# A structure of something other than value added: of jobs (三次产业就业结构), investment, tax or land.
_OTHER_STRUCTURE = re.compile(r"就业|从业|人员|劳动|投资|税收|收入|贷款|用地|能耗|用电")


def _structure_levels(sentence: Sentence, memory: Memory, lexicon: Lexicon) -> list[Finding]:
    """三次产业结构从14.5:29.8:55.7调整为15.1:32.3:52.6 with the industries' value added and GDP stated in other sentences
    for the same year, before or after it (第一产业增加值从44.7亿元增加到77.53亿元): each member is that industry's value
    added ÷ GDP, checked once, when the last of the three figures is stated."""
    findings = []
    periods = {f.period for f in sentence.facts if f.period is not None}
    for period in sorted(periods, key=lambda p: (p.year or 0, p.first, p.last)):
        for code in STRUCTURE_MEMBERS.values():
            member = next((f for f in sentence.facts if f.kind == "share" and f.unit is None and f.group is not None
                           and f.period == period and STRUCTURE_MEMBERS.get(f.entity or "") == code), None)
            member = member or memory.structure_member(code, period)
            if member is None:
                continue  # most sentences and periods: no structure stated, so no levels to look for
            part = _industry_level(code, period, sentence, memory, lexicon)
            whole = _industry_level("gdp", period, sentence, memory, lexicon)
            if part is None or whole is None or not {member.index, part.index, whole.index} & {f.index for f in sentence.facts}:
                continue
            head = next((f for f in (*sentence.facts, member) if f.group == member.group), member)
            if _OTHER_STRUCTURE.search(head.text) or part.approximate or whole.approximate:
                continue
            if not memory.first_check(("structure", member.index)):
                continue
            finding = _against(member, part, whole, whole.subject or "")
            if finding is not None and finding.severity == ERROR and "estimate" in {part.measure, whole.measure}:
                # A preliminary figure (预计) may be rounded more than its digits say.
                finding.severity = WARNING
                finding.message = finding.message.removesuffix("。") + "（其中有预计数，可能只是舍入较粗）。"
            if finding is not None:
                findings.append(finding)
    return findings


def _industry_level(code: str, period: Period, sentence: Sentence, memory: Memory, lexicon: Lexicon) -> Fact | None:
    """The level of an indicator named as such for `period`: in this sentence, else the one remembered."""
    here = next((f for f in sentence.facts if f.kind == "level" and f.period == period and f.measure in {"actual", "estimate"}
                 and (named := lexicon.named(f.entity)) is not None and named.code == code), None)
    found = here or memory.indicator_level(code, period)
    if found is None or (code != "gdp" and not INDUSTRY_NAMED.search(found.entity or "")):
        return None
    return found

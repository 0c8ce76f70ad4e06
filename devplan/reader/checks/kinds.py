"""Parts named by meaning: a figure of something the lexicon's `kinds` say is some of the thing just named
(新增市场主体12.75万户、中小微企业2.36万户; 外贸进出口总额100亿元，出口60亿元; 一般公共预算收入50亿元，税收收入40亿元)
is no more than it, though no 其中 says so; parts that make it up (出口 and 进口) add up to it."""

from __future__ import annotations

import re
from decimal import Decimal

from devplan.reader.checks.bounds import not_more
from devplan.reader.checks.common import LOWER_BOUNDS, interval_in, plain, stated, value_in
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, Evidence, Finding
from devplan.reader.lexicon import Kind, Lexicon
from devplan.reader.lists import AVERAGE, RUNNING_TOTAL, may_be_part, per_person
from devplan.reader.units import WHOLE_COUNT_UNITS

# The part follows its whole closely: within the next few figures of the sentence, before a semicolon.
_NEAR = 5


def check_kinds(sentence: Sentence, lexicon: Lexicon) -> list[Finding]:
    findings = []
    facts = sentence.facts
    for k, whole in enumerate(facts):
        if _may_be_whole(whole, lexicon):
            findings.extend(_parts_of(whole, facts[k + 1 : k + 1 + _NEAR], sentence, lexicon))
    # 外贸进出口总额100亿元，增长5%。出口60亿元…: the sentence before in the paragraph ends with the whole.
    levels = [f for f in sentence.before if f.kind == "level"]
    if levels and _may_be_whole(levels[-1], lexicon) and not any(f.kind == "level" for f in sentence.before[sentence.before.index(levels[-1]) + 1 :]):
        findings.extend(_parts_of(levels[-1], facts[:_NEAR], sentence, lexicon))
    for finding in findings:
        finding.sentence = sentence.text
    return findings


def _may_be_whole(fact: Fact, lexicon: Lexicon) -> bool:
    return _summable_level(fact) and not fact.approximate and fact.qualifier not in LOWER_BOUNDS


def _parts_of(whole: Fact, candidates: list[Fact], sentence: Sentence, lexicon: Lexicon) -> list[Finding]:
    """The parts of `whole` among the figures after it: the first follows it at once, the others (a partition's)
    may follow after a semicolon."""
    parts: list[Fact] = []
    kind: Kind | None = None
    for part in candidates:
        if kind is None and _semicolon_between(sentence, whole, part):
            break
        # A level compared with (上年为42.6万人) is the whole's own of another period, never a part of it.
        if (not _summable_level(part) or part.whole is not None or part.compared
                or (part.approximate and part.qualifier not in LOWER_BOUNDS)):
            continue
        if kind is None and not _next_to(sentence, whole, part):
            break  # what stands between stands before every later figure too
        found = lexicon.kind_within(whole.entity, part.entity) or _by_head(whole, part, sentence, lexicon)
        if (found is None or (kind is not None and found is not kind) or not _alike(whole, part) or part.period != whole.period
                or not may_be_part(part, whole) or _total_of_new(whole, part)):
            continue
        kind = found
        parts.append(part)
    if kind is None:
        return []
    first = parts[0]
    findings = [not_more(first, whole, f"{first.subject}{stated(first)}大于{whole.subject}{stated(whole)}：前者是后者的一部分")]
    if finding := _partition(whole, parts, kind):
        findings.append(finding)
    return findings


# 金融机构各项贷款余额…，涉农贷款余额…; 全社会用电量…，工业用电量…: a whole named with a word for all of it (各项, 全社会,
# the 金融机构 of all loans …)
# and a part of the same head with a qualifier of its own.
_TOTAL_WORDS = r"各项|全社会|全口径|全部|金融机构"
_TOTAL_HEAD = re.compile(rf"^(?P<place>[\u4e00-\u9fff]{{0,6}}?)(?:{_TOTAL_WORDS})+(?P<head>[\u4e00-\u9fff]{{2,8}})$")
_OWN_QUALIFIER_MAX = 6
_HEAD_KIND = Kind(wholes=(), parts=())


def _by_head(whole: Fact, part: Fact, sentence: Sentence, lexicon: Lexicon) -> Kind | None:
    """The part's name is the head of a whole named for all of it (各项贷款余额…，涉农贷款余额…), or the whole's own
    name after a clause break (汽车产量…，新能源汽车产量…; 全市用电量…，工业用电量…), with a qualifier of its own in front."""
    if _ONE_LEVEL.search(whole.text):
        return None  # 市本级债务余额…，区县债务余额…: one level of government beside another, not some of it
    named = _TOTAL_HEAD.match(whole.entity or "")
    head = named.group("head") if named else whole.entity or ""
    name = part.entity or ""
    if len(head) < _HEAD_MIN or head in _MEASURE_ONLY or not name.endswith(head) or lexicon.kinds_of(name):
        return None  # 进出口总额 ends with 出口总额 but names a whole of the lexicon, not a kind of exports
    qualifier = name[: -len(head)]
    own = 0 < len(qualifier) <= _OWN_QUALIFIER_MAX and not _NOT_A_KIND.search(qualifier)
    if named is None:
        # Items listed with 、 are alike (定点医院床位1000张、亚定点医院床位5100张), and a verb in front says what was done
        # with other things (建成中小型水库11件，开工大中小型水库58件).
        opening = sentence.text[: max(0, part.start - sentence.start)].rstrip()
        after_a_break = opening == "" or opening.endswith(("，", ",", "。", "；", ";"))
        own = own and after_a_break and not _DOING.search(qualifier)
    return _HEAD_KIND if own else None


# 市本级, 县本级, 本级: the figure of one level of government, which the levels below it are beside.
_ONE_LEVEL = re.compile(r"本级")
_DOING = re.compile(r"开工|复工|建成|新建|竣工|投产|完成|实现|引进|签约|改造|实施|建设|新增|培育|认定")


# A qualifier that says all of it, per head, a larger place, another time or a running total names no kind of it, nor
# one that lists names (学校、幼儿园, what a 合计 after them totals).
_NOT_A_KIND = re.compile(rf"{_TOTAL_WORDS}|人均|平均|单位|每|^全|上年|去年|同期|累计|总|合计|共|计划|目标|、")
# A name of three characters or more that says what of (用电量, 汽车产量), not a measure alone (投资, 收入 …).
_HEAD_MIN = 3
_MEASURE_ONLY = {"增加值", "总产值", "营业收入", "主营业务收入", "总收入", "总投资", "总额", "总量", "余额", "增长率"}


def _semicolon_between(sentence: Sentence, whole: Fact, part: Fact) -> bool:
    if whole.sentence != part.sentence:
        return False  # the whole ends the sentence before: nothing of this sentence stands between
    between = sentence.text[whole.end - sentence.start : part.start - sentence.start]
    return ";" in between or "；" in between


# What may stand between a whole and its first part besides the whole's own figures (增长5%): punctuation, 其中.
_JOINT = re.compile(r"[\s,，、;；:：]|其中|全年|当年|同期")


def _next_to(sentence: Sentence, whole: Fact, part: Fact) -> bool:
    """The first part follows its whole at once (新增市场主体…、中小微企业…), its growth (，增长5%，) aside — not a
    figure some clauses on (新注册各类市场主体30.25万户，…，3户企业成功上市); after a full stop, it opens the sentence."""
    start = whole.end if whole.sentence == part.sentence else sentence.start
    between = sentence.text[start - sentence.start : part.start - sentence.start]
    for fact in sentence.facts:
        if start <= fact.start and fact.end <= part.start and fact.kind != "level":
            between = between.replace(fact.text, "")
    return _JOINT.sub("", between) == ""


def _alike(whole: Fact, part: Fact) -> bool:
    """Counted alike: the same base, or both in whole things (市场主体 in 户, 企业 in 家)."""
    a, b = whole.unit_info, part.unit_info
    assert a is not None and b is not None
    return a.base == b.base or (a.kind == b.kind == "count" and a.base in WHOLE_COUNT_UNITS and b.base in WHOLE_COUNT_UNITS)


def _partition(whole: Fact, parts: list[Fact], kind: Kind) -> Finding | None:
    """出口 and 进口 after 进出口总额, 城镇 and 乡村 after 社会消费品零售总额: one part of each word make the whole."""
    # A word may name its part in more ways than one (乡村|农村).
    chosen = [next((p for p in parts if any(w in (p.entity or "") for w in word.split("|"))), None) for word in kind.partition]
    if not kind.partition or any(p is None for p in chosen) or len({id(p) for p in chosen}) < len(chosen):
        return None
    members = [p for p in chosen if p is not None]
    unit = whole.unit_info
    assert unit is not None
    total = sum((interval_in(p, unit) for p in members[1:]), interval_in(members[0], unit))
    added = plain(sum((value_in(p, unit) for p in members), Decimal(0)))
    named = "、".join(f"{p.subject}{stated(p)}" for p in members)
    common = Evidence(facts=sorted([whole.index, *(p.index for p in members)]), stated=whole.value, computed=total.mid,
                      arithmetic=" + ".join(stated(p) for p in members) + f" = {added}{unit.text}，总数 {stated(whole)}")
    if total.overlaps(interval_in(whole, unit)):
        return Finding("parts_total", INFO, f"{named}之和与{whole.subject}{stated(whole)}在舍入以内相符。", **common)
    return Finding("parts_total", ERROR, f"{named}之和{added}{unit.text}与{whole.subject}{stated(whole)}不符，"
                   "超出舍入允许的范围：两者合起来就是总数。", **common)


def _summable_level(fact: Fact) -> bool:
    unit = fact.unit_info
    # Money per person is an average even when the name does not say 人均 (城镇居民收入3.5万元 after 居民收入2.8万元).
    return (fact.kind == "level" and unit is not None and not unit.is_percent and unit.kind not in {"multiple", "amount"}
            and AVERAGE.search(fact.entity or "") is None and not per_person(fact))


def _total_of_new(whole: Fact, part: Fact) -> bool:
    """新增市场主体3万户、企业总数20万户: a running total of the part's things is not some of what is new; nor are
    firms newly counted above a size (新增规上工业企业100户: most were there before, and only grew)."""
    if RUNNING_TOTAL.search(whole.text) is not None:
        return False
    return RUNNING_TOTAL.search(part.text) is not None or _ABOVE_SIZE.search(part.entity or "") is not None


_ABOVE_SIZE = re.compile(r"规上|规模以上|限上|限额以上|四上|五上")

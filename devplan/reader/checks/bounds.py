"""Bounds a sentence sets on its own figures: a level reached after crossing a threshold (首次突破500亿元，
达到502亿元) is not below it, and what is new this year is not more than the running total it joins
(产值超亿元企业635家、新增43家; 新增规上工业企业268家，总量达到2417家)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from devplan.reader.checks.common import (
    LOWER_BOUNDS,
    compatible,
    interval_in,
    key_of,
    plain,
    stated,
    value_in,
)
from devplan.reader.checks.memory import Memory
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, Evidence, Finding
from devplan.reader.interval import HUNDRED, Interval, rounded
from devplan.reader.lexicon import Lexicon
from devplan.reader.lists import FLOW, STATES, summable_with
from devplan.reader.units import POINT_UNITS

_THRESHOLD_QUALIFIERS = {"突破", "超过", "跨过", "跨越", "迈过", "迈上"}
_REACHED = re.compile(r"达到?|实现|完成|为")
_NEW = re.compile(r"新增|净增|新转移|新培育|新认定|新引进|新建|新登记|新注册|新落户|新开通|新结")
_TOTAL = re.compile(r"总量|总数|累计|总计|共有|达到")


# A total over several years (五年完成58360亿元, 累计…) and one year's figure of the same thing after it.
_YEARS_TOTAL = re.compile(r"[两三四五六七八九十]年(?!前|后|度|级|制|期)|累计|以来")
_ONE_YEAR = re.compile(r"(?:19|20)\d\d年(?!以来|来|至|到|—|-|~)")


def check_bounds(sentence: Sentence) -> list[Finding]:
    findings = [*_thresholds(sentence), *_new_within_total(sentence), *_year_within_years(sentence),
                *_part_by_name(sentence), *_removed(sentence), *_driven_whole(sentence), *_threshold_classes(sentence),
                *_all_at_its_state(sentence), *_rise_within_level(sentence), *_finished_of_those_before(sentence),
                *_stages_of_those_before(sentence)]
    seen = {(f.check, tuple(f.facts)) for f in findings}
    findings += [f for f in _bare_totals(sentence) if (f.check, tuple(f.facts)) not in seen]
    for finding in findings:
        finding.sentence = sentence.text
    return findings


def _comparable_levels(a: Fact, b: Fact, bare: bool = False) -> bool:
    """Levels of one kind; with `bare`, a bare magnitude (跨过400亿…台阶，累计达到1197亿元) is of the kind of
    the other figure of the same thing, its base left unsaid."""
    ua, ub = a.unit_info, b.unit_info
    if ua is None or ub is None:
        return False
    same_kind = compatible(ua, ub) or (bare and (ua.base == "" or ub.base == "") and not (ua.is_percent or ub.is_percent))
    return a.kind == b.kind == "level" and same_kind and not ua.is_percent and a.period == b.period and a.measure == b.measure


# A bound over a run of years (连续6年稳定在1000亿斤以上, 保持在80.6%以上) holds in each of them, the year of a level too.
_RUN_OF_YEARS = re.compile(r"连续|保持|稳定")
_FLOORS = _THRESHOLD_QUALIFIERS | {"以上", "逾", "不低于", "不少于"}


def _bound_and_level(threshold: Fact, level: Fact, reached: bool = False) -> bool:
    """A floor and a level reached of one thing: the same thing by indicator or name (经济总量突破500亿元 is GDP's), of
    the same period or under a bound kept for years; the level reached (达到, 增加到…, or `reached` when the floor
    itself says it was crossed after the level's own rates), not a list of thresholds."""
    if level.qualifier is not None or level.kind != "level" or level.measure not in {"actual", "estimate"} or threshold.measure != level.measure:
        return False
    if not (reached or _REACHED.search(level.text) or level.earlier is not None):
        return False  # 突破4000、2000和500亿元 lists thresholds; only a level reached (达到502亿元) is checked
    ua, ub = threshold.unit_info, level.unit_info
    # A bare magnitude on either side (跨过400亿…台阶; 突破500万人次，达到556万) is of the other's unit, left unsaid.
    if ua is None or ub is None or ua.is_percent != ub.is_percent or not (compatible(ua, ub) or "" in {ua.base, ub.base}):
        return False
    same = threshold.entity == level.entity or (threshold.indicator is not None and threshold.indicator == level.indicator)
    return same and (threshold.period == level.period or _RUN_OF_YEARS.search(threshold.text) is not None)


def _thresholds(sentence: Sentence) -> list[Finding]:
    """首次突破500亿元，达到502亿元; 增加到512.75亿元，经济总量突破500亿元大关; 连续6年稳定在1000亿斤以上，去年达到1071亿斤: a
    level is not below the floor its own sentence sets for it, whichever of the two comes first."""
    findings = []
    facts = sentence.facts
    for threshold in facts:
        if threshold.qualifier not in _FLOORS or threshold.kind != "level":
            continue
        # The figure right after the floor, or right before it: one further on may be another thing's (…突破4000公里，
        # 净增1235公里；高速铁路…达到867公里).
        level = next((f for f in facts if abs(f.index - threshold.index) == 1 and _bound_and_level(threshold, f)), None)
        level = level or _level_before_its_rates(sentence, threshold)
        if level is not None:
            findings.append(_against_floor(threshold, level, "同句"))
    return findings


def _against_floor(threshold: Fact, level: Fact, where: str) -> Finding:
    """A level against a floor said of it: an error when below it beyond rounding, else a note."""
    unit = level.unit_info if threshold.unit_info is None or threshold.unit_info.base == "" else threshold.unit_info
    assert unit is not None
    ids = sorted([threshold.index, level.index])
    floor = f"{stated(threshold)}以上" if threshold.qualifier == "以上" else f"{threshold.qualifier}{stated(threshold)}"
    arithmetic = f"{stated(level)} ≥ {floor}"
    common = Evidence(facts=ids, stated=level.value, computed=value_in(threshold, unit), arithmetic=arithmetic)
    if interval_in(level, unit).hi < value_in(threshold, unit):
        return Finding("level_below_threshold", ERROR, f"{level.subject}{stated(level)}低于{where}所说的{floor}。", **common)
    return Finding("level_below_threshold", INFO, f"{level.subject}{stated(level)}不低于所说的{floor}，相符。", **common)


def check_known_floors(sentence: Sentence, memory: Memory, lexicon: Lexicon) -> list[Finding]:
    """全社会固定资产投资2020亿元 … (another paragraph) 固定资产投资首次跨越2000亿元大关: a floor crossed, said of an
    indicator named exactly, is not above the exact level stated before for the same period."""
    findings = _kept_floors(sentence, memory)
    for threshold in sentence.facts:
        named = lexicon.named(threshold.entity) or lexicon.named(threshold.subject)
        if (threshold.qualifier not in _THRESHOLD_QUALIFIERS or threshold.kind != "level" or threshold.period is None
                or threshold.measure not in {"actual", "estimate"} or named is None):
            continue
        if any(f.indicator == named.code and f.kind == "level" and f.qualifier is None for f in sentence.facts):
            continue  # the sentence states the level itself (checked above, with its own floor)
        if _GOAL.search(sentence.text, 0, max(0, threshold.start - sentence.start)):
            continue  # 力争全年接待游客1800万人次，旅游综合收入突破100亿元: a goal, whatever the section was read as
        level = memory.indicator_level(named.code, threshold.period)
        if (level is None or level.approximate or level.qualifier is not None or level.kind != "level"
                or level.measure not in {"actual", "estimate"} or level.sentence == threshold.sentence):
            continue
        ua, ub = threshold.unit_info, level.unit_info
        if ua is None or ub is None or ua.is_percent or not compatible(ua, ub):
            continue
        finding = _against_floor(threshold, level, "下文")
        finding.sentence = sentence.text
        findings.append(finding)
    return findings


# A floor kept (保持在80.6%以上, 稳定在1000亿斤以上, 始终不低于…): it held in every year it speaks of.
_KEPT = re.compile(r"(?:保持|稳定|始终|一直)(?:在|于)?\s*[\d.]+\s*[^\d\s]{0,4}$|(?:保持|稳定|始终|一直)(?:在|于)?(?:不低于|不少于)")


def _kept_floors(sentence: Sentence, memory: Memory) -> list[Finding]:
    """全省地表水监测断面水质达标率81% … (a paragraph on) 地表水监测断面水质达标率保持在80.6%以上: a floor said to be kept,
    of the thing named exactly, is not above the exact level stated before for the same period."""
    findings = []
    for floor in sentence.facts:
        key = key_of(floor)
        if (floor.qualifier not in {"以上", "不低于", "不少于"} or floor.kind != "level" or floor.measure not in {"actual", "estimate"}
                or floor.period is None or key is None or not _KEPT.search(floor.text.removesuffix(floor.qualifier or ""))):
            continue
        if _GOAL.search(sentence.text, 0, max(0, floor.start - sentence.start)):
            continue  # 力争…保持在…以上: a goal
        level = memory.level(key, floor.period)
        if (level is None or level.qualifier is not None or level.kind != "level" or level.entity != floor.entity
                or level.measure not in {"actual", "estimate"} or level.sentence == floor.sentence or level.compared):
            continue
        ua, ub = floor.unit_info, level.unit_info
        if ua is None or ub is None or ua.is_percent != ub.is_percent or not compatible(ua, ub):
            continue
        finding = _against_floor(floor, level, "下文")
        finding.sentence = sentence.text
        findings.append(finding)
    return findings


# Words that make what follows in the sentence a goal (确保了…顺利实施 is done).
_GOAL = re.compile(r"力争|争取|目标|预期")


def _level_before_its_rates(sentence: Sentence, threshold: Fact) -> Fact | None:
    """一般公共预算收入400.7亿元，增长8.4%，突破400亿元大关: the level a floor is said of, before it past nothing but the
    same thing's rates, in the same statement (no semicolon between)."""
    facts = sentence.facts
    k = facts.index(threshold)
    j = k - 1
    while j >= 0 and facts[j].kind in {"growth", "change"} and facts[j].entity == threshold.entity:
        j -= 1
    if j < 0 or j == k - 1:
        return None
    level = facts[j]
    between = sentence.text[level.end - sentence.start : threshold.start - sentence.start]
    if ";" in between or "；" in between or level.entity != threshold.entity:
        return None
    return level if _bound_and_level(threshold, level, reached=True) else None


def _same_verb(new: Fact, total: Fact) -> bool:
    """新转移农村富余劳动力211万人，累计转移748万人: a running total named only by the verb of the new ones
    counts the same thing."""
    verb, thing = total.entity or "", new.entity or ""
    head = thing.find("新")
    if len(verb) < 2 or head < 0 or not _TOTAL.search(total.text):
        return False
    return thing[head + 1 :].removeprefix("增").startswith(verb)


# "郑煤机等4家企业成功上市": a count of things that did something this year, told by the verb after its noun.
_DID = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:成功|首次|新)(?P<verb>[\u4e00-\u9fff]{2})$")
# Where the words after a count end.
_AFTER_END = re.compile(r"[,;:。、(，；：（]")


def _did_this_year(new: Fact, sentence: Sentence) -> str | None:
    """The verb of a count of things that did it this year (4家企业成功上市 → 上市), if the words after it say so."""
    unit = new.unit_info
    if unit is None or unit.kind != "count":
        return None
    # The words up to the next mark, not the whole rest of the sentence split at each.
    at = new.end - sentence.start
    mark = _AFTER_END.search(sentence.text, at)
    did = _DID.match(sentence.text[at : mark.start() if mark else len(sentence.text)])
    return did.group("verb") if did else None


# What a running total of a length, an area or a capacity is called when it does not repeat the thing
# (新增高速公路871公里，累计通车里程1300公里): the word names the dimension the new ones' unit measures.
# 人均公共绿地面积达到10平方米 is an average, never a total of what is new.
_PER_HEAD = re.compile(r"人均|平均|每")
_DIMENSIONS = {"length": re.compile(r"里程|长度|总长"), "area": re.compile(r"面积"), "energy": re.compile(r"装机|容量")}


def _measured_total(new: Fact, total: Fact) -> bool:
    """The total after the new ones names the dimension their unit measures and says it is a total."""
    unit = new.unit_info
    dimension = _DIMENSIONS.get(unit.kind) if unit else None
    name = total.entity or ""
    return (dimension is not None and total.index > new.index and dimension.search(name) is not None
            and _PER_HEAD.search(name) is None and _TOTAL.search(total.text) is not None)


def _within_total(new: Fact, total: Fact) -> Finding:
    """What is new (or some of the things) against the running total it joins."""
    return not_more(new, total, f"{new.subject}{stated(new)}大于总量{stated(total)}：新增或其中的部分不可能多于总量",
                    agrees=f"{new.subject}{stated(new)}不大于总量{stated(total)}，相符。",
                    arithmetic=f"新增 {stated(new)} ≤ 总量 {stated(total)}")


# 2家省重点实验室获批建设，总数达到9家; 新增省级企业技术中心12家、工程研究中心15家，总数分别达到210家、98家: a total
# named only 总数/总量 (or by the head of the thing and 总量: 引进高技能人才…，人才总量…) counts the things just named,
# and with 分别 each total counts the item in its place.
_BARE_TOTAL = re.compile(r"^(?P<head>[\u4e00-\u9fff]{0,4}?)(?:总数|总量)$")
# …，总量达到230万人 with the subject carried over from the clause before: the text names the total alone.
_BARE_TOTAL_TEXT = re.compile(r"^(?:全[市省县区州盟])?(?:总数|总量)")


_CLAUSE_BREAK = re.compile(r"[,，、;；]")


def _bare_head(total: Fact) -> str | None:
    """What a total named only 总数/总量 is of: the head before it, or the subject it carries over."""
    if total.indicator:
        return None
    if named := _BARE_TOTAL.match(total.entity or ""):
        return named.group("head")
    return total.entity if total.entity and _BARE_TOTAL_TEXT.match(total.text) else None


def _bare_totals(sentence: Sentence) -> list[Finding]:
    findings = []
    facts = sentence.facts
    k = 0
    while k < len(facts):
        head = _bare_head(facts[k])
        if head is None or k == 0:
            k += 1
            continue
        end = k + 1
        while end < len(facts) and facts[end].entity == facts[k].entity and facts[end].kind == facts[k].kind:
            end += 1
        totals, items = facts[k:end], facts[max(0, k - (end - k)) : k]
        if len(items) < len(totals):
            items, totals = items[-1:], totals[:1]
        # The totals' clause comes right after the items' (…，青羊区获批…示范区、全市总数增至15个 is about other things).
        between = sentence.text[items[-1].end - sentence.start : totals[0].start - sentence.start]
        for stated_item, total in zip(items, totals, strict=True):
            item = _as_new_level(stated_item)  # 净增规上工业企业106家，总数达到780家
            name = item.entity or ""
            loose = item.approximate and item.qualifier not in LOWER_BOUNDS
            if (len(_CLAUSE_BREAK.findall(between)) > 1 or ";" in between or loose or total.approximate or total.qualifier in LOWER_BOUNDS
                    or "总" in name or _PER_HEAD.search(name) or not name.endswith(head)
                    or not _comparable_levels(item, total)):
                continue
            findings.append(_within_total(item, total))
        k = end
    return findings


def _as_new_level(new: Fact) -> Fact:
    """A net increase (净增规上工业企业6户, read as a change) is new things like 新增…: the running total it joins
    holds at least as many, so it is compared as a level of its own."""
    if new.kind == "change" and new.value > 0 and _NEW.search(new.text):
        return replace(new, kind="level", measure="actual")
    return new


# 新登记市场主体8640户，注销2150户，净增6490户: the things that left are no stock the new ones join; nor are the firms
# that dropped out of a statistical class (新增规上工业企业28家，退规12家，净增16家).
_OUTFLOW = re.compile(r"注销|吊销|撤销|减少|退出|迁出|关闭|死亡|退(?:规|库|限)")


def _new_within_total(sentence: Sentence) -> list[Finding]:
    findings = []
    facts = sentence.facts
    for stated_new in facts:
        new = _as_new_level(stated_new)
        verb = None if _NEW.search(new.text) else _did_this_year(new, sentence)
        # 新增市场主体3万余户: a floor is still no more than the total it joins.
        loose = new.approximate and new.qualifier not in LOWER_BOUNDS
        if not (_NEW.search(new.text) or verb) or loose:
            continue
        # The nearest total: 生产总值达到526亿元，…，人均生产总值达到2.88万元、净增0.86万元 adds to the second.
        here = facts.index(stated_new)
        for k, total in sorted(enumerate(facts), key=lambda pair: abs(pair[0] - here)):
            # The total says so (总量达到2417家), or is the figure the new ones are added to (企业635家、新增43家).
            marked = _TOTAL.search(total.text) is not None or (k + 1 < len(facts) and facts[k + 1] is stated_new)
            stock = _stock_before(facts, k, here)
            if (total is stated_new or not (marked or stock) or _NEW.search(total.text) or total.approximate
                    or _OUTFLOW.search(total.text)):
                continue
            # …，全市上市公司达到30家: the running total of things that did it is named by the verb.
            joined = (verb is not None and k > here and (total.entity or "").startswith(verb)
                      and _TOTAL.search(total.text) is not None)
            same = (key_of(new) == key_of(total) is not None or _same_verb(new, total) or _measured_total(new, total)
                    or _thing(new) == _TOTAL_WORD.sub("", _thing(total)) != "")
            between = sentence.text[min(new.end, total.end) - sentence.start : max(new.start, total.start) - sentence.start]
            if not _comparable_levels(new, total) or not (same or joined or stock):
                continue
            if (";" in between or "；" in between) and not stock:
                continue  # …，净增2000公里；高速铁路…达到867公里: after a semicolon, the next statement
            findings.append(_within_total(new, total))
            break
    return findings


# 全市各类市场主体15.34万户，增长21.37%；新登记市场主体2.14万户: the things counted, then the new ones among them. The
# words that say the count is of all of them (全市, 各类) and that the others are new (新增, 新登记 …) aside, both
# name one thing.
_ALL_OF = re.compile(r"^(?:全[市县区省州盟旗])?(?:各类|各种|全部)?")


# 规上工业企业总数达到640家 counts the 规上工业企业 new ones were added to.
_TOTAL_WORD = re.compile(r"(?:总数|总量|总额)$")


def _thing(fact: Fact) -> str:
    return _NEW.sub("", _ALL_OF.sub("", fact.entity or "", count=1), count=1)


def _stock_before(facts: list[Fact], k: int, here: int) -> bool:
    """facts[k] counts the things of which facts[here] names the new ones, right before them: nothing but its own
    rates (增长21.37%) stands between, even a semicolon — the second clause goes on about the same things."""
    stock, new = facts[k], facts[here]
    return (k < here and not _NEW.search(stock.text) and bool(stock.entity) and _thing(stock) == _thing(new) != ""
            and all(f.kind != "level" and f.kind != "change" for f in facts[k + 1 : here]))


def _year_within_years(sentence: Sentence) -> list[Finding]:
    """全社会固定资产投资五年完成58360亿元…，2010年完成投资16113亿元: one year is a part of the years' total."""
    findings = []
    facts = sentence.facts
    for k, total in enumerate(facts):
        if total.approximate or not _YEARS_TOTAL.search(total.text):
            continue
        for year in facts[k + 1 :]:
            if (year.whole is not None or year.approximate or year.entity != total.entity or not _ONE_YEAR.search(year.text)
                    or _YEARS_TOTAL.search(year.text) or not _comparable_levels(year, total)):
                continue
            findings.append(not_more(year, total, f"{year.text}大于{total.text}：一年不可能多于所在各年之和",
                                     agrees=f"{year.text}不大于{total.text}，相符。"))
    return findings


# 旅游综合收入790.3亿元，门票收入14.5亿元: a total income (综合收入, 总收入) and right after it, in the same list
# of clauses, an income of something that is not another trade (文化产业收入, 农业产值 are siblings, not parts) —
# a part the text relates by name alone.
_NAMED_TOTAL = re.compile(r"^(?P<thing>[\u4e00-\u9fff]{1,8}?)(?:综合|总)(?P<head>收入)$")
_TRADE = re.compile(r"业$")


def _part_by_name(sentence: Sentence) -> list[Finding]:
    findings = []
    facts = sentence.facts
    for k, whole in enumerate(facts[:-1]):
        named = _NAMED_TOTAL.match(whole.entity or "")
        if named is None or whole.approximate or whole.qualifier in LOWER_BOUNDS or whole.whole is not None:
            continue
        part = next((f for f in facts[k + 1 :] if f.kind == "level"), None)
        if part is None:
            continue
        name = part.entity or ""
        between = sentence.text[whole.end - sentence.start : part.start - sentence.start]
        if (not name.endswith(named.group("head")) or _TRADE.search(name[: -len(named.group("head"))]) or "总" in name or "综合" in name or _PER_HEAD.search(name) or part.indicator
                or part.approximate or part.whole is not None or ";" in between or "；" in between
                or not _comparable_levels(part, whole)):
            continue
        findings.append(not_more(
            part, whole, f"{part.subject}{stated(part)}大于{whole.subject}{stated(whole)}：{named.group('head')}的一项不可能多于其总额"))
    return findings


# 引进5000万元以上项目295个、亿元以上174个; 10亿元以上项目54个: a count of things above an amount (a size class).
# A class with a higher floor, listed after it, counts some of the same things: the 亿元以上 projects are among
# the 5000万元以上 ones. Its floor is the amount right before its count, or 亿元以上 opening its subject (one 亿元).
# The same for the tiers of government: 省级以上龙头企业120家、国家级15家 (国家级 are among 省级以上).
_CLASS_FLOOR = re.compile(r"^(?P<mag>千万|百万|十万|万亿|亿|万)元以上(?P<noun>[\u4e00-\u9fff]*)$")
_FLOOR_MAGNITUDES = {"万": 10**4, "十万": 10**5, "百万": 10**6, "千万": 10**7, "亿": 10**8, "万亿": 10**12}
_TIER_CLASS = re.compile(r"^(?P<tier>国家|省|市|县)级(?P<above>以上)?(?P<noun>[\u4e00-\u9fff]*)$")
_TIERS = {"县": 1, "市": 2, "省": 3, "国家": 4}


@dataclass(frozen=True, slots=True)
class _SizeClass:
    scale: str  # 元 or 级
    floor: Decimal
    noun: str
    open: bool  # …以上: every size or tier above the floor too


def _size_class(facts: list[Fact], k: int) -> _SizeClass | None:
    """The floor (in 元, or the tier) and the noun of the count facts[k], when it counts things of a size class."""
    count = facts[k]
    unit = count.unit_info
    if unit is None or unit.kind != "count" or count.kind != "level" or count.approximate:
        return None
    if named := _CLASS_FLOOR.match(count.entity or ""):
        return _SizeClass("元", Decimal(_FLOOR_MAGNITUDES[named.group("mag")]), named.group("noun"), True)
    if tier := _TIER_CLASS.match(count.entity or ""):
        return _SizeClass("级", Decimal(_TIERS[tier.group("tier")]), tier.group("noun"), tier.group("above") is not None)
    floor = facts[k - 1] if k > 0 else None
    floor_unit = floor.unit_info if floor is not None else None
    if floor is None or floor_unit is None or floor_unit.base != "元" or floor.qualifier != "以上" or floor.end != count.start:
        return None
    return _SizeClass("元", floor.value * floor_unit.magnitude, count.entity or "", True)


# 实施重点项目120个，…，亿元以上项目80个: projects of every size, counted right before a class of them, hold it.
_PROJECTS = re.compile(r"(?:^|重点|产业|建设|投资|在建)项目$")


def _all_projects(facts: list[Fact], k: int) -> _SizeClass | None:
    """The projects of a count with no size named (重点项目, 项目), as the class of every size."""
    count = facts[k]
    unit = count.unit_info
    if (unit is None or unit.kind != "count" or count.kind != "level" or count.approximate or count.whole is not None
            or not _PROJECTS.search(count.entity or "") or len(count.entity or "") > 6):
        return None
    return _SizeClass("元", Decimal(0), count.entity or "", True)


def _named(facts: list[Fact], k: int) -> str:
    """A size class as the text names it: 5000万元以上项目, 亿元以上."""
    floor = facts[k - 1] if k > 0 and facts[k - 1].end == facts[k].start else None
    return (f"{stated(floor)}以上" if floor is not None else "") + (facts[k].entity or "")


def _threshold_classes(sentence: Sentence) -> list[Finding]:
    findings: list[Finding] = []
    if "以上" not in sentence.text:
        return findings  # every size class is named …以上
    facts = sentence.facts
    for k, whole in enumerate(facts):
        outer = _size_class(facts, k) or _all_projects(facts, k)
        if outer is None or not outer.noun or not outer.open or whole.qualifier in LOWER_BOUNDS:
            continue  # 亿元以上项目400个以上: a floor has no ceiling a class above it could exceed
        for j in range(k + 1, min(len(facts), k + 4)):
            part = facts[j]
            between = sentence.text[whole.end - sentence.start : part.start - sentence.start]
            inner = _size_class(facts, j)
            if j + 1 < len(facts) and part.qualifier == "以上" and part.end == facts[j + 1].start:
                continue  # the floor of the class after it (10亿元以上项目10个)
            # 亿元以上项目80个…；10亿元以上项目10个: a class naming the noun again goes on across a semicolon.
            if (";" in between or "；" in between) and (inner is None or inner.noun != outer.noun):
                break
            if (inner is None or inner.scale != outer.scale or inner.floor <= outer.floor
                    or (inner.noun not in {"", outer.noun} and not (outer.floor == 0 and outer.noun.endswith(inner.noun)))
                    or part.measure != whole.measure
                    or not summable_with(part, whole) or part.whole is not None):
                continue
            named = f"{_named(facts, k)}{stated(whole)}"
            higher = "门槛" if outer.scale == "元" else "级别"
            findings.append(not_more(part, whole, f"{_named(facts, j)}{stated(part)}大于{named}：{higher}更高的一档是其中一部分"))
            break
    return findings


def not_more(part: Fact, whole: Fact, why: str, agrees: str | None = None, arithmetic: str | None = None) -> Finding:
    """A part the text relates to its whole by meaning: an error saying `why` when it is more beyond rounding, else a
    note (`agrees`, by default that the part is not more than the whole)."""
    unit = whole.unit_info
    assert unit is not None
    common = Evidence(facts=sorted([whole.index, part.index]), stated=whole.value, computed=value_in(part, unit),
                      arithmetic=arithmetic or f"{stated(part)} ≤ {stated(whole)}")
    if interval_in(part, unit).lo > interval_in(whole, unit).hi:
        return Finding("part_exceeds_whole", ERROR, f"{why}。", **common)
    agrees = agrees or f"{part.subject or ''}{stated(part)}不大于{whole.subject or ''}{stated(whole)}，相符。"
    return Finding("part_exceeds_whole", INFO, agrees, **common)


# 18个县区退出贫困序列，贫困县从75个减少到57个: the count that left is the decrease of the things it left.
_LEFT = re.compile(r"退出|摘帽|脱贫|出列|关闭|关停|淘汰|撤并|撤销")


def _removed(sentence: Sentence) -> list[Finding]:
    findings = []
    facts = sentence.facts
    by_index = {f.index: f for f in facts}
    for after in facts:
        before = by_index.get(after.earlier) if after.earlier is not None else None
        if before is None or before.value <= after.value or after.approximate or before.approximate:
            continue
        unit = after.unit_info
        if unit is None or not unit.is_whole_count:
            continue  # whole things (县, 企业) only: 贫困人口 can also grow while some leave
        thing = after.entity or ""
        for left in facts:
            left_unit = left.unit_info
            verb = _LEFT.search(left.entity or "")
            if (left in (before, after) or verb is None or left.approximate or left_unit is None
                    or left_unit.base != unit.base or left.period != after.period or left.kind != "level"
                    or not set((left.entity or "")[: verb.start()]) & set(thing)):
                continue
            decrease = before.value - after.value
            arithmetic = f"{stated(before)} − {stated(after)} = {plain(decrease)}{unit.text}，所述{verb.group()} {stated(left)}"
            common = Evidence(facts=sorted([before.index, after.index, left.index]), stated=left.value,
                              computed=decrease, arithmetic=arithmetic)
            if decrease != left.value:
                findings.append(Finding(
                    "parts_total", ERROR,
                    f"{thing}从{stated(before)}减少到{stated(after)}，少了{plain(decrease)}{unit.text}，与同句所述{verb.group()}的{stated(left)}不符。",
                    **common,
                ))
            else:
                findings.append(Finding(
                    "parts_total", INFO, f"{thing}减少{plain(decrease)}{unit.text}，与{verb.group()}的{stated(left)}相符。", **common,
                ))
            break
    return findings


# 重点项目完成投资900亿元，带动全市固定资产投资完成2100亿元: what drove the place's total (全市, 全社会 …) of the same
# kind of money is some of it. 带动 alone relates nothing (财政补贴7亿元，带动销售额70亿元; 带动就业2万人): only the
# place-wide whole named with the driver's head noun makes the driver a part.
DRIVES_WHOLE = re.compile(r"带动(?:全社会|全[市省县区州盟])")
_MONEY_HEAD = re.compile(r"(?:投资|资金|收入|产值|销售额)$")


def _driven_whole(sentence: Sentence) -> list[Finding]:
    findings = []
    facts = sentence.facts
    for k, whole in enumerate(facts):
        head = _MONEY_HEAD.search(whole.subject or "")
        if k == 0 or head is None or not DRIVES_WHOLE.search(whole.text) or whole.approximate or whole.qualifier in LOWER_BOUNDS:
            continue
        part = facts[k - 1]
        if (part.approximate or part.whole is not None or not (part.subject or "").endswith(head.group())
                or not _comparable_levels(part, whole)):
            continue
        findings.append(not_more(
            part, whole, f"{part.subject}{stated(part)}大于它所带动的{whole.subject}{stated(whole)}：总体的一部分不可能多于总体",
            agrees=f"{part.subject}{stated(part)}不大于它所带动的{whole.subject}{stated(whole)}，相符。"))
    return findings


# 全市开复工千万元以上产业项目709项…。26项省重点推进产业项目全部开复工建设: things said to be (all) at the state by which
# a count of things of the same noun was just made are among those things. The state is the same word (开复工, not 开工
# after 开复工), the noun the whole's own, and the whole in this sentence or the one before it in the paragraph.
_ALL_AT = re.compile(rf"(?:全部|均|都|已|已经|全面|陆续|相继|先后)*(?P<state>{STATES})")


def _all_at_its_state(sentence: Sentence) -> list[Finding]:
    findings = []
    for k, part in enumerate(sentence.facts):
        noun = part.entity or ""
        unit = part.unit_info
        after = sentence.text[part.end - sentence.start :]
        if (unit is None or not unit.is_whole_count or part.kind != "level" or part.approximate or len(noun) < 2
                or not after.startswith(noun) or (at := _ALL_AT.match(after, len(noun))) is None):
            continue
        for whole in reversed([*sentence.before, *sentence.facts[:k]]):
            name = whole.entity or ""
            state = name.find(at.group("state"))
            if state != 0 or whole.approximate or whole.qualifier in LOWER_BOUNDS or not summable_with(part, whole):
                continue
            if _common_tail(noun, name) >= 2 and whole.measure == part.measure and whole.period == part.period:
                findings.append(not_more(part, whole, f"{noun}{stated(part)}大于{name}{stated(whole)}：前者{at.group('state')}，"
                                         "是后者的一部分"))
                break
    return findings


def _common_tail(a: str, b: str) -> int:
    """How many characters two names share at their end (省重点推进产业项目 and 开复工千万元以上产业项目: 4)."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


# 公路通车总里程10075公里，增加2832.5公里: a rise of a level is no more than the level it rose to (what was there before
# is not below nothing). Not for what can be below nothing (利润, 净…, 顺差).
_RISE = re.compile(r"增加|净增|提高|增长|新增|扩大|增产")
# 再增产5743万吨，达到13.78亿吨: the level the rise reached, stated right after it.
_REACHED_AFTER = re.compile(r"^[,，]?(?:达到|达|增至|增加到|提高到|上升到|扩大到)")
_MAY_BE_NEGATIVE = re.compile(r"利润|利税|盈利|亏损|净|差额|顺差|逆差|结余|赤字")


def _rise_within_level(sentence: Sentence) -> list[Finding]:
    findings = []
    facts = sentence.facts
    for k, rise in enumerate(facts):
        unit = rise.unit_info
        if (rise.kind != "change" or rise.value <= 0 or rise.approximate or unit is None or unit.is_percent
                or unit.base in POINT_UNITS or unit.kind == "multiple" or not _RISE.search(rise.text) or rise.yearly_average):
            continue
        level = next((f for f in reversed(facts[:k]) if f.kind == "level"), None)
        after = facts[k + 1] if k + 1 < len(facts) else None
        if after is not None and after.kind == "level" and _REACHED_AFTER.match(
                sentence.text[rise.end - sentence.start : after.end - sentence.start]):
            level = after
        if (level is None or not level.entity or level.entity != rise.entity or _MAY_BE_NEGATIVE.search(level.entity)
                or _OUTFLOW.search(level.text) or level.approximate or level.qualifier in LOWER_BOUNDS or level.period != rise.period
                or level.measure not in {"actual", "estimate"}):
            continue
        first, last = (level, rise) if level.end <= rise.start else (rise, level)
        between = sentence.text[first.end - sentence.start : last.start - sentence.start]
        if ";" in between or "；" in between or not _comparable_levels(level, replace(rise, kind="level", measure=level.measure)):
            continue
        findings.append(not_more(rise, level, f"{rise.subject}增加{stated(rise)}大于增加后的{stated(level)}：增加的部分不可能多于增加后的总量"))
    return findings


# 全市开复工项目420个，完成投资300亿元。竣工项目120个 (or …等78个项目竣工投产): the things finished, counted in the sentence
# right after a count of the same things under way, are some of them. Not after a count of this year's doings (新开工项目:
# what is finished this year was often started before), nor one already finished, nor when the sentence widens to the whole
# place (…。全市120个项目竣工 may count projects the first count left out).
_FINISHED = r"竣工投产|建成投产|竣工|建成|投产|完工|投用"
_FINISHED_NOUN = re.compile(rf"^(?:已|全部|陆续|相继|先后)?(?:{_FINISHED})(?P<noun>[\u4e00-\u9fff]{{2,}})$|^(?P<before>[\u4e00-\u9fff]{{2,}}?)(?:已|全部|陆续|相继|先后|均)?(?:{_FINISHED})$")


def _finished_of_those_before(sentence: Sentence) -> list[Finding]:
    findings: list[Finding] = []
    if not sentence.before or WHOLE_PLACE_WORDS.search(sentence.text):
        return findings
    for part in sentence.facts:
        named = _FINISHED_NOUN.match(part.entity or "")
        unit = part.unit_info
        if named is None or unit is None or not unit.is_whole_count or part.kind != "level" or part.approximate or part.whole is not None:
            continue
        noun = named.group("noun") or named.group("before")
        # A part of a list (…；社会民生项目33个。竣工项目38个) is one kind of the things, not the things under way; nor is a
        # count of a size class (其中10亿元以上项目9个: the floor before its noun names the class).
        classes = {f.end for f in sentence.before if f.qualifier == "以上"}
        whole = next((w for w in reversed(sentence.before) if w.kind == "level" and (w.entity or "").endswith(noun)
                      and summable_with(part, w) and w.measure == part.measure and w.period == part.period
                      and w.whole is None and w.start not in classes), None)
        if (whole is None or whole.approximate or whole.qualifier in LOWER_BOUNDS or FLOW.search(whole.text)
                or re.search(_FINISHED, whole.entity or "") or _rate_says_another_base(sentence, part, whole)):
            continue
        findings.append(not_more(part, whole, f"{part.subject}{stated(part)}大于上句的{whole.subject}{stated(whole)}：建成、竣工的是"
                                 "其中一部分"))
    return findings


# 竣工投产项目31个，竣工率25.8%: the rate of the things finished, right after their count.
_FINISHED_RATE = re.compile(r"^(?:竣工|建成|投产|完工)率")


def _rate_says_another_base(sentence: Sentence, part: Fact, whole: Fact) -> bool:
    """竣工投产项目31个，竣工率25.8% after 专项债券支持项目27个: the rate stated right after the count gives the number the
    finished ones are of (31 ÷ 25.8% ≈ 120); when the count before is not that number, it is not what they are some of."""
    at = sentence.facts.index(part)
    rate = sentence.facts[at + 1] if at + 1 < len(sentence.facts) else None
    if rate is None or rate.unit != "%" or rate.approximate or rate.value <= 0 or not _FINISHED_RATE.match(rate.text):
        return False
    unit = whole.unit_info
    assert unit is not None
    base = interval_in(part, unit) / rounded(rate.value) * Interval.exact(HUNDRED)
    return not base.overlaps(interval_in(whole, unit))


WHOLE_PLACE_WORDS = re.compile(r"全[市县区省州盟旗]|全社会")


# 共实施亿元以上重大项目430个。…等270个项目加快推进，…等160个项目建成投产: in the sentence right after a count of projects
# under way, projects still in progress and projects finished are different ones, so together they are no more than
# the count. Not 开工 (a project started and finished in one year is in both), nor a sentence about the whole place.
_IN_PROGRESS = r"加快推进|加快建设|有序推进|顺利推进|续建|在建"
_STAGE_AFTER = re.compile(rf"^(?:项目)?(?:已|全部|陆续|相继|先后|均)?(?:(?P<going>{_IN_PROGRESS})|(?P<done>{_FINISHED}))")


def _stages_of_those_before(sentence: Sentence) -> list[Finding]:
    if not sentence.before or WHOLE_PLACE_WORDS.search(sentence.text):
        return []
    staged: list[tuple[Fact, str]] = []
    for part in sentence.facts:
        unit = part.unit_info
        stage = _STAGE_AFTER.match(sentence.text[part.end - sentence.start :])
        if stage is None or unit is None or not unit.is_whole_count or part.kind != "level" or part.approximate:
            continue
        staged.append((part, "going" if stage.group("going") else "done"))
    if len(staged) < 2 or len({s for _, s in staged}) < 2:
        return []
    parts = [p for p, _ in staged]
    first = parts[0]
    whole = next((w for w in reversed(sentence.before) if w.kind == "level" and (w.entity or "").endswith("项目")
                  and summable_with(first, w) and w.measure == first.measure and w.period == first.period), None)
    if (whole is None or whole.approximate or whole.qualifier in LOWER_BOUNDS or FLOW.search(whole.text)
            or re.search(_FINISHED, whole.entity or "") or not all(summable_with(p, whole) for p in parts)):
        return []
    unit = whole.unit_info
    assert unit is not None
    total = sum((value_in(p, unit) for p in parts), Decimal(0))
    ids = sorted([whole.index, *(p.index for p in parts)])
    terms = " + ".join(stated(p) for p in parts)
    common = Evidence(facts=ids, stated=whole.value, computed=total, arithmetic=f"{terms} ≤ {stated(whole)}")
    if sum(interval_in(p, unit).lo for p in parts) > interval_in(whole, unit).hi:
        return [Finding("parts_total", ERROR, f"在建与建成的项目共{plain(total)}{unit.text}，多于上句的{whole.subject}{stated(whole)}："
                        "两者是其中不同的项目，合计不可能多于总数。", **common)]
    return [Finding("parts_total", INFO, f"在建与建成的项目共{plain(total)}{unit.text}，不多于上句的{whole.subject}{stated(whole)}，相符。",
                    **common)]

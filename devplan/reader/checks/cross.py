"""Checks across sentences: a part larger than its whole in another sentence (same period), and
a plan target below last year's actual figure."""

from __future__ import annotations

import re

from devplan.reader.checks.bounds import DRIVES_WHOLE, not_more
from devplan.reader.checks.common import (
    ABOUT,
    LOWER_BOUNDS,
    SEVERAL_YEARS,
    compatible,
    in_sub_area,
    interval_in,
    is_flow,
    is_running_total,
    key_of,
    loose_interval,
    plain,
    stated,
    value_in,
)
from devplan.reader.checks.memory import AMOUNT_NAME, WHOLE_MIN, WHOLE_PLACE, Memory, within_name
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, WARNING, Evidence, Finding
from devplan.reader.lexicon import Lexicon
from devplan.reader.lists import AVERAGE, PER_PERSON
from devplan.reader.periods import Period


def is_value_added(fact: Fact) -> bool:
    """A sector's value added (非公有制经济增加值, 十大生态产业增加值) is a part of GDP even when the lexicon does not name it."""
    entity = fact.entity or ""
    return entity.endswith("增加值") and len(entity) > 3 and "人均" not in entity and fact.indicator is None


def _own_figure(fact: Fact, lexicon: Lexicon) -> bool:
    """An amount (not a rate or a multiple) named exactly as an indicator, or a sector's value added."""
    unit = fact.unit_info
    if unit is None or unit.is_percent or unit.kind == "multiple":
        return False
    return is_value_added(fact) or lexicon.named(fact.entity) is not None or lexicon.named(fact.subject) is not None


def check_part_of(sentence: Sentence, memory: Memory, lexicon: Lexicon) -> list[Finding]:
    findings = []
    # The sentence's own figures first (财政总收入1490.8亿元…，地方财政一般预算收入698.3亿元), then earlier ones.
    local: dict[tuple[str, Period], Fact] = {}
    for fact in sentence.facts:
        if (named := lexicon.named(fact.entity) or lexicon.named(fact.subject)) and fact.period and _comparable(fact, lexicon):
            local.setdefault((named.code, fact.period), fact)
    memory.spans.update(f.index for f in sentence.facts if _over_years(f, sentence))
    for fact in sentence.facts:
        if (whole := _place_total(sentence, fact, memory)) is not None:
            if finding := _compare(fact, whole, lexicon):
                finding.sentence = sentence.text
                findings.append(finding)
            continue
        if in_sub_area(sentence.text, sentence.start, fact):
            # A district's or zone's figure (13个区国内生产总值593亿元) is a part of the place's own.
            whole = _place_figure(fact, local, memory, lexicon)
            if whole is not None and (finding := _compare(fact, whole, lexicon, district=True)):
                finding.sentence = sentence.text
                findings.append(finding)
            continue
        if not _comparable(fact, lexicon, about=True):
            continue  # only the place's own figures, named as such, are compared across statements
        assert fact.period is not None
        pairs: list[tuple[Fact, Fact]] = []
        ancestors = ("gdp",) if is_value_added(fact) else lexicon.wholes_of(fact.indicator)
        # The nearest whole stated for the period is the one to compare with.
        whole = next((w for code in ancestors if (w := local.get((code, fact.period)) or memory.indicator_level(code, fact.period))), None)
        if whole is not None and whole is not fact:
            pairs.append((fact, whole))
        if fact.indicator:
            for code in lexicon.parts_of(fact.indicator):
                if part := memory.indicator_level(code, fact.period):
                    pairs.append((part, fact))
            if fact.indicator == "gdp":
                pairs.extend((part, fact) for part in memory.value_added(fact.period))
        for part, whole in pairs:
            loose = whole.approximate and whole.qualifier not in ABOUT
            if part.whole is not None or _loose_part(part) or loose or not _comparable(whole, lexicon, about=True):
                continue  # a 其中 list decides about its own parts
            if part.index in memory.spans and whole.index not in memory.spans:
                continue  # a sum over years is no part of one year's figure
            if whole in sentence.facts and DRIVES_WHOLE.search(whole.text):
                continue  # …，带动全市固定资产投资…: the sentence says which is the part (checks.bounds)
            finding = _compare(part, whole, lexicon)
            if finding:
                finding.sentence = sentence.text
                findings.append(finding)
    return findings


# Investment reached (达到, 增加到 …) is of the last year even with a yearly rate after it; investment done (完成工业固定资产
# 投资408亿元，年均增长23%, in a five-year review) may be the sum of the years, as reports often add investment up.
_REACHED = re.compile(r"达到|达|增加到|增长到|提高到|增至|升至|突破|超过")


def _over_years(fact: Fact, sentence: Sentence) -> bool:
    """A running total over years, or investment whose own rate right after it is a yearly average (年均增长) and not
    said to be reached: it may be a total over the years the rate runs over, no part of one year's figure."""
    if fact.kind == "level" and fact.cumulative and not fact.period_stated:
        return True  # 累计完成固定资产投资1140亿元 in a review of five years
    if fact.kind != "level" or fact.earlier is not None or "投资" not in (fact.entity or "") or _REACHED.search(fact.text):
        return False
    k = sentence.facts.index(fact)
    rate = sentence.facts[k + 1] if k + 1 < len(sentence.facts) else None
    return rate is not None and rate.kind != "level" and rate.yearly_average and rate.entity == fact.entity


# Words before a figure that make its sentence about a sector of the place (特色产业加快发展，新增规上工业企业9家).
_SECTOR = re.compile(r"产业|行业|领域|板块|集群")


def _place_total(sentence: Sentence, fact: Fact, memory: Memory) -> Fact | None:
    """The place's total (全市新增规上工业企业45家) stated in an earlier sentence, when this sentence counts the same
    thing for a sector or an area of the place: exactly the same subject and period, a summable level."""
    unit = fact.unit_info
    if (fact.kind != "level" or fact.measure not in {"actual", "estimate"} or fact.period is None or fact.entity is None
            or fact.whole is not None or fact.approximate or unit is None or unit.is_percent or unit.kind == "multiple"
            or WHOLE_PLACE.match(fact.text) or AVERAGE.search(fact.entity)):
        return None
    # Looked up first: most things have no place total, and then the words before the figure need no reading.
    whole = memory.place_total(fact.entity, fact.period)
    if whole is None or whole.sentence == fact.sentence or whole.measure != fact.measure:
        return None
    before = sentence.text[: max(0, fact.start - sentence.start)]
    if not (_SECTOR.search(before) or in_sub_area(sentence.text, sentence.start, fact)) or SEVERAL_YEARS.search(before + fact.text):
        return None
    return whole


def _place_figure(part: Fact, local: dict[tuple[str, Period], Fact], memory: Memory, lexicon: Lexicon) -> Fact | None:
    unit = part.unit_info
    if (part.kind != "level" or part.measure not in {"actual", "estimate", "target"} or part.period is None or part.approximate
            or unit is None or unit.is_percent or unit.kind == "multiple" or "人均" in (part.entity or "")
            or part.cumulative or SEVERAL_YEARS.search(part.text)):
        return None  # a district's sum over years is no part of the place's year
    indicator = lexicon.find(part.entity)
    if indicator is None:
        return None
    if part.measure == "target":
        # 三江新区…地区生产总值突破2000亿元 among the city's targets: a zone's target within the place's own.
        return memory.indicator_target(indicator.code, part.period)
    # The place's own figure of the same indicator, else of the nearest one it is part of (开发区完成工业增加值197.8亿元
    # where the city states only its GDP).
    # The sentence's own figure of the indicator may be this part itself (3大开发区…完成固定资产投资200亿元): then the
    # place's is the one stated before.
    for code in (indicator.code, *lexicon.wholes_of(indicator.code)):
        here = local.get((code, part.period))
        whole = here if here is not None and here is not part else memory.indicator_level(code, part.period)
        if whole is not None:
            return whole if whole is not part and not whole.approximate else None
    return None


def _comparable(fact: Fact, lexicon: Lexicon, about: bool = False) -> bool:
    """A level of the place's own named figure; with `about`, also one stated about (服务业增加值近6000亿元)."""
    return (fact.kind == "level" and fact.measure in {"actual", "estimate"} and fact.period is not None
            and not (_loose_part(fact) if about else fact.approximate) and _own_figure(fact, lexicon))


def _loose_part(fact: Fact) -> bool:
    """Stated too loosely to be checked as a part: a part stated about (近6000亿元, 约…, …左右) is still one, at
    most a tenth above its floor; more than (超过, 多, 余) has no floor to speak of."""
    return fact.approximate and fact.qualifier not in ABOUT


def _compare(part: Fact, whole: Fact, lexicon: Lexicon, district: bool = False) -> Finding | None:
    unit, part_unit = whole.unit_info, part.unit_info
    if unit is None or part_unit is None or not compatible(unit, part_unit):
        return None
    period = whole.period_label() or ""
    ids = sorted([part.index, whole.index])
    arithmetic = f"{plain(value_in(part, unit))}{unit.text} 与 {stated(whole)}（{period}）"
    common = Evidence(facts=ids, stated=whole.value, computed=value_in(part, unit), arithmetic=arithmetic)
    ceiling, floor = loose_interval(whole, unit).hi, loose_interval(part, unit).lo
    if floor > ceiling and whole.qualifier not in LOWER_BOUNDS:
        # Only a part counted by a 口径 of its own (重点项目完成投资) may exceed its whole; 房地产开发投资 and 工业投资 are
        # counted within 固定资产投资 by definition, and a district's figure of the very indicator as the place's is.
        if _own_scope(part, whole, lexicon) and not (district and part.indicator == whole.indicator):
            return Finding(
                "part_exceeds_whole", WARNING,
                f"{part.subject}{_figure(part)}大于同期{_whole_name(whole)}{stated(whole)}，而前者是后者的一部分："
                "只有两者统计口径不同（如重点项目投资含未入库或跨期部分）才可能，请注明口径。",
                **common,
            )
        about = "（约数，宽限一成或其舍入也不够）" if whole.qualifier in ABOUT else ""
        return Finding(
            "part_exceeds_whole", ERROR,
            f"{part.subject}{_figure(part)}大于同期{_whole_name(whole)}{stated(whole)}{about}，而前者是后者的一部分：分项不可能大于总体。",
            **common,
        )
    if whole.qualifier in ABOUT:
        return Finding("part_exceeds_whole", INFO,
                       f"{part.subject}{_figure(part)}不大于同期{_whole_name(whole)}{_about(whole)}（约数，在一成或其舍入的宽限以内），相符。", **common)
    loose = "（约数，在一成或其舍入的宽限以内）" if part.qualifier in ABOUT else ""
    return Finding("part_exceeds_whole", INFO, f"{part.subject}{_figure(part)}不大于同期{_whole_name(whole)}{stated(whole)}{loose}，相符。", **common)


def _own_scope(part: Fact, whole: Fact, lexicon: Lexicon) -> bool:
    """The part, or a whole between it and `whole` up the lexicon's chain, is counted by a 口径 of its own."""
    if part.indicator is None:
        return False
    chain = (part.indicator, *lexicon.wholes_of(part.indicator))
    between = chain[: chain.index(whole.indicator)] if whole.indicator in chain else chain
    return any(lexicon.indicators[code].own_scope for code in between)


def _whole_name(whole: Fact) -> str:
    """The whole as the text names it: 全市新增规上工业企业, so that a sector's figure of the same subject reads apart."""
    place = WHOLE_PLACE.match(whole.text)
    return f"{place.group()}{whole.subject}" if place and whole.subject and not whole.subject.startswith(place.group()) else whole.subject or ""


def _figure(fact: Fact) -> str:
    return _about(fact) if fact.qualifier in ABOUT else stated(fact)


def _about(fact: Fact) -> str:
    """约3410亿元, 3410亿元左右: the figure with its qualifier where the text puts it."""
    return f"{stated(fact)}{fact.qualifier}" if fact.qualifier == "左右" else f"{fact.qualifier}{stated(fact)}"


def check_running_totals(sentence: Sentence, memory: Memory) -> list[Finding]:
    """引进市外到位资金828亿元。…过去五年…累计引进市外到位资金5700亿元; 新增高新技术企业60家。…高新技术企业总数达到
    600家: a flow of a period within the running total (or the count of all there are) stated, in another sentence, for
    the same thing and period — in either order."""
    findings = []
    for fact in sentence.facts:
        if fact.kind != "level" or fact.measure not in {"actual", "estimate"} or fact.period is None or fact.approximate:
            continue
        key = key_of(fact)
        if key is None:
            continue
        part: Fact | None
        whole: Fact | None
        if is_running_total(fact):
            part, whole = memory.flow_within(key, fact.attribute, fact.period), fact
        elif is_flow(fact):
            part, whole = fact, memory.running_total(key, fact.attribute, fact.period)
        else:
            continue
        if part is None or whole is None or whole.qualifier in LOWER_BOUNDS or whole.period_stated:
            continue  # 1—10月累计… is a running total of months; a flow of the year is not within it
        if in_sub_area(sentence.text, sentence.start, fact):
            continue  # a district's or zone's figure is not the place's
        a, b = part.unit_info, whole.unit_info
        if a is None or b is None or not compatible(a, b) or (a.kind == "count" and a.base != b.base):
            continue
        finding = not_more(part, whole, f"{part.subject}{stated(part)}大于同期{whole.subject}{stated(whole)}：累计数或总数包含期内每一笔新增")
        finding.sentence = sentence.text
        findings.append(finding)
    return findings


def check_running_kinds(sentence: Sentence, memory: Memory, lexicon: Lexicon) -> list[Finding]:
    """累计完成全社会固定资产投资10830亿元 … (another paragraph) 累计完成基础设施投资2200亿元: two running totals of the same
    period, one of a thing the lexicon's kinds make some of the other's, are a part and its whole — in either order."""
    findings = []
    for fact in sentence.facts:
        if (not fact.cumulative or fact.kind != "level" or fact.measure not in {"actual", "estimate"} or fact.period is None
                or fact.approximate or in_sub_area(sentence.text, sentence.start, fact)):
            continue
        for other in memory.running_totals(fact.attribute, fact.period):
            if lexicon.kind_within(other.entity, fact.entity):
                part, whole = fact, other
            elif lexicon.kind_within(fact.entity, other.entity):
                part, whole = other, fact
            else:
                continue
            a, b = part.unit_info, whole.unit_info
            if a is None or b is None or not compatible(a, b) or whole.qualifier in LOWER_BOUNDS or part.measure != whole.measure:
                continue
            findings.append(_part_above_whole(part, whole, sentence))
    return findings


def check_targets(sentence: Sentence, memory: Memory) -> list[Finding]:
    findings = []
    for target in sentence.facts:
        unit = target.unit_info
        if target.measure != "target" or target.kind != "level" or unit is None or unit.is_percent:
            continue
        key = key_of(target)
        if key is None or target.period is None or target.period.year is None:
            continue
        last = memory.year_level(key, target.period.year - 1)
        last_unit = last.unit_info if last else None
        if last is None or last_unit is None or not compatible(unit, last_unit) or not _same_quantity(target, last):
            continue
        ids = [last.index, target.index]
        arithmetic = f"目标 {stated(target)}，上年 {stated(last)}"
        common = Evidence(facts=ids, stated=target.value, computed=value_in(last, unit), arithmetic=arithmetic)
        # 一般公共预算支出安排36.5亿元，下降5.7%: a fall the sentence plans in so many words needs no asking whether it is meant.
        planned_fall = any(f.measure == "target" and f.kind == "growth" and f.value < 0 and f.entity == target.entity
                           for f in sentence.facts)
        below = interval_in(target, unit).below(interval_in(last, unit))
        if below and not planned_fall:
            finding = Finding(
                "target_below_last_year", WARNING,
                f"{target.subject}目标{stated(target)}低于上年{_role(last)}{stated(last)}：目标比已达到的水平还低，请确认是否有意为之。",
                **common,
            )
        else:
            finding = Finding(
                "target_below_last_year", INFO,
                f"{target.subject}目标{stated(target)}"
                + (f"低于上年{_role(last)}{stated(last)}，与所述下降一致。" if below else f"不低于上年{_role(last)}{stated(last)}。"),
                **common,
            )
        finding.sentence = sentence.text
        findings.append(finding)
    return findings


# New this year (a flow) and how many there are (a stock) share a noun but not a scale: 新增高新技术企业60家
# against 高新技术企业增至210家. Figures over several years (五年累计) are not last year's.
_NEW_WORDS = re.compile(r"新增|新开工|新建|新引进|新培育|新认定|新转移|新签约|引进|培育|招引")


def _same_quantity(target: Fact, last: Fact) -> bool:
    """The target and last year's figure count the same thing the same way."""
    if bool(_NEW_WORDS.search(target.text)) != bool(_NEW_WORDS.search(last.text)):
        return False
    return not last.cumulative and not SEVERAL_YEARS.search(last.text) and (target.entity == last.entity or target.indicator == last.indicator is not None)


def _role(fact: Fact) -> str:
    return "预计数" if fact.measure == "estimate" else "实际数"


def check_named_within(sentence: Sentence, memory: Memory) -> list[Finding]:
    """规模以上民营工业增加值2043.78亿元 after 工业增加值2645.79亿元, 新能源汽车产量 after 汽车产量, 海湖新区完成固定资产投资
    after 地区固定资产投资: a figure whose name is a whole's name with a qualifier in front is some of that whole, when
    both are amounts of one kind for the same period — in the same sentence or an earlier one."""
    findings = []
    for k, part in enumerate(sentence.facts):
        if not _may_be_named_part(part):
            continue
        assert part.period is not None
        # 产值超10亿元企业12家，实现产值236.5亿元；产值超亿元企业86家…: a name the sentence never writes (企业产值) was
        # put together from a clause's leftovers; no part is named after it.
        earlier = {name: f for f in sentence.facts[:k]
                   if (name := within_name(f)) is not None and f.period == part.period and name in sentence.text}
        whole = None
        for name in _part_names(part.entity or ""):
            # The longest whole's name first: 工业增加值 before 增加值.
            for cut in range(2, len(name) - WHOLE_MIN + 1):
                tail = name[cut:]
                if _NOT_A_SUBSET.search(name[:cut]) or (_ANOTHER_BUDGETS_DEBT.search(name[:cut]) and _BUDGETS_DEBT.match(tail)):
                    continue
                whole = earlier.get(tail) or memory.named_level(tail, part.period)
                if whole is not None:
                    break
            if whole is not None:
                break
        if whole is None or whole is part or (whole.measure != part.measure and {whole.measure, part.measure} != {"actual", "estimate"}):
            continue
        # 地区生产总值 stated twice (a county's report quoting another text, a restated figure) is one quantity
        # stated twice, not a 生产总值 of the 地区: a part's name is longer than its whole's.
        if part.entity == whole.entity:
            continue
        a, b = part.unit_info, whole.unit_info
        if a is None or b is None or not compatible(a, b) or _years_in_one_year(part, whole, sentence, memory):
            continue
        findings.append(_part_above_whole(part, whole, sentence))
    return findings


def _part_above_whole(part: Fact, whole: Fact, sentence: Sentence) -> Finding:
    """A part stated above its whole, where the sentence does not say 其中 (parts.py words those)."""
    finding = not_more(part, whole, f"{part.subject}{stated(part)}大于同期{whole.subject}{stated(whole)}：前者是后者的一部分，"
                       "分项不可能大于总体")
    finding.sentence = sentence.text
    return finding


def _years_in_one_year(part: Fact, whole: Fact, sentence: Sentence, memory: Memory) -> bool:
    """The part (of this sentence) may be a sum over years (see _over_years) and the whole is one year's figure."""
    whole_over_years = whole.index in memory.spans or (whole in sentence.facts and _over_years(whole, sentence))
    return _over_years(part, sentence) and not whole_over_years


def _may_be_named_part(fact: Fact) -> bool:
    unit = fact.unit_info
    return (fact.kind == "level" and fact.measure in {"actual", "estimate"} and fact.period is not None and fact.whole is None
            and not _loose_part(fact) and unit is not None and not unit.is_percent and unit.kind != "multiple"
            and not fact.cumulative and len(fact.entity or "") >= WHOLE_MIN + 2 and AMOUNT_NAME.search(fact.entity or "") is not None
            and PER_PERSON.search(fact.entity or "") is None and SEVERAL_YEARS.search(fact.text) is None)


# Words in front that do not pick some of the whole: other years (累计, 五年, 上年), averages, another measure of it (实际,
# 合同, 计划, 预计), what left it (减少, 下降), a name the whole is in (进出口总额 is not some of 出口总额), or a list of
# names (大口径财政收入和公共财政预算收入: two things, not one kind of the second), or trade in services (no goods
# customs counts).
_NOT_A_SUBSET = re.compile(r"累计|年均|人均|平均|均价|五年|历年|上年|去年|同比|计划|目标|预计|实际|合同|协议|签约|减少|下降|降低|"
                           r"退出|减|全|总|进$|[和、及与]|服务贸易|服务外包")


# 专项债务转贷收入 (of the government-fund budget) after 债务转贷收入 (of the general budget), 一般债务还本支出 after 债务还本支出:
# a budget's debt account named with its kind of debt is of its own budget; a bare one is of whichever budget the passage
# is about, so neither is some of the other.
_ANOTHER_BUDGETS_DEBT = re.compile(r"(?:专项|一般)$")
_BUDGETS_DEBT = re.compile(r"债务[\u4e00-\u9fff]*(?:收入|支出)$")


# 产值超亿元工业企业增加值 is the value added of industrial firms: some of 工业增加值.
_FIRMS_OF = re.compile(r"企业(?=增加值|产值|总产值|利润|收入|营业收入)")


def _part_names(entity: str) -> list[str]:
    plain_name = _FIRMS_OF.sub("", entity)
    return [entity] if plain_name == entity else [entity, plain_name]

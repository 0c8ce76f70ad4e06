"""Parts and their total: the items of a "其中" list against the figure they are part of."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from devplan.reader.checks.common import (
    LOWER_BOUNDS,
    compatible,
    interval_in,
    plain,
    some_more_interval,
    stated,
    value_in,
    verdict,
)
from devplan.reader.checks.memory import Memory
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, WARNING, Evidence, Finding
from devplan.reader.interval import Interval, half_unit
from devplan.reader.lexicon import Lexicon
from devplan.reader.lists import TOTAL_OF_LIST, signature, summable_with
from devplan.reader.tables import TOTAL_ROW
from devplan.reader.units import Unit

_SELECTION_GAP = Decimal("0.2")


def check_parts(sentence: Sentence, lexicon: Lexicon, earlier: list[Sentence]) -> list[Finding]:
    """`earlier`: the sentences before in the paragraph (the paragraph's first: the one before it)."""
    by_index = {f.index: f for f in (*sentence.carried, *sentence.facts)}
    own = by_index if not sentence.carried else {f.index for f in sentence.facts} | {
        f.whole for f in sentence.facts if f.whole is not None} | sentence.closes
    lists: dict[tuple[int, int], list[Fact]] = defaultdict(list)
    # The parts of a list are in the sentence — or carried, as the rows above a table's 合计 row are.
    for fact in (*sentence.carried, *sentence.facts):
        if fact.whole is not None and fact.group is not None and fact.whole in by_index and fact.whole in own:
            lists[(fact.group, fact.whole)].append(fact)
    findings = []
    summed = _summed_after(sentence)
    floors = _floors(sentence) if "以上" in sentence.text else {}
    exhaustive = {key[1] for key, _ in summed if key[0] == -1}
    for (_, whole_index), parts in [*lists.items(), *summed]:
        for whole, some in _nested(by_index[whole_index], parts, lexicon, floors):
            disjoint = _ASPECT.search(sentence.text[: max(0, some[0].start - sentence.start)]) is not None
            # A table's 合计 row (全市合计) is the sum of the rows above it.
            summed_rows = TOTAL_ROW.match(whole.subject or "") is not None and all(p in sentence.carried for p in some)
            finding = _check_list(whole, some, lexicon, disjoint=disjoint,
                                  exhaustive=not _span_unsaid(whole, some, sentence, earlier) and (
                                      whole.index in exhaustive or summed_rows or _partition(whole, some, lexicon)
                                      or _others_last(some) or _months_make_up(whole, some)
                                      or _parallel_adds_up(some, lists, by_index)))
            if finding:
                finding.sentence = sentence.text
                findings.append(finding)
    return findings + _rests(sentence, by_index)


def _span_unsaid(whole: Fact, parts: list[Fact], sentence: Sentence, earlier: list[Sentence]) -> bool:
    """自2021年以来，累计争取上级资金126.4亿元。分类别看，中央预算内投资…: a whole summed over the years since, the parts in a
    later sentence not said to be summed so — they may be one year's, so falling short of the whole is no error."""
    if not whole.cumulative or whole.sentence == sentence.index or any(p.cumulative for p in parts):
        return False
    own = next((s for s in earlier if s.index == whole.sentence), None)
    return own is not None and "以来" in own.text[: whole.start - own.start]


# 其余9个: the things of the whole not in the part just named.
_REST = re.compile(r"^其余(?:的)?\s*\d")


def _rests(sentence: Sentence, by_index: dict[int, Fact]) -> list[Finding]:
    """计划竣工项目38个，已竣工29个，其余9个预计年底前完成: a count named 其余 right after a count some of a whole is the rest
    of that whole — whole things counted, so exactly the whole less the part."""
    findings = []
    for part, rest in itertools.pairwise(sentence.facts):
        whole = by_index.get(part.whole) if part.whole is not None and _REST.match(rest.text) else None
        if whole is None or not all(_exact_count(f, rest.unit) for f in (whole, part, rest)) or rest.whole is not None:
            continue
        left = whole.value - part.value
        common = Evidence(facts=[whole.index, part.index, rest.index], stated=rest.value, computed=left,
                          arithmetic=f"{plain(whole.value)} − {plain(part.value)} = {plain(left)}{rest.unit}，所述 {stated(rest)}")
        findings.append(verdict("parts_total", rest.value == left, f"其余{plain(left)}{rest.unit}，与所述相符。",
                                f"其余应为{plain(left)}{rest.unit}（{stated(whole)}−{stated(part)}），所述{stated(rest)}不符。",
                                common, sentence.text))
    return findings


def _exact_count(fact: Fact, unit: str | None) -> bool:
    info = fact.unit_info
    return (fact.kind == "level" and fact.unit == unit and info is not None and info.kind == "count" and info.magnitude == 1
            and not fact.approximate and fact.qualifier is None)


# 分阶段看，…; 按性别分：…: an aspect named before the parts.
_ASPECT = re.compile(r"(?:^|[,;:。，；：])\s*(?:分|按|从)(?![全总整])[\u4e00-\u9fff]{1,8}?(?:看|分|来看)\s*[,:，：]")


def _parallel_adds_up(parts: list[Fact], lists: dict[tuple[int, int], list[Fact]], by_index: dict[int, Fact]) -> bool:
    """分类别看，产业项目50个，完成投资90.0亿元；基础设施项目30个，完成投资38.0亿元: the same classes listed with another measure
    of another whole (their counts of the projects, their investment of the investment done) — when that list adds up to its
    whole, the classes are all of it, so this one must add up too."""
    names = [p.entity for p in parts]
    for (_, whole_index), others in lists.items():
        whole = by_index[whole_index]
        if others is parts or [p.entity for p in others] != names or len(others) < _CLASSES_MIN or None in names \
                or (unit := whole.unit_info) is None or whole.approximate or any(p.approximate for p in others):
            continue
        if sum((interval_in(p, unit) for p in others), Interval.exact(Decimal(0))).overlaps(interval_in(whole, unit)):
            return True
    return False


def _others_last(parts: list[Fact]) -> bool:
    """其中，医院21个，基层医疗卫生机构583个，专业公共卫生机构6个，其他医疗卫生机构2个: a list of several kinds closed by the
    others (其他, 其它) names all of its whole, so a sum short of it is an error too. Not after one kind alone, and never a
    budget's 其他支出, a class of spending of its own (其中，城乡社区支出52.18亿元；其他支出11.34亿元 names two classes of many)."""
    last = parts[-1].entity or ""
    return (len(parts) >= _OTHERS_AFTER + 1 and last.startswith(("其他", "其它")) and last[2:] != "支出"
            and not any((p.entity or "").startswith(("其他", "其它")) for p in parts[:-1]))


_OTHERS_AFTER = 2  # kinds named before the others


def _partition(whole: Fact, parts: list[Fact], lexicon: Lexicon) -> bool:
    """The parts are one of each word of a partition the lexicon gives the whole (城镇 and 乡村 of 社会消费品零售总额,
    出口 and 进口 of 进出口): together they are all of it, so a sum short of it is an error too."""
    kinds = {lexicon.kind_within(whole.entity, p.entity) for p in parts}
    kind = kinds.pop() if len(kinds) == 1 else None
    if kind is None or not kind.partition or len(parts) != len(kind.partition):
        return False
    return all(sum(any(w in (p.entity or "") for w in word.split("|")) for p in parts) == 1 for word in kind.partition)


# 其中，第二产业增加值…；工业增加值…，规模以上工业增加值…: parts of one list may lie within one another (工业 within
# 第二产业 by the lexicon, 规模以上工业 within 工业 by a qualifier of scope before the other's name).
_SCOPE = re.compile(r"规模以上|规上|限额以上|限上")


def _within(part: Fact, other: Fact, lexicon: Lexicon, floors: dict[int, Decimal] | None = None) -> bool:
    x, y = part.entity or "", other.entity or ""
    if y and x.endswith(y) and _SCOPE.fullmatch(x[: -len(y)]):
        return True
    # 其中亿元以上项目180个、10亿元以上项目20个: a class above a higher amount lies within one above a lower (and so does
    # the class's investment, named after its count: 亿元以上项目41个，协议投资356.8亿元；10亿元以上项目11个，协议投资…).
    mine, theirs = (floors or {}).get(part.index), (floors or {}).get(other.index)
    if mine is not None and theirs is not None and mine > theirs:
        return True
    inner, outer = lexicon.named(x), lexicon.named(y)
    if inner is not None and outer is not None and outer.code in lexicon.wholes_of(inner.code):
        return True
    # 其中，民生支出41.26亿元…；教育支出10.34亿元…: a kind of the other, named exactly as the kind's whole (教育支出 of 民生支出;
    # not 城镇常住人口 of 乡村常住人口, whose name only ends like one), lies within it too.
    kind = lexicon.kind_within(y, x)
    return kind is not None and y in kind.wholes


_MAGNITUDES = {"万": 10**4, "十万": 10**5, "百万": 10**6, "千万": 10**7, "亿": 10**8, "十亿": 10**9, "百亿": 10**10}
# 亿元以上项目 (named so), or 10亿元以上 right before 项目20个 (a floor the list reads apart).
_FLOOR_NAMED = re.compile(r"^(?P<n>\d+(?:\.\d+)?)?(?P<mag>十亿|百亿|千万|百万|十万|亿|万)元(?:及)?以上")
_FLOOR_BEFORE = re.compile(r"(?P<n>\d+(?:\.\d+)?)?(?P<mag>十亿|百亿|千万|百万|十万|亿|万)元(?:及)?以上$")


def _floor(fact: Fact, text: str, start: int) -> Decimal | None:
    """The amount in 元 above which the counted things lie, when the count names a size class."""
    found = _FLOOR_NAMED.match(fact.entity or "")
    if found is None and text and fact.start > start:
        found = _FLOOR_BEFORE.search(text, 0, fact.start - start)
    if found is None:
        return None
    return Decimal(found.group("n") or 1) * _MAGNITUDES[found.group("mag")]


def _floors(sentence: Sentence) -> dict[int, Decimal]:
    """The size class of each figure of the sentence that has one (亿元以上项目41个: 1亿元), by its index: a count's
    own, and an amount's the class of the count of its thing right before it (…，协议投资356.8亿元)."""
    floors: dict[int, Decimal] = {}
    counted: dict[str, Decimal | None] = {}
    for fact in sentence.facts:
        unit = fact.unit_info
        if unit is not None and unit.kind == "count":
            counted[fact.entity or ""] = floor = _floor(fact, sentence.text, sentence.start)
        else:
            floor = counted.get(fact.entity or "")
        if floor is not None:
            floors[fact.index] = floor
    return floors


def _nested(whole: Fact, parts: list[Fact], lexicon: Lexicon, floors: dict[int, Decimal] | None = None) -> list[tuple[Fact, list[Fact]]]:
    """The outermost parts against the whole, and each nested part against the innermost part it lies in."""
    holders = {p.index: [q for q in parts if q is not p and _within(p, q, lexicon, floors)] for p in parts}
    groups: dict[int, tuple[Fact, list[Fact]]] = {whole.index: (whole, [])}
    for part in parts:
        # The innermost holder is the one lying within the most of the others.
        holder = max(holders[part.index], key=lambda q: len(holders[q.index]), default=whole)
        groups.setdefault(holder.index, (holder, []))[1].append(part)
    return list(groups.values())


# 新建学校12所、幼儿园8所，共计20所: a total after its parts, named only by 合计/共计/总计, sums the figures of its
# kind listed before it in the sentence (back to a semicolon). It is what they add up to, so a sum short of it is an
# error too — unless a figure in the same unit between them was left out (another measure, another attribute).


def _summed_after(sentence: Sentence) -> list[tuple[tuple[int, int], list[Fact]]]:
    found = []
    for k, total in enumerate(sentence.facts):
        if not TOTAL_OF_LIST.match(total.text) or total.whole is not None or (sig := signature(total)) is None:
            continue
        parts: list[Fact] = []
        left_out = False
        for fact in reversed(sentence.facts[:k]):
            between = sentence.text[fact.end - sentence.start : total.start - sentence.start]
            if ";" in between or "；" in between or fact.whole is not None or TOTAL_OF_LIST.match(fact.text):
                break
            if summable_with(fact, total) and fact.measure == total.measure and fact.period == total.period:
                parts.insert(0, fact)
            elif (other := signature(fact)) is not None and other[:2] == sig[:2]:
                left_out = True
        if len(parts) >= 2:
            found.append(((-2 if left_out else -1, total.index), parts))
    return found


def _check_list(
    whole: Fact, parts: list[Fact], lexicon: Lexicon, exhaustive: bool = False, disjoint: bool = False,
) -> Finding | None:
    """`exhaustive`: the whole is stated as the sum of these very parts (合计 after them), so a sum short of it is an
    error, not a list left incomplete. `disjoint`: the parts are by one aspect (分阶段看，新开工…；续建…；竣工投产…), each
    thing in one of them, so none is counted inside another."""
    unit = whole.unit_info
    if unit is None:
        return None
    ids = [whole.index, *(p.index for p in parts)]
    names = "、".join(f"{p.subject}{stated(p)}" for p in parts)
    if whole.approximate or any(p.approximate for p in parts):
        # 总资产17900多亿元，其中净资产7100多亿元: 多 and 余 still bound a figure from above, so a part that is more
        # than its whole can be told; other loose words (约, 近, 以上) are left as before.
        whole_iv = interval_in(whole, unit) if not whole.approximate else some_more_interval(whole, unit)
        for part in parts:
            part_iv = interval_in(part, unit) if not part.approximate else some_more_interval(part, unit)
            if whole_iv is not None and part_iv is not None and part_iv.lo >= whole_iv.hi and part.value > 0:
                return Finding("part_exceeds_whole", ERROR,
                               f"其中{part.subject}{stated(part)}大于总数{whole.subject}{stated(whole)}：分项不可能大于总体。",
                               [whole.index, part.index], stated=whole.value, computed=value_in(part, unit),
                               arithmetic=f"{stated(part)} > {stated(whole)}")
        if whole_iv is not None and not any(p.approximate for p in parts) and len(parts) > 1:
            # 龙头企业150余家，其中国家级3家、省级28家: exact parts add up to less than the next step of the whole's digit.
            total = sum((value_in(p, unit) for p in parts), Decimal(0))
            if sum((interval_in(p, unit) for p in parts), Interval.exact(Decimal(0))).lo >= whole_iv.hi:
                terms = " + ".join(plain(value_in(p, unit)) for p in parts)
                return Finding("parts_total", ERROR,
                               f"{whole.subject}：其中各项之和{plain(total)}{unit.text}不少于{plain(whole_iv.hi)}{unit.text}，"
                               f"而总数{plain(whole.value)}{whole.qualifier}{whole.unit}不到{plain(whole_iv.hi)}{unit.text}。",
                               ids, stated=whole.value, computed=total,
                               arithmetic=f"{terms} = {plain(total)}{unit.text} ≥ {plain(whole_iv.hi)}{unit.text}")
        return Finding("parts_total", INFO, f"{whole.subject}{stated(whole)}及其中{names}含约数，未核对合计。", ids)
    if whole.qualifier in LOWER_BOUNDS:
        # 5000亩以上，其中…8000亩以上: a whole given as a lower bound has no ceiling to exceed.
        return Finding("parts_total", INFO, f"{whole.subject}{stated(whole)}{whole.qualifier}是下限，其中{names}不可能超出它。", ids)
    whole_iv = interval_in(whole, unit)
    # 竣工投产 counted inside 续建 and 新开工 lets the parts add up to more than the total only when those
    # categories are listed beside it; no single part is ever more than its whole.
    overlapping = ((not disjoint and any(p.subject and lexicon.overlaps(p.subject, [q.subject or "" for q in parts if q is not p])
                                         for p in parts))
                   or _nested_places(parts) or _two_facets(parts))
    for part in parts:
        part_iv = interval_in(part, unit)
        if part_iv.lo > whole_iv.hi:
            return Finding(
                "part_exceeds_whole",
                ERROR,
                f"其中{part.subject}{stated(part)}大于总数{whole.subject}{stated(whole)}：分项不可能大于总体。",
                [whole.index, part.index],
                stated=whole.value,
                computed=value_in(part, unit),
                arithmetic=f"{stated(part)} > {stated(whole)}",
            )
    if _running_periods(parts):
        return Finding("parts_total", INFO, f"{whole.subject}：其中{names}是逐期累计的数，相互包含，不相加。", ids)
    total = sum((value_in(p, unit) for p in parts), Decimal(0))
    sum_iv = sum((interval_in(p, unit) for p in parts), Interval.exact(Decimal(0)))
    allowance = sum((half_unit(p.value) for p in parts), half_unit(whole.value))
    if len(parts) == 1:
        arithmetic = f"{plain(total)}{unit.text} ≤ {stated(whole)}"
    else:
        terms = " + ".join(plain(value_in(p, unit)) for p in parts)
        arithmetic = f"{terms} = {plain(total)}{unit.text}，总数 {stated(whole)}"
    gap = whole.value - total
    common = Evidence(facts=ids, stated=whole.value, computed=total, arithmetic=arithmetic)
    if sum_iv.overlaps(whole_iv):
        note = "相符" if gap == 0 else f"相差{plain(abs(gap))}，在舍入允许的±{plain(allowance)}以内"
        return Finding("parts_total", INFO, f"{whole.subject}：其中各项之和{plain(total)}{unit.text}与总数{stated(whole)}{note}。", **common)
    if sum_iv.lo > whole_iv.hi:
        # 新开工项目50个、续建项目80个、竣工项目30个 of 120: the parts counted inside others left out, the rest
        # still add up to no more than the whole.
        inside = [p for p in parts if p.subject and lexicon.overlaps(p.subject, [q.subject or "" for q in parts if q is not p])]
        rest = [p for p in parts if p not in inside]
        if overlapping and inside and len(rest) >= 2 and not _nested_places(parts) \
                and sum((interval_in(p, unit) for p in rest), Interval.exact(Decimal(0))).lo > whole_iv.hi:
            rest_total = sum((value_in(p, unit) for p in rest), Decimal(0))
            return Finding(
                "parts_total", ERROR,
                f"{whole.subject}：除去含于其他类别的{'、'.join(p.subject or '' for p in inside)}，其余各项之和"
                f"{plain(rest_total)}{unit.text}仍大于总数{stated(whole)}。",
                facts=ids, stated=whole.value, computed=rest_total,
                arithmetic=f"{' + '.join(plain(value_in(p, unit)) for p in rest)} = {plain(rest_total)}{unit.text}，总数 {stated(whole)}",
            )
        if _two_breakdowns(parts, whole, unit):
            return Finding("parts_total", INFO, f"{whole.subject}：其中{names}按不同口径分列，其中后几项之和与总数"
                           f"{stated(whole)}相符，不是错误。", **common)
        if overlapping:
            return Finding(
                "parts_total", INFO,
                f"{whole.subject}：分项之和{plain(total)}{unit.text}大于总数{stated(whole)}，因类别相互包含（如竣工投产含于续建、新开工，省外含于市外，民间投资与工业投资交叉），不是错误。",
                **common,
            )
        return Finding(
            "parts_total", ERROR,
            f"{whole.subject}：其中各项之和{plain(total)}{unit.text}大于总数{stated(whole)}，超出舍入允许的±{plain(allowance)}。",
            **common,
        )
    # Parts far short of the total are a selection ("其中高新技术企业48家、专精特新企业23家"), not a
    # breakdown; only a near miss suggests a breakdown with a wrong or missing number.
    if exhaustive and not overlapping:
        return Finding(
            "parts_total", ERROR,
            f"{whole.subject}：所列各项之和{plain(total)}{unit.text}比总数{stated(whole)}少{plain(gap)}，超出舍入允许的±{plain(allowance)}，"
            "而所列各项合起来就是总数。",
            **common,
        )
    if len(parts) == 1 or parts[0].incomplete_list or gap > whole.value * _SELECTION_GAP:
        return Finding(
            "parts_total", INFO,
            f"{whole.subject}：其中所列{plain(total)}{unit.text}是总数{stated(whole)}的一部分（未列全），不大于总数。",
            **common,
        )
    return Finding(
        "parts_total", WARNING,
        f"{whole.subject}：其中各项之和{plain(total)}{unit.text}比总数{stated(whole)}少{plain(gap)}，超出舍入允许的±{plain(allowance)}；"
        "除非还有未列出的分项，否则数字有误。",
        **common,
    )


def _months_make_up(whole: Fact, parts: list[Fact]) -> bool:
    """1—9月规模以上工业总产值62.37亿元…1—8月累计完成54.95亿元，9月当月完成7.42亿元: parts whose stated months follow
    one another with no gap and run over the whole's months are all of it, so a sum short of it is an error too. A whole
    that names no months of its own (社会消费品零售总额14.83亿元。从月度看，1—4月累计…，5月当月…) is of the months so far
    that the months so far and the month after them make up."""
    if whole.period is None or len(parts) < 2:
        return False
    spans = sorted((p.period.first, p.period.last) for p in parts if p.period is not None and p.period_stated
                   and p.period.year == whole.period.year)
    if len(spans) != len(parts) or not all(b[0] == a[1] + 1 for a, b in itertools.pairwise(spans)):
        return False
    if not whole.period_stated:
        return spans[0][0] == 1 and spans[-1][0] == spans[-1][1]
    return spans[0][0] == whole.period.first and spans[-1][1] == whole.period.last


def _running_periods(parts: list[Fact]) -> bool:
    """全年新增城镇就业6850人，其中一季度1560人，上半年3680人，前三季度5320人: parts of months that overlap (1–3, 1–6,
    1–9) are running totals, each inside the next — no breakdown to add up (the quarters 1–3, 4–6 … are)."""
    spans = {(p.period.first, p.period.last) for p in parts if p.period is not None}
    return any(a != b and a[0] <= b[1] and b[0] <= a[1] for a in spans for b in spans)


def _two_breakdowns(parts: list[Fact], whole: Fact, unit: Unit) -> bool:
    """接待游客856.2万人次。其中，过夜游客215.3万人次，国内游客852.1万人次，入境游客4.1万人次: the parts overshoot the
    whole, but the last ones (two at least) add up to it exactly — a list along two lines at once (过夜 across 国内 and
    入境), not a sum with a wrong figure. Only an exact sum (a near one, 120.3 + 90.1 of 210.5, is a breakdown gone wrong),
    and not with counts of whole things (项目21个, 18个, 8个 …), whose small sums meet by chance."""
    if unit.is_whole_count:
        return False
    runs = [parts[k:] for k in range(1, len(parts) - 1)]
    return any(sum((value_in(p, unit) for p in run), Decimal(0)) == value_in(whole, unit) for run in runs)


# 省外资金98亿元、市外资金110亿元: money from outside the province is from outside the city too — places outside nested
# borders hold one another, they are no breakdown.
_OUTSIDE = re.compile(r"(?:国|境|省|市|州|县|区)外")


def _nested_places(parts: list[Fact]) -> bool:
    """Two parts named alike but for the border they are outside of (省外资金, 市外资金)."""
    named = [(_OUTSIDE.sub("外", p.entity or ""), _OUTSIDE.search(p.entity or "")) for p in parts]
    return any(a[1] and b[1] and a[0] == b[0] and a[1].group() != b[1].group() for i, a in enumerate(named) for b in named[i + 1 :])


# 民间投资, 民营经济, 国有控股企业, 外商投资企业: a part named by who owns it is of a breakdown by ownership, which cuts
# across one by trade or use (工业投资, 基础设施投资) — never 国有土地使用权出让收入, a kind of revenue.
_OWNERSHIP = re.compile(r"^(?:民间|民营|国有|非公有制|非公|私营|外商|外资|港澳台)(?:控股|投资|经济|企业|资本|资金|及|和)")


def _two_facets(parts: list[Fact]) -> bool:
    """其中，工业投资58.3亿元…；民间投资75.2亿元: parts some named by ownership and some not are two breakdowns of the
    whole at once, each thing in one of each, so they may add up to more than it."""
    owned = {_OWNERSHIP.match(p.entity or "") is not None for p in parts}
    return len(owned) == 2


_INDUSTRIES = ("primary_value_added", "secondary_value_added", "services_value_added")
# The three industries named as such (第一产业增加值, 二产增加值, 服务业增加值), not 农林牧渔业增加值: that counts the farm
# services the first industry leaves out, so it may add up to a little more than GDP with the other two.
INDUSTRY_NAMED = re.compile(r"第?[一二三](?:次)?产(?:业)?|服务业")


def check_industries(sentence: Sentence, memory: Memory, lexicon: Lexicon) -> list[Finding]:
    """The value added of the three industries adds up to GDP, whether or not the text says 其中 (一、二、三产业
    分别实现增加值…, the GDP stated in an earlier sentence or clause) and whether the four are stated in one sentence
    or several (第一产业增加值从44.7亿元增加到77.53亿元。…第二产业增加值…。…第三产业增加值…): once the last of the four
    is stated, the sum is checked for its year, once."""
    findings = []
    here_ids = {f.index for f in sentence.facts}
    periods = {f.period for f in sentence.facts if f.period is not None and f.kind == "level"}
    for period in sorted(periods, key=lambda p: (p.year or 0, p.first, p.last)):
        found: dict[str, Fact] = {}
        for fact in sentence.facts:
            named = lexicon.named(fact.entity)
            if (named and named.code in _INDUSTRIES and fact.kind == "level" and fact.whole is None and not fact.approximate
                    and fact.period == period):
                found.setdefault(named.code, fact)
        here = bool(found)
        for code in _INDUSTRIES:
            kept = memory.indicator_level(code, period) if code not in found else None
            if kept is not None and kept.whole is None and not kept.approximate and INDUSTRY_NAMED.search(kept.entity or ""):
                found[code] = kept
        if len(found) < 3:
            continue
        parts = [found[code] for code in _INDUSTRIES]
        first = parts[0]
        if any(p.measure != first.measure for p in parts) or first.measure not in {"actual", "estimate", "target"}:
            continue
        gdp = next((f for f in sentence.facts if f.kind == "level" and f.period == period and f.measure == first.measure
                    and (named := lexicon.named(f.entity)) is not None and named.code == "gdp"), None)
        if gdp is None and first.measure in {"actual", "estimate"}:
            gdp = memory.indicator_level("gdp", period)
        if gdp is None or gdp.approximate or gdp.unit_info is None:
            continue
        if not here and gdp.index not in here_ids:
            continue  # nothing of the four is new in this sentence
        # Across sentences the industries must all be named as such, and the sum is checked once a year.
        across = not all(p.index in here_ids for p in parts)
        if across and (not all(INDUSTRY_NAMED.search(p.entity or "") for p in parts)
                       or not memory.first_check(("industries", period))):
            continue
        # The three industries named as such are all of GDP (the lexicon's partition), so a sum short of it is an error too.
        finding = _check_list(gdp, parts, lexicon, exhaustive=_partition(gdp, parts, lexicon))
        if finding:
            finding.sentence = sentence.text
            findings.append(finding)
    return findings


# 三、分类别看。产业项目56个，完成投资98.4亿元；基础设施项目30个，完成投资61.7亿元；…: classes by an aspect, each counted
# and with its amount.
_ASPECT_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\d+[.、])?\s*(?:分|按|从)[\u4e00-\u9fff]{1,6}?(?:看|来看|情况|分)\s*[,:。]?")
# A count of things at a stage (已开工项目92个, 新建项目开工35个) is no list's own count.
_AT_A_STAGE = re.compile(r"开工|竣工|完工|投产|续建|新建|在建|建成|完成")
_CLASSES_MIN = 2


def check_classes(sentence: Sentence, memory: Memory, lexicon: Lexicon) -> list[Finding]:
    """Classes of the list's things (three at least, or two under an aspect's words), each one's count and amount, against
    the list's count stated before (no count at a stage) and its amount done (the figure of the latest completion checked):
    when either their counts or their amounts add up to the list's, they are all of it, so the other must add up too — a
    sum short is an error as well as one over. When neither adds up they may be a selection, and when both do there is
    nothing to tell: nothing is said."""
    if memory.done_of_plan is None:
        return []
    counts, amounts = _classes(sentence.facts)
    # Two classes only under the aspect's own words (a heading alone, with no figure, is not kept as a sentence).
    if len(counts) < _CLASSES_MIN + (0 if _ASPECT_HEADING.match(sentence.text) else 1):
        return []
    noun = _common_tail([c.entity or "" for c in counts])
    done = memory.done_of_plan[0]
    # The amounts are of what the figure done says (完成投资 of 累计完成投资58.7亿元), each named so after its class.
    said = {(a.subject or "").removeprefix(a.entity or "") for a in amounts}
    if len(said) != 1 or len(word := said.pop()) < 2 or word not in done.text:
        return []
    listed = [f for f in memory.counts if f.unit == counts[0].unit and f.whole is None and (f.entity or "").endswith(noun)
              and not _AT_A_STAGE.search(f.text) and f.entity not in {c.entity for c in counts}
              and f.period is not None and done.period is not None and f.period.year == done.period.year]
    if len(noun) < 2 or not listed or len({f.value for f in listed}) != 1 or done.unit_info is None \
            or any(a.unit_info is None or not compatible(a.unit_info, done.unit_info) for a in amounts):
        return []
    whole_count = listed[-1]
    count_fits = sum((interval_in(c, c.unit_info) for c in counts if c.unit_info), Interval.exact(Decimal(0))) \
        .overlaps(interval_in(whole_count, whole_count.unit_info)) if whole_count.unit_info else False
    amount_fits = sum((interval_in(a, done.unit_info) for a in amounts), Interval.exact(Decimal(0))) \
        .overlaps(interval_in(done, done.unit_info))
    if count_fits == amount_fits:
        return []  # both add up, or neither: a selection, or nothing to tell
    # 产业类项目56个，1—11月完成投资…；基础设施类项目41个: the classes' counts are of the list's things, whatever months the
    # clause before carries to them (the months are the amounts').
    whole, parts = (done, amounts) if count_fits else (whole_count, [replace(c, period=whole_count.period) for c in counts])
    finding = _check_list(whole, parts, lexicon, exhaustive=True, disjoint=True)
    if finding is None:
        return []
    finding.sentence = sentence.text
    return [finding]


def _classes(facts: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """Each count of things followed right away by an amount of the same things (产业项目56个，完成投资98.4亿元)."""
    counts, amounts = [], []
    for count, amount in itertools.pairwise(facts):
        info, other = count.unit_info, amount.unit_info
        if (info is not None and other is not None and info.kind == "count" and other.kind != "count" and not other.is_percent
                and count.entity and amount.entity == count.entity and count.kind == amount.kind == "level"
                and count.whole is None and amount.whole is None and not count.approximate and not amount.approximate):
            counts.append(count)
            amounts.append(amount)
    return counts, amounts


def _common_tail(names: list[str]) -> str:
    """The words every name ends with (产业项目, 基础设施项目: 项目), without the 类 that names them classes (产业类项目,
    基础设施类项目: 项目 too)."""
    tail = names[0]
    for name in names[1:]:
        while tail and not name.endswith(tail):
            tail = tail[1:]
    return tail.removeprefix(_CLASS_WORD)


_CLASS_WORD = "类"

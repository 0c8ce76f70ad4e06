"""Rates of a state over the count before it: 计划新开工项目45个，已开工41个，开工率91.1% and 申报专项债券项目128个，获批74个，
获批率57.8% — the things in the state (named by the rate's own verb) over the things counted before them: in the sentence, or —
when the sentence opens with the state's count — the count of those things the sentence before states (安排重点项目128个，
总投资916.4亿元。截至11月底，已开工项目117个，开工率91.4%) or the sentence opens with (签约项目中，…). Money too, right after the
one amount it is some of (下达资金5000万元，已拨付4500万元，拨付率90.0%)."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from devplan.reader.checks.common import (
    AMONG,
    interval_in,
    names_things,
    percent_fit,
    plain,
    stated,
    value_in,
    verdict,
)
from devplan.reader.checks.memory import Memory
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import WARNING, Evidence, Finding
from devplan.reader.interval import HUNDRED, Interval, rounded, show
from devplan.reader.numbers import normalize
from devplan.reader.periods import Period

_RATE, _PROGRESS = "率", "进度"
# Things at a stage of their doing, not the list a rate is of (安排, 实施, 签约, 确定 … name the list).
_STAGE = re.compile(r"开工|竣工|完工|投产|续建|在建|建成|完成")
# …but a plan of things to bring to a stage is (计划新开工项目45个。已开工41个，开工率91.1%).
_PLANNED = re.compile(r"计划|安排|确定")
# The rate names its verb alone (开工率, 获批率, 签约率; 总体完成进度 of all the things), or the very words the state's count is
# named by (本科上线3856人，本科上线率63.5%; 集中供养812人，集中供养率24.7%): 新开工项目开工率 or 综合开工率 may be of another count.
_RATE_OF = re.compile(r"^(?P<name>(?:总体)?(?P<verb>[\u4e00-\u9fff]{2,5})(?:率|进度))(?:为|达到?)?\s*\d")
# The count in that state, named by the same verb right before its number or its noun (已开工41个, 获批74个, 已开工项目38个,
# 其中已完工15个, 签约项目已开工87个, 已完成子项目29个, 免费健康体检4.36万人, 已开工建设385个, 其中优良天数358天, 已拨付
# 资金2.87亿元, 已整改问题金额1.53亿元) — never
# things not in it (未开工, 尚未完成).
_IN_STATE = "(?<![未没不]){verb}(?:建设)?(?:子?项目|天数|资金|[\\u4e00-\\u9fff]{{0,2}}金额)?\\s*\\d"


def check_state_rates(sentence: Sentence, memory: Memory) -> list[Finding]:
    if _RATE not in sentence.text and _PROGRESS not in sentence.text:
        return []  # no rate named: one test before any work
    facts = [f for f in sentence.facts if not f.compared]
    findings = []
    for k, rate in enumerate(facts[1:], start=1):
        named = _RATE_OF.match(rate.text)
        j = _in_state(facts, k, named.group("verb")) if named is not None else None
        if named is None or j is None:
            continue
        if rate.kind == "completion" and j > 0:
            continue  # 实施民生实事40件，其中已完成34件，完成率85.0%: a completion in its whole's sentence is checked as one
        part = facts[j]
        verb = named.group("verb")
        whole = (_whole_before(facts[:j], part) or _listed_named(part, verb, memory)) if j > 0 \
            else _whole_across(sentence, part, verb, memory)
        if whole is not None and j == 0 and _STAGE.search(whole.text) and not _PLANNED.search(whole.text) \
                and _opening_among(sentence) is None and len(_things_named(part, verb)) < 2:
            continue  # 新开工项目80个。已竣工项目60个，竣工率30%: a count at a stage is seldom what a rate of another is of
        if whole is None or _the_doing_again(whole, part, verb):
            continue
        beside = _only_money_before(facts[:j], whole) if j > 0 else _money_named_alike(whole, part, named.group("verb"))
        if _of_the_count(whole, part, rate, across=j == 0, beside=beside):
            findings.append(_rate(whole, part, rate, named.group("name"), sentence.text))
    return (findings + _rates_of_base_beside(sentence, facts, memory) + _rates_of_listed_part(sentence, facts)
            + _rates_counted_on(sentence, facts) + _rates_of_due(sentence, facts))


# 户籍人口参保率96.2%（年末户籍人口74.18万人）: the rate names the people it is of in front of its verb.
_RATE_OF_BASE = re.compile(r"^(?P<name>(?P<front>[\u4e00-\u9fff]{2,6})(?P<verb>[\u4e00-\u9fff]{2})率)(?:为|达到?)?\s*\d")


def _rates_of_base_beside(sentence: Sentence, facts: list[Fact], memory: Memory) -> list[Finding]:
    """基本医疗保险参保人数71.36万人，户籍人口参保率96.2%（年末户籍人口74.18万人）: a rate whose people are stated in parentheses
    right after it, named as the rate names them, is the count right before it — named by the rate's verb — over them; so
    is one whose people were stated before under exactly that name (年末常住人口76.5万人。…全年签约31.36万人，常住人口签约率
    41.0%)."""
    findings = []
    for part, rate in itertools.pairwise(facts):
        named = _RATE_OF_BASE.match(rate.text) or _BARE_RATE.match(rate.text)
        if named is None or named.group("verb") not in normalize(part.text):
            continue
        if "front" not in named.groupdict():
            # 家庭医生签约服务覆盖32.7万人，签约率61.4%（按常住人口53.26万人计算）.
            base = _figured_over(sentence, facts, rate)
        else:
            base = (_figured_over(sentence, facts, rate) or _people_beside(sentence, facts, rate, named.group("front"))
                    or _people_named(memory, part, named.group("front")))
        if base is not None and _of_the_count(base, part, rate, across=False, beside=False):
            findings.append(_rate(base, part, rate, named.group("name"), sentence.text))
    return findings


def _people_beside(sentence: Sentence, facts: list[Fact], rate: Fact, front: str) -> Fact | None:
    after = facts.index(rate) + 1
    base = facts[after] if after < len(facts) else None
    opening = sentence.text[rate.end - sentence.start : base.start - sentence.start] if base is not None else ""
    return base if base is not None and opening in {"(", "（"} and base.entity == front else None


# 签约率61.4%（按常住人口53.26万人计算）: the people a rate is figured over, said in parentheses right after it.
_FIGURED_OVER = re.compile(r"^按[\u4e00-\u9fff]{2,8}\d")
_FIGURED_CLOSE = re.compile(r"^\s*计算\s*[)）]")
# 签约率61.4%: a bare rate, its verb alone before 率.
_BARE_RATE = re.compile(r"^(?P<name>(?P<verb>[\u4e00-\u9fff]{2})率)(?:为|达到?)?\s*\d")


def _figured_over(sentence: Sentence, facts: list[Fact], rate: Fact) -> Fact | None:
    """The count right after `rate` in （按…计算）, or None."""
    after = facts.index(rate) + 1
    base = facts[after] if after < len(facts) else None
    if base is None:
        return None
    opening = sentence.text[rate.end - sentence.start : base.start - sentence.start]
    closing = sentence.text[base.end - sentence.start : base.end - sentence.start + 4]
    return base if opening in {"(", "（"} and _FIGURED_OVER.match(base.text) and _FIGURED_CLOSE.match(closing) else None


def _people_named(memory: Memory, part: Fact, front: str) -> Fact | None:
    if part.period is None:
        return None
    indicator = memory.lexicon.named(front)
    found = memory.indicator_level(indicator.code, part.period) if indicator else memory.level(front, part.period)
    return found if found is not None and found.entity == front else None


def _only_money_before(before: list[Fact], whole: Fact) -> bool:
    """The whole is right before the part, and no other money stands before it in the sentence (…资金5000万元，整合…8000万元，
    已拨付4500万元: of which is not said)."""
    return bool(before) and before[-1] is whole and not any(f.unit_info and f.unit_info.kind == "money" for f in before[:-1])


# The words after a state's verb that name the money (已拨付资金2.87亿元 → 资金).
_MONEY_NAMED = re.compile(r"^[\u4e00-\u9fff]{2,6}")


def _money_named_alike(whole: Fact, part: Fact, verb: str) -> bool:
    """共安排资金3.46亿元，其中…。截至11月底，已拨付资金2.87亿元，拨付率82.9%: money in a state opening its sentence is some of
    the one amount the sentence before states (see _whole_of_sentence_before) when the words after its verb name that
    amount's thing as its name ends."""
    text = normalize(part.text)
    named = _MONEY_NAMED.match(text[text.find(verb) + len(verb) :]) if verb in text else None
    return named is not None and (whole.entity or "").endswith(named.group())


def _in_state(facts: list[Fact], k: int, verb: str) -> int | None:
    """Where the count in the rate's state stands: right before the rate, or before the counts of the other states listed
    after it in its unit (已完成26项，正在推进6项，总体完成进度81.3%)."""
    state = re.compile(_IN_STATE.format(verb=verb))
    j = k - 1
    while j > 0 and facts[j].unit == facts[k - 1].unit and facts[j].kind == "level" and state.search(facts[j].text) is None:
        j -= 1
    return j if state.search(facts[j].text) is not None and facts[j].unit == facts[k - 1].unit else None


def _whole_before(before: list[Fact], part: Fact) -> Fact | None:
    """The count of the part's unit before it (计划改造老旧小区18个、涉及2364户，其中已完工15个: the 18) — the one right before it
    whatever it is; one further back only past counts of other things (户 here) and when no list makes it a part (已开工45个，
    开工率75.0%；已投产20个: the rate between says the 45 are in their own state, not the things the 20 are among)."""
    for k, fact in enumerate(reversed(before)):
        if _counted_alike(fact, part):
            return fact if k == 0 or fact.whole is None else None
        if fact.unit_info is None or fact.unit_info.kind != "count":
            return None
    return None


# The words before the state's verb that name the things in it (新建项目已开工40个 → 新建项目), without lead and state words.
_LEAD = re.compile(r"^(?:其中|全年|今年|目前|截至[^,]*?(?:底|末))")
_STATE_WORDS = re.compile(r"(?:中|已|共|累计|新)+$")


def _whole_across(sentence: Sentence, part: Fact, verb: str, memory: Memory) -> Fact | None:
    """The whole of a state's count that opens its sentence. When the count names its things before the verb (新建项目已开工40个,
    签约项目已开工87个), only a count those words name: one part of the sentence before's list (安排重点项目86个，其中新建项目52个、
    续建项目34个: the 52) or its one count; without such words, its one count; else the count of the things the sentence opens
    with."""
    noun = _things_named(part, verb)
    if len(noun) >= 2:
        named = [f for f in sentence.before if f.whole is not None and f.unit == part.unit and noun in f.text]
        if len(named) == 1:
            return named[0]
        if not named and (listed := _listed_named(part, verb, memory)) is not None:
            return listed
    # 签约项目中新开工35个: the things among which, named, come before whatever the sentence before counts.
    whole = _whole_among(sentence, part, memory) or _whole_of_sentence_before(sentence.before, part)
    # 全县安排重点项目86个。新建项目已开工40个: the new-build projects are not said to be all 86.
    return whole if whole is None or len(noun) < 2 or names_things(noun, whole) else None


def _listed_named(part: Fact, verb: str, memory: Memory) -> Fact | None:
    """其中，新开工项目78个，计划竣工项目12个。…新开工项目已开工71个；计划竣工项目已竣工9个: the part of a list stated further
    back for the year, named by the words before the state's verb."""
    noun = _things_named(part, verb)
    if len(noun) < 2 or part.period is None or part.unit is None:
        return None
    return memory.part_named(noun, Period(part.period.year), part.unit)


def _things_named(part: Fact, verb: str) -> str:
    """The words naming the things in the state before its verb's last use (新开工项目已开工71个 → 新开工项目)."""
    text = normalize(part.text)
    return _STATE_WORDS.sub("", _LEAD.sub("", text[: text.rfind(verb)]))


def _whole_of_sentence_before(before: list[Fact], part: Fact) -> Fact | None:
    """The one count of the part's unit that the sentence before states and no list makes a part of (新签约项目112个，…，其中
    亿元以上项目94个。签约项目已开工87个: the 112) — nothing when it states several (产业项目76个…；基础设施项目34个…)."""
    counts = [f for f in before if f.unit == part.unit and f.whole is None and not f.compared]
    return counts[0] if len(counts) == 1 else None


# 新开工项目中已开工52个: the things among which, named right before the state's count with no comma.
# 签约项目中新开工38个 too: the state's verb right after 中.
_AMONG_BEFORE_COUNT = re.compile(r"^\s*(?P<name>[\u4e00-\u9fff]{2,12}?)中(?:已|共|累计|有|新)")
# 项目落地方面，签约项目中…: the topic a sentence opens with, before the things among which.
_TOPIC = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}方面\s*,")
# 全部项目中, 上述项目中: all the things of that name stated before, not a kind of them.
_ALL_OF = re.compile(r"^(?:全部|上述|所有|以上)")


def _opening_among(sentence: Sentence) -> re.Match[str] | None:
    text = _TOPIC.sub("", normalize(sentence.text), count=1)
    return AMONG.match(text) or _AMONG_BEFORE_COUNT.match(text)


def _whole_among(sentence: Sentence, part: Fact, memory: Memory) -> Fact | None:
    """签约项目中，新开工项目29个，开工率61.7%: the count of the things the sentence opens with, stated earlier for the year;
    also of things a list named (其中，续建项目53个、新开工项目61个。…新开工项目中已开工52个，开工率85.2%)."""
    among = _opening_among(sentence)
    if among is None or part.period is None or part.unit is None:
        return None
    name = _ALL_OF.sub("", among["name"])
    return memory.count_named(name, part.period, part.unit, listed=True) or memory.count_named(
        name, Period(part.period.year), part.unit, listed=True)


def _repeats_explain(whole: Fact, computed: Interval, rate: Fact) -> bool:
    """A rate off the figures the way people counted again would make it: below them when the part is in person-times (a
    person examined twice is one of the people), above them when the whole is (a trainee trained twice is one trainee)."""
    said = rounded(rate.value)
    return said.hi < computed.lo if whole.unit_info is not None and whole.unit_info.base == "人" else said.lo > computed.hi


def _of_the_count(whole: Fact, part: Fact, rate: Fact, across: bool, beside: bool) -> bool:
    if rate.unit != "%" or rate.approximate or rate.qualifier is not None or rate.period not in {part.period, whole.period}:
        return False
    # 全年安排重点项目128个。截至11月底，已开工项目117个: the year's list, and the months so far of the same year; so is the
    # year's plan in the same sentence (全年计划新开工项目42个，一季度已开工29个).
    same_time = (whole.period == part.period or ((across or _PLANNED.search(whole.text) is not None)
                                                 and whole.period is not None and part.period is not None
                                                 and whole.period.year == part.period.year))
    a, b = whole.unit_info, part.unit_info
    # 下达资金5000万元，已拨付4500万元，拨付率90.0%: money in the state only right after the one amount it is some of; so
    # are days (有效监测天数366天，其中优良天数358天，优良率97.8%).
    # So is any amount (产生量8.6万吨，无害化处理8.52万吨，无害化处理率99.1%).
    counted = a is not None and (a.kind == "count" or (not a.is_percent and a.kind != "multiple" and beside))
    return (counted and b is not None and _counted_alike(whole, part) and whole.kind == part.kind == "level"
            and not whole.approximate and not part.approximate and whole.qualifier is None and part.qualifier is None
            and part.whole in {None, whole.index} and 0 < part.value <= whole.value and same_time)


# People (人) and person-times (人次) count the same people, those counted again only in the person-times: 辖区老年人3.95万人，
# 健康体检3.26万人次，体检率82.5%; 培训5180人次，实现就业3926人，就业率75.8%.
_PEOPLE = {"人", "人次"}


def _counted_alike(whole: Fact, part: Fact) -> bool:
    """The two count the same things: in one unit, or people and person-times."""
    a, b = whole.unit_info, part.unit_info
    return whole.unit == part.unit or (a is not None and b is not None and {a.base, b.base} == _PEOPLE)


def _the_doing_again(whole: Fact, part: Fact, verb: str) -> bool:
    """五项社会保险参保163万人次，养老保险参保104万人，参保率98%: person-times named by the rate's own verb count the doing
    again (of other kinds too), not the people it is a rate of."""
    return whole.unit != part.unit and (verb in normalize(whole.text) or verb in (whole.entity or ""))


def _rate(whole: Fact, part: Fact, rate: Fact, name: str, sentence: str) -> Finding:
    unit = whole.unit_info
    assert unit is not None
    computed = value_in(part, unit) / whole.value * HUNDRED
    # 4.36万人 of 5.28万人 are rounded; whole things counted one by one are exact.
    computed_iv = interval_in(part, unit) / interval_in(whole, unit) * Interval.exact(HUNDRED)
    fits = percent_fit(computed_iv, rate.value) is not None
    arithmetic = f"{plain(part.value)}{part.unit} ÷ {plain(whole.value)}{whole.unit} = {show(computed)}%，所述 {stated(rate)}"
    common = Evidence(facts=[whole.index, part.index, rate.index], stated=rate.value, computed=Decimal(show(computed)),
                      arithmetic=arithmetic)
    if not fits and whole.unit != part.unit and _repeats_explain(whole, computed_iv, rate):
        finding = Finding("share_levels", WARNING, f"{name}按所给数字算得{show(computed)}%，所述{stated(rate)}；人次含重复计数的人，"
                          "除非按人数计算，否则数字有误。", **common)
        finding.sentence = sentence
        return finding
    return verdict("share_levels", fits, f"{name}{show(computed)}%，与所述{stated(rate)}相符。",
                   f"{name}应为{show(computed)}%（{plain(part.value)}{part.unit}÷{plain(whole.value)}{whole.unit}），"
                   f"所述{stated(rate)}不符。", common, sentence)


# 产品销售率97.8%: the rate's verb (销售) right before 率, a word or more in front of it (a bare 开工率 is check_state_rates').
_RATE_OF_PART = re.compile(r"^(?P<name>[\u4e00-\u9fff]{1,4}?(?P<verb>[\u4e00-\u9fff]{2})率)(?:为|达到?)?\s*\d")


def _rates_of_listed_part(sentence: Sentence, facts: list[Fact]) -> list[Finding]:
    """规上工业总产值438.6亿元，其中销售产值428.9亿元，产品销售率97.8%: a rate right after the one part of the figure right
    before it, the part named opening with the rate's verb, is that part over that figure."""
    findings = []
    for whole, part, rate in zip(facts, facts[1:], facts[2:], strict=False):
        named = _RATE_OF_PART.match(rate.text)
        if named is None or part.whole != whole.index or not (part.entity or "").startswith(named.group("verb")):
            continue
        if _of_the_count(whole, part, rate, across=False, beside=True):
            findings.append(_rate(whole, part, rate, named.group("name"), sentence.text))
    return findings


_NEW = re.compile(r"新增|净增|增加|减少")
# A rate named by its verb, with or without words in front (签约率, 健康管理率, 户籍人口参保率).
_RATE_NAMED = re.compile(r"^(?P<name>[\u4e00-\u9fff]{0,6}?(?P<verb>[\u4e00-\u9fff]{2})率)(?:为|达到?)?\s*\d")
# …28.6万人，按常住人口56.3万人计算，签约率…: the clause saying what the rate is counted on, right before it.
_COUNTED_ON = re.compile(r"[，,]按[^，,；;。]*计算[，,]\s*$")


def _rates_counted_on(sentence: Sentence, facts: list[Fact]) -> list[Finding]:
    """家庭医生签约服务28.6万人，按常住人口56.3万人计算，签约率50.8%: a rate right after the clause saying the people it is
    counted on (按…计算), that clause's figure ending it, is the figure right before the clause — named by the rate's
    verb — over them."""
    findings = []
    for k, rate in enumerate(facts[2:], start=2):
        named = _RATE_NAMED.match(rate.text)
        on = _COUNTED_ON.search(sentence.text, 0, rate.start - sentence.start) if named is not None else None
        if named is None or on is None:
            continue
        base = facts[k - 1]
        parts = [f for f in facts[:k] if f.end - sentence.start == on.start()]
        if base.end - sentence.start != sentence.text.rfind("计算", 0, on.end()) or len(parts) != 1:
            continue
        part = parts[0]
        if named.group("verb") in normalize(part.text) and _of_the_count(base, part, rate, across=False, beside=False):
            findings.append(_rate(base, part, rate, named.group("name"), sentence.text))
    return findings


def _rates_of_due(sentence: Sentence, facts: list[Fact]) -> list[Finding]:
    """参保人数达到748.3万人，应参保人数816.9万人，参保率91.6%: of the two figures right before a rate, the one of the things
    due its verb (应参保) is what the other, named by the verb and not as due or undone (未参保), is over — or, when the due
    comes second, the one right before it whatever it is called (参加医疗保险人数…，应参保人数…) — never a count of the newly
    added (新增参保1.2万人)."""
    findings = []
    for first, second, rate in zip(facts, facts[1:], facts[2:], strict=False):
        named = _RATE_NAMED.match(rate.text)
        if named is None:
            continue
        verb = named.group("verb")
        bases = [f for f in (first, second) if "应" + verb in normalize(f.text)]
        parts = [f for f in (first, second) if f not in bases and not re.search(f"[未没不]{verb}", normalize(f.text))
                 and (verb in normalize(f.text) or f is first)]
        if (len(bases) == 1 and len(parts) == 1 and not _NEW.search(parts[0].text)
                and _of_the_count(bases[0], parts[0], rate, across=False, beside=True)):
            findings.append(_rate(bases[0], parts[0], rate, named.group("name"), sentence.text))
    return findings

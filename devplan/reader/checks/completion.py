"""Completion stated against completion computed: level targets, growth targets, planned investment."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from devplan.reader.checks.common import (
    agreement,
    beside,
    compatible,
    key_of,
    percent_fit,
    plain,
    same_thing,
    some_more_interval,
    stated,
    stated_interval,
    value_in,
)
from devplan.reader.checks.differences import judged
from devplan.reader.checks.memory import Memory
from devplan.reader.extract import Sentence, plans_after_completions
from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, WARNING, Evidence, Finding
from devplan.reader.interval import HUNDRED, ONE, Interval, index, rounded, show, tidy
from devplan.reader.periods import Period
from devplan.reader.units import one_count_unit

_TRUNCATED_NOTE = "只有按截尾取整（舍去小数）理解才相符"


def _last(facts: list[Fact], measure: str, kind: str) -> Fact | None:
    found = [f for f in facts if f.measure == measure and f.kind == kind]
    return found[-1] if found else None


def check_completion(sentence: Sentence, memory: Memory) -> list[Finding]:
    findings = []
    bare = [f for f in sentence.facts if _bare_completion(sentence, f)]
    if bare:
        # Read here as the completion it is, for this check only: the fact keeps its reading for the others.
        sentence = replace(sentence, facts=[replace(f, kind="completion", measure="completion") if f in bare else f
                                            for f in sentence.facts])
    for fact in sentence.facts:
        if fact.measure != "completion":
            continue
        # Last year's level (比上年的107.1亿元) is never the figure done: it is what the done one grew from.
        related = [f for f in sentence.facts if f.index < fact.index and same_thing(f, fact) and not f.compared]
        targets = {f.measure for f in related if f.kind == "level"}
        if "target" not in targets and targets & {"actual", "estimate"} and (after := _plan_right_after(sentence, fact)):
            related = [*related, after]
        elif "target" not in targets or not targets & {"actual", "estimate"}:
            related = (_done_of_listed(sentence, fact) or _target_and_done(sentence, fact)
                       or _plan_stated_before(sentence, fact, memory) or _years_investment_plan(sentence, fact, memory)
                       or related)
        related = _counted_as_planned(sentence, fact, _without_years_of_whole(related))
        finding = _check_one(fact, related, _IN_STEP.search(sentence.text) is not None)
        finding.sentence = sentence.text
        findings.append(finding)
        if finding.check in {"completion_investment", "completion_level_target"}:
            by_index = {f.index: f for f in related}  # the plan, then the figure done
            plan, done = (by_index.get(i) for i in finding.facts[:2])
            memory.done_of_plan = (done, plan) if done is not None and plan is not None else None
    return findings + _remaining(sentence, memory)


# 年计划186亿元，预计完成191.2亿元，完成102.8%: a clause of only 完成 and a percentage, right after a plan and what was
# done of one thing, is how much of the plan was done (after 计划增长8%, 完成8.5% is the growth done instead).
_BARE = re.compile(r"^(?:预计)?完成了?\s*[\d.]")


def _bare_completion(sentence: Sentence, fact: Fact) -> bool:
    if fact.kind != "level" or fact.unit != "%" or not _BARE.match(fact.text):
        return False
    # 预计完成22.36亿元，比上年的20.86亿元增长7.2%，完成104.0%: the figure done's own rate and last year's level between.
    before = [f for f in sentence.facts[: sentence.facts.index(fact)]
              if not f.compared and not (f.kind in {"growth", "change"} and same_thing(f, fact))]
    if len(before) < 2:
        return False
    plan, done = before[-2:]
    roles = {plan.measure, done.measure}
    units = [f.unit_info for f in (plan, done)]
    return (plan.kind == done.kind == "level" and roles in ({"target", "actual"}, {"target", "estimate"})
            and same_thing(plan, fact) and same_thing(done, fact) and not plan.compared and not done.compared
            and all(u is not None and not u.is_percent for u in units))


# 下半年还需完成投资138.2亿元, 四季度还需完成…: what is left of the year's plan after what is done so far.
_LEFT_TO_DO = re.compile(r"(?:还需|尚需|仍需|还要)完成(?:投资|任务)?\s*(?:为|达)?\s*[\d.]")


def _remaining(sentence: Sentence, memory: Memory) -> list[Finding]:
    """The figure left to do is the plan less the figure done of the latest completion checked: in its sentence (完成年度计划
    265亿元的47.8%，下半年还需完成投资138.2亿元), or further on when the months left follow the months done (1—9月累计完成
    投资58.7亿元，完成年度计划的81.0% … 四季度还需完成投资13.8亿元) — never against a plan of other months."""
    if memory.done_of_plan is None or ("需完成" not in sentence.text and "要完成" not in sentence.text):
        return []
    done, plan = memory.done_of_plan
    unit = plan.unit_info
    findings = []
    for fact in sentence.facts:
        if not _LEFT_TO_DO.search(fact.text) or fact.approximate or fact.qualifier or fact.kind != "level" or unit is None \
                or fact.unit_info is None or not compatible(unit, fact.unit_info) or fact.index < done.index:
            continue
        here = any(f.index == done.index for f in sentence.facts)
        if not here and not _months_left(done, plan, fact):
            continue
        findings.append(judged(fact, plan, done, sentence.text))
    return findings


def _months_left(done: Fact, plan: Fact, left: Fact) -> bool:
    """The months of `left` run from the month after the months done to the plan's last."""
    a, b, c = done.period, plan.period, left.period
    return (a is not None and b is not None and c is not None and done.period_stated and left.period_stated
            and a.year == b.year == c.year and a.first == b.first and c.first == a.last + 1 and c.last == b.last)


# A goal of keeping pace (与经济增长同步, 与经济增长基本同步) — not work done alongside (同步加装电梯23部).
_IN_STEP = re.compile(r"与[^，,；;。]{1,12}同步")


def _without_years_of_whole(related: list[Fact]) -> list[Fact]:
    """三年累计完成投资312.6亿元，其中2021年98.4亿元、…2023年109.5亿元，完成规划目标的56.8%: the years a total is listed
    by (its parts of more than one period) are no figure done against its plan — the total is."""
    periods: dict[int, set[Period | None]] = {}
    for fact in related:
        if fact.whole is not None:
            periods.setdefault(fact.whole, set()).add(fact.period)
    wholes = {f.index for f in related}
    return [f for f in related if f.whole is None or f.whole not in wholes or len(periods[f.whole]) == 1]


def _plan_right_after(sentence: Sentence, completion: Fact) -> Fact | None:
    """收入完成14.37亿元，为预算的82.1%（年初预算17.50亿元）: the plan the completion names without a figure, stated right
    after it."""
    return next((f for f in plans_after_completions(sentence.facts) if f.index == completion.index + 1), None)


def _counted_as_planned(sentence: Sentence, completion: Fact, related: list[Fact]) -> list[Fact]:
    """改造老旧小区46个、惠及居民4128户，完成年度计划48个的95.8%: the plan inside the completion counts 个, so the figure
    done counts the same things (the 46个, the latest level before that does), not the households the work reached."""
    own = sentence.facts[: sentence.facts.index(completion)]
    plan = own[-1] if own else None
    unit = plan.unit_info if plan is not None else None
    if plan is None or unit is None or unit.kind != "count" or plan.kind != "level" or plan.measure != "target" \
            or not 0 <= completion.start - plan.end <= 2:
        return related

    def as_planned(fact: Fact) -> bool:
        return fact.unit_info is not None and one_count_unit(fact.unit_info, fact.entity, unit, plan.entity)

    done = [f for f in related if f.kind == "level" and f.measure in {"actual", "estimate"}]
    if not done or as_planned(done[-1]):
        return related
    counted = next((f for f in reversed(own[:-1]) if f.kind == "level" and f.measure in {"actual", "estimate"}
                    and not f.compared and not f.approximate and as_planned(f)), None)
    if counted is None:
        return [f for f in related if f not in done]
    # The plan is of the things counted: the completion is named after them.
    named = replace(plan, subject=counted.subject, entity=counted.entity)
    return [named if f is plan else f for f in related if f not in done] + [counted]


def _target_and_done(sentence: Sentence, completion: Fact) -> list[Fact] | None:
    """招商引资目标任务500亿元，实际到位资金520亿元，完成目标任务的104%; 完成造林面积12万亩，为年度计划10万亩的120%: a
    target and what was done, the last two levels before the completion and named each in its own words, are what
    it is the ratio of. The plan inside the completion (完成省下达任务4万人的125%) is its target whatever it reads as;
    a target of the sentence before (年度计划投资200亿元。全年完成投资220亿元，完成年度计划的110%) only when the two name
    the same kind of figure (投资)."""
    own = sentence.facts[: sentence.facts.index(completion)]
    if (invested := _planned_investment(sentence, own, completion)) is not None:
        return invested
    if any(f.measure == "completion" for f in own[-3:]):
        return None
    if (named := _named_before_plan(sentence, own)) is not None:
        return named
    if (planned := _plan_named_after(sentence, own, completion)) is not None:
        return planned
    stated_levels = [f for f in [*sentence.before, *own] if f.kind == "level" and not f.compared]
    levels = _last_two_alike(stated_levels)
    if levels is None or any(f.approximate for f in levels):
        return None
    first, last = levels
    skipped = first is not stated_levels[-2]
    after = sentence.text[last.end - sentence.start : completion.end - sentence.start]
    if last.measure == "actual" and first.measure in {"actual", "estimate"} and _INSIDE.fullmatch(after):
        levels = [first, replace(last, measure="target")]
    elif _budget_then_executed(first, last, own):
        levels = [replace(first, measure="target"), last]
    roles = sorted(f.measure for f in levels)
    if roles not in (["actual", "target"], ["estimate", "target"]):
        return None
    if (first not in own or skipped) and (_head(first) != _head(last) or first.whole is not None):
        return None  # past other figures, or from the sentence before: only a plan of the same kind of figure (投资), not a part's
    a, b = (f.unit_info for f in levels)
    return levels if a is not None and b is not None and compatible(a, b) and not a.is_percent else None


def _last_two_alike(levels: list[Fact]) -> list[Fact] | None:
    """The last level and the latest before it in a unit it can be divided by: 年度计划投资243.6亿元。已开工项目117个，开工率
    91.4%；累计完成投资231.8亿元，完成年度计划的95.2% — the counts and rates between are other figures."""
    if len(levels) < 2:
        return None
    last = levels[-1]
    first = next((f for f in reversed(levels[:-1]) if f.unit_info is not None and last.unit_info is not None
                  and compatible(f.unit_info, last.unit_info)), levels[-2])
    return [first, last]


# 实施重点民生实事36件，其中已完成31件，完成率86.1%: the part done, named by the verb alone, and its rate right after it.
# 反馈问题42项，已完成整改38项，整改完成率90.5%: the verb and what is done, the rate named by both in the other order.
_DONE_PART = re.compile(r"^(?:其中)?\s*[,:]?\s*(?:已|累计|全部)?(?:完成|办结|建成|竣工|落实)(?P<what>[\u4e00-\u9fff]{2})?\s*\d")
_RATE_OF_DONE = re.compile(r"^(?P<what>[\u4e00-\u9fff]{2})?(?:完成率|办结率)")


def _done_of_listed(sentence: Sentence, completion: Fact) -> list[Fact] | None:
    """A rate of completion (完成率) right after a part named as what was done (其中已完成31件) of a count stated just before:
    the part ÷ the whole — not a part named as a thing of its own (其中教育项目12个). Without 其中, the count right before the
    part in its unit is the whole when part and rate name what was done alike (已完成整改38项，整改完成率)."""
    own = sentence.facts[: sentence.facts.index(completion)]
    part = own[-1] if own else None
    rate = _RATE_OF_DONE.match(completion.text)
    done = _DONE_PART.match(part.text) if part is not None else None
    if part is None or part.kind != "level" or part.approximate or rate is None or done is None:
        return None
    if part.whole is not None:
        whole = next((f for f in own if f.index == part.whole), None)
    elif rate.group("what") and rate.group("what") == done.group("what") and len(own) >= 2:
        whole = own[-2] if own[-2].kind == "level" and own[-2].unit == part.unit and not own[-2].compared else None
    else:
        whole = None
    if whole is None or whole.approximate:
        return None
    return [replace(whole, measure="target"), part]


# 产业项目68个，年度计划投资92.4亿元 … (paragraphs on) 产业项目完成投资88.2亿元，完成年度计划的95.5%: the plan of exactly the
# thing done, named with 年度计划 (or 计划) where the figure done says 完成, stated for the completion's year.
_OF_YEARS_PLAN = re.compile(r"^完成(?:年度|全年)?计划的")
_DONE_NAME = re.compile(r"^完成(?P<noun>[\u4e00-\u9fff]{2,4})$")


def _plan_stated_before(sentence: Sentence, completion: Fact, memory: Memory) -> list[Fact] | None:
    """The figure done right before a completion of the year's plan without a figure, and that plan as remembered."""
    own = sentence.facts[: sentence.facts.index(completion)]
    if not own or completion.period is None or not _OF_YEARS_PLAN.match(completion.text):
        return None
    done = own[-1]
    named = _DONE_NAME.match(done.attribute or "")
    key = key_of(done)
    if named is None or key is None or done.kind != "level" or done.measure != "actual" or done.approximate or done.compared:
        return None
    plan = memory.planned.get((key, completion.period))
    plans = {f"年度计划{named.group('noun')}", f"计划{named.group('noun')}"}
    a, b = done.unit_info, plan.unit_info if plan else None
    if plan is None or plan.attribute not in plans or plan.approximate or a is None or b is None or not compatible(a, b) \
            or a.is_percent:
        return None
    return [done, plan]


# 一般公共预算收入为年初预算165000万元的102.1%: the thing named before its plan, its figure stated in the sentence before.
_NAMED_PLAN = re.compile(r"^(?:其中)?(?P<name>[\u4e00-\u9fff]{3,}?)(?:为|完成)(?:年初|调整后?的?|年度)?(?:预算|计划|目标)")


def _named_before_plan(sentence: Sentence, own: list[Fact]) -> list[Fact] | None:
    """The plan inside the completion, its thing named before it, and that thing's figure done: the latest level of
    exactly that name in the sentences before, when the sentence itself states none."""
    if not own or own[-1].kind != "level" or any(f.kind == "level" for f in own[:-1]):
        return None
    plan = own[-1]
    named = _NAMED_PLAN.match(plan.text)
    if named is None or plan.approximate:
        return None
    name = named.group("name")
    done = next((f for f in reversed(sentence.before) if f.kind == "level" and f.measure in {"actual", "estimate"}
                 and f.entity == name and f.period == plan.period and not f.approximate), None)
    if done is None:
        return None
    a, b = done.unit_info, plan.unit_info
    if a is None or b is None or not compatible(a, b) or a.is_percent:
        return None
    return [done, replace(plan, measure="target")]


# 出台了185亿元总盘子的两年刺激计划，…，现已完成110多亿元，占计划的60%以上: a completion of 计划 without its figure is of
# the one level the sentence names as a plan by the words right after it, and what was done is the level just before it.
# Only the plan as a whole (占计划的, 完成总计划的): 占年度计划的 is of a year's plan, which a plan over years does not state.
_OF_PLAN_ALONE = re.compile(r"^(?:占|为|完成)总?计划的")
_NAMED_AS_PLAN = re.compile(r"^(?P<words>[^，,；;。：:\d]{0,16}?(?:计划|规划|方案))(?![^，,；;。]*?(?:完成|实现))")


def _plan_named_after(sentence: Sentence, own: list[Fact], completion: Fact) -> list[Fact] | None:
    """The plan named by the words after its figure (185亿元总盘子的两年刺激计划) and the figure done right before the
    completion (现已完成110多亿元), when the completion names the plan without a figure (占计划的60%以上) and the sentence
    names no other plan."""
    if len(own) < 2 or not _OF_PLAN_ALONE.match(completion.text):
        return None
    plans = [(f, named) for f in own[:-1]
             if f.kind == "level" and (named := _NAMED_AS_PLAN.match(sentence.text[f.end - sentence.start :]))]
    done = own[-1]
    if len(plans) != 1 or done.kind != "level" or done.measure != "actual" or done.compared:
        return None
    plan, named = plans[0]
    a, b = done.unit_info, plan.unit_info
    if a is None or b is None or not compatible(a, b) or a.is_percent or plan.approximate:
        return None
    name = named.group("words").rsplit("的", 1)[-1]
    return [done, replace(plan, measure="target", subject=name, entity=name)]


# 计划总投资8.65亿元。…累计完成投资8.21亿元，占计划投资的94.9%: a completion naming the planned investment is of the
# latest figure said to be planned investment (计划总投资, 年度计划投资), in the sentence or the one before.
_OF_PLANNED_INVESTMENT = re.compile(r"^(?:占|为|完成)(?:年度)?计划(?:总)?投资的")
_PLANNED_INVESTMENT = re.compile(r"计划(?:总)?投资\s*(?:为|达到?)?\s*$")
_DIGIT = re.compile(r"\d")


def _planned_investment(sentence: Sentence, own: list[Fact], completion: Fact) -> list[Fact] | None:
    """The investment done right before a completion of the planned investment, and that plan."""
    if not own or not _OF_PLANNED_INVESTMENT.match(completion.text):
        return None
    done = own[-1]
    if done.kind != "level" or done.measure != "actual" or done.approximate or done.compared or _head(done) != "投资":
        return None
    plan = next((f for f in reversed([*sentence.before, *own[:-1]]) if f.kind == "level" and not f.compared
                 and _PLANNED_INVESTMENT.search(_words_before_number(f))), None)
    a, b = done.unit_info, plan.unit_info if plan else None
    if plan is None or plan.approximate or a is None or b is None or not compatible(a, b) or a.is_percent:
        return None
    return [done, replace(plan, measure="target")]


# 年度计划投资72.5亿元, 今年计划投资…: the year's plan of investment, not a project's 计划总投资.
_YEARS_PLANNED_INVESTMENT = re.compile(r"(?:年度|全年|今年)计划投资\s*(?:为|达到?)?\s*$")


def _years_investment_plan(sentence: Sentence, completion: Fact, memory: Memory) -> list[Fact] | None:
    """安排重点项目86个，年度计划投资72.5亿元。…（paragraphs later）1—9月累计完成投资58.7亿元，完成年度计划的81.0%: the
    investment done right before a completion of the year's plan, and the year's planned investment stated further back —
    when every such plan remembered for the period says the same figure (a project's own plan beside the list's is not
    guessed between)."""
    own = sentence.facts[: sentence.facts.index(completion)]
    if not own or completion.period is None or not (_OF_YEARS_PLAN.match(completion.text)
                                                     or _OF_PLANNED_INVESTMENT.match(completion.text)):
        return None
    done = own[-1]
    if done.kind != "level" or done.measure != "actual" or done.approximate or done.compared or _head(done) != "投资":
        return None
    plans = [f for f in memory.planned_of(completion.period)
             if _YEARS_PLANNED_INVESTMENT.search(_words_before_number(f)) and not f.approximate]
    a, b = done.unit_info, plans[-1].unit_info if plans else None
    if not plans or len({f.value for f in plans}) != 1 or a is None or b is None or not compatible(a, b) or a.is_percent:
        return None
    # 产业项目56个，完成投资98.4亿元，完成年度计划的91.2%: a class's investment is no list's; the done names the plan's
    # things or nothing.
    mine, theirs = (done.entity or "").removeprefix("全部"), plans[-1].entity or ""
    return [done, plans[-1]] if not mine or theirs.endswith(mine) or mine.endswith(theirs) else None


def _words_before_number(fact: Fact) -> str:
    digit = _DIGIT.search(fact.text)
    return fact.text[: digit.start()] if digit else fact.text


_INSIDE = re.compile(r"\s*[)）]?\s*的\s*[\d.]+\s*%")
# 社会保险基金预算收入596.86亿元，执行中完成612.38亿元，为预算的102.6%: the budget's figure, then what was done in the year.
_EXECUTED = re.compile(r"^(?:执行中|执行结果为?|实际)完成")


# 计划改造老旧小区42个，实际完成46个: a clause opening with the plan and the work planned.
_PLAN_OPENING = re.compile(r"^(?:全年|年度|今年)?计划")


def _budget_then_executed(first: Fact, last: Fact, own: list[Fact]) -> bool:
    """A level named with 预算, or opening with 计划 and the work planned (计划改造160公里), right before the figure done
    (执行中完成, 实际完成): the first is the budget or plan, though its name (基金预算收入, 改造) reads as the figure's own."""
    words = _words_before_number(first)
    return (first.measure == last.measure == "actual" and len(own) >= 2 and own[-2:] == [first, last]
            and ("预算" in words or _PLAN_OPENING.match(words) is not None) and _EXECUTED.match(last.text) is not None)


def _head(fact: Fact) -> str:
    """The last two characters of what the figure names (年度计划投资, 完成投资 → 投资)."""
    return (fact.attribute or fact.entity or "")[-2:]


def _not_checkable(fact: Fact, why: str, ids: list[int]) -> Finding:
    return Finding("completion_not_checkable", INFO, f"{fact.subject or ''}完成{stated(fact)}：{why}", ids, stated=fact.value)


# 超计划任务7.8%, 超额完成任务30%: what was done beyond the plan, so the completion is 100 % more.
_EXCESS = re.compile(r"超(?:额完成)?(?:全年|年度|年初)?(?:投资)?(?:计划|目标|任务)")


def _check_one(fact: Fact, related: list[Fact], in_step: bool) -> Finding:
    if _EXCESS.search(fact.text):
        return _not_checkable(fact, f"所述是超出计划的部分（完成率为{plain(HUNDRED + fact.value)}%），未与目标相除核对。", [fact.index])
    targets = [f for f in related if f.measure == "target" and f.kind in {"level", "growth"}]
    target = _named_plan(fact, targets)
    estimate_level = _last(related, "estimate", "level")
    estimate_growth = _last(related, "estimate", "growth")
    done_level = estimate_level or _last(related, "actual", "level")
    if target is None:
        if in_step:
            return _not_checkable(fact, "目标为“与经济增长同步”，须有经济增速的完成数才能核对。", [fact.index])
        if done_level is not None and fact.value > 0:
            implied = done_level.value * HUNDRED / fact.value
            return _not_checkable(
                fact,
                f"同句未给出目标值；按完成值{stated(done_level)}推算，目标约为{tidy(implied)}{done_level.unit}。",
                [done_level.index, fact.index],
            )
        return _not_checkable(fact, "同句未给出目标值和完成值。", [fact.index])
    if target.kind == "level":
        if estimate_level is None and estimate_growth is not None:
            return _not_checkable(
                fact,
                f"目标为总量{stated(target)}，全年预计只给出增速{stated(estimate_growth)}，上年总量未给出，无法算出完成额。",
                [target.index, estimate_growth.index, fact.index],
            )
        if done_level is None:
            return _not_checkable(fact, f"目标{stated(target)}有了，但没有给出完成值。", [target.index, fact.index])
        return _level_completion(fact, target, done_level)
    growth = estimate_growth or _last(related, "growth", "growth")
    if growth is None:
        return _not_checkable(
            fact, f"目标为增速{stated(target)}，但同句没有给出实际或预计增速。", [target.index, fact.index]
        )
    return _growth_completion(fact, target, growth)


# 年初预算…，调整预算…: the plans a budget has, told apart by these words.
_PLAN_KINDS = ("年初", "调整")


def _named_plan(fact: Fact, targets: list[Fact]) -> Fact | None:
    """年初预算18.0亿元，调整预算12.5亿元，实际完成12.86亿元，为调整预算的102.9%，为年初预算的71.4%: of the plans stated,
    a completion is of the one it names; when it names a plan none of them is, of none (the last plan otherwise)."""
    named_as = fact.text.split("的")[0]  # 为调整预算的102.9%
    kind = next((k for k in _PLAN_KINDS if k in named_as), None)
    if kind is None or not targets:
        return targets[-1] if targets else None
    named = [t for t in targets if kind in t.text]
    if named:
        return named[-1]
    return None if any(k in t.text for t in targets for k in _PLAN_KINDS) else targets[-1]


def _level_completion(fact: Fact, target: Fact, done: Fact) -> Finding:
    unit = target.unit_info
    done_unit = done.unit_info
    ids = [target.index, done.index, fact.index]
    if unit is None or done_unit is None or not compatible(unit, done_unit) or target.value <= 0:
        return _not_checkable(fact, f"目标{stated(target)}与完成值{stated(done)}单位不同，无法相除。", ids)
    # The plan stated inside the completion (为年度计划3万亩的120%) is what was divided by: exact, not rounded.
    inside = 0 <= fact.start - target.end <= 2
    target_iv = Interval.exact(target.value) if inside else beside(target, done, unit)
    done_iv = some_more_interval(done, unit) or beside(done, target, unit)
    computed_iv = done_iv / target_iv * Interval.exact(HUNDRED)
    computed = value_in(done, unit) / target.value * HUNDRED
    arithmetic = f"{plain(value_in(done, unit))} ÷ {plain(target.value)} = {show(computed)}%，所述 {stated(fact)}"
    investment = "投资" in (target.attribute or "") or "投资" in (done.attribute or "")
    check = "completion_investment" if investment else "completion_level_target"
    fit = _bound_fit(computed_iv, fact) if fact.qualifier in _BOUNDS else percent_fit(computed_iv, fact.value)
    common = Evidence(facts=ids, stated=fact.value, computed=Decimal(show(computed)), arithmetic=arithmetic)
    subject = target.subject or ""
    said = stated(fact) + (fact.qualifier if fact.qualifier in _BOUNDS else "")
    if fit is None:
        return Finding(check, ERROR, f"{subject}完成率应为{show(computed)}%，所述{said}不符（按任何舍入都不可能）。", **common)
    severity = INFO if fit == "rounded" else WARNING
    note = agreement(computed, fact.value) if fit == "rounded" else _TRUNCATED_NOTE
    return Finding(check, severity, f"{subject}完成率{show(computed)}%，所述{said}{note}。", **common)


_BOUNDS = {"以上", "以下", "以内"}


def _bound_fit(computed: Interval, fact: Fact) -> str | None:
    """A completion stated as a floor (占计划的60%以上) or a ceiling (…以内) fits when some computed value lies on its side."""
    stated_iv = rounded(fact.value)
    fits = computed.hi >= stated_iv.lo if fact.qualifier == "以上" else computed.lo <= stated_iv.hi
    return "rounded" if fits else None


def _growth_completion(fact: Fact, target: Fact, growth: Fact) -> Finding:
    ids = [target.index, growth.index, fact.index]
    g, gt = rounded(growth.value), stated_interval(target)
    index_iv = index(g) / index(gt) * Interval.exact(HUNDRED)
    index_value = (ONE + growth.value / HUNDRED) / (ONE + target.value / HUNDRED) * HUNDRED
    index_fit = percent_fit(index_iv, fact.value)
    rate_fit = None
    rate_text = "目标增速为零附近，增速相除无意义"
    if not gt.lo <= 0 <= gt.hi:
        rate_value = growth.value / target.value * HUNDRED
        rate_fit = percent_fit(g / gt * Interval.exact(HUNDRED), fact.value)
        rate_text = f"增速相除 {plain(growth.value)} ÷ {plain(target.value)} = {show(rate_value)}%"
    arithmetic = (
        f"指数之比 (1+{plain(growth.value)}%) ÷ (1+{plain(target.value)}%) = {show(index_value)}%；{rate_text}；所述 {stated(fact)}"
    )
    common = Evidence(facts=ids, stated=fact.value, computed=Decimal(show(index_value)), arithmetic=arithmetic)
    subject = target.subject or ""
    if index_fit == "rounded":
        return Finding(
            "completion_growth_target", INFO,
            f"{subject}增速目标完成率按增长指数之比为{show(index_value)}%，与所述{stated(fact)}相符（规范算法）。", **common,
        )
    if rate_fit == "rounded" and growth.value < 0 and target.value < 0:
        # 单位地区生产总值二氧化碳排放三年累计下降11.2%；规划目标累计下降18%，已完成规划目标的62.2%: progress towards a
        # reduction is the share of the cut made, as a plan's evaluation measures it.
        return Finding("completion_growth_target", INFO,
                       f"{subject}降低目标完成率按降幅之比为{show(rate_value)}%，与所述{stated(fact)}相符。", **common)
    if rate_fit is not None:
        truncation = "（且为截尾取整）" if rate_fit == "truncated" else ""
        return Finding(
            "completion_growth_target", WARNING,
            f"{subject}所述完成率{stated(fact)}是把增速直接相除得到的{truncation}；这种算法在统计上是错误的，"
            f"按增长指数之比应为{show(index_value)}%。", **common,
        )
    if index_fit == "truncated":
        return Finding(
            "completion_growth_target", WARNING,
            f"{subject}增速目标完成率按增长指数之比为{show(index_value)}%，所述{stated(fact)}只有按截尾取整才相符。", **common,
        )
    return Finding(
        "completion_growth_target", ERROR,
        f"{subject}增速目标完成率按增长指数之比应为{show(index_value)}%，所述{stated(fact)}按哪种算法、哪种舍入都不符。",
        **common,
    )

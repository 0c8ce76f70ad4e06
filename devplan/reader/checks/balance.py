"""Balances: 基金收入9.86亿元，支出9.12亿元，当期结余0.74亿元 — what is left is the income less the spending; and a
budget's totals: 一般公共预算收入52860万元，加上级补助收入…、调入资金…，收入总计… — the figure and what is added to it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from devplan.reader.checks.common import compatible, interval_in, plain, stated, value_in, verdict
from devplan.reader.checks.memory import Memory
from devplan.reader.extract import Sentence, plans_of_completions
from devplan.reader.facts import Fact
from devplan.reader.findings import Evidence, Finding
from devplan.reader.numbers import normalize

# The spending named alone or with the income's own name (医保基金收入…，支出…; 基金收入…，基金支出…), and the balance
# of the period (结余, 当期结余, 当年结余, 收支结余 — never 累计结余 or 滚存结余, which carry years before).
_SPENDING = re.compile(r"^(?P<name>[\u4e00-\u9fff]*?)支出$")
_CARRIED = re.compile(r"累计|滚存|历年")
_BALANCE = re.compile(r"^(?:当期|当年|本年|年度)?(?:收支)?结余$")
# A budget's 收入总计 holds last year's balance and what was carried in: 收入总计…，支出总计…，年终结余 is what is left at
# the year's end — only of totals named so, never a fund's 年末结余, which carries the years before; nor 结转下年, which
# may be only some of it (…，结转下年支出…，净结余…).
_YEAR_END = re.compile(r"(?:年终|年末)结余")
_TOTALLED = re.compile(r"总计|合计")


def check_balance(sentence: Sentence) -> list[Finding]:
    """Three levels side by side in one sentence — an income, its spending, the balance — must agree: balance =
    income − spending, within the rounding of each."""
    findings = []
    # The levels side by side past the rates said of them (收入预算638.50亿元，增长4.3%；支出预算…，增长4.4%；当年收支结余…).
    facts = [f for f in sentence.facts if f.kind == "level" and not f.compared]
    for k, (spending, balance) in enumerate(itertools.pairwise(facts)):
        income = _income_before(facts[:k])
        if income is None or not _balanced(income, spending, balance):
            continue
        unit = income.unit_info
        assert unit is not None
        computed = value_in(income, unit) - value_in(spending, unit)
        fits = (interval_in(income, unit) - interval_in(spending, unit)).overlaps(interval_in(balance, unit))
        arithmetic = f"{plain(value_in(income, unit))} − {plain(value_in(spending, unit))} = {plain(computed)}{unit.text}，所述结余 {stated(balance)}"
        common = Evidence(facts=[income.index, spending.index, balance.index], stated=balance.value, computed=computed,
                          arithmetic=arithmetic)
        findings.append(verdict("parts_total", fits, f"{income.subject}减去支出为{plain(computed)}{unit.text}，与所述结余相符。",
                                f"{income.subject}{stated(income)}减去支出{stated(spending)}应结余{plain(computed)}{unit.text}，"
                                f"所述{stated(balance)}不符。", common, sentence.text))
    return findings


def _income_before(before: list[Fact]) -> Fact | None:
    """The income the spending follows: the figure right before it, or the one before its own breakdown (基金收入286亿元，
    其中保险费收入171亿元、财政补贴收入98亿元；基金支出…) — every figure between a part found of it."""
    if not before or before[-1].whole is None:
        return before[-1] if before else None
    whole = next((k for k, f in enumerate(before) if f.index == before[-1].whole), None)
    if whole is None or any(f.whole != before[whole].index for f in before[whole + 1:]):
        return None
    return before[whole]


def _balanced(income: Fact, spending: Fact, balance: Fact) -> bool:
    trio = (income, spending, balance)
    if any(f.kind != "level" or f.approximate or f.unit_info is None or f.period != income.period
           or f.whole is not None for f in trio):
        return False
    # A budget's planned income and spending leave a planned balance, which is not said to be planned (收入预算…，
    # 支出预算…，当年收支结余…): both sides of one measure, the balance of theirs or stated plainly.
    if income.measure not in {"actual", "target"} or spending.measure != income.measure \
            or balance.measure not in {"actual", income.measure}:
        return False
    units = [f.unit_info for f in trio]
    if any(u is None or u.is_percent or u.base != "元" for u in units):
        return False
    if not all(compatible(units[0], u) for u in units[1:] if u is not None and units[0] is not None):
        return False
    name = income.entity or ""
    spent = _SPENDING.match(spending.entity or "")
    # 年末结余 of a fund is all it holds (the reader takes 年末 for the period, so the text tells): only a budget's totals
    # leave it as the year's balance.
    totals = _TOTALLED.search(income.text) is not None and _TOTALLED.search(spending.text) is not None
    left = (_YEAR_END.search(balance.text) is None and _BALANCE.match(balance.entity or "") is not None) or (
        totals and _YEAR_END.search(balance.text) is not None)
    if not name.endswith("收入") or spent is None or not left or balance.cumulative or _CARRIED.search(balance.text):
        return False
    # 支出 alone, or the income's name with 支出 for 收入 (基金收入 → 基金支出).
    return spent.group("name") in {"", name[: -len("收入")]} or name[: -len("收入")].endswith(spent.group("name"))


# 收入总计, 支出总计 (总计 alone after a list): the total of a budget's balance sheet.
# 当年收支结余14.15亿元，加上年结余201.52亿元，年末滚存结余215.67亿元: the balance carried is this year's and last year's.
# 基金收入安排71.2亿元，加上级补助收入3.5亿元、上年结余17.15亿元，可用财力91.85亿元: what can be spent, all of it added.
# 支出合计 is said for 支出总计 as well.
# 全县收入总计: the place before the total names no other thing.
_BUDGET_TOTAL = re.compile(r"^(?:全[市县区])?(?:(?P<side>收入|支出)?总计|(?P<side_summed>收入|支出)合计|(?:年末)?滚存结余|(?:预计)?可用财力)")
# What stands between the figure and the first thing added to it, and between the things added: 加 opening a clause, then 、.
_ADDED = re.compile(r"^[^;、]*,\s*加(?!快|强|大)[^,;、]*$")
_LISTED = re.compile(r"^[^,;、]*、[^,;、]*$")
_OPENS_ADDING = re.compile(r"^\s*加(?!快|强|大)")
_OPENS_PARTS = re.compile(r"^\s*其中")
# 等 right after the last thing added: the list names only some of them.
_SOME_OF = re.compile(r"^\s*等")


def check_budget_totals(sentence: Sentence, earlier: list[Sentence]) -> list[Finding]:
    """一般公共预算收入预算安排52860万元，…，加上级补助收入92350万元、调入资金6200万元、上年结转1530万元，收入总计152940万元:
    the figure and all that is added to it make the total, within the rounding of each — only when the sentence has
    exactly that shape (one figure, 加 and the items listed with 、, then the total), else nothing is said. A sentence
    opening with 加 adds to the last figure of the sentence before (…预算安排52860万元，增长5.0%。加上级补助收入…), `earlier`
    holding the sentences before it in the paragraph."""
    if "总计" not in sentence.text and "合计" not in sentence.text and "滚存" not in sentence.text \
            and "可用财力" not in sentence.text:
        return []  # most sentences state no total: one test before any work
    facts = [f for f in sentence.facts if f.kind == "level" and not f.compared]
    text = normalize(sentence.text)

    def gap(first: Fact, second: Fact) -> str:
        """The words between two figures; before the sentence's first, a clause break (the figure is the last sentence's)."""
        start, end = first.end - sentence.start, second.start - sentence.start
        return text[start:end] if start >= 0 else "," + text[:end]

    if _OPENS_ADDING.match(text) and earlier and facts:
        figure = _added_to(earlier)
        if figure is None:
            return []
        facts = [figure, *facts]
    findings = []
    for k, total in enumerate(facts):
        named = _BUDGET_TOTAL.match(normalize(total.text))
        if k < 2 or named is None or not _money(total):
            continue
        items = _added_up(facts[:k], gap)
        side_only = items is None
        items = items or _side_listed(facts[:k], gap, named.group("side") or named.group("side_summed"))
        if items is not None and _SOME_OF.match(gap(items[-1], total)):
            continue  # 加上级补助收入…、债券转贷收入…等，收入总计…: only some of what is added is listed
        unit = total.unit_info
        assert unit is not None
        if items is None or any(not _money(f) or not compatible(f.unit_info, unit) for f in items):  # type: ignore[arg-type]
            continue
        computed = sum((value_in(f, unit) for f in items[1:]), start=value_in(items[0], unit))
        spread = sum((interval_in(f, unit) for f in items[1:]), start=interval_in(items[0], unit))
        arithmetic = " + ".join(plain(value_in(f, unit)) for f in items) + f" = {plain(computed)}{unit.text}，所述 {stated(total)}"
        common = Evidence(facts=[*(f.index for f in items), total.index], stated=total.value, computed=computed,
                          arithmetic=arithmetic)
        if side_only and spread.hi < interval_in(total, unit).lo:
            continue  # items listed without 加 may leave some out (调出资金…): only a sum past the total is wrong
        name = named.group()
        findings.append(verdict("parts_total", spread.overlaps(interval_in(total, unit)),
                                f"{name}：各项之和{plain(computed)}{unit.text}与所述相符。",
                                f"{name}应为各项之和{plain(computed)}{unit.text}，所述{stated(total)}不符。", common, sentence.text))
    return findings


def _added_to(earlier: list[Sentence]) -> Fact | None:
    """The figure a sentence opening with 加 adds to: the last amount of the sentence before (past a count of projects it
    funds: …支出26.84亿元，…用于26个项目建设。加…) — past sentences that state
    no amount (…收入186520万元…。税收收入占一般公共预算收入的比重为68.8%。加上级补助收入…) — never last year's (比上年的…) nor
    the plan of a completion (支出完成498630万元，为调整预算数517800万元的96.3%。加…; 为预算（0.80亿元）的107.5%。加…)."""
    for previous in reversed(earlier):
        planned = plans_of_completions(previous.facts) | {
            f.index for f, after in itertools.pairwise(previous.facts) if f.measure == "target" and after.kind == "completion"}
        figure = next((f for f in reversed(previous.facts)
                       if f.kind == "level" and _amount(f) and not f.compared and f.index not in planned), None)
        if figure is not None and _OPENS_PARTS.match(normalize(previous.text)):
            figure = _account_of(previous, figure)
        elif figure is not None and figure.whole is not None:
            # …支出26.84亿元，增长3.7%，其中…支出10.79亿元，…。加调出资金…: the part's whole in its own sentence.
            figure = next((f for f in previous.facts if f.index == figure.whole), None)
        if figure is not None or any(_amount(f) for f in previous.facts):
            return figure
    return None


def _account_of(previous: Sentence, part: Fact) -> Fact | None:
    """…收入186542万元。其中，税收收入128736万元…。加上级补助收入…: what is added to is the account, not its part — the whole
    the part was found to be of, else the first figure of what the breakdown goes on from (预算安排22.08亿元，比2025年
    执行数…增长4.8%。其中，税收收入…: the 22.08, though its parts, not said to be planned, were not put under it)."""
    if part.whole is not None:
        return next((f for f in previous.before if f.index == part.whole), None)
    return next((f for f in previous.carried if f.kind == "level" and not f.compared and f.whole is None), None)


def _amount(fact: Fact) -> bool:
    unit = fact.unit_info
    return unit is not None and unit.base == "元" and not unit.is_percent


def _money(fact: Fact) -> bool:
    return _amount(fact) and not fact.approximate and fact.whole is None


def _added_up(before: list[Fact], gap: Callable[[Fact, Fact], str]) -> list[Fact] | None:
    """The figure and the things added to it, right before the total (…X，加A、B、C，总计): every gap between the things
    added a 、, the one before them a clause opening with 加."""
    items = before[-1:]
    for fact in reversed(before[:-1]):
        between = gap(fact, items[0])
        if _LISTED.match(between):
            items.insert(0, fact)
        elif _ADDED.match(between + normalize(items[0].text)):
            return [fact, *items]
        else:
            return None
    return None


# Between two items of one side listed with commas: nothing but the clause break (…支出1.20亿元，债务还本支出2.10亿元).
_COMMA_ONLY = re.compile(r"^\s*,\s*$")


def _side_listed(before: list[Fact], gap: Callable[[Fact, Fact], str], side: str | None) -> list[Fact] | None:
    """一般公共预算支出安排39.10亿元，上解支出1.20亿元，债务还本支出2.10亿元，支出总计42.40亿元: the items of one side of the
    budget listed with commas, the sentence's every figure before the total, each named as of that side — so no growth, part
    or other figure falls between them. Without 加 the list may leave items out, so they may fall short of the total."""
    if side is None or len(before) < 2 or any(not (f.entity or "").endswith(side) for f in before):
        return None
    if any(not _COMMA_ONLY.match(gap(a, b)) for a, b in itertools.pairwise(before)):
        return None
    return before


# 收入总计56.42亿元。…支出总计55.87亿元。收支相抵，年终结余0.55亿元: a budget's totals, each in its own sentence, and what
# is left said after them.
_SIDE_TOTAL = re.compile(r"^(?:全[市县区])?(?:[\u4e00-\u9fff]{2,10}?预算)?(?P<side>收入|支出)(?:总计|合计)")
# 年终结转结余 is what is left and carried to the next year; so is 结转下年(支出) when it is all that is said of what is left
# (not …，结转下年支出…，净结余…).
_YEAR_END_LEFT = re.compile(r"^(?:年终|年末)(?:结转)?结余|^结转下年(?:支出|使用)?\s*\d")
# How far back the totals may stand: the spending total in the sentence or the one before, the income total within a few.
_SPENDING_BACK, _INCOME_BACK = 1, 3


def check_year_end_balance(sentence: Sentence, memory: Memory) -> list[Finding]:
    """The income total less the spending total stated before it, in this paragraph's last few sentences (收入总计 before
    支出总计), is the year-end balance said after them with 收支相抵 — the balance within the rounding of each."""
    if "总计" not in sentence.text and "合计" not in sentence.text and "结余" not in sentence.text and "结转" not in sentence.text:
        return []  # neither a total nor a balance: most sentences
    totals = memory.budget_totals
    findings = []
    text = normalize(sentence.text)
    for fact in sentence.facts:
        named = _SIDE_TOTAL.match(normalize(fact.text))
        if named is not None and _money(fact) and fact.kind == "level":
            totals[named.group("side")] = fact
            continue
        income, spending = totals.get("收入"), totals.get("支出")
        if (income is None or spending is None or not _YEAR_END_LEFT.match(fact.text) or not _money(fact)
                or "收支相抵" not in text[: fact.start - sentence.start] or not income.index < spending.index < fact.index
                or fact.sentence - spending.sentence > _SPENDING_BACK or fact.sentence - income.sentence > _INCOME_BACK
                or not income.period == spending.period == fact.period):
            continue
        if fact.text.startswith("结转") and any(f.index > fact.index for f in sentence.facts):
            continue  # 结转下年支出0.53亿元，净结余0.03亿元: only some of what is left
        totals.clear()  # the next account states its own
        if (checked := two_figures(income, "−", spending, fact)) is None:
            continue
        fits, common, computed = checked
        findings.append(verdict("parts_total", fits, f"收入总计减支出总计为{computed}，与所述年终结余相符。",
                                f"收入总计{stated(income)}减支出总计{stated(spending)}应结余{computed}，"
                                f"所述{stated(fact)}不符。", common, sentence.text))
    return findings


# 当年收支结余14.56亿元，年初滚存结余183.81亿元，年末滚存结余198.37亿元: a fund's balance carried from the year before
# plus the year's own balance is what it holds at the year's end — said side by side, with no 加 (check_budget_totals
# reads that shape).
_OPENING = re.compile(r"(?:年初|上年末|上年)(?:滚存|累计)?结余")
_CLOSING = re.compile(r"(?<!上)(?:年末|期末)(?:滚存|累计)结余")
# The year's balance, after the fund's name too (养老保险基金当年收支结余).
_YEAR_BALANCE = re.compile(r"(?:当期|当年|本年|年度|收支)结余$")


def check_rolling_balance(sentence: Sentence) -> list[Finding]:
    """The year's balance and the opening balance, in either order, then the closing balance, three figures in a row
    of one period: closing = opening + the year's, within the rounding of each."""
    if "滚存" not in sentence.text and "累计结余" not in sentence.text:
        return []  # no balance carried: most sentences
    text = normalize(sentence.text)
    findings = []
    facts = sentence.facts
    for first, second, closing in zip(facts, facts[1:], facts[2:], strict=False):
        opening, year = (first, second) if _OPENING.search(first.text) else (second, first)
        if (not _OPENING.search(opening.text) or not _CLOSING.search(closing.text)
                or not _year_balance(year) or "加" in text[first.end - sentence.start:closing.start - sentence.start]
                or any(not _money(f) or f.kind != "level" for f in (first, second, closing))
                or year.period != closing.period or not _opens(opening, closing)):
            continue
        if (checked := two_figures(opening, "+", year, closing)) is None:
            continue
        fits, common, computed = checked
        findings.append(verdict("parts_total", fits, f"年初结余加当年结余为{computed}，与所述年末滚存结余相符。",
                                f"年初结余{stated(opening)}加当年结余{stated(year)}应为{computed}，"
                                f"所述年末滚存结余{stated(closing)}不符。", common, sentence.text))
    return findings


def two_figures(first: Fact, op: str, second: Fact, total: Fact) -> tuple[bool, Evidence, str] | None:
    """first + second or first − second against the stated total, in the total's unit: whether their intervals meet,
    the evidence, and the computed figure with its unit; None when the units cannot be compared."""
    unit = total.unit_info
    assert unit is not None
    if not (compatible(unit, first.unit_info) and compatible(unit, second.unit_info)):  # type: ignore[arg-type]
        return None
    if op == "+":
        computed = value_in(first, unit) + value_in(second, unit)
        spread = interval_in(first, unit) + interval_in(second, unit)
    else:
        computed = value_in(first, unit) - value_in(second, unit)
        spread = interval_in(first, unit) - interval_in(second, unit)
    figure = f"{plain(computed)}{unit.text}"
    evidence = Evidence(facts=[first.index, second.index, total.index], stated=total.value, computed=computed,
                        arithmetic=f"{stated(first)} {op} {stated(second)} = {figure}，所述 {stated(total)}")
    return spread.overlaps(interval_in(total, unit)), evidence, figure


def _opens(opening: Fact, closing: Fact) -> bool:
    """The opening balance is of the closing one's year (年初), or the end of the year before (上年末, which the reader
    dates to that year)."""
    year = closing.period.year if closing.period else None
    return opening.period == closing.period or (
        year is not None and opening.period == closing.period._replace(year=year - 1))  # type: ignore[union-attr]


def _year_balance(fact: Fact) -> bool:
    """The year's own balance (当年收支结余, 本年结余), never one carried (滚存, 累计)."""
    entity = fact.entity or ""
    named = _BALANCE.match(entity) is not None or _YEAR_BALANCE.search(entity) is not None
    return named and not _CARRIED.search(fact.text) and not fact.cumulative

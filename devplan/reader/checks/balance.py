"""Balances: 基金收入9.86亿元，支出9.12亿元，当期结余0.74亿元 — what is left is the income less the spending."""

from __future__ import annotations

import re

from devplan.reader.checks.common import compatible, interval_in, plain, stated, value_in, verdict
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import Evidence, Finding

# The spending named alone or with the income's own name (医保基金收入…，支出…; 基金收入…，基金支出…), and the balance
# of the period (结余, 当期结余, 当年结余, 收支结余 — never 累计结余 or 滚存结余, which carry years before).
_SPENDING = re.compile(r"^(?P<name>[\u4e00-\u9fff]*?)支出$")
_CARRIED = re.compile(r"累计|滚存|历年")
_BALANCE = re.compile(r"^(?:当期|当年|本年|年度)?(?:收支)?结余$")


def check_balance(sentence: Sentence) -> list[Finding]:
    """Three levels side by side in one sentence — an income, its spending, the balance — must agree: balance =
    income − spending, within the rounding of each."""
    findings = []
    facts = sentence.facts
    for income, spending, balance in zip(facts, facts[1:], facts[2:], strict=False):
        if not _balanced(income, spending, balance):
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


def _balanced(income: Fact, spending: Fact, balance: Fact) -> bool:
    trio = (income, spending, balance)
    if any(f.kind != "level" or f.measure != "actual" or f.approximate or f.unit_info is None or f.period != income.period
           or f.whole is not None for f in trio):
        return False
    units = [f.unit_info for f in trio]
    if any(u is None or u.is_percent or u.base != "元" for u in units):
        return False
    if not all(compatible(units[0], u) for u in units[1:] if u is not None and units[0] is not None):
        return False
    name = income.entity or ""
    spent = _SPENDING.match(spending.entity or "")
    if not name.endswith("收入") or spent is None or _BALANCE.match(balance.entity or "") is None \
            or balance.cumulative or _CARRIED.search(balance.text):
        return False
    # 支出 alone, or the income's name with 支出 for 收入 (基金收入 → 基金支出).
    return spent.group("name") in {"", name[: -len("收入")]} or name[: -len("收入")].endswith(spent.group("name"))

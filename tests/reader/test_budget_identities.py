"""Budget identities as rules of the reader's grammar, with invented sentences: what a budget's spending total adds to
when the account is followed by one of its parts (…支出A，其中…B。加…，支出总计), and the balance a budget plans (收入预算…，
支出预算…，当年收支结余…) or a fund states with the rates of each side between its figures, and months that add up
(1—8月累计…，9月当月… make 1—9月). The true sentence stays quiet,
a planted error is caught, and a look-alike (a balance carried, a reserve fund, a plan beside an outturn) stays quiet."""

from __future__ import annotations

from tests.reader.shapes import assert_caught, assert_quiet
from tests.reader.shapes import errors as _errors

# The account, a rate and one of its parts, then the sentence adding to it: what is added to is the account.
_SPENDING_TOTAL = ("全区政府性基金预算支出18.42亿元，下降2.1%，其中城乡社区支出12.60亿元，主要用于14个片区改造项目。"
                   "加调出资金0.90亿元、专项债务还本支出{}亿元，支出总计21.42亿元。")


def test_what_is_added_to_is_the_account_not_its_part() -> None:
    assert_caught(_SPENDING_TOTAL.format("2.10"), _SPENDING_TOTAL.format("2.60"), ["parts_total"])


# A budget's plan: income and spending planned, the year's balance left between them (said plainly, not 预算).
_PLANNED = ("2026年社会保险基金预算草案：全县社会保险基金收入预算86.40亿元，比2025年执行数增长3.2%；"
            "支出预算{}亿元，增长4.0%；当年收支结余{}亿元，年末滚存结余预计达到92.30亿元。")


def test_a_planned_balance_is_the_planned_income_less_the_planned_spending() -> None:
    assert_caught(_PLANNED.format("80.15", "6.25"), _PLANNED.format("80.15", "7.25"), ["parts_total"])
    assert _errors(_PLANNED.format("81.15", "6.25")) == ["parts_total"]


def test_a_balance_carried_from_years_before_is_not_the_years_balance() -> None:
    # 滚存结余 beside the year's plan holds the years before: never income less spending.
    assert_quiet("全县社会保险基金收入预算86.40亿元，增长3.2%；支出预算80.15亿元，增长4.0%；年末滚存结余92.30亿元。")


def test_a_reserve_fund_is_not_a_balance() -> None:
    assert_quiet("全县一般公共预算收入预算26.40亿元，增长3.0%；支出预算22.15亿元，增长2.0%；安排预算稳定调节基金1.20亿元。")


def test_a_plan_beside_an_outturn_leaves_no_balance_checked() -> None:
    # The income is the year's outturn, the spending the plan: what is left is of neither.
    assert_quiet("全县社会保险基金收入完成86.40亿元，增长3.2%；支出预算80.15亿元，增长4.0%；当年收支结余3.10亿元。")
    # The adjusted plan beside the plan made at the year's start: neither is the other's income or spending.
    assert_quiet("全县基金收入年初预算86.40亿元，调整预算为90.00亿元，当年收支结余3.60亿元。")


_FUND = "全市失业保险基金收入9.86亿元，增长5.1%，支出{}亿元，增长3.0%，当期结余0.74亿元。"


def test_a_funds_balance_past_the_rates_of_each_side() -> None:
    assert_caught(_FUND.format("9.12"), _FUND.format("9.42"), ["parts_total"])


# Months that add up: the months to date before, then the month after, make the months to date stated before them.
_MONTHS = ("1—9月，全县实现社会消费品零售总额218.60亿元，上年同期为205.30亿元，同比增长6.5%。"
           "1—8月累计实现193.40亿元，9月当月实现{}亿元，当月增速较8月加快0.8个百分点。")


def test_the_months_to_date_and_the_next_month_make_the_months_to_date() -> None:
    assert_caught(_MONTHS.format("25.20"), _MONTHS.format("28.20"), ["parts_total"])


def test_a_month_that_is_not_the_next_one_is_not_added() -> None:
    # The month within the months to date (8月 beside 1—8月), or one month past the next: not a part of 1—9月.
    within = ("1—9月，全县实现社会消费品零售总额218.60亿元，同比增长6.5%。1—8月累计实现193.40亿元，8月当月实现28.20亿元。")
    past = ("1—9月，全县实现社会消费品零售总额218.60亿元，同比增长6.5%。1—7月累计实现170.40亿元，9月当月实现28.20亿元。")
    assert_quiet(within, past)


def test_months_of_another_thing_are_not_added() -> None:
    # The month's figure names another thing than the months to date before it.
    assert_quiet("1—9月，全县实现社会消费品零售总额218.60亿元，同比增长6.5%。"
                 "1—8月社会消费品零售总额193.40亿元，9月网上零售额8.20亿元。")

"""Shapes of the planted errors outside set I missed (the twenty-fifth pass), each as a rule of the reader's grammar with
invented sentences: the true sentence stays quiet, a planted error is caught, and a look-alike stays quiet."""

from __future__ import annotations

from tests.reader.shapes import assert_caught, assert_quiet
from tests.reader.shapes import errors as _errors

# A fund's balance: the income, its breakdown, the spending and the year's balance in one sentence.
_FUND = "2024年全县医疗保险基金收入{}亿元，其中个人缴费收入20.15亿元、财政补贴收入18.40亿元；医疗保险基金支出39.72亿元，当年收支结余3.28亿元。"


def test_a_balance_is_the_income_less_the_spending_past_the_income_breakdown() -> None:
    assert_caught(_FUND.format("43.00"), _FUND.format("46.00"), ["parts_total"])


def test_a_balance_past_a_breakdown_is_still_of_one_fund() -> None:
    # Another fund's spending after the breakdown: not this income's.
    assert_quiet("2024年全县医疗保险基金收入43.00亿元，其中个人缴费收入20.15亿元、财政补贴收入18.40亿元；养老保险基金支出39.72亿元，"
                 "当年收支结余9.28亿元。")


# A fund's rolling balance: the year's balance and the balance carried in make the year-end balance.
_ROLLING = "2024年全县养老保险基金当年收支结余4.37亿元，{}滚存结余52.16亿元，年末滚存结余{}亿元。"


def test_a_year_end_balance_is_the_opening_balance_plus_the_years() -> None:
    assert_caught(_ROLLING.format("年初", "56.53"), _ROLLING.format("年初", "58.53"), ["parts_total"])
    # 上年末 is read as last year's figure: still the opening balance.
    assert_caught(_ROLLING.format("上年末", "56.53"), _ROLLING.format("上年末", "59.53"), ["parts_total"])


def test_the_opening_balance_may_come_first() -> None:
    text = "2024年全县养老保险基金年初滚存结余52.16亿元，当年收支结余4.37亿元，年末滚存结余{}亿元。"
    assert_caught(text.format("56.53"), text.format("60.53"), ["parts_total"])


def test_balances_not_carried_are_not_added() -> None:
    # A year's balance and a balance of the years so far (累计) that is not the year's start: nothing added.
    assert_quiet("2024年全县养老保险基金当年收支结余4.37亿元，上年结转资金52.16亿元，年末滚存结余60.53亿元。")


# What can be spent: the income and what is added to it.
_SPENDABLE = ("2025年全县政府性基金预算收入安排28.40亿元，比上年执行数增长3.0%。加上级补助收入1.60亿元、上年结余{}亿元，"
              "可用财力35.20亿元。")


def test_what_can_be_spent_is_the_income_and_all_added_to_it() -> None:
    assert_caught(_SPENDABLE.format("5.20"), _SPENDABLE.format("7.20"), ["parts_total"])


def test_what_can_be_spent_without_adding_is_not_summed() -> None:
    assert_quiet("2025年全县政府性基金预算收入安排28.40亿元，上年结余5.20亿元，可用财力40.20亿元。")


# Complete pairs: taxes and the rest of a budget's income, tourists from home and from abroad.


def test_taxes_and_non_tax_income_are_all_of_the_budget_income() -> None:
    text = "全县一般公共预算收入完成24.60亿元，增长4.1%。其中，税收收入16.25亿元，占一般公共预算收入的66.1%；非税收入{}亿元。"
    assert_caught(text.format("8.35"), text.format("7.35"), ["parts_total"])


def test_taxes_alone_are_some_of_the_budget_income() -> None:
    assert_quiet("全县一般公共预算收入完成24.60亿元，其中税收收入16.25亿元，增值税6.10亿元。")


def test_tourists_from_home_and_abroad_are_all_the_tourists() -> None:
    text = "全年接待海内外游客1286.4万人次，比上年增长9.2%。其中，接待国内游客{}万人次，接待入境游客3.5万人次。"
    assert_caught(text.format("1282.9"), text.format("1182.9"), ["parts_total"])
    # Tourists from home alone are some of them.
    assert _errors("全年接待国内外游客1286.4万人次，其中国内游客1182.9万人次。") == []


# Shares of a whole named short.


def test_a_share_of_a_whole_named_with_its_verb() -> None:
    text = "全年共争取上级资金86.40亿元。其中，争取中央预算内投资{}亿元，占争取上级资金总额的12.5%。"
    assert_caught(text.format("10.80"), text.format("12.80"), ["share_levels"])


def test_a_part_spelled_out_is_never_its_own_whole() -> None:
    text = "全年全体居民人均消费支出21460元，增长5.1%。其中，人均食品烟酒消费支出{}元，占人均消费支出的30.2%。"
    assert_caught(text.format("6481"), text.format("7481"), ["share_levels"])
    # No spending of all kinds stated: nothing to divide.
    assert _errors("全年人均食品烟酒消费支出7481元，占人均消费支出的30.2%。") == []


def test_a_share_of_all_of_a_measure_is_of_the_figure_right_before_it() -> None:
    text = ("2025年全县安排重点项目120个，总投资860.5亿元，年度计划投资210.4亿元。其中，工业项目48个，年度计划投资{}亿元，"
            "占全部年度计划投资的40.2%；城建项目72个。")
    assert_caught(text.format("84.6"), text.format("94.6"), ["share_levels"])
    # The part's measure named: the same.
    named = ("2025年全县安排重点项目120个，总投资860.5亿元，年度计划投资210.4亿元。其中，续建项目52个，新开工项目68个；"
             "新开工项目年度计划投资{}亿元，占全部年度计划投资的40.2%。")
    assert_caught(named.format("84.6"), named.format("94.6"), ["share_levels"])


# Rates of a state over the count right before it.


def test_a_rate_of_days_is_over_the_days_counted_right_before() -> None:
    text = "全年县城环境空气质量有效监测天数362天，其中优良天数{}天，优良率为94.2%。"
    assert_caught(text.format("341"), text.format("321"), ["share_levels"])
    # A rate named by another state than the days counted: not said of which days.
    assert _errors("全年有效监测天数362天，其中优良天数321天，达标率为94.2%。") == []


def test_a_rate_of_things_begun_named_with_what_was_begun() -> None:
    text = "全年新签约项目126个，签约总额386.5亿元。签约项目中，已开工建设{}个，开工率77.8%；已投产32个。"
    assert_caught(text.format("98"), text.format("88"), ["share_levels"])


# A completion of the budget: the budget's figure, then what was done in the year (执行中完成).


def test_a_budget_named_as_its_income_before_the_figure_done() -> None:
    text = "2024年，全县社会保险基金预算收入{}亿元，执行中完成62.18亿元，为预算的103.2%。"
    assert_caught(text.format("60.25"), text.format("58.25"), ["completion_level_target"])
    # Income not named as a budget: nothing to divide by.
    assert _errors("2024年，全县社会保险基金收入58.25亿元，执行中完成62.18亿元，为预算的103.2%。") == []


# A growth of a thing named short: 政府 in front says whose debt, not which part of it.


def test_a_growth_of_the_debt_named_short_is_of_the_governments_debt() -> None:
    text = "截至2024年末，全县政府债务余额186.4亿元，其中一般债务72.3亿元、专项债务114.1亿元；债务余额比上年末增加18.6亿元，增长{}%。"
    assert_caught(text.format("11.1"), text.format("13.1"), ["growth_levels"])
    # A part named with words in front (专项) is some of the debt, not all of it: not paired.
    assert_quiet("截至2024年末，全县专项债务余额114.1亿元，一般债务余额72.3亿元；债务余额比上年末增加18.6亿元，增长13.1%。")

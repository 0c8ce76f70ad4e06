"""The planted misses of the outside set L of trial t19l, by shape, as rules of the reader's grammar with invented
sentences: the true one stays quiet, the planted one is caught, a look-alike stays quiet."""

from __future__ import annotations

from tests.reader.shapes import assert_caught, assert_quiet
from tests.reader.shapes import errors as _errors

# 收入总计…。…支出总计…。收支相抵，结转下年…: what is carried to the next year, when it is all that is said of what is left,
# is the income total less the spending total — of a budget account named in front of them too.

_CARRIED_OVER = ("全县政府性基金预算收入完成9.20亿元。加上级补助收入0.60亿元、上年结转0.40亿元，收入总计10.20亿元。"
                 "政府性基金预算支出总计9.50亿元，收支相抵，结转下年{}亿元。")


def test_what_is_carried_over_is_the_totals_difference() -> None:
    assert_caught(_CARRIED_OVER.format("0.70"), _CARRIED_OVER.format("0.90"), ["parts_total"])


def test_what_is_carried_over_beside_a_net_balance_is_only_some() -> None:
    # Look-alike: 结转下年 followed by 净结余 is only some of what is left.
    assert_quiet("全县一般公共预算收入总计20.00亿元。支出总计19.00亿元。收支相抵，结转下年支出0.80亿元，净结余0.20亿元。")


# 全县固定资产投资…。民间投资…，占全部投资的…: all of the place's measure is the place's figure of it, stated before.

_ALL_INVESTMENT = ("全年全县固定资产投资180.0亿元，比上年增长6.0%。工业投资60.0亿元，增长8.0%。"
                   "民间投资{}亿元，下降1.5%，占全部投资的45.0%。")


def test_a_share_of_all_investment_is_of_the_places() -> None:
    assert_caught(_ALL_INVESTMENT.format("81.0"), _ALL_INVESTMENT.format("86.0"), ["share_levels"])


def test_a_share_of_all_of_another_measure_is_not_guessed() -> None:
    # Look-alike: 全部项目 names no measure of the place; the share stays unchecked.
    assert_quiet("全年全县固定资产投资180.0亿元。民间投资81.0亿元，占全部项目的52.0%。")


# 卫生技术人员…，其中执业（助理）医师…。医疗卫生机构床位…。全科医生…。按年末常住人口…计算，每千常住人口…: the count a figure per
# thousand people divides may stand a few sentences back; a higher place's figure per thousand is never of these people.

_PER_THOUSAND = ("年末全县卫生技术人员4200人，其中执业（助理）医师1650人，注册护士1900人。医疗卫生机构床位3000张。"
                 "全科医生210人。按年末常住人口60.00万人计算，每千常住人口执业（助理）医师{}人，每千常住人口床位{}张。"
                 "全市每千常住人口床位6.90张。")


def test_a_count_a_few_sentences_back_is_divided() -> None:
    assert_caught(_PER_THOUSAND.format("2.75", "5.00"), _PER_THOUSAND.format("2.95", "5.00"), ["share_levels"])
    assert _errors(_PER_THOUSAND.format("2.75", "5.40")) == ["share_levels"]


def test_a_count_further_back_is_not_guessed() -> None:
    # Look-alike: beds counted four sentences back (养老床位 of another section may be nearer) are not divided.
    assert_quiet("年末全县医疗卫生机构床位3000张。全科医生210人。卫生技术人员4200人。注册护士1900人。"
                 "按年末常住人口60.00万人计算，每千常住人口床位5.40张。")


# N个…中有M个…，占P%: the share said bare after some of a count is of that count — past a bound in percent between them,
# and past a date after 中 (截至年底).

def test_a_share_after_some_of_a_count_past_a_bound() -> None:
    text = "截至11月底，全县85个重点项目中有12个投资完成率低于60%，占{}%。"
    assert_caught(text.format("14.1"), text.format("16.1"), ["share_levels"])


def test_a_share_after_some_of_a_count_past_a_date() -> None:
    text = "规划确定的32项主要指标中，截至2024年底有26项达到序时进度，占{}%。"
    assert_caught(text.format("81.3"), text.format("84.3"), ["share_levels"])


def test_a_rate_of_its_own_is_not_a_bound() -> None:
    # Look-alike: a percent with nothing counted before it stays the part of its share, as before (nothing to divide).
    assert _errors("全县重点项目投资完成率低于60%，占15.0%。") == []


# 2026年…收入安排…，比2025年完成数增长…: a plan's rate on the figure done in the year before it, named by its year, is on
# that figure as stated (no base adjusted), as 比上年执行数 is.

_DONE_BY_YEAR = ("一、2025年预算执行情况\n全县一般公共预算收入完成21.40亿元，比上年增长4.0%。\n二、2026年预算草案\n"
                 "2026年全县一般公共预算收入安排22.47亿元，比{}年完成数增长{}%。")


def test_a_plans_rate_on_the_year_befores_done_figure() -> None:
    assert_caught(_DONE_BY_YEAR.format("2025", "5.0"), _DONE_BY_YEAR.format("2025", "7.0"), ["growth_levels"])


def test_a_plans_rate_on_an_earlier_years_figure_is_not_judged() -> None:
    # Look-alike: a year other than the one before the plan's names another base; only a warning at most, as before.
    assert _errors(_DONE_BY_YEAR.format("2024", "7.0")) == []


def test_what_a_budget_expects_is_its_plan() -> None:
    # 收入预期 is the plan for the year, so its rate on the year before's figure done is checked.
    text = ("一、2025年预算执行情况\n全市一般公共预算收入完成130.00亿元。\n二、2026年预算草案\n"
            "全市一般公共预算收入预期135.20亿元，比2025年完成数增长{}%。")
    assert_caught(text.format("4.0"), text.format("5.0"), ["growth_levels"])

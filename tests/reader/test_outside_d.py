"""Shapes from the outside set D of trial t19d (issue 19, seventeenth pass), each as a rule of the reader's grammar with
invented sentences: the true one stays quiet, the planted error is caught, and look-alikes (a rate of another count,
a loose 其中, last year's figures, a target against an actual, classes that are not all there, a comparable-price
growth) stay quiet."""

from __future__ import annotations

from devplan.reader import audit_text
from tests.reader.shapes import assert_caught, assert_quiet
from tests.reader.shapes import errors as _errors


def _checked(text: str, check: str) -> bool:
    return any(f.check == check for f in audit_text(text).findings)


# A rate of a state over the count right before it: 计划新开工项目45个，已开工41个，开工率91.1%.


def test_a_rate_named_by_its_verb_is_the_count_in_that_state_over_the_count_before() -> None:
    text = "2023年，全年计划新开工项目60个，已开工54个，开工率{}%；计划竣工项目30个，已竣工26个。"
    assert_caught(text.format("90.0"), text.format("95.0"), ["share_levels"])
    approved = "2023年全年申报专项债券项目150个，获批96个，获批率{}%。"
    assert_caught(approved.format("64.0"), approved.format("70.0"), ["share_levels"])
    named_before = "规划实施三年来，规划明确的50个重大项目，已开工41个，开工率{}%。"
    assert_caught(named_before.format("82.0"), named_before.format("88.0"), ["share_levels"])


def test_a_rate_of_another_verb_or_a_qualified_rate_says_nothing() -> None:
    # 开工率 after a count of projects done (竣工), a rate named with more words, a rate said about: not that pair.
    assert_quiet("2023年，全年计划新开工项目60个，已竣工54个，开工率95.0%。",
                 "2023年，全年计划新开工项目60个，已开工54个，新开工项目综合开工率95.0%。",
                 "2023年，全年计划新开工项目60个，已开工54个，开工率95%左右。")
    # Last year's count is no whole of this year's state.
    assert _errors("2023年，新开工项目比上年的60个增加5个，已开工54个，开工率83.1%。") == []


# Projects' total investment (总投资) adds up what each project plans: no 口径 of its own to adjust.


def test_the_growth_of_projects_total_investment_on_last_years_stated_figure() -> None:
    text = "2023年，全县新引进项目52个，引进项目总投资180.0亿元，比上年的160.0亿元增长{}%。"
    assert_caught(text.format("12.5"), text.format("16.5"), ["growth_levels"])


def test_investment_done_and_comparable_price_growth_stay_notes() -> None:
    # Fixed-asset investment and GDP grow on an adjusted 口径 or at comparable prices: no error from the two levels.
    assert_quiet("2023年，全县固定资产投资完成180.0亿元，比上年的160.0亿元增长5.2%。",
                 "2023年，全县地区生产总值180.0亿元，比上年的170.0亿元增长3.1%。")


# A gap in points to the thing's own target, its figure stated right before the gap.


def test_a_gap_to_a_target_in_parentheses() -> None:
    text = "2023年，全区地区生产总值582.5亿元，增长5.4%，低于年度计划目标（6.5%）{}个百分点。"
    assert_caught(text.format("1.1"), text.format("2.0"), ["point_gap"])


def test_a_gap_to_a_ceiling_named_before_its_target() -> None:
    text = "2023年，全市城镇调查失业率5.2%，低于5.5%的控制目标{}个百分点。"
    assert_caught(text.format("0.3"), text.format("0.9"), ["point_gap"])


def test_a_gap_to_another_place_or_a_loose_target_is_not_the_targets() -> None:
    # The rate in parentheses of another place is `_beside`'s; a target said about (左右) is not checked to the digit.
    assert_quiet("2023年，全区地区生产总值增长5.4%，低于年度计划目标（6.5%左右）2.0个百分点。",
                 "2023年，全市城镇调查失业率5.2%，低于全省平均水平（5.5%）0.3个百分点。")
    # A gap to last year's rate in parentheses is no gap to a target.
    assert _errors("2023年，全区地区生产总值增长5.4%，低于上年（6.5%）1.1个百分点。") == []
    # A price rise under its ceiling, stated true.
    assert _errors("2023年，全市居民消费价格上涨2.1%，低于3%的控制目标0.9个百分点。") == []


# Indicators classed by progress with each count before its class, and classed by done / not done.


def test_classes_named_after_their_counts_make_up_all_the_indicators() -> None:
    text = "总体看，纳入评估的30项指标中，22项达到或快于序时进度，占73.3%；{}项进度滞后，主要集中在科技创新领域。"
    assert_caught(text.format("8"), text.format("10"), ["parts_total"])


def test_done_and_not_done_make_up_the_indicators_assessed() -> None:
    text = "2023年，纳入考核的16项主要指标中，完成或超额完成的12项，未完成的{}项，未完成的主要是投资类指标。"
    assert_caught(text.format("4"), text.format("6"), ["parts_total"])


def test_classes_not_all_named_or_not_classes_say_nothing() -> None:
    # Only ahead of schedule and behind it: the middle class is not stated, so the two are no more than the whole.
    assert _errors("纳入评估的30项指标中，6项进度超前，5项滞后。") == []
    # A count that names no class (12项已完成 beside classes of progress) leaves the list unread.
    assert _errors("纳入评估的30项指标中，6项进度超前，12项已完成，5项滞后。") == []
    # A class from each family: two ways of classing, no sum.
    assert _errors("纳入考核的16项主要指标中，完成的12项、滞后的6项。") == []


# What 加 adds to after a breakdown (。其中，…。加…) is the account, not its last part; a balance carried adds last year's.


def test_what_is_added_to_after_a_breakdown_is_the_account() -> None:
    text = ("全区一般公共预算收入200000万元，增长5.0%。其中，税收收入140000万元，占一般公共预算收入的70.0%。"
            "加上级补助收入{}万元、调入资金30000万元、上年结转10000万元，收入总计500000万元。")
    assert_caught(text.format("260000"), text.format("280000"), ["parts_total"])
    assert _checked(text.format("260000"), "parts_total")


def test_a_balance_carried_is_this_years_and_last_years() -> None:
    text = "全市社会保险基金预算收入180.00亿元，支出165.00亿元，当年收支结余15.00亿元，加上年结余200.00亿元，年末滚存结余{}亿元。"
    assert_caught(text.format("215.00"), text.format("221.00"), ["parts_total"])
    # A balance carried with nothing added before it says nothing.
    assert _errors("全市社会保险基金年末滚存结余215.00亿元，比上年增加15.00亿元。") == []


# A completion of the year's plan without a figure: the plan stated paragraphs before for exactly that thing.


def test_a_completion_of_the_years_plan_stated_before_for_the_same_thing() -> None:
    text = ("2023年，全县安排重点项目100个，年度计划投资150.0亿元。其中，工业项目60个，年度计划投资90.0亿元。\n\n"
            "截至11月底，分类别看，工业项目完成投资81.0亿元，完成年度计划的{}%。")
    assert_caught(text.format("90.0"), text.format("96.0"), ["completion_investment"])


def test_a_plan_of_another_thing_or_another_year_is_not_the_completions() -> None:
    # 重点项目 done against 重点建设项目's plan: two names, nothing said.
    assert _errors("2023年，全县安排重点建设项目100个，年度计划投资150.0亿元。\n\n"
                   "截至11月底，重点项目完成投资120.0亿元，完成年度计划的70.0%。") == []
    # Last year's plan is no plan of this year.
    assert _errors("2022年，工业项目年度计划投资90.0亿元。\n\n2023年，工业项目完成投资81.0亿元，完成年度计划的70.0%。") == []

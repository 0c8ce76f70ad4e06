"""False errors of the outside set G of trial t19g, each as a rule of the reader's grammar with invented sentences of the
same shape: the true sentence stays quiet; where the correct pairing is still made, a planted error of it is caught;
look-alikes stay quiet. Where the pairing is uncertain the reader says nothing."""

from __future__ import annotations

from devplan.reader import extract_facts
from tests.reader.shapes import assert_caught, assert_quiet
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact

# Last year's level (比上年的…) is never the figure done of a completion: the level before it is.


def test_last_years_level_is_never_the_figure_done() -> None:
    text = "全年实现旅游收入58.6亿元，比上年的52.3亿元增长12.0%，完成年计划55亿元的{}%。"
    assert _errors(text.format("106.5")) == []
    assert _errors(text.format("95.1")) == ["completion_level_target"]  # 52.3 ÷ 55: last year's over the plan


def test_a_completion_without_last_years_level_is_still_checked() -> None:
    # Look-alike: the level done right before the plan.
    text = "全年实现旅游收入58.6亿元，增长12.0%，完成年计划55亿元的{}%。"
    assert_caught(text.format("106.5"), text.format("108.5"), ["completion_level_target"])


# 年度计划投资81.0亿元，占年度计划投资的45.0%: right after a plan's own figure, a percentage of the plan of that name is
# the share of this plan in the whole's, never a completion of itself.


def test_a_plans_figure_over_the_plan_of_its_name_is_a_share_of_the_wholes_plan() -> None:
    text = ("全年安排重点项目150个，总投资640.0亿元，年度计划投资180.0亿元。按项目类别分，工业项目70个，总投资350.0亿元，"
            "年度计划投资81.0亿元，占年度计划投资的{}%；民生项目40个，总投资90.0亿元，年度计划投资30.0亿元。")
    assert_caught(text.format("45.0"), text.format("48.0"), ["share_levels"])
    assert _fact(extract_facts(text.format("45.0")), "的45.0%").kind == "share"


def test_investment_done_over_the_plan_stays_a_completion() -> None:
    # Look-alike: what was done, not a plan, before 占年度计划投资的.
    text = "全年安排重点项目150个，年度计划投资180.0亿元，完成投资190.0亿元，占年度计划投资的{}%。"
    assert_caught(text.format("105.6"), text.format("110.6"), ["completion_investment"])


# A floor (连续三年稳定在45万吨以上) does not replace the exact level stated before it, and is never the whole of a share.


def test_a_floor_does_not_replace_the_exact_level_a_share_is_of() -> None:
    text = "全年蔬菜总产量48.20万吨，比上年增长3.0%，连续三年稳定在45万吨以上。其中，叶菜类产量19.28万吨，占蔬菜总产量的{}%。"
    assert _errors(text.format("40.0")) == []
    assert _errors(text.format("42.8")) == ["share_levels"]  # 19.28 ÷ 45: the floor as the whole


def test_a_floor_alone_is_no_whole_of_a_share() -> None:
    # Look-alike: only the floor is stated; how much more there is is not said.
    assert_quiet("全县蔬菜产量连续三年稳定在45万吨以上。其中，叶菜类产量19.28万吨，占蔬菜总产量的40.0%。")


# 比2020年末的358.2亿元年均增长8.0% after 比年初增加…，增长…: a base stated after a rate, with a rate of its own after it,
# is that rate's only.


def test_a_base_after_the_years_rate_is_the_yearly_averages_only() -> None:
    text = "年末全县贷款余额312.40亿元，比年初增加{}亿元，增长{}%，比2020年末的200.0亿元年均增长9.3%。"
    assert _errors(text.format("28.40", "10.0")) == []
    assert _errors(text.format("28.40", "11.0")) == ["growth_levels"]  # 28.40 ÷ (312.40 − 28.40) is 10.0 %
    assert _errors(text.format("32.40", "10.0")) == ["growth_levels"]


def test_a_base_before_its_change_is_still_the_base() -> None:
    # Look-alike: the base stated right before the change and rate it is the base of.
    text = "年末全县贷款余额312.40亿元，比2020年末的200.0亿元增加{}亿元。"
    assert_caught(text.format("112.40"), text.format("122.40"), ["growth_levels"])


# A figure per so many people (每千人口床位5.60张) is an average: no whole of the 其中 after it, which goes back to the
# count of the same things.


def test_a_list_after_a_figure_per_thousand_people_is_of_the_count_before() -> None:
    text = "全县医疗卫生机构床位4200张，每千人口床位5.60张，其中医院床位{}张。"
    assert_caught(text.format("3100"), text.format("4600"), ["part_exceeds_whole"])
    facts = extract_facts(text.format("3100"))
    assert _fact(facts, "医院床位3100张").whole == _fact(facts, "床位4200张").index


def test_a_figure_per_thousand_people_alone_is_no_whole() -> None:
    # Look-alike: only the figure per thousand people stands before 其中.
    facts = extract_facts("全县每千人口床位5.60张，其中医院床位4.10张。")
    assert _fact(facts, "医院床位4.10张").whole is None


# What a sentence opening with 加 adds to: never the plan inside a completion, and after a breakdown whose parts were not
# put under the account, the account the breakdown goes on from.


def test_adding_to_a_figure_done_not_to_its_budget() -> None:
    text = "全县政府性基金预算收入完成3.20亿元，为预算（3.00亿元）的106.7%。加上年结转收入0.30亿元，收入总计{}亿元。"
    assert _errors(text.format("3.50")) == []
    assert _errors(text.format("3.30")) == ["parts_total"]  # the budget 3.00 + 0.30


def test_adding_to_the_account_a_breakdown_goes_on_from() -> None:
    text = ("二、2026年预算草案\n2026年全县一般公共预算收入预算安排18.00亿元，比2025年执行数17.20亿元增长4.7%。"
            "其中，税收收入12.60亿元，占70.0%；非税收入5.40亿元。加上级补助收入30.00亿元、调入资金2.00亿元，收入总计{}亿元。")
    assert _errors(text.format("50.00")) == []
    assert _errors(text.format("37.40")) == ["parts_total"]  # the part 5.40 + 30.00 + 2.00


# 发行新增债券12.00亿元，其中新增一般债券…；发行再融资债券5.00亿元: the verb inside the whole's name opens the next item after
# a semicolon, and the first part names a kind of what follows the verb: the next thing done, no further part.


def test_an_item_opening_with_the_verb_in_the_wholes_name_is_no_further_part() -> None:
    text = "全年发行新增债券12.00亿元，其中新增一般债券3.00亿元、新增专项债券{}亿元；发行再融资债券5.00亿元。"
    assert_caught(text.format("9.00"), text.format("10.00"), ["parts_total"])


def test_an_item_opening_like_the_first_part_goes_on_after_a_semicolon() -> None:
    # Look-alike: the item after the semicolon opens as the first part did.
    text = "全年发行新增债券12.00亿元，其中新增一般债券3.00亿元；新增专项债券{}亿元。"
    assert_caught(text.format("9.00"), text.format("10.00"), ["parts_total"])


# What is left over (收支结余) holds no income: parts by an aspect naming incomes are not of it.


def test_incomes_by_kind_are_not_parts_of_a_balance() -> None:
    assert_quiet("当年收支结余1.80亿元。分险种看，职工基本养老保险基金收入6.20亿元，支出5.90亿元。")


def test_incomes_by_kind_are_still_parts_of_an_income() -> None:
    # Look-alike: the whole is an income too.
    text = "全县社会保险基金收入20.00亿元。分险种看，职工基本养老保险基金收入{}亿元，城乡居民基本养老保险基金收入6.00亿元。"
    assert _errors(text.format("12.00")) == []
    assert _errors(text.format("21.00")) != []


# A rate (按照支出额的2%至3%) is no amount a share is of.


def test_a_share_is_never_of_a_rate() -> None:
    # In a budget draft; 3 ÷ 2 is no share of anything.
    assert_quiet("二、2026年预算草案\n按照本级一般公共预算支出额的2%至3%设置预备费，安排1.20亿元，占本级一般公共预算支出的1.5%。")


# The plan inside a completion (完成年度计划20座的…) counts 座: the figure done counts the same things, not the people the
# work reached.


def test_the_figure_done_counts_what_the_plan_counts() -> None:
    text = "全年新建农村公路桥梁18座、惠及群众3.2万人，完成年度计划20座的{}%。"
    assert_caught(text.format("90.0"), text.format("95.0"), ["completion_level_target"])


def test_a_figure_done_in_the_plans_unit_is_still_paired() -> None:
    # Look-alike: nothing else counted between the figure done and the plan.
    text = "全年改造城镇老旧小区46个，完成年度计划48个的{}%。"
    assert_caught(text.format("95.8"), text.format("92.8"), ["completion_level_target"])

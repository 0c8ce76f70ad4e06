"""Misses of the outside set J of trial t19j, each as a rule of the reader's grammar with invented sentences of the same
shape: a planted error is caught, the true sentence stays quiet, and look-alikes stay quiet."""

from __future__ import annotations

from devplan.reader import extract_facts
from tests.reader.shapes import assert_caught, assert_quiet
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact

# 参保50.12万人，应参保51.78万人，参保率96.8%: a rate right after the count of those due (应参保, 应缴, 应检) is the count
# before it over them.

_DUE = "全年城乡居民养老保险缴费{}万人，应缴费{}万人，缴费率{}%。"


def test_a_rate_over_the_count_due() -> None:
    assert_caught(_DUE.format("18.40", "19.20", "95.8"), _DUE.format("18.40", "19.20", "91.8"), ["share_levels"])


def test_a_rate_over_the_count_due_named_as_people() -> None:
    text = "年末参加城镇职工基本医疗保险人数6.12万人，应参保人数6.40万人，参保率{}%。"
    assert_caught(text.format("95.6"), text.format("98.6"), ["share_levels"])


def test_the_newly_added_are_not_those_who_did() -> None:
    # Look-alike: 新增 counts a flow, not all those insured; the rate is of others.
    assert _errors("全年新增参保1.20万人，应参保人数6.40万人，参保率95.6%。") == []


def test_a_rate_of_another_verb_is_not_over_the_count_due() -> None:
    # Look-alike: 应参保 is no base of a 签约率.
    assert _errors("家庭医生签约4.10万人，应参保人数6.40万人，签约率40.0%。") == []


# 签约率61.4%（按常住人口53.26万人计算）: the people a bare rate is figured over, in parentheses right after it.

_FIGURED = "家庭医生签约服务覆盖{}万人，签约率{}%（按常住人口{}万人计算）。"


def test_a_rate_figured_over_the_people_in_parentheses() -> None:
    assert_caught(_FIGURED.format("21.5", "52.4", "41.03"), _FIGURED.format("21.5", "56.4", "41.03"), ["share_levels"])


def test_a_rate_whose_verb_the_count_before_does_not_say_is_left() -> None:
    # Look-alike: the count before names no 签约; which count the rate is of is not guessed.
    assert _errors("家庭医生团队服务覆盖21.5万人，签约率56.4%（按常住人口41.03万人计算）。") == []


# 其中，续建项目40个、新开工项目25个。…新开工项目中已开工20个，开工率80.0%: the things among which, named right before the
# state's count, are the ones a list named so.

_AMONG = ("全年安排市级重点项目70个，其中，续建项目40个、新开工项目25个、前期项目5个。1—9月，重点项目完成投资36.5亿元。"
          "新开工项目中已开工{}个，开工率{}%。")


def test_a_rate_among_things_a_list_named() -> None:
    assert_caught(_AMONG.format("20", "80.0"), _AMONG.format("20", "86.0"), ["share_levels"])


def test_a_rate_among_things_no_list_named_is_left() -> None:
    # Look-alike: no count of 技改项目 stated; the rate is not put on another count.
    assert_quiet("全年安排市级重点项目70个，其中，续建项目40个、新开工项目25个、前期项目5个。1—9月，重点项目完成投资36.5亿元。"
                 "技改项目中已开工20个，开工率86.0%。")


# 共安排资金3.46亿元，其中…。截至11月底，已拨付资金2.87亿元，拨付率82.9%: money in a state opening its sentence over the one
# amount the sentence before states, named by the same words.

_MONEY = ("年初确定的8件民生实事共安排资金2.40亿元，其中县级财政资金1.30亿元、上级补助资金1.10亿元。截至10月底，"
          "已拨付资金{}亿元，拨付率{}%。")


def test_a_rate_of_money_over_the_amount_before() -> None:
    assert_caught(_MONEY.format("1.92", "80.0"), _MONEY.format("1.92", "86.0"), ["share_levels"])


def test_money_named_otherwise_is_not_over_the_amount_before() -> None:
    # Look-alike: the money paid is named 补贴, the amount before 资金; which the rate is of is not guessed.
    assert_quiet("年初确定的8件民生实事共安排资金2.40亿元，其中县级财政资金1.30亿元、上级补助资金1.10亿元。截至10月底，"
                 "已拨付补贴1.92亿元，拨付率86.0%。")


# ——一般公共预算收入：年计划完成12.6亿元，实际完成12.93亿元…；其中税收收入9.28亿元: of a plan and what was done, a 其中
# list is of the figure done.

_PLAN_AND_DONE = "——固定资产投资：年计划完成90亿元，实际完成86.4亿元，完成年计划的96.0%；其中工业投资{}亿元，工业投资占比{}%。"


def test_parts_after_a_plan_and_its_outcome_are_of_the_outcome() -> None:
    assert _errors(_PLAN_AND_DONE.format("32.4", "37.5")) == []
    assert _errors(_PLAN_AND_DONE.format("32.4", "41.5")) == ["share_levels"]  # 32.4 ÷ 86.4 is 37.5 %


def test_parts_of_the_outcome_over_it_are_caught() -> None:
    text = "——固定资产投资：年计划完成90亿元，实际完成86.4亿元，完成年计划的96.0%。其中，产业投资{}亿元、基础设施投资30.1亿元。"
    assert _errors(text.format("50.2")) == []
    assert _errors(text.format("58.2")) == ["parts_total"]  # 88.3 > 86.4


# 全县规模以上工业总产值177.6亿元，其中开发区…128.6亿元，占全县的72.4%: a share of the place alone, of a part of a list
# whose whole the place's words open, is of that whole.

_PLACE = "全市社会消费品零售总额{}亿元，其中中心城区实现社会消费品零售总额96.3亿元，增长5.2%，占全市的{}%。"


def test_a_share_of_the_place_is_of_the_list_whole_it_opens() -> None:
    assert_caught(_PLACE.format("150.5", "64.0"), _PLACE.format("150.5", "69.0"), ["share_levels"])


def test_a_share_of_another_place_is_left() -> None:
    # Look-alike: the whole is the city's, the share of the province; the province's figure is not stated.
    assert _errors(_PLACE.format("150.5", "12.0").replace("占全市", "占全省")) == []


# 计划改造120公里，已完成126.4公里，完成率105.3%: a clause opening with the plan and what it plans is the plan.

_PLANNED = "4.城区雨污分流改造。计划改造{}公里，已完成46.2公里，完成率{}%。"


def test_a_clause_opening_with_the_plan_is_the_plan() -> None:
    assert _errors(_PLANNED.format("42", "110.0")) == []
    assert _errors(_PLANNED.format("42", "101.0")) == ["completion_level_target"]  # 46.2 ÷ 42 is 110.0 %
    assert _fact(extract_facts(_PLANNED.format("42", "110.0")), "42公里").measure == "target"


def test_planned_projects_of_a_list_are_described() -> None:
    # Look-alike: 计划竣工项目 names the projects of a list, counted as they stand; the rest of them is checked.
    text = "计划竣工项目38个，已竣工29个，其余{}个预计年底前完成竣工验收。"
    assert _fact(extract_facts(text.format("9")), "38个").measure == "actual"
    assert_caught(text.format("9"), text.format("7"), ["parts_total"])


def test_what_the_plan_report_says_is_no_plan() -> None:
    # Look-alike: 计划所述 is the figure the plan report states (beside the one registered), dated as the figure before it.
    facts = extract_facts("1—9月入库项目完成投资86.25亿元，计划所述86.4亿元。")
    said = _fact(facts, "86.4亿元")
    assert said.measure == "actual"
    assert (said.period.first, said.period.last) == (1, 9)  # type: ignore[union-attr]


def test_family_planning_is_no_plan() -> None:
    facts = extract_facts("全年发放计划生育家庭特别扶助金1860万元。")
    assert _fact(facts, "1860万元").measure == "actual"


# 同比下降4.3%，降幅较上半年（下降6.4%）收窄2.1个百分点: a fall's width against the earlier period's fall — narrower is
# back up, wider further down.

_FALL = "1—10月，全县房地产开发投资同比下降{}%，降幅比1—9月（下降{}%）{}{}个百分点。"


def test_a_narrower_fall() -> None:
    assert_caught(_FALL.format("12.5", "14.0", "收窄", "1.5"),
                  _FALL.format("12.5", "14.0", "收窄", "2.5"), ["point_gap"])


def test_a_wider_fall() -> None:
    assert_caught(_FALL.format("14.0", "12.5", "扩大", "1.5"),
                  _FALL.format("14.0", "12.5", "扩大", "0.5"), ["point_gap"])


def test_a_fall_that_narrows_while_its_words_say_wider_is_left() -> None:
    # Look-alike: a rise called a fall's width (增长 in the parenthesis) is not read.
    assert _errors("1—10月，全县房地产开发投资同比下降12.5%，降幅比1—9月（增长1.0%）扩大3.5个百分点。") == []


# 输转农村劳动力4.37万人，实现劳务收入12.86亿元，人均2.94万元: 人均 alone right after a total is the total over the people
# counted before it.

_PER_HEAD = "全年培训返乡创业人员1.60万人，带动创业收入9.20亿元，人均{}万元。"


def test_a_bare_per_head_figure_is_the_total_over_the_people() -> None:
    assert_caught(_PER_HEAD.format("5.75"), _PER_HEAD.format("6.25"), ["share_levels"])


def test_a_bare_per_head_figure_after_residents_is_left() -> None:
    # Look-alike: of residents, 人均 may be a survey's figure, not worked out from the totals beside it.
    assert _errors("全县农村居民2.10万人，实现经营性收入9.20亿元，人均1.52万元。") == []

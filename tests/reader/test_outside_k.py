"""Outside set K of trial t19k, read by the thirtieth pass: its false error, then its most frequent planted misses,
each as a rule of the reader's grammar with INVENTED sentences of the same shape — the true one quiet, the planted one
caught, a look-alike quiet."""

from __future__ import annotations

from tests.reader.shapes import assert_caught, assert_quiet, assert_raises
from tests.reader.shapes import errors as _errors

# 其中，工业投资…；民间投资…: a part named by who owns it beside one named by trade is of another breakdown of the whole.

_TWO_FACETS = "全县固定资产投资完成84.0亿元，增长6.2%。其中，工业投资{}亿元，增长11.5%；民间投资{}亿元，占比55.1%。"


def test_parts_by_ownership_and_by_trade_are_not_summed() -> None:
    assert _errors(_TWO_FACETS.format("36.5", "46.3")) == []  # 82.8 of 84.0, and only by chance
    assert _errors(_TWO_FACETS.format("38.2", "46.3")) == []  # 84.5 over 84.0: two breakdowns at once


def test_a_part_by_ownership_is_still_no_more_than_its_whole() -> None:
    assert "part_exceeds_whole" in _errors(_TWO_FACETS.format("36.5", "86.3"))


def test_parts_of_one_breakdown_are_still_summed() -> None:
    # Look-alike: 国有 and 民间 are one breakdown, 工业 and 基础设施 another; each still may not exceed the whole.
    assert_raises(["parts_total"],
                  "全县固定资产投资完成84.0亿元。其中，国有投资40.2亿元，民间投资46.3亿元。",
                  "全县固定资产投资完成84.0亿元。其中，工业投资40.2亿元，基础设施投资46.3亿元。")


def test_state_owned_land_is_no_ownership_breakdown() -> None:
    # Look-alike: 国有土地使用权出让收入 is a kind of revenue, summed with the others.
    text = "政府性基金预算收入21.40亿元，其中国有土地使用权出让收入18.60亿元，城市基础设施配套费3.90亿元。"
    assert _errors(text) == ["parts_total"]


# 平均每场, 平均每批次: an average per event or batch is the total right before it over the count of events or batches.

def test_an_average_per_event() -> None:
    text = "全年举办产品推介会15场，现场签约项目{}个，平均每场3.2个。"
    assert _errors(text.format("48")) == []
    assert _errors(text.format("57")) == ["share_levels"]  # 57 ÷ 15 is 3.8


def test_an_average_per_batch() -> None:
    text = "组织小分队外出招商52批次，走访企业{}家，平均每批次走访5.5家。"
    assert _errors(text.format("286")) == []
    assert _errors(text.format("241")) == ["share_levels"]  # 241 ÷ 52 is 4.6


# 超过时序进度（…）…个百分点: 时序进度 is 序时进度, the share of the year gone.

def test_the_schedule_said_as_shixu() -> None:
    text = "1—7月，全县一般公共预算收入完成11.34亿元，完成年度预算20.50亿元的55.3%，低于时序进度（58.3%）{}个百分点。"
    assert_caught(text.format("3.0"), text.format("2.0"), ["point_gap"])
    text = "1—9月，全县重点项目完成投资62.4亿元，完成年度计划的80.0%，超过时序进度（75%）{}个百分点。"
    assert_caught(text.format("5.0"), text.format("7.5"), ["point_gap"])


# 增速较上年的6.9%回落0.8个百分点: the earlier period's rate after 的, then the change — as in parentheses.

def test_a_change_of_pace_from_a_rate_after_de() -> None:
    text = "全县社会消费品零售总额61.20亿元，同比增长5.4%，较1—8月的6.0%回落{}个百分点。"
    assert_caught(text.format("0.6"), text.format("1.1"), ["point_gap"])


def test_the_earlier_periods_rate_is_no_places() -> None:
    # Look-alike: the gap to the city right after it is not measured from last year's rate (no reference stated: quiet).
    assert_quiet("全县地区生产总值186.4亿元，增长5.7%，增速较上年的6.3%回落0.6个百分点，高于全市平均水平0.2个百分点。")


# 6月当月完成…，比5月的…环比增长…: the month before, after 比…的 and right before the rate over it, is that rate's base.

_MONTH_OVER_MONTH = "1—6月，全县规上工业营业收入210.40亿元，同比增长7.2%；6月当月完成营业收入38.60亿元，同比增长9.0%，比{}的36.20亿元环比增长{}%。"


def test_a_rate_over_the_month_before_named_before_it() -> None:
    assert_quiet(_MONTH_OVER_MONTH.format("5月", "6.6"), _MONTH_OVER_MONTH.format("5月当月", "6.6"))
    assert _errors(_MONTH_OVER_MONTH.format("5月", "8.1")) == ["growth_levels"]  # 38.60 ÷ 36.20 is 6.6 %


def test_a_month_of_last_year_is_no_month_before() -> None:
    # Look-alike: 比上年6月的… with a 同比 rate is last year's month, not read by this rule (and 9.0 % is no 6.6 %).
    assert_quiet("6月当月完成营业收入38.60亿元，比上年6月的35.40亿元增长9.0%。")


# 全部项目中，已开工项目…，开工率…; 上述项目中…; 项目落地方面，签约项目中新开工…: the things among which are all the things of
# that name stated before for the year (全部, 上述 name no kind of them), after a topic the sentence may open with.

_ALL_PROJECTS = "今年全县共安排县级重点项目75个，年度计划投资120亿元。截至9月底，累计完成投资96.0亿元。{}"


def test_a_rate_among_all_the_things() -> None:
    assert_caught(_ALL_PROJECTS.format("全部项目中，已开工项目63个，开工率84.0%。"),
                  _ALL_PROJECTS.format("全部项目中，已开工项目63个，开工率80.0%。"), ["share_levels"])
    assert _errors(_ALL_PROJECTS.format("上述项目中，已开工63个，开工率87.5%。")) == ["share_levels"]


def test_a_rate_among_things_after_a_topic() -> None:
    text = "全年共签约招商项目52个，协议总投资186.0亿元。项目推进方面，签约项目中新开工31个，开工率{}%。"
    assert_caught(text.format("59.6"), text.format("63.5"), ["share_levels"])


def test_all_the_things_of_two_counts_are_not_guessed() -> None:
    # Look-alike: two counts of projects stated before with different numbers — which is 全部 is not guessed.
    assert_quiet("今年全县安排重点项目75个。另有储备项目40个。全部项目中，已开工项目63个，开工率50.0%。")


# 安排重点项目…，年度计划投资…。（paragraphs later）1—9月累计完成投资…，完成年度计划的…: the year's planned investment stated
# further back, when it is the only one stated for the year; never a class's investment against the list's plan.

_PLAN_FAR_BACK = ("今年全县共安排重点项目64个，总投资280.0亿元，年度计划投资{}亿元。其中，续建项目25个，新建项目39个。\n"
                  "一、总体进展。截至9月底，新建项目开工30个。全部重点项目1—9月累计完成投资48.0亿元，完成年度计划的80.0%。\n"
                  "二、分类别看。产业项目30个，完成投资26.0亿元，完成年度计划的86.7%。")


def test_the_years_planned_investment_further_back() -> None:
    assert _errors(_PLAN_FAR_BACK.format("60.0")) == []
    assert _errors(_PLAN_FAR_BACK.format("64.0")) == ["completion_investment"]  # 48.0 ÷ 64.0 is 75.0 %


def test_a_projects_own_plan_is_not_guessed_between() -> None:
    # Look-alike: a project's plan for the year stated too — which plan the completion is of is not guessed.
    assert_quiet("今年全县年度计划投资60.0亿元。其中，县第一中学迁建项目今年计划投资4.0亿元。\n"
                 "1—9月，全县累计完成投资40.0亿元，完成年度计划的80.0%。")


# 完成年度计划…的…%，下半年还需完成投资…; 四季度还需完成投资…: what is left is the year's plan less what is done so far — in the
# completion's sentence, or later when the months left follow the months done.

def test_what_is_left_in_the_completions_sentence() -> None:
    text = "上半年，全县固定资产投资完成84.6亿元，完成年度计划180亿元的47.0%，下半年还需完成投资{}亿元。"
    assert_caught(text.format("95.4"), text.format("91.4"), ["parts_total"])


def test_what_is_left_in_the_months_after() -> None:
    text = ("今年全县共安排重点项目52个，年度计划投资90.0亿元。1—9月，重点项目累计完成投资70.2亿元，完成年度计划的78.0%。\n"
            "下一步，各项目单位要倒排工期，四季度还需完成投资{}亿元。")
    assert_caught(text.format("19.8"), text.format("23.8"), ["parts_total"])


def test_what_is_left_of_other_months_is_not_paired() -> None:
    # Look-alike: the months said left (11—12月) do not follow the months done (1—9月): another figure, not paired.
    assert_quiet("今年全县共安排重点项目52个，年度计划投资90.0亿元。1—9月，重点项目累计完成投资70.2亿元，完成年度计划的78.0%。\n"
                 "10月份完成投资8.0亿元，11—12月还需完成投资11.8亿元。")


# 分类别看，产业项目…个，完成投资…；基础设施项目…；社会事业项目…: classes each with its count and amount. When their counts
# add up to the list's, they are all of it and their amounts must add up to the figure done — and the other way round.

_CLASSES = ("今年全县共安排重点项目{}个，年度计划投资150.0亿元。1—10月，累计完成投资128.0亿元，完成年度计划的85.3%。\n"
            "产业项目40个，完成投资70.0亿元；基础设施项目25个，完成投资{}亿元；社会事业项目15个，完成投资20.0亿元。")


def test_classes_whose_counts_add_up_are_all_of_the_amount() -> None:
    assert _errors(_CLASSES.format("80", "38.0")) == []
    assert _errors(_CLASSES.format("80", "34.0")) == ["parts_total"]  # 124.0 short of 128.0


def test_classes_whose_amounts_add_up_are_all_of_the_count() -> None:
    assert _errors(_CLASSES.format("84", "38.0")) == ["parts_total"]  # 80 of 84 projects


def test_classes_adding_up_to_neither_may_be_a_selection() -> None:
    # Look-alike: neither the counts nor the amounts add up: some classes only, nothing said.
    assert _errors(_CLASSES.format("96", "30.0")) == []


def test_two_classes_need_the_aspects_words() -> None:
    text = ("今年全县共安排重点项目{}个，年度计划投资150.0亿元。1—10月，累计完成投资128.0亿元，完成年度计划的85.3%。\n"
            "{}产业项目50个，完成投资90.0亿元；基础设施项目30个，完成投资38.0亿元。")
    assert _errors(text.format("84", "分类别看，")) == ["parts_total"]
    assert _errors(text.format("84", "")) == []


# 其中，限额以上单位零售额…，占总额的…: a whole said by its last word alone (总额, 总量, 总数) is the whole of the part's list.

def test_a_share_of_the_whole_said_by_its_last_word() -> None:
    text = "1—9月，全县社会消费品零售总额76.40亿元，同比增长5.9%。其中，限额以上单位零售额30.56亿元，占总额的{}%。"
    assert_caught(text.format("40.0"), text.format("43.5"), ["share_levels"])


def test_a_whole_of_another_name_is_not_taken() -> None:
    # Look-alike: the list's whole is named 收入, not 总额: 占总额的 is not read as of it.
    assert_quiet("1—9月，全县一般公共预算收入12.40亿元。其中，税收收入9.30亿元，占总额的80.0%。")

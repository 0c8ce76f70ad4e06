"""The shapes behind set S's misses that the forty-second pass made rules of (docs/audit.md): a table whose title gives
its unit, with budget and executed columns; a gap to the schedule with the months gone stated, not the schedule's rate;
a change past a target between; a rate of the things a sentence opens among; a breakdown by an aspect naming its whole; a
budget total after the place's name, or after one side's items listed with commas; an average past the base and change
said of its total. Every sentence is invented."""

from __future__ import annotations

from tests.reader.shapes import assert_caught, assert_quiet

_TABLE = ("某县2024年国有资本经营预算执行情况表（单位：万元）\n"
          "项目　预算数　执行数　完成预算%　比上年增减%\n"
          "利润收入　8000　{}　105.0　6.2\n"
          "股利股息收入　2000　1900　95.0　-3.1\n")


def test_a_table_titled_with_its_unit_checks_executed_against_budget() -> None:
    assert_caught(_TABLE.format("8400"), _TABLE.format("8800"), ["completion_level_target"])


def test_a_table_with_no_unit_anywhere_stays_quiet() -> None:
    untitled = _TABLE.format("8800").replace("（单位：万元）", "")
    assert_quiet(untitled)


_SCHEDULE = "1—{}月，某县地方税收收入累计完成6.30亿元，完成年度预算{}亿元的{}%，{}序时进度{}个百分点。"


def test_a_gap_to_the_schedule_is_judged_from_the_months_gone() -> None:
    # 6.30 / 9.00 = 70.0%; eight months gone is 66.7% of the year.
    assert_caught(_SCHEDULE.format(8, "9.00", "70.0", "超", "3.3"), _SCHEDULE.format(8, "9.00", "70.0", "超", "5.3"),
                  ["point_gap"])
    # Three quarters gone is 75%: 70.0% is 5.0 points behind.
    assert_caught(_SCHEDULE.format(9, "9.00", "70.0", "低于", "5.0"),
                  _SCHEDULE.format(9, "9.00", "70.0", "低于", "3.0"), ["point_gap"])


def test_a_schedule_counted_in_days_is_not_called_wrong() -> None:
    # Half the year in days is 181/365 = 49.6%: 48.0% is 1.6 points behind (2.0 in months).
    assert_quiet("上半年，某区一般公共预算收入完成4.80亿元，完成年度预算10.00亿元的48.0%，低于序时进度1.6个百分点。")


def test_no_schedule_is_guessed_without_the_years_plan() -> None:
    # The plan is not said to be the year's: the months gone are not the schedule.
    assert_quiet("1—8月，某县税收收入完成6.30亿元，完成预算9.00亿元的70.0%，超序时进度9.0个百分点。")


_CHANGE = "全年招商引资到位资金88.0亿元，完成目标任务80亿元的110.0%，比上年的76.5亿元增加{}亿元，增长15.0%。"


def test_a_change_skips_the_target_between_the_level_and_its_base() -> None:
    assert_caught(_CHANGE.format("11.5"), _CHANGE.format("13.5"), ["growth_levels"])


_AMONG = "全年共签约项目40个，协议投资120亿元。全年引进500强企业项目5个，投资总额18.0亿元。签约项目中新开工26个，开工率{}%。"


def test_a_rate_of_the_things_the_sentence_opens_among() -> None:
    assert_caught(_AMONG.format("65.0"), _AMONG.format("60.0"), ["share_levels"])


_ASPECT = ("全年新增债券资金24.00亿元。其中，新增一般债券4.00亿元，新增专项债券20.00亿元。"
           "专项债券按用途分：市政设施8.00亿元，棚户区改造{}亿元，园区建设5.00亿元。")


def test_a_breakdown_by_an_aspect_is_of_the_whole_it_names() -> None:
    assert_caught(_ASPECT.format("7.00"), _ASPECT.format("9.00"), ["parts_total"])


def test_a_breakdown_naming_nothing_stated_checks_nothing() -> None:
    # 一般债券 is named, but its figure is not stated: no whole is guessed.
    assert_quiet("全年新增专项债券20.00亿元。一般债券按用途分：市政设施8.00亿元，棚户区改造6.00亿元。")


_ADDED = ("某县地方一般公共预算收入完成9.00亿元。其中，税收收入6.00亿元，非税收入3.00亿元。"
          "加上上级补助收入20.00亿元、调入资金1.00亿元，全县收入总计{}亿元。")


def test_a_budget_total_after_the_place_is_checked() -> None:
    assert_caught(_ADDED.format("30.00"), _ADDED.format("31.00"), ["parts_total"])


_SIDE = "支出方面，一般公共预算支出安排28.00亿元，上解支出0.80亿元，债务还本支出{}亿元，支出总计30.00亿元。"


def test_one_sides_items_listed_with_commas_make_its_total() -> None:
    assert_caught(_SIDE.format("1.20"), _SIDE.format("1.60"), ["parts_total"])


def test_one_sides_items_short_of_its_total_may_leave_some_out() -> None:
    # Without 加 the list may not be all the total holds (调出资金 unlisted): only a sum past the total is wrong.
    assert_quiet(_SIDE.format("0.20"))


def test_a_figure_of_another_kind_between_the_items_stops_the_sum() -> None:
    # A growth between, or an item not named as spending: the list is no plain list of one side's items.
    assert_quiet("一般公共预算支出安排28.00亿元，增长3.0%，上解支出0.80亿元，支出总计31.00亿元。",
                 "一般公共预算支出安排28.00亿元，上解支出0.80亿元，调出资金1.20亿元，支出总计31.00亿元。")


_AVERAGE = "今年下达某区新增债券额度9.20亿元，比上年的8.00亿元增加1.20亿元，支持项目20个，平均每个项目{}万元。"


def test_an_average_reaches_past_the_base_and_the_change_of_its_total() -> None:
    assert_caught(_AVERAGE.format("4600"), _AVERAGE.format("5600"), ["share_levels"])

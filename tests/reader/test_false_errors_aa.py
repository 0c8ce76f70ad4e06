"""The shapes behind set AA's false errors (tables as a county pastes them, and the prose restating them): a part row
grows as its whole row does, a ± column is a rise or fall, a share after a 分别 list is the list's whole's, and a rate
said of the earlier period after a change in points is that period's."""

from __future__ import annotations

from tests.reader.shapes import assert_caught, assert_quiet

_GDP_TABLE = """某县2024年主要指标完成情况表
单位：亿元、%
序号\t指标名称\t单位\t上年完成\t本年完成\t同比增长%
1\t地区生产总值\t亿元\t180.4\t190.6\t5.2
\t其中：第一产业\t亿元\t20.1\t21.0\t3.1
\t      第二产业\t亿元\t70.2\t74.9\t6.0
\t      第三产业\t亿元\t90.1\t94.7\t5.3
2\t一般公共预算收入\t亿元\t10.00\t10.50\t5.0
"""

_REVENUE_TABLE = """某县2024年主要指标完成情况表
单位：亿元、%
序号\t指标名称\t单位\t上年完成\t本年完成\t同比增长%
1\t一般公共预算收入\t亿元\t12.00\t13.20\t10.0
\t其中：税收收入\t亿元\t9.00\t9.90\t{growth}
2\t社会消费品零售总额\t亿元\t80.0\t86.4\t8.0
"""


def test_a_part_row_grows_at_the_comparable_prices_of_its_whole_row() -> None:
    # The three industries under 地区生产总值 grow at comparable prices, as GDP does: no rate from their levels.
    assert_quiet(_GDP_TABLE)


def test_a_part_row_of_a_whole_at_current_prices_is_checked() -> None:
    assert_caught(_REVENUE_TABLE.format(growth="10.0"), _REVENUE_TABLE.format(growth="6.0"), ["growth_levels"])


_SIGNED_TABLE = """表2  主要经济指标
指标名称                 计量单位    1-9月      1-9月同比±%
规模以上工业总产值       亿元        150.6      7.5
  其中：轻工业           亿元        60.2       3.2
        重工业           亿元        {heavy}      10.1
全社会用电量             亿千瓦时    18.20      4.4
"""


def test_a_plus_minus_column_is_a_rise_or_fall_not_an_amount() -> None:
    # 同比±%: the part's rate (10.1) above its whole's (7.5) is no part above its whole.
    assert_quiet(_SIGNED_TABLE.format(heavy="90.4 "))


def test_a_part_above_its_whole_in_a_table_with_a_plus_minus_column_is_caught() -> None:
    assert_caught(_SIGNED_TABLE.format(heavy="90.4 "), _SIGNED_TABLE.format(heavy="160.4"), ["part_exceeds_whole", "part_exceeds_whole"])


_LIST_SHARE = ("一般公共预算支出完成46.00亿元。全年农林水、交通运输和节能环保三项支出合计18.40亿元，分别为8.10亿元、"
               "6.20亿元和4.10亿元，占一般公共预算支出的{share}。")


def test_a_share_after_a_list_is_the_share_of_the_lists_whole() -> None:
    assert_caught(_LIST_SHARE.format(share="40.0%"), _LIST_SHARE.format(share="45.0%"), ["share_levels"])


def test_a_share_after_a_list_ending_in_and_is_the_wholes() -> None:
    # 和6.00亿元: the last value, joined by 和, is still the list's; the share after it is the 合计's.
    assert_quiet("一般公共预算支出完成52.00亿元。教育、医疗和养老三项支出合计26.00亿元，分别为12.00亿元、8.00亿元和6.00亿元，"
                 "占一般公共预算支出的50.0%。")


_SHARE_BEFORE = ("规上工业营业收入88.40亿元，其中装备制造业营业收入50.30亿元，占规上工业营业收入的56.9%，比上年同期提高2.1个百分点，"
                 "上年同期装备制造业占比为{earlier}。")
_RATE_BEFORE = ("年末常住人口42.50万人，其中城镇常住人口23.80万人，常住人口城镇化率为56.0%，比上年末提高1.4个百分点，"
                "上年末为{earlier}。")


def test_a_share_said_of_the_same_period_last_year_is_that_periods() -> None:
    assert_quiet(_SHARE_BEFORE.format(earlier="54.8%"))


def test_a_rate_said_of_last_year_end_is_that_years() -> None:
    assert_quiet(_RATE_BEFORE.format(earlier="54.6%"))


def test_the_change_in_points_is_checked_against_the_two_rates() -> None:
    assert_caught(_RATE_BEFORE.format(earlier="54.6%"), _RATE_BEFORE.format(earlier="53.9%"), ["growth_levels"])
    assert_caught(_SHARE_BEFORE.format(earlier="54.8%"), _SHARE_BEFORE.format(earlier="53.6%"), ["growth_levels"])


_LAST_YEAR_AFTER = """表3  某县2024年1-8月主要指标
指标名称                 计量单位    1-8月      1-8月同比±%    上年同期（1-8月）
社会消费品零售总额       亿元        64.80      {growth}            60.00
全社会用电量             亿千瓦时    12.40      3.3            12.00
"""


def test_a_rate_is_checked_against_last_years_level_in_the_column_after_it() -> None:
    # 64.80 ÷ 60.00 − 1 = 8.0 %: the column of last year's levels follows the rate, and still is its base.
    assert_caught(_LAST_YEAR_AFTER.format(growth="8.0"), _LAST_YEAR_AFTER.format(growth="5.0"), ["growth_levels"])


# The merge of the fifty-first and fifty-second passes (docs/audit.md): a column of the change against the plan
# (比预算增减%) is no growth against last year; the growth column after it is checked against last year's.
_AGAINST_BUDGET = ("2025年部门“三公”经费支出情况\n单位：万元\n"
                   "项目              2024年决算    2025年预算    2025年执行    比预算增减%   比上年增减%\n"
                   "公务接待费             120.0         110.0          99.0          -10.0         {}\n"
                   "会议费                 200.0         190.0         210.0           10.5          5.0\n")


def test_a_change_against_the_budget_is_no_growth_and_last_years_is_checked() -> None:
    assert_caught(_AGAINST_BUDGET.format("-17.5"), _AGAINST_BUDGET.format("-12.5"), ["growth_levels"])

"""False errors an outside trial found on true texts (docs/audit.md, the night's merge): by how much a figure went beyond
its plan is no plan (超年度计划0.60亿元); last year's level of the same months in a text that names no year is a base, no
whole of this year's parts (上年同期地区生产总值为…。分产业看，…)."""

from __future__ import annotations

from tests.reader.shapes import assert_caught, assert_quiet

_BEYOND_PLAN = "全年完成水利投资8.40亿元，{}0.40亿元，完成年度计划的{}%。"
_SAME_MONTHS = ("1—6月，全县实现地区生产总值120.50亿元，同比增长5.6%。上年同期地区生产总值为112.30亿元。分产业看，第一产业增加值"
                "15.20亿元，第二产业增加值48.30亿元，第三产业增加值{}亿元。")


def test_by_how_much_a_figure_went_beyond_its_plan_is_no_plan() -> None:
    assert_quiet(_BEYOND_PLAN.format("超年度计划", "105.0"), _BEYOND_PLAN.format("比年度计划多完成", "105.0"))


def test_last_years_level_of_the_same_months_is_no_whole_of_this_years_parts() -> None:
    assert_caught(_SAME_MONTHS.format("57.00"), _SAME_MONTHS.format("62.00"), ["parts_total"])

"""False errors of the outside set J of trial t19j, each as a rule of the reader's grammar with invented sentences of the
same shape: a figure's period or span must agree before it is paired. The true sentence stays quiet; where the right
pairing is still made, a planted error of it is caught; look-alikes stay quiet."""

from __future__ import annotations

from devplan.reader import extract_facts
from devplan.reader.periods import find_period
from tests.reader.shapes import assert_caught, assert_quiet
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact

# 1—8月累计…，9月当月…，环比增长…（8月当月为…）: one month alone is a period of its own, the month before it in parentheses
# after a 环比 rate is that rate's base (no part of the months' total), and the months so far and the month after them
# are all of the whole's months.

_BY_MONTH = ("1—6月，全县规模以上工业营业收入48.20亿元，同比增长6.1%。分月看，1—5月累计完成{}亿元，6月当月完成8.10亿元，"
             "环比增长{}%（5月当月为7.50亿元）。")


def test_one_month_alone_is_a_period() -> None:
    assert find_period("6月当月完成").months == (6, 6)
    assert find_period("11月份单月").months == (11, 11)
    assert find_period("6月份完成").months is None  # a month named alone may be a date, not a figure's period


def test_the_month_before_in_parentheses_is_no_part() -> None:
    assert _errors(_BY_MONTH.format("40.10", "8.0")) == []
    facts = extract_facts(_BY_MONTH.format("40.10", "8.0"))
    base, month = _fact(facts, "7.50亿元"), _fact(facts, "8.10亿元")
    assert base.whole is None and base.compared and month.earlier == base.index


def test_the_months_so_far_and_the_month_after_are_all_of_the_whole() -> None:
    assert _errors(_BY_MONTH.format("38.10", "8.0")) == ["parts_total"]  # 38.10 + 8.10 short of 48.20
    assert _errors(_BY_MONTH.format("42.10", "8.0")) == ["parts_total"]  # over it


def test_a_rate_over_the_month_before_is_checked() -> None:
    assert _errors(_BY_MONTH.format("40.10", "11.0")) == ["growth_levels"]  # 8.10 ÷ 7.50 is 8.0 %


def test_halves_of_the_year_are_all_of_it() -> None:
    text = "全年全县固定资产投资126.0亿元，其中上半年完成{}亿元，下半年完成71.5亿元。"
    assert_caught(text.format("54.5"), text.format("50.5"), ["parts_total"])


def test_months_with_a_gap_are_no_breakdown() -> None:
    # Look-alike: 1—5月 and 9月 leave months out; a sum short of the whole is no error.
    assert_quiet("1—9月，全县规模以上工业营业收入70.20亿元。分月看，1—5月累计完成38.10亿元，9月当月完成8.10亿元。")


def test_running_totals_with_one_month_inside_are_not_added() -> None:
    # Look-alike: a month inside the months so far, listed as a figure of its own, is no further part.
    assert_quiet("1—6月，全县规模以上工业营业收入48.20亿元。其中，1—5月累计完成40.10亿元，5月当月完成7.50亿元，6月当月完成8.10亿元。")


# 项目开工以来累计完成投资…，占总投资的…: a running total since a project began spans years; it is never a share of the
# months' figure named with the same measure, but of the project's 总投资, which names no months either.

_PROJECT = ("县第二水厂建设项目。总投资8.40亿元，年度计划投资2.10亿元，1—10月完成投资1.90亿元，完成年度计划的90.5%；"
            "项目开工以来累计完成投资5.46亿元，占总投资的{}%。")


def test_a_total_since_the_start_is_no_share_of_the_years_figure() -> None:
    assert _errors(_PROJECT.format("65.0")) == []
    facts = extract_facts(_PROJECT.format("65.0"))
    assert _fact(facts, "5.46亿元").cumulative and not _fact(facts, "1.90亿元").cumulative


def test_a_total_since_the_start_is_a_share_of_the_projects_total() -> None:
    assert _errors(_PROJECT.format("60.5")) == ["share_levels"]  # 5.46 ÷ 8.40 is 65.0 %


def test_a_total_since_the_year_began_is_of_the_year() -> None:
    # Look-alike: 今年以来累计 runs over the year's months, as the figures beside it do.
    facts = extract_facts("今年以来累计完成投资5.46亿元，其中工业投资2.10亿元。")
    assert not _fact(facts, "5.46亿元").cumulative


# 社会消费品零售总额14.83亿元。从月度看，1—4月累计…，5月当月…: a whole that names no months of its own, broken down by
# month into the months so far and the month after them, is the sum of the two.

_NO_MONTHS = "全县社会消费品零售总额20.50亿元，同比增长4.2%。从月度看，1—5月累计{}亿元，6月当月3.60亿元。"


def test_a_whole_without_months_is_of_the_months_its_parts_make_up() -> None:
    assert_caught(_NO_MONTHS.format("16.90"), _NO_MONTHS.format("15.90"), ["parts_total"])


def test_parts_by_quarter_from_the_start_without_a_month_alone_are_no_breakdown() -> None:
    # Look-alike: 上半年 and 三季度 run from January with no gap, but no month alone closes them; the whole's months are
    # not known, so a sum short of it is no error.
    assert_quiet("全县社会消费品零售总额40.50亿元。其中，上半年完成18.20亿元，三季度完成9.60亿元。")

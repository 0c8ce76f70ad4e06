"""False errors of the outside set N of trial t19n, each as a rule of the reader's grammar with invented sentences of the
same shape: a pairing (or a sum) the reader should not make. The true sentence stays quiet; where the right pairing is still
made, a planted error of it is caught."""

from __future__ import annotations

from decimal import Decimal

from devplan.reader import extract_facts
from devplan.reader.interval import Interval
from devplan.reader.periods import clause_month, find_period
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact

# 安排重点项目64个。…已开工项目60个，开工率93.8%: 60 ÷ 64 is 93.75 % exactly, the very edge of a stated 93.8 %.

_STARTED = "全县共安排市级重点项目{}个，总投资212.4亿元。截至11月底，已开工项目60个，开工率{}%。"


def test_an_exact_quotient_on_the_edge_of_rounding_fits() -> None:
    quotient = Interval.exact(Decimal(60)) / Interval.exact(Decimal(64))
    assert quotient == Interval.exact(Decimal("0.9375"))
    assert _errors(_STARTED.format("64", "93.8")) == []


def test_a_wrong_start_rate_is_still_caught() -> None:
    assert _errors(_STARTED.format("64", "95.8")) == ["share_levels"]
    assert _errors(_STARTED.format("66", "93.8")) == ["share_levels"]  # 60 ÷ 66 is 90.9 %


# 加上级补助收入…、债券转贷收入…等，收入总计…: 等 after the last thing added says the list is only partial.

_ADDED = ("全区一般公共预算收入18.42亿元，增长4.2%。税收收入占一般公共预算收入的比重为71.5%。"
          "加上上级补助收入25.3亿元、债券转贷收入6.1亿元{}，收入总计{}亿元。")


def test_a_partial_list_of_what_is_added_is_not_summed() -> None:
    assert _errors(_ADDED.format("等", "52.77")) == []


def test_a_full_list_of_what_is_added_is_still_summed() -> None:
    assert _errors(_ADDED.format("", "49.82")) == []
    assert _errors(_ADDED.format("", "52.77")) == ["parts_total"]  # 18.42 + 25.3 + 6.1 is 49.82


# 12月份，社会消费品零售总额…。全年限额以上单位消费品零售额…，占社会消费品零售总额的…: a clause opening with one month dates
# the figures after it to that month, not to the year; the year's share is of the year's total.

_MONTH = ("2025年，全区社会消费品零售总额{}亿元，增长6.1%。12月份，社会消费品零售总额15.32亿元，同比增长6.8%。"
          "全年限额以上单位消费品零售额52.6亿元，占社会消费品零售总额的{}%。")


def test_a_clause_opening_with_a_month_dates_its_figures() -> None:
    assert clause_month("11月份") == (11, 11) and clause_month("2025年11月份") == (11, 11)
    assert find_period("11月份,全县").months == (11, 11)
    # Look-alikes: the months so far are no one month, nor is a clause that does not end with the month.
    assert clause_month("1—11月份") is None and clause_month("11月份以来") is None
    assert find_period("1—11月份,全县").months == (1, 11)
    assert find_period("截至11月份,全县").months == (1, 11)
    facts = extract_facts(_MONTH.format("142.6", "36.9"))
    month = _fact(facts, "15.32亿元")
    assert month.period is not None and (month.period.first, month.period.last) == (12, 12)


def test_a_share_of_the_year_is_not_of_one_month() -> None:
    assert _errors("2025年，全区餐饮收入12.4亿元，增长6.1%。12月份，社会消费品零售总额15.32亿元，同比增长6.8%。"
                   "全年限额以上单位消费品零售额52.6亿元，占社会消费品零售总额的36.9%。") == []
    assert _errors(_MONTH.format("142.6", "36.9")) == []


def test_the_share_of_the_year_total_is_still_caught() -> None:
    assert _errors(_MONTH.format("142.6", "38.2")) == ["share_levels"]  # 52.6 ÷ 142.6 is 36.9 %


# 自2020年以来，累计争取上级资金…。分类别看，中央预算内投资…，…，其他上级专项资金…: parts in a later sentence, not said to be
# summed over the same years, may be one year's; falling short of the years' total is no error.

_SINCE = ("全市争取上级资金增长6.5%。自2020年以来，全区累计争取上级资金{}亿元。{}分类别看，中央预算内投资3.12亿元，"
          "超长期特别国债资金2.45亿元，地方政府专项债券资金11.6亿元，其他上级专项资金{}亿元。")


def test_parts_short_of_a_total_since_a_year_are_no_error() -> None:
    assert _errors(_SINCE.format("98.2", "", "6.33")) == []
    assert _errors(_SINCE.format("98.2", "\n", "6.33")) == []  # the parts open the next paragraph


def test_parts_past_a_total_since_a_year_are_still_caught() -> None:
    assert _errors(_SINCE.format("98.2", "", "86.33")) == ["parts_total"]


def test_parts_of_a_total_without_since_are_still_summed() -> None:
    text = "全区累计争取上级资金23.5亿元。分类别看，中央预算内投资3.12亿元，超长期特别国债资金2.45亿元，地方政府专项债券资金11.6亿元，其他上级专项资金{}亿元。"
    assert _errors(text.format("6.33")) == []
    assert _errors(text.format("4.33")) == ["parts_total"]  # the four add up to 21.5

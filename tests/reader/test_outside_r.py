"""Set R's misses, read by root cause (docs/audit.md, forty-second pass): each rule with sentences written for it, of
the same shape as the misses but not copied from the set."""

from __future__ import annotations

from tests.reader.shapes import assert_caught, assert_quiet

# An earlier period's rate in parentheses, then how far the rate moved since.

def test_earlier_rate_without_speed_word_is_the_growths() -> None:
    """比1—5月（7.4%）回落: the rate in parentheses is read as a level for lack of 增速, yet right after the growth it is
    that growth's of the earlier months."""
    assert_caught("1—6月，全市社会消费品零售总额同比增长6.2%，比1—5月（7.4%）回落1.2个百分点。",
                  "1—6月，全市社会消费品零售总额同比增长6.2%，比1—5月（7.4%）回落0.6个百分点。", ["point_gap"])


def test_fall_word_after_the_parenthesis() -> None:
    """比一季度（-6.3%）降幅收窄: 降幅 between the parenthesis and the verb says the fall's width narrows."""
    assert_caught("上半年，全区工业投资同比增长-3.5%，比一季度（-6.3%）降幅收窄2.8个百分点。",
                  "上半年，全区工业投资同比增长-3.5%，比一季度（-6.3%）降幅收窄1.8个百分点。", ["point_gap"])


def test_fall_word_before_comparison_with_minus_sign() -> None:
    """降幅比1—7月（-9.2%）收窄: a fall's rate written with its minus sign after 降幅 is the same fall."""
    assert_caught("1—8月，全县房地产开发投资同比下降7.6%，降幅比1—7月（-9.2%）收窄1.6个百分点。",
                  "1—8月，全县房地产开发投资同比下降7.6%，降幅比1—7月（-9.2%）收窄2.6个百分点。", ["point_gap"])


def test_speed_word_reaches_past_a_completion() -> None:
    """增速较一季度（…）: 增速 names the growth, so a completion between the growth and the earlier rate is passed over."""
    assert_caught("上半年，全市规模以上工业增加值同比增长7.1%，完成年度目标的52.3%，增速较一季度（6.4%）提高0.7个百分点。",
                  "上半年，全市规模以上工业增加值同比增长7.1%，完成年度目标的52.3%，增速较一季度（6.4%）提高1.7个百分点。",
                  ["point_gap"])


def test_without_speed_word_a_completion_is_not_passed_over() -> None:
    """Without 增速 the rate right before the parenthesis is the one measured: a completion, so nothing is checked."""
    assert_quiet("上半年，全市规模以上工业增加值同比增长7.1%，完成年度目标的52.3%，比一季度（48.0%）提高0.7个百分点。")


def test_width_of_a_rise_is_not_read_as_a_fall() -> None:
    """收窄 of two rises with 降幅 after the parenthesis is no fall's width: left alone."""
    assert_quiet("1—8月，全县固定资产投资同比增长4.1%，比1—7月（5.0%）降幅收窄0.3个百分点。")


# Months that add up: the months before and the month after, the months of both stated earlier.

def test_month_figure_named_by_its_months_alone() -> None:
    """二季度单季实现…: the later named by its months and a verb alone is of the thing the months before it are of."""
    assert_caught("上半年，全县地区生产总值142.60亿元。一季度全县地区生产总值66.35亿元，二季度单季实现76.25亿元。",
                  "上半年，全县地区生产总值142.60亿元。一季度全县地区生产总值66.35亿元，二季度单季实现72.25亿元。",
                  ["parts_total"])


def test_whole_of_both_months_stated_sentences_earlier() -> None:
    """The 1—7月 figure stated at the paragraph's head, two sentences before the months that make it up."""
    assert_caught("1—7月，全市税收收入48.62亿元，同比增长2.1%。税收收入占一般公共预算收入的71.3%。从月度看，"
                  "1—6月全市税收收入41.90亿元，7月当月入库6.72亿元。",
                  "1—7月，全市税收收入48.62亿元，同比增长2.1%。税收收入占一般公共预算收入的71.3%。从月度看，"
                  "1—6月全市税收收入41.90亿元，7月当月入库7.32亿元。", ["parts_total"])


def test_whole_that_is_a_part_of_a_list() -> None:
    """The whole of the months may itself be a part of a list (其中，进口…)."""
    assert_caught("1—5月，全市外贸进出口总额41.20亿元。其中，进口12.80亿元，出口28.40亿元。进口占进出口总额的31.1%。"
                  "从月度看，1—4月进口10.10亿元，5月单月进口2.70亿元，环比加快。",
                  "1—5月，全市外贸进出口总额41.20亿元。其中，进口12.80亿元，出口28.40亿元。进口占进出口总额的31.1%。"
                  "从月度看，1—4月进口10.10亿元，5月单月进口3.10亿元，环比加快。", ["parts_total"])


def test_another_things_month_is_not_added() -> None:
    """A later month named by another thing (5月单月出口) is not the earlier's thing: nothing is added up."""
    assert_quiet("1—5月，全市进口12.80亿元，出口28.40亿元。1—4月进口10.10亿元，5月单月出口3.10亿元。")


def test_a_rate_misread_as_the_level_is_not_the_whole() -> None:
    """Of an indicator, the whole is its amount in its own unit, never a rate stated after it (高于序时进度（75.0%）)."""
    assert_caught("1—9月，全县一般公共预算收入12.40亿元，完成年度预算的78.0%，高于序时进度（75.0%）3.0个百分点。"
                  "从月度看，1—8月全县一般公共预算收入11.05亿元，9月当月入库1.35亿元。",
                  "1—9月，全县一般公共预算收入12.40亿元，完成年度预算的78.0%，高于序时进度（75.0%）3.0个百分点。"
                  "从月度看，1—8月全县一般公共预算收入11.05亿元，9月当月入库1.65亿元。", ["parts_total"])


# The months a sentence goes on in.

def test_parts_after_a_quarters_own_figure_are_of_the_months_to_date() -> None:
    """一季度…，二季度单季…。分产业看，…: the parts by an aspect are of 上半年, not of 二季度 alone."""
    true = ("上半年，全县地区生产总值142.60亿元，同比增长5.4%。一季度全县地区生产总值66.35亿元，二季度单季实现76.25亿元。"
            "分产业看，第一产业增加值18.20亿元，第二产业增加值52.10亿元，第三产业增加值72.30亿元。")
    assert_caught(true, true.replace("第三产业增加值72.30亿元", "第三产业增加值75.30亿元"), ["parts_total"])


def test_parts_after_a_months_own_figure_are_of_the_months_to_date() -> None:
    """其中1—4月完成…，5月单月完成…。分领域看，…: the fields' figures are of 1—5月, the months a later share is of."""
    true = ("1—5月，全县经济运行总体平稳。全县固定资产投资完成45.6亿元，同比增长6.2%，其中1—4月完成36.1亿元，5月单月完成9.5亿元。"
            "分领域看，工业投资18.3亿元，增长9.1%。工业投资占全部投资的比重为40.1%。")
    assert_caught(true, true.replace("比重为40.1%", "比重为43.1%"), ["share_levels"])


def test_a_sentence_of_months_alone_sets_the_paragraphs_months() -> None:
    """1—5月，全县经济运行总体平稳: a sentence that states no figure yet opens with months sets them for the paragraph, so
    the fixed-asset investment after it is of 1—5月, as the months to date after it say."""
    true = "1—5月，全县经济运行总体平稳。全县固定资产投资完成45.6亿元。1—4月全县固定资产投资36.1亿元，5月单月完成9.5亿元。"
    assert_caught(true, true.replace("5月单月完成9.5亿元", "5月单月完成8.5亿元"), ["parts_total"])

"""Shapes from the blind set B of trial t19c (issue 19, fourteenth pass), each as a rule of the reader's grammar with
invented sentences: the true one stays quiet, the planted error is caught, and look-alikes stay quiet. False errors
first: a whole or a part chosen wrongly is said nothing about rather than guessed."""

from __future__ import annotations

from devplan.reader import extract_facts
from tests.reader.shapes import assert_caught, assert_quiet
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact

# The level after 比…的 is last year's: never this year's whole, a part of a list, or a whole a later share is of.


def test_last_years_level_is_no_part_of_the_list_it_stands_in() -> None:
    text = "2023年全市社会消费品零售总额64.20亿元，比上年的58.10亿元增长10.5%。其中，城镇零售额50.60亿元，比上年的45.90亿元增长10.2%；乡村零售额13.60亿元。"
    assert _errors(text) == []
    facts = extract_facts(text)
    assert _fact(facts, "比上年的45.90亿元").whole is None
    assert _fact(facts, "城镇零售额50.60亿元").whole == _fact(facts, "64.20亿元").index
    # The planted part is still caught against this year's whole.
    assert "parts_total" in _errors(text.replace("13.60", "23.60"))


def test_a_share_in_the_next_sentence_is_of_this_years_levels_not_last_years() -> None:
    text = ("2023年全市工业总产值120.0亿元，比上年的100.0亿元增长20.0%。其中，装备制造产值48.0亿元，比上年的40.0亿元增长20.0%。"
            "装备制造产值占工业总产值的{}%。")
    assert_caught(text.format("40.0"), text.format("46.0"), ["share_levels"])


# A share whose part is named before 占, with its whole's figure inside: 甲占乙（N）的X%.


def test_the_part_named_before_zhan_is_the_share_of_not_the_last_item() -> None:
    text = "年末全市养老保险参保人数80.0万人，其中职工参保30.0万人，居民参保50.0万人，养老保险参保人数占常住人口（100.0万人）的{}%。"
    assert_caught(text.format("80.0"), text.format("86.0"), ["share_levels"])
    assert _fact(extract_facts(text.format("80.0")), "的80.0%").entity == "养老保险参保人数"
    # Look-alike: no part named before 占 — the share is the item's before it.
    plain = "2023年民生支出32.0亿元，占一般公共预算支出40.0亿元的{}%。"
    assert_caught(plain.format("80.0"), plain.format("70.0"), ["share_levels"])


# Parts by a second aspect, after an aspect whose whole was not found, are of nothing guessed.


def test_a_second_aspect_after_one_without_a_whole_takes_no_last_part_as_its_whole() -> None:
    text = ("2023年全县固定资产投资增长9.0%。分区域看，甲镇完成投资30.0亿元，乙镇完成投资20.0亿元。"
            "分领域看，工业投资45.0亿元，增长10.0%。")
    assert _errors(text) == []
    assert _fact(extract_facts(text), "工业投资45.0亿元").whole is None


def test_a_scope_note_in_parentheses_is_no_part_of_the_things_name() -> None:
    text = "2023年全县固定资产投资（不含农户）200.0亿元，增长9.0%。分领域看，工业投资{}亿元，增长10.0%。"
    assert _fact(extract_facts(text.format("120.0")), "200.0亿元").entity == "固定资产投资"
    assert_caught(text.format("120.0"), text.format("220.0"), ["part_exceeds_whole"])
    # Look-alike: a parenthesis naming places stays in the name.
    assert _fact(extract_facts("2023年各县（市、区）新增就业5000人。"), "5000人").entity != "各县"


def test_an_aspect_after_lines_of_stages_is_not_of_one_kind_of_work() -> None:
    text = ("2023年全市共安排重点项目100个，完成投资150.0亿元。\n"
            "预备项目：20个，完成前期工作投资5.0亿元。\n"
            "按投资规模分，亿元以上项目60个，完成投资120.0亿元。")
    assert _errors(text) == []
    assert _fact(extract_facts(text), "完成投资120.0亿元").whole is None


def test_a_count_of_a_size_class_is_not_the_projects_under_way() -> None:
    assert_quiet("2023年亿元以上项目60个，完成投资120.0亿元，其中10亿元以上项目8个。年内竣工项目30个。")
    # Look-alike: the count of all projects under way still bounds those finished.
    assert _errors("2023年开复工项目30个，完成投资120.0亿元。竣工项目38个。") == ["part_exceeds_whole"]


# 分区域看 without 其中: places named with the measure done are parts of the indicator named by that measure.


def test_places_by_aspect_named_with_the_measure_done_are_parts_of_the_indicator() -> None:
    text = "2023年全县固定资产投资100.0亿元，增长9.0%。分区域看，甲镇完成投资{}亿元，乙镇完成投资40.0亿元。"
    assert_caught(text.format("60.0"), text.format("70.0"), ["parts_total"])
    # Look-alike: a planned or total investment of a place is no part of the year's.
    assert _errors("2023年全县固定资产投资100.0亿元。分区域看，甲镇计划投资70.0亿元，乙镇计划投资40.0亿元。") == []


def test_a_rate_in_parentheses_after_a_gap_opens_no_list() -> None:
    text = ("2023年全县固定资产投资100.0亿元，增长9.0%，高于全省3.0个百分点（全省增长6.0%）。"
            "分区域看，甲镇完成投资{}亿元，乙镇完成投资40.0亿元。")
    assert_caught(text.format("60.0"), text.format("70.0"), ["parts_total"])
    # Look-alike: parts in parentheses right after a total are still its parts.
    assert _errors("2023年完成投资86.0亿元（交通52.0亿元、水利44.0亿元）。") == ["parts_total"]


# A completion whose thing is named before its plan, the figure done stated in the sentence before.


def test_a_completion_named_before_its_budget_takes_the_figure_done_before() -> None:
    text = "2023年全县财政收入总计60000万元，其中：一般公共预算收入16800万元，上级补助收入43200万元。一般公共预算收入为年初预算16000万元的{}%。"
    assert_caught(text.format("105.0"), text.format("110.0"), ["completion_level_target"])
    # Look-alike: a budget without its figure cannot be checked, and says nothing wrong.
    assert _errors("2023年全县财政收入总计60000万元，其中：一般公共预算收入16800万元，上级补助收入43200万元。上级补助收入为预算的96.0%。") == []


# 分别高于全省、全市N个和M个百分点 with the rates in parentheses after.


def test_gaps_to_a_list_of_places_are_each_to_the_place_in_its_order() -> None:
    text = "2023年全县规模以上工业增加值增长7.6%，分别高于全省、全市{}个和{}个百分点（全省增长6.9%，全市增长7.1%）。"
    assert_caught(text.format("0.7", "0.5"), text.format("2.2", "0.5"), ["point_gap"])
    assert _errors(text.format("0.7", "2.5")) == ["point_gap"]
    # Look-alike: two gaps and three places pair nothing.
    assert _errors("2023年全县规模以上工业增加值增长7.6%，分别高于全国、全省、全市2.2个和0.5个百分点（全省增长6.9%，全市增长7.1%）。") == []


# 收入−支出=结余 in one sentence.


def test_a_balance_is_the_income_less_the_spending() -> None:
    text = "2023年全市职工医保基金收入12.40亿元，支出{}亿元，当期结余{}亿元。"
    assert_caught(text.format("11.20", "1.20"), text.format("11.20", "1.80"), ["parts_total"])
    assert _errors(text.format("10.60", "1.20")) == ["parts_total"]
    assert _errors("2023年全市基金收入12400万元，基金支出11200万元，结余1200万元。") == []
    # Look-alikes: a balance carried over years, another thing's spending, a figure stated loosely.
    assert_quiet("2023年全市职工医保基金收入12.40亿元，支出11.20亿元，累计结余30.50亿元。",
                 "2023年全市职工医保基金收入12.40亿元，住房支出11.20亿元，当期结余3.00亿元。",
                 "2023年全市职工医保基金收入约12亿元，支出11.20亿元，当期结余1.50亿元。")


# A gap in points between two levels in %, the other in parentheses.


def test_a_gap_between_two_rates_reached_uses_the_latest_not_the_one_risen_from() -> None:
    text = "2023年森林覆盖率由上年的62.0%提高到63.0%，提高1.0个百分点，高于全省平均水平（60.0%）{}个百分点。"
    assert_caught(text.format("3.0"), text.format("5.0"), ["point_gap"])
    # Look-alike: a gap in growth still compares growth rates, not a level beside it.
    assert _errors("2023年规模以上工业增加值增长7.6%，高于全省0.7个百分点（全省增长6.9%）。") == []


def test_a_gap_to_all_of_an_indicator_is_to_the_indicator() -> None:
    text = "2023年全县规模以上工业增加值增长7.6%。高技术制造业增加值增长9.2%，快于全部规上工业{}个百分点。"
    assert_caught(text.format("1.6"), text.format("3.6"), ["point_gap"])
    # Look-alike: a gap to a rate never stated says nothing.
    assert _errors("2023年高技术制造业增加值增长9.2%，快于全部服务业3.6个百分点。") == []


# A share named by two characters that end exactly one level's name in its clauses.


def test_a_share_named_by_the_ends_of_two_levels_in_its_clauses() -> None:
    text = "截至2023年底，全县政府债务限额100000万元，债务余额90000万元，余额占限额的{}%。"
    assert_caught(text.format("90.0"), text.format("95.0"), ["share_levels"])
    # Look-alike: two levels end with the name — nothing is guessed.
    assert _errors("截至2023年底，全县政府债务限额100000万元，一般债务余额40000万元，专项债务余额50000万元，余额占限额的95.0%。") == []


# A share of the days of a year.


def test_a_share_of_days_is_of_the_days_of_the_year() -> None:
    text = "2023年全市空气质量优良天数320天，优良天数比例为{}%。"
    assert_caught(text.format("87.7"), text.format("92.7"), ["share_levels"])
    # 2024 has 366 days.
    assert _errors("2024年全市空气质量优良天数320天，优良天数比例为87.4%。") == []
    # Look-alikes: a share of other things, part of a year, days stated loosely.
    assert_quiet("2023年全市空气质量优良天数320天，重污染天数比例为2.0%。",
                 "2023年1—6月全市空气质量优良天数160天，优良天数比例为92.0%。",
                 "2023年全市空气质量优良天数320天以上，优良天数比例为92.0%。")

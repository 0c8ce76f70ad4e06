"""Figures bound across sentences and paragraphs (the forty-ninth pass): a gap to the plan said paragraphs after the
plan's growth target, and a table whose columns a paragraph names before its rows, said as prose. Every sentence is
INVENTED in the shapes county reports are published in; each breaks one relation in the planted variant, and the
distractors state no such relation (or one the reader cannot tell apart) and must stay quiet."""

from __future__ import annotations

import pytest

from tests.reader.shapes import assert_caught, assert_quiet

# A growth target stated in the year's targets, its gap to the year's rate said in a later paragraph.
TARGET_THEN_GAP = [
    ("2024年主要预期目标为：地区生产总值增长7%，规模以上工业增加值增长9%。\n"
     "全年全县地区生产总值比上年增长7.6%，高于年度目标{}个百分点。", "0.6", "1.6"),
    ("年初确定的预期目标是：社会消费品零售总额增长8.5%。\n"
     "全年实现社会消费品零售总额58.3亿元，增长7.9%，比目标低{}个百分点。", "0.6", "1.6"),
    ("县人代会确定的目标是：固定资产投资增长10%，一般公共预算收入增长6%。一年来各项工作扎实推进。\n"
     "全县固定资产投资增长11.3%，高于年度目标{}个百分点；一般公共预算收入增长6.4%。", "1.3", "2.3"),
]

# Growth targets and gaps the reader must not bind: a loose target, a list of gaps to several targets, another year's.
TARGET_THEN_GAP_QUIET = [
    "2024年主要预期目标为：地区生产总值增长7%左右。\n全县地区生产总值增长7.6%，高于年度目标0.9个百分点。",
    "2024年的目标是城镇和农村居民人均可支配收入分别增长6%和8%。\n"
    "城镇居民人均可支配收入增长5.2%；农村居民人均可支配收入增长8.3%，增速分别比目标低0.8个百分点和高0.3个百分点。",
    "2025年主要预期目标为：地区生产总值增长7%。\n2024年全县地区生产总值增长7.6%，高于年度目标0.9个百分点。",
]

# The whole place's rate of a named thing stated a sentence before, a part's gap to it said after.
PLACE_RATE_THEN_GAP = [
    ("全年全县规模以上工业增加值增长7.5%。分行业看，装备制造业增长11.2%，增速高于全县规上工业平均水平{}个百分点。",
     "3.7", "4.7"),
    ("全县社会消费品零售总额比上年增长6.1%。其中，餐饮收入增长9.3%，高于全县社会消费品零售总额{}个百分点。", "3.2", "2.2"),
]

# The remembered rate is another place's (全市 in a county's report), or loose: no gap is bound to it.
PLACE_RATE_THEN_GAP_QUIET = [
    "全市规模以上工业增加值增长6.5%。我县装备制造业增长11.2%，增速高于全县规上工业平均水平2.1个百分点。",
    "全县规模以上工业增加值增长7%左右。装备制造业增长11.2%，增速高于全县规上工业平均水平2.1个百分点。",
]

# A whole stated a sentence before, named again before 中 opening the sentence of its part's bare share.
AMONG_WHOLE_BEFORE = [
    ("全区一般公共预算支出42.6亿元，增长2.8%。在一般公共预算支出中，社会保障和就业支出8.52亿元，占{}%。", "20.0", "22.0"),
    ("全年固定资产投资128.4亿元，比上年增长6.2%。在固定资产投资中，工业投资46.2亿元，占{}%，增长9.1%。", "36.0", "39.0"),
]

# No whole of the part's period stated before, or only a count of the things: nothing to divide by.
AMONG_WHOLE_BEFORE_QUIET = [
    "2023年全区一般公共预算支出40.0亿元。2024年，在一般公共预算支出中，教育支出8.5亿元，占19.1%。",
    "在签约项目中，工业项目32个，占64%。",
]

# Columns named in parentheses before a colon, the rows after it each closed by an end mark: on lines of their own or
# run together in one paragraph.
ANNOUNCED_ROWS = [
    ("各类项目推进情况如下（项目类别、年度计划投资、完成投资、完成率）：\n"
     "工业项目，32.5亿元，35.1亿元，{}%；\n城建项目，14.0亿元，12.6亿元，90.0%。", "108.0", "112.0"),
    ("分片区看（名称、年度计划投资、1—9月完成投资、完成率）：东片区，8.40亿元，6.30亿元，75.0%；"
     "西片区，5.00亿元，4.10亿元，{}%。", "82.0", "86.0"),
]

# Parentheses before a colon that name no columns of rows, or rows that are no rows of the named columns.
ANNOUNCED_ROWS_QUIET = [
    "全年重点抓了三项工作（招商、技改、园区建设）：一是招商引资项目42个，二是技改投资增长12%，三是园区扩区5平方公里。",
    "各类项目推进情况如下（项目类别、年度计划投资、完成投资、完成率）：\n"
    "工业项目完成投资35.1亿元，完成年度计划的103.2%，进度较快。",
]


@pytest.mark.parametrize(("template", "true", "planted"), TARGET_THEN_GAP)
def test_gap_to_a_target_stated_paragraphs_before(template: str, true: str, planted: str) -> None:
    assert_caught(template.format(true), template.format(planted), ["point_gap"])


@pytest.mark.parametrize("text", TARGET_THEN_GAP_QUIET)
def test_gap_to_a_target_not_bound_stays_quiet(text: str) -> None:
    assert_quiet(text)


@pytest.mark.parametrize(("template", "true", "planted"), ANNOUNCED_ROWS)
def test_rows_of_columns_named_before(template: str, true: str, planted: str) -> None:
    assert_caught(template.format(true), template.format(planted), ["completion_level_target"])


@pytest.mark.parametrize("text", ANNOUNCED_ROWS_QUIET)
def test_no_rows_of_columns_named_before_stays_quiet(text: str) -> None:
    assert_quiet(text)


@pytest.mark.parametrize(("template", "true", "planted"), PLACE_RATE_THEN_GAP)
def test_gap_to_the_whole_places_rate_stated_before(template: str, true: str, planted: str) -> None:
    assert_caught(template.format(true), template.format(planted), ["point_gap"])


@pytest.mark.parametrize("text", PLACE_RATE_THEN_GAP_QUIET)
def test_gap_to_another_places_or_a_loose_rate_stays_quiet(text: str) -> None:
    assert_quiet(text)


@pytest.mark.parametrize(("template", "true", "planted"), AMONG_WHOLE_BEFORE)
def test_share_of_a_whole_named_before_among(template: str, true: str, planted: str) -> None:
    assert_caught(template.format(true), template.format(planted), ["share_levels"])


@pytest.mark.parametrize("text", AMONG_WHOLE_BEFORE_QUIET)
def test_share_among_a_whole_not_stated_stays_quiet(text: str) -> None:
    assert_quiet(text)

"""The standard hierarchy of statistical indicators in the lexicon (twelfth pass): parts by definition, wherever the
two figures stand, and the look-alikes that must stay quiet. Every sentence is invented."""

from __future__ import annotations

import pytest

from devplan.reader import audit_text, default_lexicon, extract_facts

REPORT = "2024年某市政府工作报告\n一、2023年工作回顾\n"


def _findings(text: str, check: str = "part_exceeds_whole") -> list[tuple[str, list[int]]]:
    return [(f.severity, f.facts) for f in audit_text(REPORT + text).findings if f.check == check]


def _severities(text: str, check: str = "part_exceeds_whole") -> set[str]:
    return {severity for severity, _ in _findings(text, check)}


@pytest.mark.parametrize(("part", "whole"), [
    ("建筑业增加值", "第二产业增加值"),
    ("装备制造业增加值", "工业增加值"),
    ("高技术制造业增加值", "工业增加值"),
    ("六大高耗能行业增加值", "工业增加值"),
    ("非公有制经济增加值", "地区生产总值"),
    ("战略性新兴产业增加值", "地区生产总值"),
    ("房地产开发投资", "全社会固定资产投资"),
    ("民间投资", "全社会固定资产投资"),
    ("基础设施投资", "固定资产投资"),
    ("技改投资", "工业投资"),
    ("税收收入", "财政总收入"),
    ("非税收入", "财政总收入"),
    ("进口总额", "进出口总额"),
    ("限额以上消费品零售额", "社会消费品零售总额"),
    ("乡村消费品零售额", "社会消费品零售总额"),
    ("住户存款余额", "金融机构各项存款余额"),
    ("国内旅游收入", "旅游总收入"),
    ("夏粮产量", "粮食总产量"),
    ("畜牧业产值", "农林牧渔业总产值"),
    ("工业用电量", "全社会用电量"),
    ("城镇常住人口", "常住人口"),
    ("公路货运量", "货运量"),
])
def test_a_part_by_definition_is_checked_paragraphs_apart(part: str, whole: str) -> None:
    text = f"全年{whole}完成100亿元，增长5%。\n各项工作稳步推进。\n{part}完成{{}}亿元，增长3%。"
    assert _severities(text.format("40")) == {"info"}
    assert _severities(text.format("140")) == {"error"}


def test_a_part_counted_by_a_scope_of_its_own_is_a_warning() -> None:
    # 重点项目 investment and 民生支出 may hold what the whole's statistics leave out: a question, not an error.
    assert _severities("全社会固定资产投资完成100亿元。\n重点项目投资完成140亿元。") == {"warning"}
    assert _severities("一般公共预算支出100亿元。\n民生支出140亿元。") == {"warning"}


def test_an_estimate_and_a_figure_of_the_same_year_are_compared() -> None:
    text = "预计全区生产总值完成437亿元，增长12.1%。\n第三产业快速发展，完成增加值{}亿元，增长11.7%。"
    assert _severities(text.format("241")) == {"info"}
    assert _severities(text.format("524")) == {"error"}


def test_a_sectors_bare_value_added_is_the_sectors() -> None:
    facts = extract_facts(REPORT + "第一产业平稳发展，预计完成增加值64亿元。以旅游业为龙头的第三产业快速恢复发展，完成增加值241亿元。"
                          "装备制造业加快振兴，实现增加值43.13亿元。非公有制经济加快发展，实现增加值287.6亿元。")
    assert [f.entity for f in facts] == ["第一产业增加值", "第三产业增加值", "装备制造业增加值", "非公有制经济增加值"]
    # A clause about something else, or a measure other than value added, names no sector.
    facts = extract_facts(REPORT + "企业效益明显好转，实现增加值20亿元。重点项目加快推进，完成投资50亿元。")
    assert facts[0].entity == "增加值"
    assert "增加值" not in (facts[1].entity or "")


def test_profit_is_within_profits_and_taxes() -> None:
    text = "规模以上工业实现主营业务收入8100亿元、利税1000亿元、利润{}亿元，分别增长19%、18%、18%。"
    assert _severities(text.format("600")) == {"info"}
    assert _severities(text.format("1200")) == {"error"}
    # Profit of other firms, named apart, is no part of it.
    assert _findings("规模以上工业实现利税1000亿元。服务业企业实现利润1200亿元。") == []


def test_a_share_of_gdp_named_by_the_sector_is_of_its_value_added() -> None:
    text = "全市实现生产总值846.28亿元。\n工业增加值318.93亿元，增长13.16%。工业占生产总值的比重达到{}%。"
    assert _severities(text.format("37.69"), "share_levels") == {"info"}
    assert _severities(text.format("42.69"), "share_levels") == {"error"}


def test_a_structure_of_the_three_industries_by_their_short_names() -> None:
    text = ("全市实现生产总值846.28亿元。\n一产、二产、三产结构比例为{}：47.06：49.62。第一产业实现增加值28.1亿元。"
            "第二产业实现增加值398.25亿元。第三产业实现增加值419.93亿元。")
    assert _severities(text.format("3.32"), "share_levels") == {"info"}
    assert "error" in _severities(text.format("6.32"), "share_levels")


def test_last_year_in_a_work_report_is_the_year_reviewed() -> None:
    facts = extract_facts(REPORT + "在2021年实现高于全省平均水平后，去年全市实现生产总值846.28亿元，比上年增长11.51%。")
    assert [f.period and f.period.year for f in facts] == [2023, 2023]
    # 比去年, 去年同期, 在去年基础上 say what with, not when.
    facts = extract_facts(REPORT + "全市生产总值846.28亿元，比去年增加80亿元。")
    assert facts[0].period is not None and facts[0].period.year == 2023


def test_a_level_after_its_own_floor_takes_the_floors_unit() -> None:
    text = "全年接待国内外游客突破{}万人次，达到556万，旅游收入达到52.4亿元。"
    assert _severities(text.format("500"), "level_below_threshold") == {"info"}
    assert _severities(text.format("600"), "level_below_threshold") == {"error"}


def test_a_sum_over_years_is_no_part_of_one_years_figure() -> None:
    # A five-year review: investment done with a yearly rate may be the sum of the years.
    text = "全年完成固定资产投资312.8亿元，增长13.5%。\n五年来，完成工业固定资产投资408亿元，年均增长23%。"
    assert _findings(text) == []
    # Investment reached (达到) is the last year's; a running total holds a one year's part.
    assert _severities("全年完成固定资产投资312.8亿元。\n工业固定资产投资达到408亿元，年均增长23%。") == {"error"}
    assert _severities("累计完成固定资产投资1140亿元，年均增长20%。\n完成工业固定资产投资408亿元，年均增长23%。") == {"info"}


def test_a_floor_in_a_goal_is_not_checked_against_last_years_level() -> None:
    text = "实现旅游综合收入76亿元，增长36.2%。\n力争全年接待游客1800万人次，旅游综合收入突破100亿元。"
    assert _findings(text, "level_below_threshold") == []


def test_a_name_counted_per_thousand_is_not_the_indicator() -> None:
    lexicon = default_lexicon()
    assert lexicon.find("每千常住人口执业(助理)医师数") is None
    assert lexicon.find("全市常住人口") is not None

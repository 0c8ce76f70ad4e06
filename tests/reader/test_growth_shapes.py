"""Growth and gaps in points stated with the figures they come from, in one sentence: a rate against an explicit
last-year level (比上年的X), a level with its change and its rate, a change between two levels, and a gap in points
with the other rate in parentheses. Each shape with an invented sentence that stays quiet when true, its planted
error caught, and look-alikes that must stay quiet."""

from __future__ import annotations

from devplan.reader import extract_facts
from tests.reader.shapes import assert_caught, assert_quiet
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact


def test_growth_against_an_explicit_last_year_level() -> None:
    text = "全年水产品产量{}万吨，比上年的24.60万吨增长{}%。"
    assert_caught(text.format("26.35", "7.1"), text.format("26.35", "11.1"), ["growth_levels"])
    assert _errors(text.format("28.35", "7.1")) == ["growth_levels"]
    # The level compared with is the thing's, of last year, and names no thing of its own.
    facts = extract_facts("2023年全镇财政收入完成86420万元，为预算的102.0%，比上年的80150万元增长7.8%。")
    base, reached = _fact(facts, "80150万元"), _fact(facts, "86420万元")
    assert base.entity == reached.entity and reached.earlier == base.index
    assert base.period is not None and base.period.year == 2022
    assert _errors("2023年全镇财政收入完成86420万元，为预算的102.0%，比上年的80150万元增长7.8%。") == []


def test_growth_against_a_named_year_and_a_year_end() -> None:
    # A plan's target set on last year's level, both stated: the rate is of the two.
    plan = "二、2024年计划\n2024年主要预期目标：税收收入{}亿元，比2023年的11.20亿元增长{}%。"
    assert_caught(plan.format("11.87", "6.0"), plan.format("11.87", "9.0"), ["growth_levels"])
    # A net change between the year end's count and last year end's.
    firms = "年末全区限额以上商贸企业{}家，比上年末的241家净增{}家。"
    assert_caught(firms.format("268", "27"), firms.format("268", "37"), ["growth_levels"])
    facts = extract_facts(firms.format("268", "27"))
    assert _fact(facts, "净增27家").kind == "change"


def test_a_level_with_its_change_and_its_rate() -> None:
    # last year = level − change, whichever comes first, the change or the rate; 比年初 names no thing.
    balance = "年末全市金融机构各项贷款余额{}亿元，比年初增加{}亿元，增长{}%。"
    assert_caught(balance.format("512.40", "46.30", "9.9"),
                  balance.format("512.40", "46.30", "12.9"), ["growth_levels"])
    assert _errors(balance.format("552.40", "46.30", "9.9")) == ["growth_levels"]
    facts = extract_facts(balance.format("512.40", "46.30", "9.9"))
    assert _fact(facts, "46.30亿元").entity == _fact(facts, "512.40亿元").entity
    after = "全年实现旅游总收入{}亿元，比上年增长{}%，比上年增加{}亿元。"
    assert_caught(after.format("64.30", "5.2", "3.18"), after.format("64.30", "5.2", "6.18"), ["growth_levels"])
    # A figure counted by a scope that changes from year to year (限额以上) has its rate on last year's as adjusted.
    assert _errors("全年限额以上消费品零售额64.30亿元，比上年增长5.2%，比上年增加6.18亿元。") == []
    falling = "全年生猪出栏{}万头，比上年减少{}万头，下降{}%。"
    assert_caught(falling.format("31.20", "1.10", "3.4"), falling.format("31.20", "1.10", "6.4"), ["growth_levels"])


def test_a_yearly_rate_between_two_levels_of_named_years() -> None:
    text = "全县一般公共预算收入从2018年的9.6亿元增至2023年的14.2亿元，年均增长{}%。"
    assert _errors(text.format("8.1")) == []
    assert _errors(text.format("10.3")) == ["growth_levels"]  # 10.3% would be over four years, not five


def test_a_change_between_two_levels() -> None:
    text = "省级以上专精特新企业由{}家增至{}家，增加{}家。"
    assert_caught(text.format("36", "58", "22"), text.format("36", "58", "12"), ["growth_levels"])
    # 年均增加 is checked over the years (another rule), and a rise on last year alone has nothing to be against.
    assert_quiet("高新技术企业由2020年的36家增加到2023年的60家，年均增加8家。",
                 "高新技术企业达到60家，比上年增加12家。")


def test_a_change_in_points_from_a_rate_in_parentheses() -> None:
    text = "年末户籍人口城镇化率为{}%，比上年末（{}%）提高{}个百分点。"
    assert_caught(text.format("48.6", "47.3", "1.3"), text.format("48.6", "47.3", "2.3"), ["growth_levels"])
    # A share's last-year value after 比上年的: the same whole's share.
    share = "第三产业增加值占地区生产总值的比重为{}%，比上年的{}%提高{}个百分点。"
    assert_caught(share.format("51.4", "50.2", "1.2"), share.format("51.4", "50.2", "2.2"), ["growth_levels"])
    # Without the rate it rose from, nothing to check.
    assert _errors("年末户籍人口城镇化率为48.6%，比上年末提高2.3个百分点。") == []


def test_a_gap_in_points_with_the_other_rate_in_parentheses() -> None:
    after = "2023年全县社会消费品零售总额增长{}%，增速高于全市{}个百分点（全市增长{}%）。"
    assert_caught(after.format("7.4", "1.2", "6.2"), after.format("7.4", "2.2", "6.2"), ["point_gap"])
    level = "2023年全县农村居民人均可支配收入增长{}%，高于全省平均水平（{}%）{}个百分点。"
    assert_caught(level.format("7.9", "6.6", "1.3"), level.format("7.9", "6.6", "2.3"), ["point_gap"])
    average = "2023年规模以上工业增加值增长{}%，高于全市平均水平{}个百分点（全市增长{}%）。"
    assert_caught(average.format("9.1", "2.6", "6.5"), average.format("9.1", "3.6", "6.5"), ["point_gap"])


def test_a_rate_in_parentheses_is_the_other_place_s() -> None:
    facts = extract_facts("2023年全县地区生产总值增长6.1%，增速高于全市0.9个百分点（全市增长5.2%）。")
    other = _fact(facts, "5.2%")
    assert other.entity == "全市" and other.indicator is None
    assert _fact(facts, "6.1%").indicator == "gdp"


def test_look_alikes_stay_quiet() -> None:
    # Parentheses holding something else than the other rate.
    assert_quiet("2023年全县居民人均可支配收入增长6.2%，高于全市0.7个百分点（2022年为5.5%）。",
                 "2023年全县居民人均可支配收入增长6.2%，高于全省平均水平0.7个百分点（居全省第3位）。")
    # A rate at comparable prices is not recomputed from two levels at current prices.
    assert _errors("2023年全县地区生产总值312.5亿元，比上年的290.1亿元增长6.3%。") == []
    # A level of another kind after 比…的 is no base of the level before it.
    assert _errors("2023年全县完成固定资产投资86.4亿元，重点项目比上年的120个增加15个。") == []
    # A thing named before 比 is the base's own, not the level before it.
    other = "2023年全县工业增加值50.2亿元，服务业增加值比上年的40.1亿元增长10.0%。"
    facts = extract_facts(other)
    assert _fact(facts, "50.2亿元").earlier is None
    assert _errors(other) == []
    # The plan inside a completion is not the level compared with last year.
    text = "2023年全县共争取上级资金29.34亿元，完成年度目标26.00亿元的112.8%，比上年的24.18亿元增长21.3%。"
    facts = extract_facts(text)
    assert _fact(facts, "29.34亿元").earlier == _fact(facts, "24.18亿元").index
    assert _errors(text) == []

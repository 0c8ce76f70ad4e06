"""The planted misses of the outside set Q of trial t19q, by root cause, as rules of the reader's grammar with invented
sentences: the true one stays quiet, the planted one is caught, a look-alike stays quiet."""

from __future__ import annotations

from devplan.reader import audit_text
from tests.reader.shapes import assert_caught, assert_quiet, fact_ending

# 其中A…、占N%: 占 in the same item as the part's figure, after the enumeration comma, is the part's share.


def test_share_after_the_enumeration_comma() -> None:
    text = "2023年末全市共有公办幼儿园150所，其中乡镇幼儿园{}所、占62.0%，城区幼儿园57所。"
    assert_caught(text.format("93"), text.format("81"), ["share_levels"])


# 收入…亿元，为预算（…）的…%，同比增长…%，上年完成…亿元 and 增长…%（上年争取…亿元）: last year's figure after the rate, past
# the figure's own completion and plan, or named by any verb inside the parentheses.


def test_last_years_figure_after_a_completion_and_its_plan() -> None:
    text = "2023年全区税收收入完成8.80亿元，为预算（8.5亿元）的103.5%，同比增长{}%，上年完成8.00亿元。"
    assert_caught(text.format("10.0"), text.format("13.0"), ["growth_levels"])


def test_last_years_figure_named_by_a_verb_in_parentheses() -> None:
    text = "2023年全县引进市外资金45.0亿元，同比增长{}%（上年引进40.0亿元），完成年度目标的112.5%。"
    assert_caught(text.format("12.5"), text.format("15.5"), ["growth_levels"])


# 1—N月…完成年计划的X%，低于序时进度P个百分点: the schedule of months 1—N is N/12 of the year (or the days gone); a gap
# none of them gives is a warning.


def _warnings(text: str) -> list[str]:
    return [f.check for f in audit_text(text).findings if f.severity == "warning"]


def test_gap_to_the_schedule_of_months_gone_is_a_warning() -> None:
    # A warning, not an error: a plan may set its own schedule by month (tests/reader/test_outside_c.py).
    text = "1—8月，全县规模工业总产值完成年计划的64.0%，低于序时进度{}个百分点。"
    assert_quiet(text.format("4.7"))
    assert _warnings(text.format("2.7")) == []
    assert _warnings(text.format("4.7")) == ["point_gap"]


def test_gap_above_the_schedule_by_days_is_quiet() -> None:
    # 1—2月: by days 59/365 = 16.2 %, by months 16.7 %; 18.0 % is 1.3 to 1.8 points ahead.
    assert _warnings("1—2月，全区规模工业总产值完成年计划的18.0%，超序时进度1.8个百分点。") == []
    assert _warnings("1—2月，全区规模工业总产值完成年计划的18.0%，超序时进度1.3个百分点。") == []


def test_gap_to_the_schedule_of_a_whole_year_is_not_guessed() -> None:
    assert _warnings("全年固定资产投资完成年计划的96.0%，低于序时进度9.0个百分点。") == []


# 产业项目完成投资…，产业项目投资占比…: the share names its part's thing and measure, the verb between left out.


def test_share_named_without_the_verb_of_its_part() -> None:
    text = ("1—9月，全市重点项目完成投资80.0亿元。分领域看，工业项目完成投资44.0亿元，交通项目完成投资20.0亿元，"
            "其他项目完成投资16.0亿元，工业项目投资占比{}%。")
    assert_caught(text.format("55.0"), text.format("59.0"), ["share_levels"])


# 年计划…，预计完成…，完成N%: 完成 alone opening the clause of a percentage is how much of the plan was done.


def test_completion_said_with_done_alone() -> None:
    text = "——全社会用电量：年计划40.0亿千瓦时，预计完成41.0亿千瓦时，完成{}%。"
    assert_caught(text.format("102.5"), text.format("105.5"), ["completion_level_target"])


def test_done_alone_after_a_rate_is_the_rate_reached() -> None:
    # Look-alike: after a growth target, 完成3.5% is the rate reached, no completion of a plan.
    facts = audit_text("全省生产总值预期增速6.0%左右，完成3.5%；社会消费品零售总额预期增速7%左右，完成1.2%。").facts
    assert fact_ending(facts, "完成3.5%").kind != "completion"


# ——NAME。…: an item's title closed by a full stop names the figures after it, as one closed by a colon does.


def test_item_title_closed_by_a_full_stop() -> None:
    text = ("——规模工业增加值。年计划增长8%，年计划总量60亿元，1—10月完成49.0亿元，全年预计完成58.5亿元，"
            "完成年计划的{}%。")
    assert_caught(text.format("97.5"), text.format("94.5"), ["completion_level_target"])


# 增长X%（上年为…亿元），增速比上年（Y%）提高P个百分点; 增长X%，比1—6月（Y%）回落P个百分点: the thing's rate is the latest
# before the earlier period's, past last year's level; the earlier rate may be read as a level.


def test_change_of_pace_past_last_years_level() -> None:
    text = "2023年，全县外贸进出口总额65.0亿元，同比增长12.1%（上年为58.0亿元），增速比上年（9.0%）提高{}个百分点。"
    assert_caught(text.format("3.1"), text.format("5.1"), ["point_gap"])


def test_change_of_pace_from_an_earlier_period_read_as_a_level() -> None:
    text = "1—7月，全县规模以上工业增加值同比增长6.4%，比1—6月（6.9%）回落{}个百分点。"
    assert_caught(text.format("0.5"), text.format("1.5"), ["point_gap"])


# 增长X%，高于经济增速P个百分点 / 快于经济增长…: the economy's growth is GDP's, stated or estimated earlier.


def test_gap_to_the_economys_growth() -> None:
    text = ("2023年，全县地区生产总值预计增长5.5%。\n"
            "城镇居民人均可支配收入预计增长6.3%，快于经济增长{}个百分点。")
    assert_caught(text.format("0.8"), text.format("1.8"), ["point_gap"])


# 一是…类项目N个，…；二是…类项目…: classes named with 类, one to a point, break down the projects counted before.


def test_classes_counted_one_to_a_point() -> None:
    text = ("2024年全市安排重点项目60个，年度计划投资90.0亿元。一是先进制造类项目{}个，年度计划投资50.0亿元；"
            "二是城市建设类项目20个，年度计划投资30.0亿元；三是民生保障类项目12个，年度计划投资10.0亿元。")
    assert_caught(text.format("28"), text.format("31"), ["parts_total"])


# 工业项目N个、签约额…亿元，…: 签约额 of each class, and 签约总额 of all, are the projects' own.


def test_amount_signed_of_each_class() -> None:
    text = ("2023年，全市新签约项目40个，签约总额120.0亿元。其中，制造业项目25个、签约额{}亿元，"
            "服务业项目15个、签约额40.0亿元。")
    assert_caught(text.format("80.0"), text.format("86.0"), ["parts_total"])

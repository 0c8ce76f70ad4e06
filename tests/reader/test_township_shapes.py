"""Shapes of sentence read by the pass on set T's misses (docs/audit.md): ratios to one with any colon or naming their
two terms, a clause of only 完成 and a percentage, per-head figures of a group and of the place, a share's whole named as
the whole place, and a point change whose base follows in parentheses. Every sentence here is invented."""

from __future__ import annotations

from tests.reader.shapes import assert_caught, assert_quiet


def test_a_ratio_to_one_with_a_full_width_colon() -> None:
    assert_caught("城镇居民人均可支配收入51200元，农村居民人均可支配收入25600元，城乡居民收入比为2.00：1。",
                  "城镇居民人均可支配收入51200元，农村居民人均可支配收入25600元，城乡居民收入比为2.30：1。", ["share_levels"])


def test_a_ratio_naming_its_two_terms() -> None:
    assert_caught("全年外贸进出口总额60.0亿元，其中出口40.0亿元，进口20.0亿元，出口与进口之比为2.00∶1。",
                  "全年外贸进出口总额60.0亿元，其中出口40.0亿元，进口20.0亿元，出口与进口之比为2.40∶1。", ["share_levels"])


def test_the_first_term_shares_the_second_terms_measure() -> None:
    # 农业项目 and 文旅项目协议投资: the first is counted in 个 and its investment stated after it.
    true = ("全年签约项目30个，其中农业项目20个、协议投资45.0亿元；文旅项目10个、协议投资15.0亿元。"
            "农业项目与文旅项目协议投资之比为{}：1。")
    assert_caught(true.format("3.00"), true.format("3.50"), ["share_levels"])


def test_two_things_not_stated_give_no_ratio() -> None:
    assert_quiet("全年外贸进出口总额60.0亿元，出口与进口之比为2.40∶1。")


def test_a_clause_of_only_completion_and_a_percentage() -> None:
    true = "一般公共预算收入：年计划12.0亿元，预计完成12.6亿元，完成{}%；"
    assert_caught(true.format("105.0"), true.format("109.0"), ["completion_level_target"])


def test_the_clause_after_its_own_rate_and_last_years_level() -> None:
    true = "税收收入：年计划8.0亿元，预计完成8.4亿元，比上年的7.7亿元增长9.1%，完成{}%；"
    assert_caught(true.format("105.0"), true.format("102.0"), ["completion_level_target"])


def test_a_clause_of_completion_after_a_planned_rate_is_the_rate_done() -> None:
    # 计划增长8.0%，完成8.6%: the growth done, more than planned — no completion of 8.6%.
    assert_quiet("规模以上工业增加值：计划增长8.0%，完成8.6%；",
                 "全年计划改造老旧小区12个，已完成改造10个，工程形象进度完成85%。")


def test_a_per_head_amount_named_short_of_an_earlier_level() -> None:
    true = "全年实现农业总产值5.00亿元，增长6.1%。全乡常住人口2.50万人，人均农业产值{}万元。"
    assert_caught(true.format("2.00"), true.format("2.40"), ["share_levels"])


def test_a_group_per_head_past_other_parts_of_its_list() -> None:
    true = ("全年发放救助资金900.0万元，其中低保金600.0万元、临时救助资金300.0万元；全镇低保对象1000人，"
            "人均全年领取低保金{}元。")
    assert_caught(true.format("6000"), true.format("6600"), ["share_levels"])


def test_a_per_head_output_of_the_workers_counted() -> None:
    true = "前三季度，园区实现工业总产值45.0亿元，上年同期为40.0亿元，同比增长12.5%；园区从业人员5000人，人均产值{}万元。"
    assert_caught(true.format("90.0"), true.format("96.0"), ["share_levels"])


def test_a_per_head_of_another_name_is_not_judged() -> None:
    assert_quiet("全年发放救助资金900.0万元，其中临时救助资金300.0万元；全镇低保对象1000人，人均全年领取低保金6600元。")


def test_visitors_compared_with_last_year_are_not_divided() -> None:
    true = "全年接待游客500.0万人次，比上年的450.0万人次增长11.1%；实现旅游总收入40.0亿元，增长9.0%，游客人均消费{}元。"
    assert_caught(true.format("800"), true.format("880"), ["share_levels"])


def test_a_share_of_the_whole_place_with_its_scope_short() -> None:
    true = ("规模以上工业总产值完成200.0亿元，同比增长8.0%。分产业看，食品产业产值80.0亿元，建材产业产值120.0亿元。"
            "食品产业占全县规上工业总产值的{}%，仍居首位。")
    assert_caught(true.format("40.0"), true.format("44.0"), ["share_levels"])


def test_a_share_of_the_whole_place_alone() -> None:
    true = "社会消费品零售总额完成40.00亿元，同比增长6.0%。其中，限额以上单位零售额12.00亿元，占全县的{}%。"
    assert_caught(true.format("30.0"), true.format("33.0"), ["share_levels"])


def test_a_point_change_with_its_base_in_parentheses() -> None:
    true = "2025年，民营经济增加值占生产总值的比重为55.0%，较上年提高{}个百分点（上年为52.0%）。"
    assert_caught(true.format("3.0"), true.format("4.0"), ["growth_levels"])


def test_an_average_of_things_and_their_measure_stated_the_sentence_before() -> None:
    true = ("全年签约项目30个，其中：农业项目20个、协议投资45.0亿元；文旅项目10个、协议投资15.0亿元。"
            "农业项目投资占比较高，平均每个农业项目协议投资{}亿元。")
    assert_caught(true.format("2.25"), true.format("2.55"), ["share_levels"])


def test_an_average_of_things_not_counted_is_not_judged() -> None:
    assert_quiet("全年签约项目30个，协议投资60.0亿元。农业项目投资占比较高，平均每个农业项目协议投资2.55亿元。")

"""Rates, point gaps and changes of growth (the nineteenth pass, from the misses of outside sets E and F): each rule of the
reader's grammar with invented sentences of the same shape — the true sentence quiet, the planted error caught, and a
look-alike that must stay quiet."""

from __future__ import annotations

from devplan.reader import audit_text, extract_facts
from tests.reader.shapes import assert_caught, assert_quiet, errors
from tests.reader.shapes import fact_ending as fact

# A change of pace: the rate of an earlier period in parentheses, then how far the thing's rate moved since, in points.


def test_a_change_of_pace_against_the_earlier_periods_rate() -> None:
    text = "1—8月，全县规模以上工业增加值同比增长7.2%，增速比1—7月（6.8%）{}个百分点。"
    assert_caught(text.format("提高0.4"), text.format("提高1.4"), ["point_gap"])
    assert errors(text.format("回落0.4")) == ["point_gap"]


def test_a_slowing_against_the_earlier_quarter() -> None:
    text = "上半年，全区地区生产总值同比增长4.6%，增速较一季度（5.3%）{}个百分点。"
    assert errors(text.format("回落0.7")) == []
    assert_caught(text.format("放缓0.7"), text.format("回落1.7"), ["point_gap"])


def test_a_change_of_pace_said_with_jiakuai_keeps_the_things_name() -> None:
    text = "前三季度，全市地区生产总值同比增长6.1%，增速比上半年（5.8%）加快0.3个百分点，高于全省（5.5%）{}个百分点。"
    assert_caught(text.format("0.6"), text.format("1.6"), ["point_gap"])
    assert fact(extract_facts(text.format("0.6")), "加快0.3个百分点").entity == "地区生产总值"


def test_a_rise_widened_against_the_earlier_months() -> None:
    text = "1—5月，全市社会消费品零售总额增长4.8%，增幅较1—4月（4.2%）扩大{}个百分点。"
    assert_caught(text.format("0.6"), text.format("1.6"), ["point_gap"])


def test_a_fall_narrowed_is_not_read_as_a_rise() -> None:
    # Look-alike: 降幅收窄 of a fall says the rate rose; the width words are read of rises only.
    assert errors("1—5月，全市房地产开发投资下降8.8%，降幅较1—4月（-10.2%）收窄1.4个百分点。") == []


def test_a_level_rates_change_against_the_earlier_quarter() -> None:
    text = "6月末，全市城镇调查失业率5.1%，比一季度（5.4%）下降{}个百分点。"
    assert_caught(text.format("0.3"), text.format("0.5"), ["point_gap"])


def test_a_change_naming_its_period_with_that_periods_rate_after_it() -> None:
    text = "1—9月，全县规模以上工业增加值增长6.8%，增速比上年同期提高{}个百分点（上年同期增长5.6%）。"
    assert_caught(text.format("1.2"), text.format("2.2"), ["point_gap"])


def test_a_level_rates_change_with_last_years_rate_after_it() -> None:
    text = "年末全县常住人口城镇化率达到56.3%，较上年末提高{}个百分点（上年末为55.4%）。"
    assert_caught(text.format("0.9"), text.format("1.9"), ["point_gap"])


def test_three_comparisons_in_one_sentence_each_from_the_things_own_rate() -> None:
    text = ("1—6月，全县规模以上工业增加值同比增长8.2%，增速比一季度（7.6%）提高0.6个百分点，比上年同期提高{}个百分点"
            "（上年同期增长7.1%），高于全市（6.9%）{}个百分点。")
    assert_caught(text.format("1.1", "1.3"), text.format("2.1", "1.3"), ["point_gap"])
    assert errors(text.format("1.1", "0.2")) == ["point_gap"]


def test_a_parenthesis_after_a_change_naming_another_period_is_not_its_base() -> None:
    # Look-alike: the parenthesis states the province's rate, not last year's.
    assert errors("1—9月，全县规模以上工业增加值增长6.8%，增速比上年同期提高3.2个百分点（全省增长5.0%）。") == []


def test_a_change_in_points_after_a_rate_of_no_earlier_period_is_left_alone() -> None:
    # Look-alike: the rate in parentheses is another place's, and the change names no period it is measured from.
    text = "全年全市规模以上工业增加值增长7.2%，增速比全省（6.0%）提高1.2个百分点。"
    assert_quiet(text, "全年全市规模以上工业增加值增长7.2%，增速比全省（6.0%）提高3.2个百分点。")


# A gap to a place after 比, the place's rate in parentheses before the gap (比全省平均水平（5.7%）高1.1个百分点).


def test_a_gap_after_the_places_rate_in_parentheses() -> None:
    text = "1—11月，全市固定资产投资同比增长9.4%，比全省平均水平（7.2%）{}个百分点。"
    assert_caught(text.format("高2.2"), text.format("高3.2"), ["point_gap"])


def test_a_price_rise_against_the_provinces() -> None:
    text = "全年居民消费价格上涨2.4%，涨幅比全省（1.9%）高{}个百分点。"
    assert_caught(text.format("0.5"), text.format("0.9"), ["point_gap"])


def test_the_gap_is_never_measured_from_the_earlier_periods_rate() -> None:
    # Look-alike: 8.5% is the earlier period's, beside the first change: the gap to the province is from the 9.4%.
    assert_quiet("1—11月，全市固定资产投资同比增长9.4%，增速比1—10月（8.5%）提高0.9个百分点，比全省（7.2%）高2.2个百分点。")


def test_a_gap_said_the_wrong_way_round_is_named_so() -> None:
    # The rate is above the province's: 低 says the opposite.
    found = [f.message for f in audit_text("全年社会消费品零售总额增长6.1%，比全省（5.5%）低0.6个百分点。").findings
             if f.severity == "error"]
    assert len(found) == 1 and "方向相反" in found[0]


def test_a_gap_of_a_level_after_a_growth_is_not_paired_with_the_growth() -> None:
    # Look-alike: the gap is the urbanisation rate's (a level); the growth before it is another thing's.
    assert errors("全年地区生产总值增长6.0%，常住人口城镇化率58.2%，比全省（60.1%）低1.9个百分点。") == []


# A gap to the thing's target said by the target's words alone.


def test_a_gap_to_a_target_named_after_bi() -> None:
    text = "全县一般公共预算收入增长3.1%，比年度预期目标5%{}个百分点。"
    assert_caught(text.format("低1.9"), text.format("低2.9"), ["point_gap"])


def test_a_gap_to_the_target_of_the_clause_before() -> None:
    text = "规模以上工业增加值：增长6.2%，年度目标7%，低于目标{}个百分点。"
    assert_caught(text.format("0.8"), text.format("1.8"), ["point_gap"])


def test_a_target_of_another_thing_is_no_targets_figure_alone() -> None:
    # Look-alike: the clause between names its own thing (税收收入), so the gap is not paired with it.
    assert errors("一般公共预算收入增长3.1%，税收收入目标6%，低于目标1.0个百分点。") == []


# A change in points from last year's rate: 上年为…, 由上年同期的…, 由上年的…回落至….


def test_a_change_after_last_years_rate_said_alone() -> None:
    text = "全年城区空气质量优良天数比率88.2%，上年为{}%，提高1.6个百分点。"
    assert_caught(text.format("86.6"), text.format("84.6"), ["growth_levels"])


def test_a_growths_change_after_last_years_growth_said_alone() -> None:
    text = "全年地区生产总值增长4.8%，上年为5.2%，回落{}个百分点。"
    assert_caught(text.format("0.4"), text.format("1.4"), ["point_gap"])


def test_last_years_rate_said_alone_is_of_the_rate_right_before_it() -> None:
    # Look-alike: a growth between the level and 上年为: last year's 2.0% is the growth's, never the forest cover's (45.2 − 2.0).
    assert errors("森林覆盖率45.2%，粮食产量增长3.1%，上年为2.0%，提高1.1个百分点。") == []


def test_a_share_from_last_years_same_months() -> None:
    text = "1—9月，装备制造业增加值增长11.2%，占规模以上工业增加值的比重由上年同期的30.5%提高到32.1%，提高{}个百分点。"
    assert_caught(text.format("1.6"), text.format("2.6"), ["growth_levels"])


def test_a_share_that_fell_back() -> None:
    text = "民间投资下降1.2%，民间投资占固定资产投资的比重由上年的48.6%回落至46.1%，回落{}个百分点。"
    assert_caught(text.format("2.5"), text.format("3.5"), ["growth_levels"])


# Shares of the days of a year said as 比率.


def test_good_days_said_as_a_bilv() -> None:
    text = "全年中心城区空气质量优良天数{}天，优良天数比率84.1%。"
    assert_caught(text.format("307"), text.format("297"), ["share_levels"])


# Rates the lexicon names after two levels.


def test_the_debt_to_asset_ratio() -> None:
    text = "年末全市规模以上工业企业资产总计820.4亿元，负债合计451.2亿元，资产负债率{}%。"
    assert_caught(text.format("55.0"), text.format("59.0"), ["share_levels"])


def test_the_engel_coefficient_of_the_spending_stated_before() -> None:
    text = "全年全体居民人均消费支出18650元，增长6.1%。其中，人均食品烟酒支出5521元，恩格尔系数为{}%。"
    assert_caught(text.format("29.6"), text.format("32.6"), ["share_levels"])


def test_the_engel_coefficient_of_spending_said_of_two_populations_is_not_guessed() -> None:
    # Look-alike: the town's and the country's spending both end as the ratio's denominator; which is meant is not said.
    assert errors("城镇居民人均消费支出26000元，农村居民人均消费支出15000元。人均食品烟酒支出5521元，恩格尔系数为29.6%。") == []


def test_profit_over_operating_income_and_sales_over_output() -> None:
    text = ("全年规模以上工业总产值860.0亿元，其中销售产值842.8亿元，产品产销率为{}%。"
            "规模以上工业企业实现营业收入902.5亿元，增长4.1%；利润总额45.1亿元，营业收入利润率为{}%。")
    assert_caught(text.format("98.0", "5.00"), text.format("95.0", "5.00"), ["share_levels"])
    assert errors(text.format("98.0", "5.50")) == ["share_levels"]


def test_the_fiscal_self_sufficiency_rate() -> None:
    text = "全年一般公共预算收入12.6亿元，增长5.1%；一般公共预算支出38.4亿元，增长3.2%；财政自给率{}%。"
    assert_caught(text.format("32.8"), text.format("36.8"), ["share_levels"])


def test_a_ratio_of_what_was_done_over_what_was_planned_is_not_checked() -> None:
    # Look-alike: the spending is the budget's plan, the income what was collected.
    assert errors("全年一般公共预算收入完成12.6亿元；一般公共预算支出预算安排40.0亿元；财政自给率32.8%。") == []


# A state's rate over the count it is of, further back in the sentence or in the sentence before.


def test_a_state_count_after_a_count_of_another_unit() -> None:
    text = "计划改造老旧小区24个、涉及3120户，其中已完工{}个，完工率87.5%。"
    assert_caught(text.format("21"), text.format("19"), ["share_levels"])


def test_a_second_states_rate_is_not_of_the_first_states_count() -> None:
    # Look-alike: 投产率 is of the signed projects (20 of 60), not of the 45 started; the rate between ends that count's clause.
    assert errors("全年新签约项目60个。签约项目中，已开工45个，开工率75.0%；已投产20个，投产率33.3%。") == []


def test_a_state_rate_of_a_part_named_before_its_verb() -> None:
    text = ("今年全县安排重点项目86个，其中新建项目52个、续建项目34个，年度计划投资120亿元。"
            "截至6月底，新建项目已开工{}个，开工率76.9%。")
    assert_caught(text.format("40"), text.format("44"), ["share_levels"])


def test_a_state_count_naming_things_the_count_before_does_not_name_is_not_paired() -> None:
    # Look-alike: the new-build projects are not said to be all 86 key projects.
    assert errors("今年全县安排重点项目86个。截至6月底，新建项目已开工40个，开工率76.9%。") == []


def test_a_state_rate_over_the_count_of_the_sentence_before() -> None:
    text = "全年共安排市级重点项目96个，总投资520.3亿元，年度计划投资138.0亿元。截至10月底，已开工项目{}个，开工率87.5%。"
    assert_caught(text.format("84"), text.format("80"), ["share_levels"])


def test_a_state_rate_over_the_whole_of_a_list_of_the_sentence_before() -> None:
    text = "全年新签约项目80个，签约总额310.0亿元，其中亿元以上项目52个。签约项目已开工{}个，开工率75.0%。"
    assert_caught(text.format("60"), text.format("56"), ["share_levels"])


def test_a_state_rate_among_the_things_a_sentence_opens_with() -> None:
    text = ("今年以来，全县共签约招商引资项目40个，合同引资总额150.0亿元。按产业分，工业项目22个，服务业项目18个。\n"
            "签约项目中，新开工项目{}个，开工率75.0%。")
    assert_caught(text.format("30"), text.format("26"), ["share_levels"])


def test_a_state_rate_among_things_named_in_the_words_of_their_count() -> None:
    # The count names its things by its verb (共签约引进项目), and a size class (项目9个) comes after it.
    text = ("全年共签约引进项目120个，合同引资360.0亿元。其中，投资超10亿元项目9个。\n"
            "项目建设提速。签约项目中，已开工项目{}个，开工率62.5%。")
    assert_caught(text.format("75"), text.format("70"), ["share_levels"])


def test_a_state_rate_among_things_named_by_two_counts_is_not_guessed() -> None:
    # Look-alike: 签约项目 says short both the signed investment projects and the signed tourism projects.
    assert_quiet("今年以来，全县共签约招商引资项目40个。全年签约文旅项目12个。\n"
                 "签约项目中，新开工项目30个，开工率60.0%。")


def test_a_state_rate_after_several_counts_of_the_sentence_before_is_not_guessed() -> None:
    # Look-alike: three kinds of projects counted before; which the finished ones are of is not said.
    text = "分类型看，产业项目50个，基础设施项目30个，民生项目20个。已竣工项目18个，竣工率18.0%。"
    assert_quiet(text, text.replace("18.0%", "36.0%"))


def test_an_overall_progress_after_the_other_states_counts() -> None:
    text = "今年确定民生实事24项。截至10月底，已完成{}项，正在推进6项，总体完成进度75.0%。"
    assert_caught(text.format("18"), text.format("16"), ["share_levels"])


def test_a_progress_of_money_is_no_states_rate() -> None:
    # Look-alike: 完成投资 is money done, not the things in a state.
    assert errors("今年确定民生实事24项。截至10月底，完成投资8.0亿元，完成进度60.0%。") == []


def test_money_in_a_state_right_after_the_money_it_is_of() -> None:
    text = "全年下达衔接资金5000万元，已拨付{}万元，拨付率90.0%。"
    assert_caught(text.format("4500"), text.format("4750"), ["share_levels"])


def test_money_in_a_state_after_other_money_is_not_paired() -> None:
    # Look-alike: another amount stands between; which one was paid out of is not said.
    assert errors("全年下达衔接资金5000万元，整合涉农资金8000万元，已拨付4500万元，拨付率60.0%。") == []


def test_a_state_rate_after_a_count_at_another_stage_is_not_paired() -> None:
    # Look-alike: the sentence before counts projects newly started, a stage; the finished ones' rate may be of all projects.
    assert errors("全年新开工项目80个。已竣工项目60个，竣工率30.0%。") == []


def test_a_state_rate_over_a_plan_of_things_to_bring_to_that_stage() -> None:
    text = "全年计划新开工项目45个，计划投资60.0亿元。截至10月底，已开工{}个，开工率91.1%。"
    assert_caught(text.format("41"), text.format("38"), ["share_levels"])


def test_things_not_in_the_state_are_no_part_of_its_rate() -> None:
    # Look-alike: 未开工 counts the projects not started.
    assert_quiet("全年安排重点项目60个。目前未开工12个，开工率80.0%。",
                 "全年安排重点项目60个。目前未开工12个，开工率70.0%。")


def test_a_rate_over_a_rounded_count_of_people() -> None:
    text = "全县65岁以上老年人6.40万人，全年免费健康体检{}万人，体检率81.3%。"
    assert_caught(text.format("5.20"), text.format("5.60"), ["share_levels"])


# 增长面 and 亏损面: things counted by what they did, among the things named.


def test_a_growth_share_of_firms_counted_by_what_they_did() -> None:
    text = "全县180家规上工业企业中，产值同比增长的企业{}家，增长面为65.0%。"
    assert_caught(text.format("117"), text.format("127"), ["share_levels"])
    assert fact(extract_facts(text.format("117")), "企业117家").kind == "level"


def test_a_loss_share_among_the_firms_named_before() -> None:
    text = "年末规模以上工业企业由上年末的190家增加到200家。规模以上工业企业中，亏损企业{}家，亏损面为15.5%。"
    assert_caught(text.format("31"), text.format("35"), ["share_levels"])


def test_a_profit_share_of_a_list() -> None:
    text = "全县规模以上工业企业120家，其中盈利企业98家，盈利面{}%。"
    assert_caught(text.format("81.7"), text.format("85.7"), ["share_levels"])


def test_a_loss_share_among_firms_never_counted_is_not_checked() -> None:
    # Look-alike: the sentence before counts other firms (高新技术企业), not the ones named before 中.
    assert errors("全市高新技术企业达到200家。规模以上工业企业中，亏损企业31家，亏损面为25.0%。") == []

"""Shapes from the outside set C of trial t19d (issue 19, sixteenth pass), each as a rule of the reader's grammar with
invented sentences: the true one stays quiet, the planted error is caught, and look-alikes stay quiet. False errors
first: last year's figures never pair with this year's, a budget in parentheses is a target, not the whole of an actual
share, and groups side by side are no part of one another."""

from __future__ import annotations

from devplan.reader import audit_text, extract_facts
from tests.reader.shapes import assert_caught, assert_quiet
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact

# A budget account's name (一般公共预算收入) is no plan, and the year's budget in a completion does not make the
# half-year's figures after it the full year's.


def test_a_share_of_a_budget_account_is_of_the_amount_collected_not_of_the_years_budget() -> None:
    text = ("1-6月，全县一般公共预算收入完成52000万元，完成年度预算（100000万元）的52.0%，同比增长4.0%。其中，税收收入36400万元，"
            "税收收入占一般公共预算收入的比重为{}%。")
    assert_caught(text.format("70.0"), text.format("76.0"), ["share_levels"])
    facts = extract_facts(text.format("70.0"))
    assert _fact(facts, "同比增长4.0%").period == _fact(facts, "52000万元").period  # of 1-6月, not the budget's year
    spending = ("1-6月，全县一般公共预算支出完成150000万元，完成年度预算（300000万元）的50.0%。其中，民生支出90000万元，"
                "占一般公共预算支出的{}%。")
    assert_caught(spending.format("60.0"), spending.format("66.0"), ["share_levels"])


def test_a_share_of_a_plan_named_as_such_may_still_be_of_the_plan() -> None:
    # Look-alike: a whole named by its plan (年度计划投资) is the target it names.
    text = "全年安排重点项目80个，年度计划投资200亿元。其中，产业项目50个，计划投资120亿元。产业项目计划投资占年度计划投资的{}%。"
    assert_caught(text.format("60.0"), text.format("66.0"), ["share_levels"])


# 续建 and 新开工 are two groups side by side: neither is some of the other.


def test_continued_and_newly_started_projects_are_siblings_not_parts() -> None:
    text = "按项目类型分，续建项目30个，完成投资25.00亿元；新开工项目45个，已开工38个，完成投资18.00亿元。"
    assert _errors(text) == []
    facts = extract_facts(text)
    assert _fact(facts, "新开工项目45个").whole != _fact(facts, "续建项目30个").index
    assert_quiet("新开工项目45个，完成投资18.00亿元；续建项目30个，完成投资25.00亿元。")


def test_a_state_right_after_a_part_is_some_of_that_part() -> None:
    text = "今年全县安排重点项目75个。其中，续建项目30个，新开工项目45个，已开工{}个。"
    assert_caught(text.format("38"), text.format("48"), ["part_exceeds_whole"])
    facts = extract_facts(text.format("38"))
    assert _fact(facts, "已开工38个").whole == _fact(facts, "新开工项目45个").index
    # The stages still add up to the whole.
    assert _errors(text.format("38").replace("续建项目30个", "续建项目40个")) == ["parts_total"]


# Last year's value (由上年的…, 比上年的…, （上年…）) never pairs with this year's figures.


def test_last_years_share_is_no_share_of_this_years_days() -> None:
    text = "全年空气质量优良天数{}天，优良天数比例由上年的86.3%提高到{}%。"
    assert_quiet(text.format("330", "90.4"), "2023年，" + text.format("330", "90.4"))
    assert _errors(text.format("330", "93.4")) == ["share_levels"]
    assert_quiet("全年空气质量优良天数330天，优良天数比例比上年的86.3%提高4.1个百分点。")


def test_last_years_whole_is_no_whole_of_this_years_share() -> None:
    text = "全县一般公共预算收入50.0亿元，比上年的45.0亿元增长11.1%，其中税收收入40.0亿元，占一般公共预算收入的{}%。"
    assert_caught(text.format("80.0"), text.format("88.9"), ["share_levels"])
    assert _fact(extract_facts(text.format("80.0")), "比上年的45.0亿元").compared


# A plan right before its figure (计划136亿元, 计划增长7%) is a target: the completion and the gap to it are checked.


def test_a_plan_then_the_estimate_done_gives_the_completion() -> None:
    text = "社会消费品零售总额：计划150亿元，预计完成144.6亿元，增长6.1%，完成计划的{}%。"
    assert_caught(text.format("96.4"), text.format("92.4"), ["completion_level_target"])
    assert _fact(extract_facts(text.format("96.4")), "计划150亿元").measure == "target"
    # Look-alike: 超计划 is what was done beyond the plan, no plan of its own.
    assert _fact(extract_facts("完成投资120亿元，超计划20亿元。"), "超计划20亿元").measure != "target"


def test_a_gap_in_points_to_the_things_own_growth_plan() -> None:
    text = "地区生产总值：计划增长7.5%，预计完成310.2亿元，增长6.1%，低于计划{}个百分点。"
    assert_caught(text.format("1.4"), text.format("2.4"), ["point_gap"])
    above = "规模以上工业增加值：计划增长8%，预计增长9.2%，高于计划{}个百分点。"
    assert_caught(above.format("1.2"), above.format("2.2"), ["point_gap"])
    # Look-alikes: a loose plan (增长7%左右) and a plan never stated say nothing.
    assert_quiet("地区生产总值：计划增长7%左右，预计增长6.1%，低于计划2.9个百分点。",
                 "地区生产总值预计增长6.1%，低于计划2.9个百分点。")


# A budget's balance sheet: the figure and what is added to it (加…、…) make 收入总计 / 支出总计.


def test_a_budget_total_is_the_figure_and_all_added_to_it() -> None:
    income = ("2024年全县一般公共预算收入预算安排48600万元，比上年执行数增长4.5%。加上级补助收入85200万元、调入资金5400万元、"
              "上年结转2100万元，收入总计{}万元。")
    assert_caught(income.format("141300"), income.format("143300"), ["parts_total"])
    within = "2024年全县一般公共预算收入预算安排48600万元，增长4.5%，加上级补助收入85200万元、调入资金5400万元，收入总计{}万元。"
    assert_caught(within.format("139200"), within.format("141200"), ["parts_total"])
    spending = "全县一般公共预算支出预算安排135600万元，加上解支出1900万元、债务还本支出3800万元，支出总计{}万元，收支平衡。"
    assert_caught(spending.format("141300"), spending.format("140300"), ["parts_total"])
    # Look-alikes: 加快 is no adding, and items not listed after 加 are not summed.
    assert_quiet("全县一般公共预算支出135600万元，加快支出进度，民生支出98000万元，支出总计141300万元。",
                 "全县一般公共预算支出135600万元，上解支出1900万元，债务还本支出3800万元，支出总计150000万元。")


def test_a_budgets_rate_on_last_years_executed_figure() -> None:
    text = "一、2023年预算执行情况\n2023年，全县一般公共预算收入完成46500万元。\n二、2024年预算草案\n2024年全县一般公共预算收入预算安排48600万元，比上年执行数增长{}%。"
    assert_caught(text.format("4.5"), text.format("6.5"), ["growth_levels"])
    # Look-alike: a target's rate without the base named may be on last year's figure as adjusted — a warning.
    loose = text.replace("比上年执行数增长{}%", "增长6.5%")
    assert _errors(loose) == []


# Last year's figure named as the base: 较上年同期的…, and in parentheses after the rate (同比增长X%（上年…）).


def test_last_years_figure_in_parentheses_or_of_the_same_months_is_the_rates_base() -> None:
    text = "全年签约项目合同引资520.0亿元，同比增长{}%（上年416.0亿元）。"
    assert_caught(text.format("25.0"), text.format("31.0"), ["growth_levels"])
    months = "1-9月全县争取上级资金10.40亿元，较上年同期的9.10亿元增长{}%。"
    assert_caught(months.format("14.3"), months.format("18.3"), ["growth_levels"])
    # Look-alike: a figure in parentheses of another kind is no base (（全市增长5.5%）, a place's rate).
    assert _errors("全年签约项目合同引资520.0亿元，同比增长25.0%（全市增长18.0%）。") == []


# A level, its change and its rate: a count's stated change is no 口径 adjustment, and a completion's plan in between is
# no level the rate is of.


def test_a_count_its_change_and_its_rate() -> None:
    text = "年末规模以上工业企业210家，比上年末增加{}家，增长7.7%。"
    assert_caught(text.format("15"), text.format("25"), ["growth_levels"])
    # Look-alike: the rate alone beside a 规上 count may be on an adjusted base (a note, never an error).
    assert _errors("年末规模以上工业企业210家，增长12.0%。") == []


def test_a_completions_plan_between_the_level_and_its_change() -> None:
    text = "全县一般公共预算收入完成110000万元，为年初预算（108000万元）的101.9%，比上年增加{}万元，增长6.8%。"
    assert_caught(text.format("7000"), text.format("10000"), ["growth_levels"])


# 其中已完成31件，完成率86.1%: the part done over the count it is of.


def test_a_rate_of_completion_after_the_part_done() -> None:
    text = "三年共实施民生实事40件，其中已完成34件，完成率{}%，其余6件正在推进。"
    assert_caught(text.format("85.0"), text.format("90.0"), ["completion_level_target"])
    # Look-alike: a part named as a thing of its own is no part done.
    assert _errors("三年共实施民生实事40件，其中教育项目12件，完成率90.0%。") == []


# A complete classification by progress: ahead of, on and behind schedule make up all the indicators.


def test_indicators_classed_by_progress_add_up_to_all() -> None:
    text = "纲要确定的32项主要指标中，进度超前的8项、符合预期的{}项、滞后的4项，达到或快于序时进度的指标占{}%。"
    assert _errors(text.format("20", "87.5")) == []
    assert _errors(text.format("22", "87.5")) == ["parts_total", "share_levels"]  # 30 of 32, and 28 ÷ 32 is no longer 87.5
    assert _errors(text.format("20", "81.3")) == ["share_levels"]
    behind = "纳入评估的32项指标中，进度超前的8项、符合进度的20项、进度滞后的4项，滞后指标占{}%。"
    assert_caught(behind.format("12.5"), behind.format("15.5"), ["share_levels"])
    # Look-alikes: classes that may overlap (前三, 第一) or are not of progress say nothing; two classes only bound the whole.
    assert _errors("19项指标中，13项增幅前三、8项增幅第一。") == []
    assert_caught("纲要确定的32项主要指标中，进度超前的8项、符合预期的20项。",
                  "纲要确定的32项主要指标中，进度超前的12项、符合预期的24项。", ["parts_total"])


# A gap to the schedule (序时进度, 时间进度) with its rate in parentheses, from the completion right before.


def test_a_completion_ahead_of_or_behind_the_schedule() -> None:
    text = "累计完成投资51.30亿元，完成年度计划的81.4%，超序时进度（75%）{}个百分点。"
    assert_caught(text.format("6.4"), text.format("8.4"), ["point_gap"])
    behind = "固定资产投资完成902.5亿元，完成年度目标任务（1900亿元）的47.5%，低于时间进度（50%）{}个百分点。"
    assert_caught(behind.format("2.5"), behind.format("3.5"), ["point_gap"])
    # Look-alike: a schedule without its rate stated is not guessed from the months.
    assert _errors("1-9月累计完成投资51.30亿元，完成年度计划的81.4%，超序时进度8.4个百分点。") == []


# A bulletin's population: 自然增长率 = 出生率 − 死亡率; an urbanisation rate of the population whose 城镇人口 is listed.


def test_natural_growth_is_births_less_deaths() -> None:
    text = "全年出生人口6120人，人口出生率为7.05‰；死亡人口7410人，人口死亡率为8.54‰；人口自然增长率为{}‰。"
    assert_caught(text.format("-1.49"), text.format("-2.49"), ["point_gap"])


def test_an_urbanisation_rate_of_the_population_its_towns_are_part_of() -> None:
    text = "年末全县户籍总人口88.40万人，其中城镇人口35.20万人，乡村人口53.20万人，户籍人口城镇化率为{}%。"
    assert_caught(text.format("39.8"), text.format("43.8"), ["share_levels"])
    # Look-alike: the resident rate beside a registered population is of another population — nothing is said.
    assert_quiet("年末全县户籍总人口88.40万人，其中城镇人口35.20万人，乡村人口53.20万人；常住人口城镇化率为52.6%。")


# An indicator table's line: two levels each led by its year alone, then the yearly rate or the change in points.


def test_an_indicator_lines_two_years_and_its_yearly_rate() -> None:
    text = "6.居民人均可支配收入：2020年30500元，2023年37600元，年均增长{}%；规划目标与经济增长同步。"
    assert_caught(text.format("7.2"), text.format("9.2"), ["growth_levels"])
    share = "2.数字经济核心产业增加值占地区生产总值比重：2020年6.2%，2023年8.1%，提高{}个百分点；规划目标10%。"
    assert_caught(share.format("1.9"), share.format("2.9"), ["growth_levels"])
    # Look-alikes: GDP's yearly rate is at comparable prices (a note), and two years of other things are not linked.
    assert_quiet("1.地区生产总值：2020年3000.0亿元，2023年3800.0亿元，年均增长6.5%。",
                 "2020年完成投资30亿元，2023年争取资金45亿元，年均增长8.0%。")


def test_a_rate_said_to_be_at_current_prices_is_the_levels_own() -> None:
    text = "全县地区生产总值由2020年的180.00亿元增加到2023年的225.00亿元，按现价计算年均增长{}%，按可比价计算年均增长6.0%。"
    assert_caught(text.format("7.7"), text.format("9.7"), ["growth_levels"])
    assert _fact(extract_facts(text.format("7.7")), "年均增长7.7%").entity == "地区生产总值"


def test_a_list_opened_after_a_semicolon() -> None:
    text = "一般公共预算收入80.00亿元，同比增长10.0%，同口径增长7.0%；其中，税收收入56.00亿元，增长12.0%，税收占比为{}%。"
    assert_caught(text.format("70.0"), text.format("76.0"), ["share_levels"])


def test_an_industrys_share_changed_between_two_structures() -> None:
    text = "三次产业结构由2020年的8.0∶42.0∶50.0调整为2023年的7.0∶40.0∶53.0，第三产业增加值占地区生产总值比重提高{}个百分点。"
    assert_caught(text.format("3.0"), text.format("4.0"), ["growth_levels"])
    # Look-alike: one structure only — the change is against a year not stated.
    assert _errors("三次产业结构调整为7.0∶40.0∶53.0，第三产业增加值占地区生产总值比重提高4.0个百分点。") == []


# A plan's evaluation: 规划目标 is a target, 完成规划目标的X% a completion, and a reduction's progress is the share of the cut.


def test_a_completion_of_the_plans_target() -> None:
    text = "4.城镇新增就业：三年累计30.60万人；规划目标50万人，完成规划目标的{}%，进度超前。"
    assert_caught(text.format("61.2"), text.format("66.2"), ["completion_level_target"])
    facts = extract_facts(text.format("61.2"))
    assert _fact(facts, "规划目标50万人").measure == "target"
    share = "三年累计完成固定资产投资1320.0亿元，占规划目标（2200亿元）的{}%，快于序时进度。"
    assert_caught(share.format("60.0"), share.format("66.0"), ["completion_level_target"])
    assert _fact(facts, "规划目标50万人").entity == "城镇新增就业"


def test_progress_towards_a_reduction_is_the_share_of_the_cut() -> None:
    text = "3.单位地区生产总值能耗降低：三年累计下降9.6%；规划目标累计下降16%，已完成规划目标的{}%。"
    findings = audit_text(text.format("60.0")).findings
    assert [f.severity for f in findings if f.check == "completion_growth_target"] == ["info"]
    assert _errors(text.format("66.0")) == ["completion_growth_target"]

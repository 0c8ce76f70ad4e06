"""Figures per head and per thousand people, averages, multiples and differences the text works out itself, each as a
rule of the reader's grammar with invented sentences: the true sentence stays quiet, a planted error is caught, and a
look-alike whose figures are not plainly of the same place, period, scope or measure stays quiet."""

from __future__ import annotations

from tests.reader.shapes import assert_caught, assert_quiet
from tests.reader.shapes import errors as _errors

# Per head: the amount over the place's population, resident unless the sentence says otherwise (按户籍人口计算), the
# people taken within a year's drift (the average population the statistics divide by).

_GDP_PER_HEAD = "年末全县常住人口48.6万人。全年实现地区生产总值268.4亿元，比上年增长5.2%，人均地区生产总值{}元。"


def test_a_figure_per_head_is_the_amount_over_the_resident_population() -> None:
    assert_caught(_GDP_PER_HEAD.format("55226"), _GDP_PER_HEAD.format("63226"), ["share_levels"])
    # The people on average over the year, a percent or so off the year-end figure: no error.
    assert _errors(_GDP_PER_HEAD.format("55800")) == []


def test_a_figure_per_head_waits_for_the_population_stated_after_it() -> None:
    # A bulletin gives 人均地区生产总值 in its first section and the population in a later one.
    text = "初步核算，全年地区生产总值268.4亿元，按常住人口计算，人均地区生产总值{}元。年末全县常住人口48.6万人。"
    assert_caught(text.format("55226"), text.format("49226"), ["share_levels"])


def test_a_figure_per_head_of_an_amount_stated_sentences_before_with_its_abbreviation() -> None:
    text = ("初步核算，全年全县地区生产总值（GDP）268.42亿元，比上年增长5.6%。三次产业结构为14.4:35.9:49.7。"
            "按常住人口计算，全年人均地区生产总值{}元。年末全县常住人口48.62万人。")
    assert_caught(text.format("55210"), text.format("61210"), ["share_levels"])
    # The population said in the sentence's 按常住人口…计算.
    spent = "全县一般公共预算支出完成46.18亿元。按常住人口48.62万人计算，人均一般公共预算支出{}元。"
    assert_caught(spent.format("9498"), spent.format("9998"), ["share_levels"])


def test_a_figure_per_head_of_any_amount_named_by_it() -> None:
    text = "2024年末全县常住人口31.2万人。全年一般公共预算支出38.5亿元，人均一般公共预算支出{}元。"
    assert_caught(text.format("12340"), text.format("14340"), ["share_levels"])
    # Named short (社会消费品零售额 for 社会消费品零售总额) or inside the amount's name (储蓄存款 of 城乡居民储蓄存款余额).
    short = "2024年末全县常住人口31.2万人。全年社会消费品零售总额94.6亿元，人均社会消费品零售额{}万元。"
    assert_caught(short.format("3.03"), short.format("3.53"), ["share_levels"])
    saved = "2024年末，全县城乡居民储蓄存款余额186.3亿元，年末常住人口31.2万人，人均储蓄存款{}万元。"
    assert_caught(saved.format("5.97"), saved.format("6.97"), ["share_levels"])


def test_a_figure_per_head_past_a_multiple_of_its_amount() -> None:
    # 是2020年的1.35倍 names the amount too, but is no amount.
    text = "2024年，全县地区生产总值预计完成312.6亿元，增长5.8%，是2020年的1.35倍；人均地区生产总值预计达到{}万元。年末常住人口48.62万人。"
    assert_caught(text.format("6.4"), text.format("6.9"), ["share_levels"])


def test_land_and_grain_per_head_in_their_own_units() -> None:
    land = "2024年末全县常住人口48.62万人。全县耕地面积62.4万亩，人均耕地{}亩。"
    assert_caught(land.format("1.28"), land.format("1.58"), ["share_levels"])
    grain = "2024年末全县常住人口48.62万人。全县粮食总产量25.1万吨，人均粮食占有量{}公斤。"
    assert_caught(grain.format("516"), grain.format("616"), ["share_levels"])
    # Green space per head is of the town's people, not the county's: nothing is said.
    assert _errors("2024年末全县常住人口48.62万人。城区公园绿地面积620万平方米，人均公园绿地面积14.5平方米。") == []


def test_a_figure_per_ten_thousand_people_named_by_what_they_hold() -> None:
    text = "2024年末全县常住人口48.62万人。全县有效发明专利7390件，每万人口发明专利拥有量{}件。"
    assert_caught(text.format("152"), text.format("182"), ["share_levels"])


def test_a_figure_per_head_with_only_the_registered_population_stated_is_not_judged() -> None:
    # 户籍 people alone: the report may have divided by the resident ones, which it does not state.
    assert _errors("年末全县户籍人口57.2万人。全年实现地区生产总值268.4亿元，人均地区生产总值55226元。") == []
    # Both stated: either fits (268.4亿元 over 57.2万 registered people is 46923元).
    both = "年末全县户籍人口57.2万人，常住人口48.6万人。全年实现地区生产总值268.4亿元，人均地区生产总值{}元。"
    assert_caught(both.format("46923"), both.format("61923"), ["share_levels"])
    # The year's average population, as the statistics divide by.
    average = "全年地区生产总值268.4亿元，年平均常住人口48.9万人，人均地区生产总值{}元。"
    assert_caught(average.format("54888"), average.format("60888"), ["share_levels"])
    # Said to be per registered person, and only the resident people stated: nothing to divide by.
    assert _errors("年末全县常住人口48.6万人。全年地区生产总值268.4亿元，按户籍人口计算，人均地区生产总值46923元。") == []


def test_a_figure_per_head_of_a_zone_a_period_or_a_bound_is_not_judged() -> None:
    assert_quiet("年末全县常住人口48.6万人。甲新区实现地区生产总值80.2亿元，人均地区生产总值9.9万元。",
                 "年末全县常住人口48.6万人。1—9月全县地区生产总值190.1亿元，全年人均地区生产总值55226元。",
                 "年末全县常住人口48.6万人。全年实现地区生产总值268.4亿元，人均地区生产总值突破6万元。")


# Per thousand people: the things counted (named by the same head noun: 床位, 医师) over the people, in thousands.

_BEDS = "2024年末全县常住人口48.6万人。全县共有医疗卫生机构312个，其中医院14个；实有床位3110张，卫生技术人员3890人。{}"


def test_a_figure_per_thousand_people_is_the_count_named_by_its_head_over_them() -> None:
    assert_caught(_BEDS.format("每千人口医疗机构床位6.4张，每千人口卫生技术人员8.0人。"),
                  _BEDS.format("每千人口医疗机构床位7.4张，每千人口卫生技术人员8.0人。"), ["share_levels"])
    assert _errors(_BEDS.format("每千常住人口拥有医疗卫生机构床位7.4张。")) == ["share_levels"]


def test_a_figure_per_thousand_of_some_of_the_staff_is_their_count_and_no_further_part() -> None:
    text = ("2024年末全县常住人口48.6万人。全县共有卫生技术人员3890人，其中执业（助理）医师1520人、注册护士1680人；"
            "每千人口执业（助理）医师{}人。")
    assert_caught(text.format("3.1"), text.format("3.6"), ["share_levels"])
    # 其中医院床位 is some of the beds: 每千人口床位数 is of all of them.
    beds = "2024年末全县常住人口48.6万人。全县实有床位3110张，其中医院床位2400张；每千人口床位数{}张。"
    assert_caught(beds.format("6.4"), beds.format("4.9"), ["share_levels"])


def test_a_figure_per_thousand_of_new_things_or_other_people_is_not_judged() -> None:
    assert_quiet("2024年末全县常住人口48.6万人。全县新增床位300张，每千人口床位数7.4张。",
                 "2024年末全县常住人口48.6万人。全县养老床位3100张，每千名老人拥有养老床位36张。")


# Averages: the amount over the things its word counts (户均, 校均, 村均, 平均每个项目, 企均), or a flow over the days of
# its period (平均每天, 日均).


def test_an_average_per_thing_is_the_amount_over_the_count() -> None:
    projects = "2024年，全县实施重点项目96个，完成投资259.2亿元，平均每个项目投资{}亿元。"
    assert_caught(projects.format("2.7"), projects.format("3.2"), ["share_levels"])
    schools = "2024年，全县共有中小学74所，在校学生4.6万人，校均学生{}人。"
    assert_caught(schools.format("622"), schools.format("722"), ["share_levels"])
    villages = "2024年，全县共有行政村148个，村集体经济收入总额4292万元，村均{}万元。"
    assert_caught(villages.format("29"), villages.format("34"), ["share_levels"])
    # The count right before the amount, the amount before the count: 户均人口 of 户籍人口 over 户籍户数.
    homes = "2024年，全县户籍人口57.2万人，户籍户数17.6万户，户均人口{}人。"
    assert_caught(homes.format("3.25"), homes.format("3.65"), ["share_levels"])


def test_an_average_of_another_amount_or_of_some_of_the_things_is_not_judged() -> None:
    # 户均增收 is not the 奖补资金 over the households; 月人均 is a month's; 其中 names some of the projects only.
    assert_quiet("2024年，全县有脱贫户1.4万户，发放产业奖补资金0.7亿元，户均增收3600元。",
                 "2024年，全县低保对象2.4万人，发放低保金1.6亿元，月人均保障水平556元。",
                 "2024年，全县实施项目96个，其中新开工52个，完成投资259.2亿元，平均每个项目投资2.7亿元。")


def test_a_residents_figure_per_head_is_no_average_of_the_figure_before_it() -> None:
    # 农村居民人均可支配收入 is a survey's, not 城镇居民人均可支配收入 over the 农村居民 counted.
    assert _errors("2024年，全县农村居民30.2万人，城镇居民人均可支配收入41280元，农村居民人均可支配收入19870元。") == []


def test_an_average_per_day_is_the_flow_over_the_days_of_its_period() -> None:
    text = "2024年，全县新增市场主体{}户，平均每天新增36户。"
    assert _errors(text.format("13180")) == []  # 2024 has 366 days
    assert _errors(text.format("16180")) == ["share_levels"]
    months = "2024年1—10月，全县新登记市场主体{}户，日均新登记36户。"
    assert_caught(months.format("10980"), months.format("13980"), ["share_levels"])


def test_an_average_per_month_and_per_project_named_after_its_things() -> None:
    months = "2024年，全县新增城镇就业7320人，平均每月新增{}人。"
    assert_caught(months.format("610"), months.format("710"), ["share_levels"])
    projects = "2024年，全县实施重点项目96个，完成投资259.2亿元，项目平均投资规模{}亿元。"
    assert_caught(projects.format("2.7"), projects.format("3.2"), ["share_levels"])


def test_an_average_of_values_listed_right_before_it() -> None:
    text = "2024年，全县5个工业园区完成工业产值分别为120亿元、95亿元、86亿元、74亿元和65亿元，平均{}亿元。"
    assert_caught(text.format("88"), text.format("98"), ["share_levels"])
    # Rates listed do not average so; an average per thing is another rule's.
    assert _errors("2024年，三个园区产值分别增长5.2%、6.8%和9.1%，平均增长7.9%。") == []


def test_an_average_per_day_is_of_the_flow_it_names_past_other_figures() -> None:
    text = "2024年，全县新登记市场主体9120户，注销2340户，净增6780户，平均每天新登记{}户。"
    assert_caught(text.format("25"), text.format("29"), ["share_levels"])


def test_an_average_per_day_of_a_stock_or_of_several_years_is_not_judged() -> None:
    assert_quiet("2024年，全县市场主体达到5.8万户，平均每天新增36户。",
                 "五年来，全县新增市场主体6.6万户，平均每天新增36户。")
    # The days so far (今年以来, 截至…) are not the year's.
    assert _errors("今年以来，全县新增市场主体1.1万户，平均每天新增36户。") == []


# Multiples: of another thing stated in the sentence, of the thing's own level in a year named, or of last year by its
# growth rate.


def test_a_multiple_of_another_thing_is_the_ratio_of_their_levels() -> None:
    incomes = "2024年，全县城镇居民人均可支配收入41280元，农村居民人均可支配收入19870元，城镇居民收入是农村居民的{}倍。"
    assert_caught(incomes.format("2.08"), incomes.format("2.38"), ["growth_levels"])
    trade = "2024年全县进出口总额14.2亿元，其中出口10.6亿元，进口3.6亿元，出口额是进口额的{}倍。"
    assert_caught(trade.format("2.9"), trade.format("3.9"), ["growth_levels"])
    # The other level in the multiple's own clause (是全省平均水平（36000元）的…).
    other = "2024年，全县城镇居民人均可支配收入41280元，是农村居民（19870元）的{}倍。"
    assert_caught(other.format("2.08"), other.format("2.38"), ["growth_levels"])
    place = "2024年，全县城镇居民人均可支配收入41280元，是全省平均水平（36500元）的{}倍。"
    assert_caught(place.format("1.13"), place.format("1.33"), ["growth_levels"])


def test_a_multiple_of_two_things_named_in_the_sentence_before() -> None:
    text = ("全年全县城镇居民人均可支配收入41280元，增长4.9%；农村居民人均可支配收入19870元，增长7.2%。"
            "城镇居民人均可支配收入是农村居民的{}倍。")
    assert_caught(text.format("2.08"), text.format("2.38"), ["growth_levels"])


def test_a_multiple_of_a_thing_unnamed_or_of_another_measure_is_not_judged() -> None:
    # Incomes and spending both stated: the income's multiple is of the income, not the spending stated last.
    both = ("城镇居民人均可支配收入41280元，城镇居民人均消费支出27600元；农村居民人均可支配收入19870元，"
            "农村居民人均消费支出15200元。城镇居民收入是农村居民的{}倍。")
    assert_caught(both.format("2.08"), both.format("2.38"), ["growth_levels"])
    # The spending per person is not the income the levels before it state.
    assert_quiet("2024年，全县农村居民人均可支配收入19870元；城镇居民人均消费支出27600元，是农村居民的1.9倍。",
                 "2024年全县一般公共预算收入21.6亿元，是全市平均水平的1.2倍。")


def test_a_multiple_of_a_years_level_is_the_ratio_to_it() -> None:
    grown = "全县高新技术企业由2020年的38家增加到2024年的114家，是2020年的{}倍。"
    assert_caught(grown.format("3"), grown.format("4"), ["growth_levels"])
    said = "2024年全县实现旅游综合收入41.6亿元，为2020年（14.2亿元）的{}倍。"
    assert_caught(said.format("2.9"), said.format("3.9"), ["growth_levels"])
    before = "2019年全县旅游综合收入26.0亿元。2024年全县实现旅游综合收入41.6亿元，是2019年的{}倍。"
    assert_caught(before.format("1.6"), before.format("1.9"), ["growth_levels"])


def test_a_multiple_reached_is_one_stated_as_is() -> None:
    text = "2024年，全县旅游综合收入41.6亿元，达到2020年14.2亿元的{}倍。"
    assert_caught(text.format("2.9"), text.format("3.9"), ["growth_levels"])
    grown = "2024年，全县旅游综合收入由2020年的14.2亿元增加到41.6亿元，增长到2020年的{}倍。"
    assert_caught(grown.format("2.9"), grown.format("3.9"), ["growth_levels"])


def test_a_multiple_of_a_years_level_stated_paragraphs_before() -> None:
    # Remembered for a thing the lexicon names (旅游综合收入).
    text = "2019年全县旅游综合收入26.0亿元。\n\n2024年，全县经济稳中有进。全县实现旅游综合收入41.6亿元，是2019年的{}倍。"
    assert_caught(text.format("1.6"), text.format("1.9"), ["growth_levels"])


def test_a_growth_in_times_on_a_years_level_stated_before_or_by_its_change() -> None:
    before = "2023年全县旅游综合收入17.0亿元。2024年全县旅游综合收入41.6亿元，比上年增长{}倍。"
    assert_caught(before.format("1.4"), before.format("1.9"), ["growth_levels"])
    change = "2024年全县旅游综合收入41.6亿元，比上年增加24.6亿元，增长{}倍。"
    assert_caught(change.format("1.4"), change.format("1.9"), ["growth_levels"])
    # 增长2.4倍 where the ratio is 2.45: the common slip of 增长N倍 for 是…的N倍, a warning, not an error.
    assert _errors(before.format("2.4")) == []


def test_a_multiple_of_last_year_is_one_plus_its_growth() -> None:
    text = "2024年全县实现旅游综合收入41.6亿元，比上年增长48.6%，是上年的{}倍。"
    assert_caught(text.format("1.49"), text.format("1.69"), ["growth_levels"])


def test_a_multiple_of_output_over_years_is_not_judged() -> None:
    # Output over years is often put at comparable prices whether said or not.
    assert _errors("地区生产总值由2020年的232.9亿元增加到2024年的312.6亿元，是2020年的1.40倍。") == []


def test_a_growth_in_times_on_a_years_level_after_bi() -> None:
    # 比2020年的…增长N倍: the level before 比 grew from the one after it.
    text = "2024年全县实现旅游综合收入41.6亿元，比2020年的14.2亿元增长{}倍。"
    assert_caught(text.format("1.9"), text.format("1.5"), ["growth_levels"])


# Differences: 顺差 of exports less imports, 存贷差, 城乡居民收入差距, 净增 of new less deregistered, 两者相差, and one figure
# so much below or above another named in its own words.


def test_a_difference_named_by_its_word_is_the_one_figure_less_the_other() -> None:
    trade = "2024年，全县进出口总额14.2亿元，其中出口10.6亿元，进口3.6亿元，贸易顺差{}亿元。"
    assert _errors(trade.format("7.0")) == []  # no part of the trade either
    assert _errors(trade.format("8.0")) == ["parts_total"]
    loans = "2024年末，全县存款余额612.4亿元，贷款余额455.1亿元，存贷差{}亿元。"
    assert_caught(loans.format("157.3"), loans.format("167.3"), ["parts_total"])
    incomes = "2024年，全县城镇居民人均可支配收入41280元，农村居民人均可支配收入19870元，城乡居民收入差距{}元。"
    assert_caught(incomes.format("21410"), incomes.format("23410"), ["parts_total"])
    assert _errors(incomes.replace("城乡居民收入差距", "两者相差").format("23410")) == ["parts_total"]


def test_a_gap_to_a_level_in_parentheses_and_a_budgets_shortfall() -> None:
    above = "2024年，全县城镇居民人均可支配收入41280元，高于全省平均水平（39500元）{}元。"
    assert_caught(above.format("1780"), above.format("2780"), ["parts_total"])
    below = "2024年，全县农村居民人均可支配收入19870元，比全省平均水平（21300元）低{}元。"
    assert_caught(below.format("1430"), below.format("1930"), ["parts_total"])
    # A gap in points to a rate in parentheses is point_gap's, and a change on last year no gap to another level.
    assert _errors("2024年，全县城镇居民人均可支配收入41280元，比上年（39500元）增加1780元。") == []
    shortfall = "2024年，全县一般公共预算收入21.6亿元，一般公共预算支出46.2亿元，收支缺口{}亿元。"
    assert_caught(shortfall.format("24.6"), shortfall.format("26.6"), ["parts_total"])


def test_a_net_increase_is_the_new_less_those_that_left() -> None:
    text = "2024年，全县新登记市场主体9120户，注销2340户，净增{}户。"
    assert _errors(text.format("6780")) == []  # 净增 is no part of those that left
    assert _errors(text.format("7180")) == ["parts_total"]


def test_a_figure_below_another_named_in_its_own_words() -> None:
    text = "2024年末全县户籍人口57.2万人，常住人口48.6万人，常住人口比户籍人口少{}万人。"
    assert_caught(text.format("8.6"), text.format("9.6"), ["parts_total"])
    # Named by its first words (城镇居民 for 城镇居民人均可支配收入).
    short = "2024年，全县城镇居民人均可支配收入41280元，农村居民人均可支配收入19870元，城镇居民比农村居民多{}元。"
    assert_caught(short.format("21410"), short.format("23410"), ["parts_total"])


def test_a_net_increase_after_the_new_ones_in_two_figures_is_not_judged() -> None:
    assert _errors("2024年，全县新登记企业3200户、个体工商户9920户，注销2340户，净增10780户。") == []


def test_a_difference_of_other_figures_or_a_change_of_it_is_not_judged() -> None:
    # 收入 names 一般公共预算收入 and 税收收入 alike; the consumption stated beside the incomes is no term of their gap;
    # a change of the gap is no gap; parts of two wholes (住户存款, 住户贷款) are no terms of 存贷差.
    assert _errors("2024年，一般公共预算收入21.6亿元，其中税收收入15.1亿元；一般公共预算支出46.2亿元，支出比收入多24.6亿元。") == []
    assert _errors("2024年，城镇居民人均可支配收入41280元，农村居民人均可支配收入19870元；城镇居民人均消费支出27600元，"
                   "农村居民人均消费支出15200元；城乡居民收入差距21410元。") == []
    assert _errors("2024年，全县城乡居民收入差距缩小120元。") == []


# The ratio of the town and country incomes to one, its ":1" left unsaid (城乡居民收入比为2.08).


def test_an_income_ratio_without_its_one_is_the_ratio_of_the_incomes() -> None:
    text = "2024年，全县城镇居民人均可支配收入41280元，农村居民人均可支配收入19870元，城乡居民收入比为{}。"
    assert_caught(text.format("2.08"), text.format("2.38"), ["share_levels"])
    # The one reached from another year's.
    reached = "2024年，全县城镇居民人均可支配收入41280元，农村居民人均可支配收入19870元，城乡居民收入比由2020年的2.31缩小到{}。"
    assert_caught(reached.format("2.08"), reached.format("2.28"), ["share_levels"])
    # A change of the ratio, or a comparison with a year, is no ratio.
    assert_quiet("2024年，全县城镇居民人均可支配收入41280元，农村居民人均可支配收入19870元，城乡居民收入比比上年缩小0.07。",
                 "2024年，城乡居民收入比2023年增长6.1%。")


# Balances: a budget's totals and its year-end balance; a fund's 年末结余 is all it holds, no year's balance.


def test_a_budgets_year_end_balance_is_its_income_total_less_its_spending_total() -> None:
    text = "2024年，全县一般公共预算收入总计56.42亿元，支出总计55.87亿元，年终结余{}亿元。"
    assert_caught(text.format("0.55"), text.format("0.85"), ["parts_total"])


def test_a_budgets_year_end_balance_after_totals_in_their_own_sentences() -> None:
    text = ("全县一般公共预算收入完成21.63亿元。加上级补助收入28.46亿元、上年结余0.98亿元，收入总计51.07亿元。"
            "全县一般公共预算支出完成46.18亿元，加债务还本支出4.34亿元，支出总计50.52亿元。收支相抵，年终结余{}亿元。")
    assert_caught(text.format("0.55"), text.format("0.85"), ["parts_total"])
    # Without 收支相抵 the balance may be another account's: nothing is said.
    assert _errors(text.replace("收支相抵，", "").format("0.85")) == []


def test_a_year_end_balance_that_is_not_a_budgets_totals_is_not_judged() -> None:
    assert _errors("2024年，全县医保基金收入10.42亿元，支出9.76亿元，年末结余16.1亿元。") == []
    # 结转下年 may be only some of what is left (…，净结余…).
    assert _errors("2024年，全县一般公共预算收入总计56.42亿元，支出总计55.87亿元，结转下年0.33亿元，净结余0.22亿元。") == []

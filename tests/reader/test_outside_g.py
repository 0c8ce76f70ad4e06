"""Set G of trial t19g: its missed sums, shares, rates, completions, growth, changes, yearly rates and point changes,
each as a rule of the reader's grammar with invented sentences of the same shape — the true sentence quiet, a planted
error caught, and a look-alike that must stay quiet."""

from __future__ import annotations

from devplan.reader import extract_facts
from tests.reader.shapes import assert_caught, assert_quiet
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact

# A rate named by the very words its state's count is named by (录取2100人，录取率70.0%; 集中安置300人，集中安置率) is that
# count over the count right before it.


def test_a_rate_named_by_the_counts_own_words() -> None:
    text = "全年职业技能鉴定报考4000人，鉴定合格{}人，鉴定合格率75.0%。"
    assert_caught(text.format("3000"), text.format("2800"), ["share_levels"])


def test_a_rate_named_by_the_words_of_a_part() -> None:
    text = "分散供养人员1600人，其中集中安置{}人，集中安置率25.0%。"
    assert_caught(text.format("400"), text.format("480"), ["share_levels"])


def test_a_rate_named_by_other_words_is_not_paired() -> None:
    # Look-alike: 综合合格率 is no word of the count's own; of what it is, is not said.
    assert _errors("全年职业技能鉴定报考4000人，鉴定合格2800人，综合合格率75.0%。") == []


# A completion naming its plan without a figure, the plan stated right after it in parentheses (为预算的80.0%（年初预算
# 25.00亿元）), is of that plan; the plan is no level the growth after it is of.


def test_a_plan_right_after_its_completion() -> None:
    text = "全区政府性基金预算收入完成20.00亿元，为预算的{}%（年初预算25.00亿元），比上年的25.00亿元下降20.0%。"
    assert_caught(text.format("80.0"), text.format("86.0"), ["completion_level_target"])
    facts = extract_facts(text.format("80.0"))
    assert _fact(facts, "年初预算25.00亿元").measure == "target"


def test_the_growth_after_a_plan_in_parentheses_is_of_the_figure_done() -> None:
    text = "全区政府性基金预算收入完成20.00亿元，为预算的80.0%（年初预算25.00亿元），比上年的{}亿元下降20.0%。"
    assert_caught(text.format("25.00"), text.format("23.00"), ["growth_levels"])


def test_a_figure_in_parentheses_after_a_rate_is_no_plan() -> None:
    # Look-alike: last year's figure in parentheses after a growth is a base, not the plan of a completion.
    assert _errors("全区税收收入完成12.00亿元，为预算的100.0%，增长20.0%（上年10.00亿元）。") == []


# Last year's figure named as what it was (比2025年执行数N亿元, 比上年决算数…) is the base of the growth after it.


def test_last_years_executed_figure_is_the_base() -> None:
    text = "二、2026年预算草案\n2026年全区税收收入预算安排30.00亿元，比2025年执行数{}亿元增长5.0%。"
    assert_caught(text.format("28.57"), text.format("27.57"), ["growth_levels"])


def test_an_executed_figure_of_another_thing_is_not_the_base() -> None:
    # Look-alike: a thing named before 比 is the base's own.
    assert _errors("二、2026年预算草案\n2026年全区税收收入预算安排30.00亿元，非税收入比2025年执行数8.00亿元增长5.0%。") == []


# A year named inside parentheses (（2025年年初预算为N亿元）) dates its own figure alone: the sentence after it is still of the
# sentence's year. And a budget's parts (预算安排N亿元。其中，税收收入…) do not repeat 预算安排: they are the budget's.


def test_a_budgets_parts_after_an_aside_of_another_year() -> None:
    text = ("二、2026年预算草案\n2026年全区一般公共预算收入预算安排40.00亿元，比2025年执行数38.10亿元增长5.0%"
            "（2025年年初预算为37.00亿元）。其中，税收收入28.00亿元，占{}%；非税收入{}亿元。")
    assert_caught(text.format("70.0", "12.00"), text.format("70.0", "14.00"), ["parts_total"])
    assert _errors(text.format("75.0", "12.00")) == ["share_levels"]


def test_the_parts_after_a_completions_budget_are_of_the_figure_done() -> None:
    # Look-alike: the budget arranged inside a completion is its plan; the parts are of the 40.00 done, not of the 38.00.
    assert_quiet("全区一般公共预算收入完成40.00亿元，为年初预算安排38.00亿元的105.3%。其中，税收收入28.00亿元；非税收入12.00亿元。")


# 由每人每年N元提高到M元: a standard per head and period, named between 由 and its figure, still starts the rise.


def test_a_standard_per_head_rises_from_its_first_level() -> None:
    text = "城乡居民医保财政补助标准由每人每年640元提高到{}元，提高30元；基础养老金最低标准由每人每月150元提高到{}元，增长10.0%。"
    assert_caught(text.format("670", "165"), text.format("680", "165"), ["growth_levels"])
    assert _errors(text.format("670", "170")) == ["growth_levels"]
    assert _fact(extract_facts(text.format("670", "165")), "165元").entity == "基础养老金最低标准"


# A yearly rate between two levels done, each of its year (由2020年的A增至2025年的B，年均增长X%), is what was done, even in a
# plan's part where rates are read as goals.


def test_a_yearly_rate_between_levels_done_in_a_plan_part() -> None:
    text = ("二、2026年国民经济和社会发展计划草案\n回顾过去五年，全区税收收入由2020年的10.00亿元增至2025年的14.69亿元，"
            "年均增长{}%。")
    assert_caught(text.format("8.0"), text.format("9.5"), ["growth_levels"])


def test_a_yearly_goal_is_not_checked_as_done() -> None:
    # Look-alike: a goal for years to come, from a level done to a level planned.
    assert_quiet("二、2026年计划\n力争全区税收收入由2025年的14.69亿元增至2030年的20.00亿元，年均增长8.0%。")


# A rate that rose from last year's, named by 由上年的 with no level reached after it (使用率80.0%，由上年的76.0%提高4.0个百分点),
# changed by their difference.


def test_a_point_change_from_last_years_rate() -> None:
    text = "全区乡镇卫生院床位使用率80.0%，由上年的76.0%提高{}个百分点。"
    assert_caught(text.format("4.0"), text.format("5.0"), ["growth_levels"])


def test_a_rate_of_another_thing_before_is_not_the_one_that_rose() -> None:
    # Look-alike: the thing named before 由 is the rising rate's own; the figure before it is of something else.
    assert _errors("全区粮食产量40万吨，森林覆盖率由上年的60.0%提高2.0个百分点。") == []


# An amount and 中 right after it (额度N亿元中，…) lists its parts, as 其中 does.


def test_an_amount_and_among_lists_its_parts() -> None:
    text = "全年政府债券额度20.00亿元中，新增债券15.00亿元，再融资债券{}亿元。"
    assert_caught(text.format("5.00"), text.format("6.00"), ["parts_total"])


def test_an_amount_among_whose_parts_are_some() -> None:
    # Look-alike: the parts named are fewer than the whole: some of it, no error.
    assert _errors("全年政府债券额度20.00亿元中，用于交通项目8.00亿元。") == []


# A budget's share of the amounts it arranges (民生支出安排N亿元，占一般公共预算支出的X%) is of the total arranged, stated
# before; a percentage of a thing (按支出额的1%) is no whole of it.


def test_a_budgets_share_of_the_amount_arranged() -> None:
    text = ("二、2026年预算草案\n全区一般公共预算支出安排50.00亿元，加上解上级支出2.00亿元，支出总计52.00亿元。"
            "在支出安排中，按照一般公共预算支出额的2%设置预备费；民生支出安排40.00亿元，占一般公共预算支出的{}%。")
    assert_caught(text.format("80.0"), text.format("85.0"), ["share_levels"])


def test_a_share_of_a_whole_not_arranged_is_not_looked_for() -> None:
    # Look-alike: the whole is of another year; nothing is paired.
    assert_quiet("二、2026年预算草案\n2025年全区一般公共预算支出安排45.00亿元。"
                 "2026年民生支出安排40.00亿元，占一般公共预算支出的85.0%。")


# A share's whole named by the last words of the part's list whole (施工项目 of 固定资产投资施工项目) is that whole, when the
# words in front are a qualifier of their own.


def test_a_share_of_the_list_whole_named_by_its_last_words() -> None:
    text = "全年固定资产投资施工项目由上年的280个增至300个，增加20个。其中，本年新开工项目{}个，占施工项目的40.0%。"
    assert_caught(text.format("120"), text.format("135"), ["share_levels"])


def test_a_share_of_a_name_the_list_whole_only_ends_with_is_not_paired() -> None:
    # Look-alike: 出口总额 is no qualifier's thing of 进出口总额; the whole is not the list's.
    assert _errors("全年货物进出口总额100亿元。其中，出口额60亿元，占出口总额的50.0%。") == []


# A part's own parts in parentheses (幼儿园80所（其中公办幼儿园30所）) do not end the pairing of the figure after it: 在园幼儿 is
# still beside 幼儿园, a part of the pupils before.


def test_a_figure_beside_a_part_past_its_own_parts() -> None:
    text = ("年末全区共有学校150所，在校学生6.00万人。其中，中学20所，在校学生{}万人；小学50所，在校学生3.00万人；"
            "幼儿园80所（其中公办幼儿园30所），在园幼儿1.00万人。")
    assert_caught(text.format("2.00"), text.format("2.60"), ["parts_total"])


def test_a_figure_of_other_things_past_a_parts_own_parts_is_not_paired() -> None:
    # Look-alike: the figure after the parentheses counts teachers, in no unit a figure before was stated in.
    assert_quiet("年末全区共有学校150所，在校学生6.00万人。其中，中学20所，在校学生2.00万人；小学50所，在校学生3.00万人；"
                 "幼儿园80所（其中公办幼儿园30所），专任教师3000人。")


# Parts by an aspect, each its things' count and the measure done (产业项目40个，完成投资50.00亿元), are of the figure the
# sentence before names by that measure alone (累计完成投资90.00亿元), not of the projects' plan.


def test_parts_by_aspect_of_the_amount_done_the_sentence_before() -> None:
    text = ("全年共安排重点项目80个，年度计划投资100.0亿元。截至11月底，累计完成投资90.00亿元，完成年度计划的90.0%。"
            "分类别看，产业项目40个，完成投资{}亿元；基础设施项目25个，完成投资25.00亿元；民生项目15个，完成投资15.00亿元。")
    assert_caught(text.format("50.00"), text.format("55.00"), ["parts_total"])


def test_parts_by_aspect_of_a_plan_are_not_summed_into_the_amount_done() -> None:
    # Look-alike: the parts name their plan (计划投资), not what was done; they are no parts of the 90.00.
    text = ("全年共安排重点项目80个，年度计划投资100.0亿元。截至11月底，累计完成投资90.00亿元，完成年度计划的90.0%。"
            "分类别看，产业项目40个，计划投资55.00亿元；基础设施项目25个，计划投资25.00亿元；民生项目15个，计划投资15.00亿元。")
    assert "parts_total" not in _errors(text)


# A ratio the lexicon names (存贷比) is of the whole balances, in paragraphs before: a part of the deposits named as their
# indicator (其中，住户存款余额…) does not replace them, and a kind of loans (在各项贷款中，涉农贷款余额…) is not the loans.


def test_a_loan_to_deposit_ratio_past_the_parts_of_both() -> None:
    text = ("年末全区金融机构各项存款余额500.00亿元。其中，住户存款余额400.00亿元；企业存款余额100.00亿元。\n"
            "年末金融机构各项贷款余额400.00亿元。在各项贷款中，涉农贷款余额150.00亿元。年末存贷比为{}%。")
    assert_caught(text.format("80.0"), text.format("86.0"), ["share_levels"])


def test_a_ratio_of_kinds_alone_is_not_paired() -> None:
    # Look-alike: only kinds of loans are stated; the ratio of the whole balances is not computed from one of them.
    assert_quiet("年末全区金融机构各项存款余额500.00亿元。\n"
                 "在各项贷款中，涉农贷款余额150.00亿元，普惠小微贷款余额50.00亿元。年末存贷比为80.0%。")


# A rate naming its people in front of its verb, with them in parentheses right after it (常住人口参保率N%（常住人口M万人）), is
# the count right before it, named by the verb, over them.


def test_a_rate_of_the_people_in_parentheses_after_it() -> None:
    text = "年末全区基本养老保险参保人数40.00万人，常住人口参保率{}%（年末常住人口50.00万人）。"
    assert_caught(text.format("80.0"), text.format("84.0"), ["share_levels"])


def test_a_rate_of_other_people_in_parentheses_is_not_paired() -> None:
    # Look-alike: the people in parentheses are not those the rate names.
    assert _errors("年末全区基本养老保险参保人数40.00万人，常住人口参保率84.0%（年末户籍人口50.00万人）。") == []


# A rate right after the one part of the figure before it, the part named opening with the rate's verb (产品销售率 after 其中
# 销售产值), is that part over that figure.


def test_a_rate_of_the_one_part_named_by_its_verb() -> None:
    text = "全年规模以上工业总产值200.0亿元，其中销售产值{}亿元，产品销售率97.5%。"
    assert_caught(text.format("195.0"), text.format("185.0"), ["share_levels"])


def test_a_rate_after_a_part_of_another_verb_is_not_paired() -> None:
    # Look-alike: the part is exports, no 销售 of its own; the rate is of figures not stated.
    assert _errors("全年规模以上工业总产值200.0亿元，其中出口交货值20.0亿元，产品销售率97.5%。") == []


# So is a rate whose people were stated before under exactly the name it gives them (年末常住人口…。…常住人口签约率); and 约
# ending a word of its own (签约, 节约) is no 约 before the number.


def test_a_rate_of_the_people_stated_before_under_its_name() -> None:
    text = "年末全区常住人口50.0万人。全年家庭医生签约{}万人，常住人口签约率40.0%。"
    assert_caught(text.format("20.0"), text.format("22.0"), ["share_levels"])
    assert _fact(extract_facts(text.format("20.0")), "签约20.0万人").qualifier is None


def test_a_rate_of_people_stated_under_another_name_is_not_paired() -> None:
    # Look-alike: the people stated before are the registered ones, not the residents the rate names.
    assert _errors("年末全区户籍人口50.0万人。全年家庭医生签约22.0万人，常住人口签约率40.0%。") == []


# A count named 其余 right after a count some of a whole (计划竣工项目50个，已竣工30个，其余20个) is the rest of that whole:
# whole things counted, exactly the whole less the part.


def test_the_rest_of_a_whole_is_the_whole_less_the_part() -> None:
    text = "全年计划新开工项目60个，已开工55个；计划竣工项目50个，已竣工30个，其余{}个预计年底前竣工。"
    assert_caught(text.format("20"), text.format("15"), ["parts_total"])


def test_a_rest_named_by_its_things_is_not_paired() -> None:
    # Look-alike: 其余项目 names things of its own; that they are the rest of the 50 is not read.
    assert _errors("全年计划新开工项目60个，已开工55个；计划竣工项目50个，已竣工30个，其余项目15个预计年底前竣工。") == []


# A list closed by the others (…，其他机构N个) names all of its whole: a sum short of the whole is an error too.


def test_a_list_closed_by_the_others_is_all_of_its_whole() -> None:
    text = "年末全区共有文化机构300个，其中，图书馆20个，文化站{}个，其他文化机构30个。"
    assert_caught(text.format("250"), text.format("230"), ["parts_total"])


def test_a_list_without_the_others_may_name_some() -> None:
    # Look-alike: no 其他 closes the list; the parts may be some of the whole.
    assert _errors("年末全区共有文化机构300个，其中，图书馆20个，文化站230个，博物馆30个。") == []


def test_a_budgets_other_spending_is_a_class_of_its_own() -> None:
    # Look-alike: 其他支出 is a class of spending like 城乡社区支出; the two named are some of the many.
    assert_quiet("全区政府性基金预算支出60.00亿元。其中，城乡社区支出40.00亿元；其他支出10.00亿元。",
                 "全区一般公共预算支出60.00亿元，其中教育支出20.00亿元、农林水支出15.00亿元、其他支出10.00亿元。")


def test_the_others_after_one_kind_alone_close_nothing() -> None:
    # Look-alike: one kind and the others may be a selection of how the whole is told apart.
    assert _errors("全区各类学校300所，其中，小学200所，其他学校60所。") == []


# Parts that by law make up their whole (the lexicon's partitions): 政府债务余额 is 一般债务 and 专项债务; 基本医疗保险 参保 is
# 职工 and 城乡居民 — a sum short of the whole is an error. And a figure in an aside (the people a rate is of, in
# parentheses) is not the item a 其中 opening the next sentence is about.


def test_the_debt_balance_is_its_general_and_special_debt() -> None:
    text = "年末全区政府债务余额50.00亿元，其中一般债务20.00亿元，专项债务{}亿元，控制在债务限额55.00亿元以内。"
    assert_caught(text.format("30.00"), text.format("28.00"), ["parts_total"])


def test_the_insured_are_the_employees_and_the_residents_past_an_aside() -> None:
    text = ("年末全区基本医疗保险参保人数45.00万人，户籍人口参保率90.0%（年末户籍人口50.00万人）。"
            "其中，职工基本医疗保险参保8.00万人，城乡居民基本医疗保险参保{}万人。")
    assert_caught(text.format("37.00"), text.format("35.00"), ["parts_total"])


def test_debts_of_one_kind_alone_are_some() -> None:
    # Look-alike: only the special debt is named: some of the balance, no error.
    assert _errors("年末全区政府债务余额50.00亿元，其中专项债务28.00亿元。") == []


# The figure reported before, named 执行数 after 比 and stated in parentheses (比向人大报告的预算执行数（N亿元）增加…), is the base
# of the change after it.


def test_a_change_from_the_executed_figure_in_parentheses() -> None:
    text = "全区一般公共预算收入决算数为20.08亿元，比向区人大报告的预算执行数（20.05亿元）增加{}亿元。"
    assert_caught(text.format("0.03"), text.format("0.13"), ["growth_levels"])


def test_a_figure_in_parentheses_not_named_executed_is_no_base() -> None:
    # Look-alike: the parentheses hold the target, not the figure reported before.
    assert _errors("全区一般公共预算收入决算数为20.08亿元，比年初目标（20.05亿元）增加0.13亿元。") == []


# A part's count and, joined by 、, its amount named as the whole's amount without 总额 (先进制造业项目30个、合同引资100.0亿元
# after 合同引资总额200.0亿元): the amount is the part's share of the whole's, and the list goes on after it.


def test_parts_by_aspect_with_their_amounts_beside() -> None:
    text = ("全年新签约项目60个，合同引资总额200.0亿元。按产业分，制造业项目30个、合同引资{}亿元；服务业项目20个、"
            "合同引资50.0亿元；农业项目{}个、合同引资30.0亿元。")
    assert_caught(text.format("120.0", "10"), text.format("130.0", "10"), ["parts_total"])
    assert _errors(text.format("120.0", "14")) == ["parts_total"]


def test_an_amount_of_another_measure_beside_a_part_is_no_part() -> None:
    # Look-alike: the amount beside the part is its 总投资, not the 合同引资 the whole's amount is.
    assert_quiet("全年新签约项目60个，合同引资总额200.0亿元。按产业分，制造业项目30个、总投资180.0亿元；服务业项目20个、"
                 "总投资50.0亿元；农业项目10个、总投资30.0亿元。")

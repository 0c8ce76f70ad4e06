"""Set F of trial t19f (and the misses of set E of the same kinds): its false errors and its missed sums, shares and
completions, each as a rule of the reader's grammar with invented sentences of the same shape — the true sentence quiet,
a planted error caught, and a look-alike that must stay quiet."""

from __future__ import annotations

from devplan.reader import audit_text, extract_facts
from tests.reader.shapes import assert_caught, assert_quiet
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact

# A budget figure beside the figure done (为预算数N的X%) is the plan of a completion, never the account's level: the
# growth is of the figure done, and 加 adds to it.


def test_a_budget_figure_beside_the_actual_is_the_completions_plan() -> None:
    text = "全区政府性基金预算收入完成30.00亿元，为预算数{}亿元的80.0%，比上年的40.00亿元下降25.0%。"
    assert_caught(text.format("37.50"), text.format("33.50"), ["completion_level_target"])
    facts = extract_facts(text.format("37.50"))
    assert _fact(facts, "37.50亿元").measure == "target"


def test_what_is_added_to_is_the_figure_done_not_its_budget() -> None:
    text = ("全区一般公共预算支出完成200000万元，为调整预算数250000万元的80.0%。"
            "加上解上级支出10000万元、债务还本支出{}万元，支出总计230000万元。")
    assert_caught(text.format("20000"), text.format("25000"), ["parts_total"])


def test_what_is_added_to_lies_past_a_sentence_stating_no_amount() -> None:
    text = ("全区一般公共预算收入完成100000万元，增长3.0%。其中，税收收入70000万元；非税收入30000万元。"
            "税收收入占一般公共预算收入的比重为70.0%。加上级补助收入150000万元、调入资金{}万元，收入总计270000万元。")
    assert_caught(text.format("20000"), text.format("30000"), ["parts_total"])


def test_a_sentence_adding_after_other_amounts_is_not_guessed() -> None:
    # Look-alike: the sentence before states amounts of another kind; what 加 adds to is not looked for past it.
    assert_quiet("全区一般公共预算收入完成100000万元。全年争取上级资金增加5000万元。"
                 "加上级补助收入150000万元、调入资金30000万元，收入总计270000万元。")


# After a semicolon, a count naming a different kind of thing than the whole and its parts is no further part.


def test_a_count_of_other_things_after_a_semicolon_ends_the_list() -> None:
    text = "年末全区共有银行业金融机构25家，其中农村商业银行6家；证券营业部12家，上市公司9家。"
    assert _errors(text) == []
    assert _fact(extract_facts(text), "证券营业部12家").whole is None


def test_siblings_sharing_a_name_go_on_after_a_semicolon() -> None:
    # Look-alike: 小学 and 初中 end like 中小学 (学) and 中学: the list goes on and its sum is checked.
    text = "年末全区共有中小学60所，其中初中20所；小学{}所。"
    assert_caught(text.format("40"), text.format("50"), ["parts_total"])


def test_school_types_after_semicolons_go_on_by_the_wholes_head() -> None:
    # Look-alike: 小学 holds 学 of 学校, so it is a further part; 幼儿园 names nothing of it, so the list is cut there and
    # said to be incomplete — no warning that the parts fall short.
    text = "全市共有各级各类学校500所。其中，普通高中20所；中等职业学校10所；初中80所；小学{}所；幼儿园90所。"
    assert_caught(text.format("300"), text.format("400"), ["parts_total"])
    assert [f.severity for f in audit_text(text.format("300")).findings] == ["info"]


def test_a_state_after_a_semicolon_still_counts_some_of_the_projects() -> None:
    # Look-alike: 竣工投产 names some of the projects counted, however named.
    text = "全年实施投资亿元以上项目120个，开（复）工110项，增长10.0%；竣工投产30项，完成投资90.5亿元。"
    facts = extract_facts(text)
    assert _fact(facts, "竣工投产30项").whole == _fact(facts, "项目120个").index


# A share's whole stated between 占 and 的 is its whole, though a zone's figure and its county's are named alike.


def test_a_whole_stated_inside_the_share_is_its_whole_whatever_its_name() -> None:
    text = "园区全年实现规模以上工业总产值300.0亿元，增长8.0%，占全县规模以上工业总产值（500.0亿元）的{}%。"
    assert_caught(text.format("60.0"), text.format("66.0"), ["share_levels"])


def test_a_share_with_nothing_named_before_its_whole_is_not_guessed() -> None:
    # Look-alike: the thing before 占 states no figure in the sentence, so there is no part to divide.
    assert_quiet("全县规模以上工业增加值增长8.0%，占全市规模以上工业增加值（500.0亿元）的60.0%。")


# 完成年度计划投资N的X%: the plan's measure may follow its name; the plan is the completion's.


def test_a_plan_named_with_its_measure_inside_the_completion() -> None:
    text = "全年完成重点项目投资240.0亿元，完成年度计划投资200.0亿元的{}%。"
    assert_caught(text.format("120.0"), text.format("112.0"), ["completion_level_target"])


# A completion of the year's plan without a figure: the plan stated the sentence before, past counts and rates that
# stand between it and the figure done.


def test_a_completions_plan_lies_past_counts_and_rates() -> None:
    text = ("全县共安排重点项目100个，总投资600.0亿元，年度计划投资150.0亿元。"
            "已开工项目90个，开工率90.0%；累计完成投资135.0亿元，完成年度计划的{}%。")
    assert _errors(text.format("90.0")) == []
    assert _errors(text.format("80.0")) != []


def test_a_completion_with_an_amount_of_another_kind_between_is_not_paired() -> None:
    # Look-alike: the figure done names another kind of figure than the plan (到位资金, not 投资).
    assert_quiet("全县年度计划投资150.0亿元。已开工项目90个；到位资金135.0亿元，完成年度计划的80.0%。")


def test_a_parts_plan_the_sentence_before_is_no_plan_of_the_whole() -> None:
    # Look-alike: the sentence before ends with the plan of one type of project (a part), not the plan of all of them.
    assert_quiet("全县重点项目120个，年度计划投资168.5亿元，其中产业项目68个，年度计划投资92.4亿元；社会民生项目21个，"
                 "年度计划投资28.5亿元。全县重点项目累计完成投资156.8亿元，完成年度计划的86.4%。")


# 占全部完成投资的X%: the whole is the figure named by what it measures (完成投资), even after a rate its subject took.


def test_a_share_of_all_the_investment_done_after_a_rate() -> None:
    text = ("已开工项目90个，开工率90.0%；累计完成投资200.0亿元。"
            "分类型看，产业项目60个，完成投资120.0亿元，占全部完成投资的{}%；基础设施项目40个，完成投资80.0亿元。")
    assert_caught(text.format("60.0"), text.format("66.0"), ["share_levels"])


# A fund or an account named after the people it serves (城乡居民基本养老保险基金收入) holds their money in total: it is no
# money per person, and its funds are parts of the whole.


def test_a_fund_of_residents_is_a_part_of_the_funds_income() -> None:
    text = ("全县社会保险基金收入合计50000万元。其中，城乡居民基本养老保险基金收入20000万元，"
            "机关事业单位基本养老保险基金收入{}万元，城乡居民基本医疗保险基金收入10000万元。")
    assert_caught(text.format("20000"), text.format("25000"), ["parts_total"])


def test_residents_income_per_person_is_still_no_part() -> None:
    # Look-alike: money per person named for residents adds up to nothing.
    assert_quiet("全县一般公共预算收入50000万元，其中税收收入30000万元；城镇居民人均可支配收入42000元，农村居民人均可支配收入21000元。")


# Parts by an aspect (分类型看) that count projects, after a sentence that counts none of its own (only projects at a
# stage, or size classes: 投资过亿元项目, 投资超10亿元项目), are of the projects counted the sentence before it.


def test_types_of_projects_after_a_sentence_on_their_progress() -> None:
    text = ("全县共安排重点项目100个，总投资600.0亿元。已开工项目90个，开工率90.0%；累计完成投资200.0亿元。"
            "分类型看，产业项目60个，完成投资120.0亿元；基础设施项目{}个，完成投资80.0亿元。")
    assert_caught(text.format("40"), text.format("45"), ["parts_total"])


def test_industries_of_projects_after_their_size_classes() -> None:
    text = ("全年共签约项目120个，合同引资300.0亿元。其中，投资过亿元项目60个；投资超10亿元项目10个，合同引资150.0亿元。"
            "分产业看，第一产业项目20个，第二产业项目{}个，第三产业项目30个。")
    assert_caught(text.format("70"), text.format("80"), ["parts_total"])


def test_types_after_two_sentences_without_projects_are_not_guessed() -> None:
    # Look-alike: the projects were counted two sentences before the sentence before; nothing is guessed that far.
    assert_quiet("全县共安排重点项目100个。全年完成投资200.0亿元。到位资金150.0亿元。"
                 "分类型看，产业项目60个，基础设施项目70个。")


# A clause opening with the budget (，预算数N亿元，完成预算的X%) states the account's plan, not a thing of its own.


def test_a_clause_opening_with_the_budget_is_the_accounts_plan() -> None:
    text = "全县一般公共预算收入完成12.60亿元，增长3.0%，预算数12.00亿元，完成预算的{}%。"
    assert_caught(text.format("105.0"), text.format("95.0"), ["completion_level_target"])
    assert _fact(extract_facts(text.format("105.0")), "12.00亿元").subject == "一般公共预算收入"
    early = "全县一般公共预算收入完成12.60亿元，年初预算数12.00亿元，完成预算的105.0%。"
    assert _fact(extract_facts(early), "12.00亿元").subject == "一般公共预算收入"


# 占计划投资的X%: a completion of the planned investment stated before (计划总投资), in the sentence or the one before.


def test_a_completion_of_the_planned_investment_stated_the_sentence_before() -> None:
    text = "全县民生实事共涉及20个子项目，计划总投资5.00亿元。已完成子项目18个，完成率90.0%；累计完成投资4.50亿元，占计划投资的{}%。"
    assert_caught(text.format("90.0"), text.format("80.0"), ["completion_investment"])


def test_a_completion_of_the_plan_after_other_investment_is_not_paired() -> None:
    # Look-alike: no figure is said to be planned investment; nothing is guessed.
    assert_quiet("全县民生实事总投资5.00亿元。累计完成投资4.50亿元，占计划投资的80.0%。")


# 占总投资的X% after the figure done: the whole named by an attribute alone is the level with that attribute, in the
# sentence or the one before; the part is the level right before the share.


def test_a_share_of_the_total_investment_named_by_its_attribute() -> None:
    text = "全市重大项目80个，总投资1000.0亿元。已开工70个，开工率87.5%；累计完成投资400.0亿元，占总投资的{}%。"
    assert_caught(text.format("40.0"), text.format("45.0"), ["share_levels"])


def test_a_share_of_the_total_investment_two_sentences_on_is_not_guessed() -> None:
    # Look-alike: the total investment is stated two sentences before the share.
    assert_quiet("全市重大项目80个，总投资1000.0亿元。已开工70个。累计完成投资400.0亿元，占总投资的45.0%。")


# A share naming its part by the first words of one part of the whole's list (住宅 for 住宅销售面积), or its whole as all of
# something the list's whole is named after (游客总数, 全部卫生机构), is of those.


def test_a_part_named_by_its_first_words() -> None:
    text = "商品房销售面积50.0万平方米，下降5.0%，其中住宅销售面积40.0万平方米，下降4.0%，住宅占商品房销售面积的比重为{}%。"
    assert_caught(text.format("80.0"), text.format("85.0"), ["share_levels"])


def test_a_part_named_short_among_two_alike_is_not_guessed() -> None:
    # Look-alike: two parts start with the share's name; which one is not guessed.
    assert_quiet("商品房销售面积50.0万平方米，其中住宅销售面积30.0万平方米，住宅租赁面积10.0万平方米，"
                 "住宅占商品房销售面积的比重为85.0%。")


def test_a_whole_named_as_all_of_the_lists_whole() -> None:
    text = "全年接待国内外游客800.0万人次，增长10.0%，其中接待过夜游客200.0万人次，占游客总数的{}%。"
    assert_caught(text.format("25.0"), text.format("30.0"), ["share_levels"])


def test_a_whole_named_as_all_of_the_lists_whole_the_sentence_before() -> None:
    text = "年末全县共有卫生机构400个，其中医院20个，基层医疗卫生机构360个。基层医疗卫生机构占全部卫生机构的{}%。"
    assert_caught(text.format("90.0"), text.format("95.0"), ["share_levels"])


def test_a_whole_named_as_all_of_something_else_is_not_guessed() -> None:
    # Look-alike: the list's whole is not named after the share's whole (机构 of 医院, not 床位).
    assert_quiet("年末全县共有卫生机构400个，其中医院20个，基层医疗卫生机构360个。基层医疗卫生机构占全部床位的95.0%。")


# Indicators classed with two classes named together in one item (符合或快于预期的N项，滞后的M项) make up all of them.


def test_progress_classes_with_two_named_together() -> None:
    text = "规划确定的主要指标30项中，进度符合或快于预期的24项，滞后的{}项，总体进展良好。"
    assert_caught(text.format("6"), text.format("8"), ["parts_total"])


def test_progress_classes_naming_a_class_twice_are_not_read() -> None:
    # Look-alike: 快于 is named in both items; the classes overlap, so nothing is summed.
    assert_quiet("规划确定的主要指标30项中，进度符合或快于预期的24项，快于预期的9项，总体进展良好。")


# A share opening a sentence with the full name of a part the sentence before listed (产业项目完成投资占比) is that part's
# share of the whole it was listed under.


def test_a_share_named_by_a_part_listed_the_sentence_before() -> None:
    text = ("2024年，全县共安排重点项目60个。截至9月底，已开工项目50个，累计完成投资80.00亿元。分类型看，产业项目30个，"
            "完成投资48.00亿元；基础设施项目20个，完成投资32.00亿元。产业项目完成投资占比{}%，产业支撑作用增强。")
    assert_caught(text.format("60.0"), text.format("65.0"), ["share_levels"])


def test_a_share_named_by_a_part_not_listed_is_not_guessed() -> None:
    # Look-alike: no part of the list before is named so (社会民生项目 is not listed).
    assert_quiet("2024年，全县共安排重点项目60个。截至9月底，已开工项目50个，累计完成投资80.00亿元。分类型看，产业项目30个，"
                 "完成投资48.00亿元；基础设施项目20个，完成投资32.00亿元。社会民生项目完成投资占比65.0%。")


# A change and a rate of a thing named short (到位资金 for 实际到位市外资金) are of the one level of the sentence so named.


def test_a_rate_of_a_thing_named_short_is_of_the_level_so_named() -> None:
    text = "全年实际到位市外资金200.0亿元，完成年度目标任务的105.0%；到位资金比上年增加20.0亿元，增长{}%。"
    assert_caught(text.format("11.1"), text.format("15.0"), ["growth_levels"])


def test_a_rate_of_a_name_two_levels_share_is_not_guessed() -> None:
    # Look-alike: two levels end like the short name (资金); which one is not guessed.
    assert_quiet("全年实际到位市外资金200.0亿元，上级转移支付到位资金80.0亿元；到位资金比上年增加20.0亿元，增长15.0%。")


# 其中 opening a sentence after several figures of different units is of the one figure in its first part's unit; parts
# each followed by a figure of their own of another kind (学校 and their pupils) go on after each semicolon.


def test_schools_listed_with_their_pupils() -> None:
    text = ("年末全区共有各级各类学校100所，在校学生5.00万人，专任教师3000人。其中，普通高中5所，在校生0.80万人；"
            "初中{}所，在校生1.20万人；小学45所，在校生2.00万人；幼儿园30所，在园幼儿1.00万人。")
    assert_caught(text.format("20"), text.format("25"), ["parts_total"])


def test_pupils_beside_their_schools_are_parts_of_the_pupils() -> None:
    text = ("年末全区共有各级各类学校100所，在校学生5.00万人，专任教师3000人。其中，普通高中5所，在校生0.80万人；"
            "初中20所，在校生1.20万人；小学45所，在校生{}万人；幼儿园30所，在园幼儿1.00万人。")
    assert_caught(text.format("2.00"), text.format("2.50"), ["parts_total"])


def test_figures_beside_the_parts_with_two_wholes_alike_are_not_guessed() -> None:
    # Look-alike: two figures before end like the pupils (学生 and 毕业生): which whole they are of is not guessed.
    assert_quiet("年末全区共有各级各类学校100所，在校学生5.00万人，毕业生1.50万人。其中，普通高中5所，在校生0.80万人；"
                 "初中20所，在校生1.20万人；小学45所，在校生2.50万人；幼儿园30所，在园幼儿1.00万人。")


def test_a_list_without_figures_beside_its_parts_still_ends_at_other_things() -> None:
    # Look-alike: no part has a figure of its own beside it, so a count of other things after a semicolon ends the list.
    assert_quiet("年末全区共有各级各类学校100所，在校学生5.00万人。其中，普通高中5所；培训机构120所。")


def test_a_rate_of_the_whole_is_not_of_a_part_named_with_words_in_front() -> None:
    # Look-alike: 规上工业增加值 adds words in front of 工业增加值: some of it, not it said short.
    assert_quiet("全年规上工业增加值200.0亿元；工业增加值比上年增加30.0亿元，增长8.0%。")

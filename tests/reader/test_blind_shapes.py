"""Shapes that blind measures kept missing (issue 19, thirteenth pass), each as a rule of the reader's grammar with
invented sentences: the true one stays quiet, the planted error is caught, and look-alikes stay quiet."""

from __future__ import annotations

from devplan.reader import audit_text, extract_facts
from tests.reader.shapes import assert_caught, assert_quiet, assert_raises
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact

# Completions against budgets, plans and counts.


def test_a_completion_of_the_budget_without_its_figure_is_checked_against_the_budget_stated() -> None:
    before = "2023年全县年初预算一般公共预算收入12.3亿元，实际完成12.5亿元，为年初预算的{}%。"
    assert_caught(before.format("101.6"), before.format("106.6"), ["completion_level_target"])
    after_the_name = "2023年全县一般公共预算收入预算为12.3亿元，完成12.5亿元，完成预算的{}%。"
    assert_caught(after_the_name.format("101.6"), after_the_name.format("105.6"), ["completion_level_target"])
    facts = extract_facts(after_the_name.format("101.6"))
    assert (_fact(facts, "12.3亿元").measure, _fact(facts, "12.3亿元").entity) == ("target", "一般公共预算收入")
    assert _fact(facts, "101.6%").kind == "completion"
    earlier = "2023年一般公共预算收入年初预算为14.1亿元。全年一般公共预算收入完成15.2亿元，完成年度预算的{}%。"
    assert_caught(earlier.format("107.8"), earlier.format("112.6"), ["completion_level_target"])


def test_completions_of_plans_and_tasks_with_their_figures() -> None:
    assert_caught("2023年，全县招商引资到位资金52亿元，完成年度目标任务50亿元的104%。",
                  "2023年，全县招商引资到位资金52亿元，完成年度目标任务50亿元的109%。", ["completion_level_target"])
    assert _errors("年度目标任务新增城镇就业5000人，全年完成5600人，完成目标任务的118%。") == ["completion_level_target"]


def test_look_alikes_of_a_budget_stay_what_they_are() -> None:
    # 一般公共预算收入 holds 预算 in its name: it is the thing, not a budget of it.
    facts = extract_facts("2023年全县一般公共预算收入12.5亿元，增长5.1%。")
    assert (facts[0].measure, facts[0].entity) == ("actual", "一般公共预算收入")
    # 占一般公共预算支出的 is a share, not a completion.
    assert _fact(extract_facts("2023年民生支出30亿元，占一般公共预算支出的80%。"), "80%").kind == "share"


# Breakdowns without 其中.


def test_parts_by_an_aspect_inside_the_sentence_are_parts() -> None:
    text = "2023年全市税收收入80亿元，分级次看，中央级收入40亿元，省级收入10亿元，市级及以下收入{}亿元。"
    assert_caught(text.format("30"), text.format("38"), ["parts_total"])
    # 从全年看 and 按期 name no aspect.
    assert all(f.whole is None for f in extract_facts("2023年全市税收收入80亿元，从全年看，中央级收入40亿元，省级收入50亿元。"))


def test_town_and_country_add_up_to_their_whole() -> None:
    people = "2023年全市常住人口100万人，城镇人口60万人，{}人口{}万人。"
    assert _errors(people.format("乡村", "40")) == []
    assert_caught(people.format("农村", "40"), people.format("乡村", "48"), ["parts_total"])
    # Short of the whole is an error too: the two are all of it.
    retail = ("全年社会消费品零售总额85.6亿元，增长6.2%。按经营地分，城镇消费品零售额62.3亿元，增长6.0%；"
              "乡村消费品零售额{}亿元，增长6.8%。")
    assert_caught(retail.format("23.3"), retail.format("18.3"), ["parts_total"])
    # Goods and catering partition retail sales too, after a second aspect of the same whole.
    kinds = ("全年社会消费品零售总额125.77亿元。按经营单位所在地分，城镇消费品零售额98.46亿元；乡村消费品零售额27.31亿元。"
             "按消费类型分，商品零售额112.58亿元；餐饮收入{}亿元。")
    assert_caught(kinds.format("13.19"), kinds.format("19.19"), ["parts_total"])
    # A loose selection stays a note.
    assert _errors("2023年全市社会消费品零售总额200亿元。其中，餐饮收入30亿元，汽车类零售额40亿元。") == []


# Size classes and stages of projects.


def test_a_size_class_is_some_of_the_projects_before_it() -> None:
    same = "2023年全市实施重点项目120个，完成投资300亿元，亿元以上项目{}个，完成投资260亿元。"
    assert_caught(same.format("80"), same.format("130"), ["part_exceeds_whole"])
    nested = "2023年全市实施重点项目120个，完成投资300亿元。亿元以上项目80个，投资260亿元；10亿元以上项目{}个，投资100亿元。"
    assert_caught(nested.format("10"), nested.format("90"), ["part_exceeds_whole"])
    after_an_aspect = ("全年实施县级重点项目112个，实际完成投资220.6亿元。分阶段看，新开工项目52个，完成投资86.4亿元；"
                       "续建项目41个，完成投资102.7亿元。从投资规模看，亿元以上项目{}个，完成投资176.3亿元。")
    assert_caught(after_an_aspect.format("68"), after_an_aspect.format("134"), ["part_exceeds_whole"])


def test_size_classes_in_one_list_nest_and_are_not_added_up() -> None:
    text = "全年实施投资500万元以上项目650个，其中亿元以上项目180个、10亿元以上项目{}个。"
    assert_caught(text.format("20"), text.format("200"), ["part_exceeds_whole"])


def test_stages_of_projects_after_the_projects_are_their_parts() -> None:
    text = ("2023年全市实施重点项目120个，完成投资300亿元。新开工项目50个，完成投资{}亿元；续建项目{}个，完成投资200亿元；"
            "竣工项目30个。")
    assert _errors(text.format("100", "70")) == []
    assert _errors(text.format("100", "80")) == ["parts_total"]  # 竣工 counted inside the others, the rest still too many
    assert _errors(text.format("130", "70")) == ["parts_total"]
    same_sentence = "全年共实施重点项目150个，完成投资420亿元，新开工项目60个，续建项目{}个。"
    assert_caught(same_sentence.format("90"), same_sentence.format("100"), ["parts_total"])
    # By one aspect the stages are disjoint: 竣工投产 is no longer counted inside 续建.
    aspect = ("全年实施县级重点项目112个，实际完成投资220.6亿元。分阶段看，新开工项目52个，完成投资86.4亿元；"
              "续建项目{}个，完成投资102.7亿元；竣工投产项目19个，完成投资31.5亿元。")
    assert_caught(aspect.format("41"), aspect.format("50"), ["parts_total"])


def test_stages_side_by_side_without_a_whole_stay_quiet() -> None:
    assert_quiet("2023年全市项目续建51个、新开工20个，竣工投产15个。", "2023年全市新建安居房2466套，新开工3000套。")


def test_a_plans_project_list_counts_its_kinds() -> None:
    text = ("全年计划安排县级重点项目126个，年度计划投资208.5亿元。其中，产业项目68个，计划投资118.6亿元；基础设施项目{}个，"
            "计划投资62.4亿元；社会民生项目26个，计划投资27.5亿元。产业项目计划投资占年度计划投资的{}%。")
    assert_caught(text.format("32", "56.9"), text.format("47", "56.9"), ["parts_total"])
    assert _errors(text.format("32", "48.9")) == ["share_levels"]


# 由A增加到B over the years stated.


def test_a_yearly_rate_over_a_span_of_years_named_before() -> None:
    span = "2019年至2023年，全市一般公共预算收入从10亿元增至14.64亿元，年均增长{}%。"
    assert_caught(span.format("10"), span.format("13"), ["growth_levels"])
    dashed = "2019—2023年，全市规上工业企业由100家增加到146家，年均增长{}%。"
    assert_caught(dashed.format("10"), dashed.format("13"), ["growth_levels"])
    # GDP grows at comparable prices: two nominal levels do not give its rate.
    assert _errors("全市地区生产总值由2019年的100亿元增加到2023年的146.4亿元，年均增长12%。") == []


def test_what_grew_is_before_from_not_the_verb() -> None:
    text = "全市高新技术企业由2019年的50家增加到2023年的120家，年均增长{}%。"
    facts = extract_facts(text.format("24.5"))
    assert {f.entity for f in facts} == {"高新技术企业"}
    assert_caught(text.format("24.5"), text.format("35"), ["growth_levels"])
    # No implied base for a yearly rate: 120 ÷ 1.245 is no count of last year.
    assert not [f for f in audit_text(text.format("24.5")).findings if f.check == "implied_base_not_whole"]


def test_a_round_level_beside_one_with_decimals_has_dropped_its_zeros() -> None:
    text = "2018—2023年，全市地方一般公共预算收入由10亿元增加到16.1亿元，年均增长{}%。"
    assert_caught(text.format("10"), text.format("8"), ["growth_levels"])


# 合计 after its parts.


def test_a_total_after_its_parts_is_of_the_lists_thing() -> None:
    text = "2023年甲镇完成投资10亿元、乙镇完成投资12亿元、丙镇完成投资8亿元，合计{}亿元。"
    total = _fact(extract_facts(text.format("30")), "合计30亿元")
    assert (total.entity, total.attribute) == ("甲镇、乙镇、丙镇", "完成投资")
    assert_caught(text.format("30"), text.format("35"), ["parts_total"])
    assert _errors(text.format("25")) == ["parts_total"]
    heads = _fact(extract_facts("2023年新建公办学校12所、民办学校8所，共计20所。"), "共计20所")
    assert heads.entity == "学校"
    assert _errors("2023年新建学校12所、幼儿园8所，共计25所。") == ["parts_total"]
    # A 合计 naming its own thing, or one with a figure of another kind between, stays as it was.
    assert _errors("2023年新建学校12所、改造校舍5万平方米、幼儿园8所，共计20所。") == []


def test_a_total_named_by_a_list_is_no_kind_of_its_last_item() -> None:
    assert "part_exceeds_whole" not in _errors("2023年新建学校12所、幼儿园8所，共计20所。")


# Shares against a whole named short, and parts by meaning.


def test_a_share_names_its_whole_short() -> None:
    text = ("全年共争取上级各类资金29.34亿元。其中，中央预算内投资4.86亿元，地方政府专项债券资金12.40亿元；"
            "专项债券资金占争取资金总额的{}%。")
    assert_caught(text.format("42.3"), text.format("51.3"), ["share_levels"])
    crops = "全年粮食播种面积88.80万亩。其中，稻谷42.36万亩，玉米31.82万亩；稻谷播种面积占粮食播种面积的{}%。"
    assert_caught(crops.format("47.7"), crops.format("54.7"), ["share_levels"])
    # 进出口总额 is no 出口总额, though it ends with it: the exports' own figure is the whole.
    assert_quiet("完成进出口总额79.4亿美元，其中出口50.4亿美元，进口29亿美元。边境小额贸易出口38.6亿美元，占出口总额的76.6%。")


def test_a_whole_in_parentheses_and_a_whole_inside_a_share() -> None:
    text = "全年全部工业增加值86.35亿元，占地区生产总值（268.9亿元）的比重为{}%。"
    assert_caught(text.format("32.1"), text.format("37.1"), ["share_levels"])
    inside = "全年民生支出32.86亿元，占一般公共预算支出39.68亿元的82.8%。其中，教育支出9.84亿元，社会保障和就业支出{}亿元。"
    assert_caught(inside.format("7.26"), inside.format("27.26"), ["parts_total"])


def test_urbanisation_rate_against_town_and_all_residents() -> None:
    text = ("年末全县常住人口48.62万人。其中，城镇常住人口26.35万人，乡村常住人口22.27万人，常住人口城镇化率为{}%，"
            "比上年末（53.0%）提高1.2个百分点。")
    assert _errors(text.format("54.2")) == []
    assert "share_levels" in _errors(text.format("56.7"))  # and the 1.2 points from 53.0 no longer fit
    # Registered people's rate is of other figures.
    assert _errors("年末全县常住人口48.62万人，城镇常住人口26.35万人，户籍人口城镇化率为45.1%。") == []


def test_a_loan_ratio_is_never_of_a_part_of_the_deposits() -> None:
    text = ("年末金融机构人民币各项存款余额412.65亿元。其中，住户存款余额318.72亿元。"
            "年末金融机构人民币各项贷款余额286.34亿元，存贷比为{}%。")
    assert_caught(text.format("69.4"), text.format("89.8"), ["share_levels"])


def test_a_part_after_a_rate_goes_back_to_the_amount_before_it() -> None:
    text = "年末金融机构人民币各项贷款余额286.34亿元，增长12.3%，存贷比为69.4%。其中，普惠小微贷款余额{}万元。"
    assert_caught(text.format("186500"), text.format("3186500"), ["part_exceeds_whole"])


def test_a_part_larger_than_its_whole_across_sentences() -> None:
    assert_raises(["part_exceeds_whole"],
                  "2023年全市社会消费品零售总额200亿元。乡村消费品零售额210亿元。",
                  "全年全市固定资产投资200亿元，增长5%。\n全年房地产开发投资210亿元。")
    assert _errors("全年全市固定资产投资200亿元，增长5%。\n全年房地产开发投资110亿元。") == []


# Shapes an outside tester (t19c, set A) found, each invented anew.


def test_a_second_aspect_of_more_than_six_characters_is_of_the_same_whole() -> None:
    assert_quiet("全年社会消费品零售总额125.77亿元。按经营单位所在地分，城镇消费品零售额98.46亿元，增长6.5%；乡村消费品零售额"
                 "27.31亿元。按消费类型分，商品零售额112.58亿元，增长6.2%；餐饮收入13.19亿元。")


def test_a_share_of_a_list_summed() -> None:
    text = ("规模以上工业总产值412.8亿元，其中，装备制造产业产值126.4亿元，食品加工产业产值98.7亿元，新材料产业产值64.2亿元，"
            "三大主导产业产值合计占规模以上工业总产值的{}%。")
    assert_caught(text.format("70.1"), text.format("78.1"), ["share_levels"])


def test_contracts_and_their_size_classes() -> None:
    text = ("全年共签约招商引资项目74个，协议总投资412.6亿元。其中，亿元以上项目41个，协议投资{}亿元，占协议总投资的86.5%；"
            "10亿元以上项目11个，协议投资198.5亿元。分产业看，工业项目38个、农业项目9个、服务业项目{}个。")
    assert _errors(text.format("356.8", "27")) == []  # the classes nest: 356.8 + 198.5 is no sum
    assert _errors(text.format("356.8", "39")) == ["parts_total"]
    assert "part_exceeds_whole" in _errors(text.format("436.8", "27"))


def test_a_share_of_the_plans_figure_after_a_named_thing_is_no_completion() -> None:
    facts = extract_facts("2024年计划安排重点项目126个，年度计划投资208.5亿元，产业项目计划投资占年度计划投资的56.9%。")
    assert _fact(facts, "56.9%").kind == "share"
    # Nothing named before 占, or the plan itself: a completion.
    assert _fact(extract_facts("2023年完成投资220亿元，占年计划的110%。"), "110%").kind == "completion"
    assert _fact(extract_facts("2023年实际完成投资占年度计划的95%。"), "95%").kind == "completion"


def test_age_groups_from_nought_to_an_open_top_are_all_of_the_people() -> None:
    text = "按年龄分，0—15岁人口占常住人口的16.8%，16—59岁人口占60.1%，60岁及以上人口占{}%，其中65岁及以上人口占16.4%。"
    assert _errors(text.format("23.1")) == []  # 65岁及以上 lies within 60岁及以上: not added
    assert _errors(text.format("27.1")) == ["structure_ratio_sum"]
    # Quiet: groups that leave ages out, or stop short of an open top, or a group and one inside it.
    assert_quiet("0—14岁人口占15.2%，20—64岁人口占70.1%，65岁及以上人口占20.7%。",
                 "按年龄分，0—14岁人口占15.2%，15—64岁人口占70.1%。",
                 "全县60岁以上老年人占18.2%，80岁以上占3.1%。")


_PLACES_TABLE = ("表3\u30002023年各县市区地区生产总值\n单位：亿元、%\n县市区\u3000地区生产总值\u3000比上年增长\n"
                 "甲县\u3000286.4\u30006.8\n乙县\u3000215.7\u30005.9\n丙县\u3000{third}\u30006.2\n全市合计\u3000{total}\u30006.6\n"
                 "从总量看，甲县地区生产总值286.4亿元，占全市合计的{share}%。\n")


def test_a_table_of_places_adds_up_to_its_total_row() -> None:
    true = _PLACES_TABLE.format(third="178.3", total="680.4", share="42.1")
    facts = extract_facts(true)
    row = _fact(facts, "286.4")
    assert (row.entity, row.unit, row.kind) == ("甲县", "亿元", "level")
    assert _fact(facts, "6.8").kind == "growth"
    assert _errors(true) == []
    assert_raises(["parts_total"],
                  _PLACES_TABLE.format(third="198.3", total="680.4", share="42.1"),
                  _PLACES_TABLE.format(third="178.3", total="700.4", share="40.9"))
    assert _errors(_PLACES_TABLE.format(third="178.3", total="680.4", share="32.1")) == ["share_levels"]


def test_a_table_of_places_without_its_units_line_or_total_row_stays_quiet() -> None:
    assert_quiet("县市区\u3000地区生产总值\u3000比上年增长\n甲县\u3000286.4\u30006.8\n乙县\u3000215.7\u30005.9\n全市合计\u3000600.1\u30006.6\n")
    assert_quiet("单位：亿元、%\n县市区\u3000地区生产总值\u3000比上年增长\n甲县\u3000286.4\u30006.8\n乙县\u3000215.7\u30005.9\n")
    # Prose indented with ideographic spaces is no table.
    assert _errors("\u3000\u30002023年全市地区生产总值500亿元，其中，第一产业增加值50亿元。") == []

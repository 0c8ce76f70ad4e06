"""Shapes an outside tester (t19) found misread in true passages, each with an invented sentence of the same
shape: what must stay quiet when true, and the planted error that must then be caught."""

from __future__ import annotations

from decimal import Decimal

from devplan.reader import audit_text, extract_facts
from tests.reader.shapes import assert_caught
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact


def test_a_completion_against_a_budget_is_no_whole_of_the_next_list() -> None:
    text = ("2023年全区一般公共预算收入完成8.52亿元，为年初预算8.30亿元的{}%，比上年增长4.1%。"
            "其中：税收收入6.10亿元，增长5.2%；非税收入2.42亿元，增长1.6%。")
    facts = extract_facts(text.format("102.7"))
    budget = _fact(facts, "8.30亿元")
    assert (budget.measure, budget.entity) == ("target", "一般公共预算收入")
    assert _fact(facts, "102.7%").kind == "completion"
    assert _fact(facts, "4.1%").entity == "一般公共预算收入"
    assert_caught(text.format("102.7"), text.format("107.7"), ["completion_level_target"])
    adjusted = "2023年政府性基金预算收入完成5.31亿元，完成调整预算6.02亿元的{}%，下降12.4%。"
    assert_caught(adjusted.format("88.2"), adjusted.format("93.2"), ["completion_level_target"])


def test_the_plan_stated_inside_a_completion_of_people() -> None:
    text = "2023年全县新增城镇就业5420人，完成年计划5000人的{}%。"
    assert_caught(text.format("108.4"), text.format("113.4"), ["completion_level_target"])


def test_a_round_figure_beside_one_with_decimals_only_dropped_its_zeros() -> None:
    # 2万亩 beside 2.4万亩 is 2.0, not anything from 1.5 to 2.5 (which let 125% pass as "相符").
    plan = "2023年全县完成造林面积2.4万亩，为年度计划2万亩的{}%。"
    assert_caught(plan.format("120"), plan.format("125"), ["completion_level_target"])
    times = "2023年新能源汽车产量由1.6万辆增加到4万辆，增长{}倍。"
    assert_caught(times.format("1.5"), times.format("1.8"), ["growth_levels"])
    # Quiet: two round figures keep their own rounding.
    assert _errors("2023年新能源汽车产量由2万辆增加到5万辆，增长1.6倍。") == []


def test_the_last_part_of_a_list_is_no_whole_of_the_next_sentence() -> None:
    text = ("2023年全年实施县级重点项目90个，完成投资60.0亿元。其中，工业项目40个，完成投资30.2亿元；"
            "民生项目21个，完成投资9.8亿元。全年新开工项目35个，竣工项目{}个。")
    assert _errors(text.format("28")) == []
    # Still caught: things finished, right after a count of the same things under way, are some of them.
    assert _errors("2023年全年实施重点项目100个，完成投资50亿元。竣工项目120个。") == ["part_exceeds_whole"]


_BY_ASPECT = ("2023年全年全市完成固定资产投资250.0亿元，增长5.1%。分区县看，东区完成固定资产投资90.5亿元，西区70.2亿元，"
              "南县50.1亿元，北县{north}亿元，合计250.0亿元。\n按行业分：工业投资80.3亿元，增长9.1%；房地产开发投资60.2亿元，"
              "下降10.1%。\n按投资主体分，国有投资110.0亿元，占全部投资的44.0%；民间投资140.0亿元，占全部投资的{private}%。\n")


def test_parts_by_one_aspect_after_another_are_of_the_total() -> None:
    facts = extract_facts(_BY_ASPECT.format(north="39.2", private="56.0"))
    total = _fact(facts, "合计250.0亿元")
    assert (total.entity, total.whole) == ("固定资产投资", None)
    whole = facts[0].index
    assert [f.whole for f in facts if f.kind == "level" and f.entity != "固定资产投资"] == [whole] * 8
    assert_caught(_BY_ASPECT.format(north="39.2", private="56.0"),
                  _BY_ASPECT.format(north="45.2", private="56.0"), ["parts_total"])
    assert _errors(_BY_ASPECT.format(north="39.2", private="60.0")) == ["share_levels"]


def test_words_that_look_like_an_aspect_open_no_list() -> None:
    facts = extract_facts("2023年全市规上工业增加值增长8.0%，工业投资320亿元。从全年看，工业投资增长5.0%，房地产投资410亿元。")
    assert all(f.whole is None for f in facts)


def test_shares_of_a_whole_named_after_its_parts() -> None:
    text = ("2023年全年全市完成进出口总额120.0亿元，其中对东盟进出口30.0亿元、对欧盟24.0亿元，"
            "分别占全市进出口总额的25.0%和{}%。")
    assert_caught(text.format("20.0"), text.format("25.0"), ["share_levels"])


def test_places_outside_nested_borders_are_not_added_up() -> None:
    assert _errors("2023年招商引资到位资金80亿元，其中省外资金60亿元、市外资金75亿元。") == []
    # Still caught: one of them larger than the whole, and parts of one border that add up to more.
    assert _errors("2023年招商引资到位资金80亿元，其中省外资金90亿元、市外资金75亿元。") == ["part_exceeds_whole"]
    assert _errors("2023年招商引资到位资金80亿元，其中省外资金60亿元、省内资金35亿元。") == ["parts_total"]


def test_a_comma_joined_table_row_keeps_every_cell() -> None:
    # 9.5,120 is two cells (a decimal before the comma), not 9.5 thousand and 120: the row and those after it stay.
    text = ("2023年1—11月主要经济指标\n指标,单位,1—11月,同比增长(%),年计划,完成年计划(%)\n"
            "规上工业增加值,亿元,40.2,6.5,45,89.3\n固定资产投资,亿元,88.4,9.5,120,{}\n社会消费品零售总额,亿元,61.3,5.1,70,87.6\n")
    facts = extract_facts(text.format("73.7"))
    assert [(f.entity, f.kind) for f in facts if f.value == Decimal("120")] == [("固定资产投资", "level")]
    assert len(facts) == 12
    assert_caught(text.format("73.7"), text.format("78.7"), ["completion_level_target"])
    # A thousands separator still joins its number: 1,250.6 in a tab-separated row is one cell.
    table = "2023年主要指标\n指标\t单位\t全年\t同比增长(%)\n地区生产总值\t亿元\t1,250.6\t6.1\n"
    assert [f.value for f in extract_facts(table)] == [Decimal("1250.6"), Decimal("6.1")]


def test_a_bulletin_table_of_products() -> None:
    text = "主要工业产品产量\n产品名称\t单位\t产量\t比上年增长(%)\n发电量\t亿千瓦时\t52.7\t3.1\n水泥\t万吨\t310.4\t-4.2\n"
    facts = extract_facts("2023年全市统计公报\n" + text)
    assert [(f.entity, f.kind, f.value, f.unit) for f in facts] == [
        ("发电量", "level", Decimal("52.7"), "亿千瓦时"), ("发电量", "growth", Decimal("3.1"), "%"),
        ("水泥", "level", Decimal("310.4"), "万吨"), ("水泥", "growth", Decimal("-4.2"), "%")]


_PLAN = "关于2023年计划执行情况与2024年计划草案的报告\n二、2024年主要预期目标\n{}\n"


def test_a_range_is_one_growth_target() -> None:
    facts = extract_facts(_PLAN.format("地区生产总值增长5%—6%，一般公共预算收入增长5%～6%。"))
    assert [(f.kind, f.measure, f.value) for f in facts] == [("growth", "target", Decimal(v)) for v in "5656"]


def test_goals_and_allocations_of_the_plan_year_are_targets() -> None:
    facts = extract_facts(_PLAN.format("力争全年实施县级重点项目130个以上，完成投资95亿元；引进招商项目45个。"
                                       "一般公共预算支出安排36.5亿元，下降5.7%。"))
    assert {f.measure for f in facts} == {"target"}
    assert {f.period.year for f in facts if f.period} == {2024}
    budget = extract_facts("关于2023年预算执行情况和2024年预算草案的报告\n一、2023年预算执行情况\n一般公共预算支出完成38.72亿元。\n"
                           "二、2024年预算草案\n一般公共预算支出安排36.5亿元，下降5.7%。\n")
    assert [(f.measure, f.period.year if f.period else None) for f in budget] == [
        ("actual", 2023), ("target", 2024), ("target", 2024)]
    # Quiet: a project list of the plan year, not opened by a goal word, stays what it describes.
    listed = extract_facts(_PLAN.format("全年安排重点项目120个，总投资500亿元。"))
    assert [f.measure for f in listed] == ["actual", "actual"]


def test_parts_in_parentheses_and_the_completion_after_them() -> None:
    text = ("2023年重点项目年计划投资98亿元，1—10月完成投资86.4亿元（交通52.3亿元、水利{}亿元、能源15.5亿元），"
            "完成年计划的{}%。")
    facts = extract_facts(text.format("18.6", "88.2"))
    done = _fact(facts, "86.4亿元")
    assert [f.whole for f in facts if f.entity in {"交通", "水利", "能源"}] == [done.index] * 3
    assert _fact(facts, "88.2%").entity == "重点项目"
    assert_caught(text.format("18.6", "88.2"), text.format("24.6", "88.2"), ["parts_total"])
    assert _errors(text.format("18.6", "93.2")) == ["completion_investment"]
    # The same after 其中; never parts of a 总投资, which spans years.
    assert _errors("2023年重点项目完成投资86.4亿元，其中交通52.3亿元、水利28.6亿元、能源15.5亿元。") == ["parts_total"]
    assert _errors("2023年重点项目总投资86.4亿元，其中交通52.3亿元、水利28.6亿元、能源15.5亿元。") == []


def test_parts_by_region_of_the_level_before_a_rank() -> None:
    text = ("2023年全市地区生产总值达到2856.3亿元，增长5.6%，经济总量居全省第5位。分区域看，城区完成地区生产总值1206.5亿元，"
            "东部新区{}亿元，南部三县合计793.6亿元。")
    assert_caught(text.format("856.2"), text.format("956.2"), ["parts_total"])


def test_a_whole_stated_with_yu_bounds_its_parts() -> None:
    text = "2023年全县农业产业化龙头企业120余家，其中国家级2家、省级{}家。"
    assert_caught(text.format("31"), text.format("128"), ["parts_total"])
    # Quiet: parts stated loosely too.
    assert _errors("2023年全县农业产业化龙头企业120余家，其中国家级2家、省级120余家。") == []


def test_a_gap_named_by_the_rate_said_short() -> None:
    text = ("2023年城镇居民人均可支配收入增长5.2%，农村居民人均可支配收入增长7.0%，农村居民收入增速比城镇居民高{}个百分点。")
    assert_caught(text.format("1.8"), text.format("2.8"), ["point_gap"])
    # Quiet: a gap of something else, whose own rate is not stated.
    assert _errors("2023年城镇居民人均可支配收入增长5.2%，农村消费增速比城镇居民高2.8个百分点。") == []


def test_things_finished_after_the_stages_of_a_list_are_some_of_its_whole() -> None:
    text = "2023年全年实施重点项目180个，其中新开工项目70个、续建项目110个，竣工项目{}个。"
    assert_caught(text.format("45"), text.format("245"), ["part_exceeds_whole"])


def test_the_role_words_after_a_thing_are_no_part_of_it() -> None:
    text = ("2023年全社会固定资产投资年计划80亿元，实际完成84.0亿元，完成年计划的105.0%。"
            "其中工业投资33.6亿元，占全社会固定资产投资的{}%。")
    facts = extract_facts(text.format("40.0"))
    assert {f.entity for f in facts[:3]} == {"全社会固定资产投资"}
    assert_caught(text.format("40.0"), text.format("45.0"), ["share_levels"])


def _warnings(text: str) -> list[str]:
    return [f.check for f in audit_text(text).findings if f.severity == "warning"]


def test_a_growth_target_against_its_level_target_and_last_year() -> None:
    text = ("关于2023年计划执行情况与2024年计划草案的报告\n一、2023年计划执行情况\n全县一般公共预算收入完成10.40亿元。\n"
            "二、2024年主要预期目标\n一般公共预算收入预期目标为10.92亿元，{}。\n")
    fits = audit_text(text.format("增长5%"))
    assert [(f.check, f.severity) for f in fits.findings if f.check == "growth_levels"] == [("growth_levels", "info")]
    # A plan's rate is often set on an adjusted base: a look, not an error.
    assert _warnings(text.format("增长8%")) == ["growth_levels"]
    assert _errors(text.format("增长8%")) == []
    assert _warnings(text.format("同口径增长8%")) == []
    assert _warnings(text.format("年均增长8%")) == []


def test_agreement_within_rounding_is_said_so() -> None:
    # 53.9 − 12.4 = 41.5 gives 29.9%; 29.7% fits only within the rounding of the two figures, and the note says so.
    result = audit_text("2023年地方一般公共预算收入53.9亿元，比上年增加12.4亿元，增长29.7%。")
    notes = [f.message for f in result.findings if f.check == "growth_levels"]
    assert notes and all("舍入范围内相符" in n for n in notes)
    exact = audit_text("2023年地方一般公共预算收入53.9亿元，比上年增加12.4亿元，增长29.9%。")
    assert [f.message.endswith("与所述29.9%相符。") for f in exact.findings if f.check == "growth_levels"] == [True]


def test_the_share_of_things_that_grew_among_those_counted() -> None:
    text = "2023年，分行业看，35个工业大类行业中有{}个行业增加值实现增长，增长面达{}%。"
    assert_caught(text.format("21", "60.0"), text.format("21", "65.0"), ["share_levels"])
    assert _errors(text.format("41", "60.0")) == ["part_exceeds_whole", "share_levels"]


def test_a_ratio_to_one_of_a_merged_pair() -> None:
    text = "2023年城镇居民人均可支配收入40000元、农村居民人均可支配收入20000元，城乡居民收入比为{}:1。"
    assert_caught(text.format("2.00"), text.format("2.20"), ["share_levels"])
    # Quiet: a ratio between years whose levels are not both stated.
    assert _errors("2023年城镇居民人均可支配收入增长4.8%，城乡居民收入比由2.31:1缩小到2.24:1。") == []


def test_a_target_below_last_year_that_the_sentence_plans() -> None:
    text = ("关于2023年预算执行情况和2024年预算草案的报告\n一、2023年预算执行情况\n一般公共预算支出完成38.72亿元。\n"
            "二、2024年预算草案\n一般公共预算支出安排36.5亿元{}。\n")
    assert _warnings(text.format("，下降5.7%")) == []
    assert _warnings(text.format("")) == ["target_below_last_year"]

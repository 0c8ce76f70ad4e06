"""Shapes an outside tester (t19b) found misread in true passages, each with an invented sentence of the same
shape: what must stay quiet when true, and the planted error that must then be caught."""

from __future__ import annotations

from devplan.reader import extract_facts
from tests.reader.shapes import assert_caught, assert_raises
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact

_NESTED = ("2023年全县地区生产总值210.5亿元，增长6.1%。其中，第二产业增加值{second}亿元，增长7.2%；工业增加值{industry}亿元，"
           "规模以上工业增加值{above}亿元，增长8.0%。")


def test_parts_nested_in_one_another_are_not_added_up() -> None:
    # 工业 lies within 第二产业 by the lexicon, 规模以上工业 within 工业 by its qualifier: only 第二产业 counts to the total.
    assert _errors(_NESTED.format(second="120.3", industry="101.6", above="90.2")) == []
    # Each nested part is still checked against the part it lies in, and the outermost against the whole.
    assert_raises(["part_exceeds_whole"],
                  _NESTED.format(second="120.3", industry="101.6", above="109.2"),
                  _NESTED.format(second="120.3", industry="131.6", above="90.2"),
                  _NESTED.format(second="220.3", industry="101.6", above="90.2"))
    # Still summed: parts side by side, none within another.
    side = "2023年全县地区生产总值210.5亿元。其中，第一产业增加值30.1亿元，第二产业增加值120.3亿元，第三产业增加值90.1亿元。"
    assert _errors(side) == ["parts_total"]


def test_parts_by_an_aspect_name_the_whole_thing() -> None:
    text = ("2023年全区规模以上工业总产值620.5亿元，增长9.1%。外贸进出口总额45.2亿元，增长3.3%。"
            "分园区看，甲园区完成规上工业总产值300.2亿元，增长10.1%；乙园区完成规上工业总产值200.3亿元，增长8.2%。")
    facts = extract_facts(text)
    assert _fact(facts, "300.2亿元").whole is None
    assert _errors(text) == []
    # Still parts: parts named by their place alone, by the whole's thing, or by a thing the lexicon puts within it.
    places = "2023年全市固定资产投资250.0亿元。分区县看，东区{}亿元，西区90.5亿元。"
    assert_caught(places.format("70.2"), places.format("290.2"), ["part_exceeds_whole"])
    kinds = "2023年全市固定资产投资250.0亿元。按领域分，工业投资{}亿元，基础设施投资60.2亿元。"
    assert_caught(kinds.format("80.3"), kinds.format("280.3"), ["part_exceeds_whole"])


def test_a_total_of_a_list_is_no_share_of_one_of_its_items() -> None:
    text = "2023年甲镇招商引资到位资金10.2亿元、乙镇6.1亿元、丙镇4.2亿元，合计20.5亿元，占全县到位资金的{}%。"
    # The whole (全县到位资金) is not stated: 10.2亿元 is summed in the 合计, no whole of it.
    assert _errors(text.format("62.4")) == []
    # The list is still checked against its 合计.
    assert _errors("2023年甲镇招商引资到位资金10.2亿元、乙镇6.1亿元、丙镇4.2亿元，合计18.5亿元。") == ["parts_total"]
    # Still checked: a whole stated before the list.
    stated = ("2023年全县招商引资到位资金40.0亿元；甲镇招商引资到位资金10.2亿元、乙镇6.1亿元、丙镇4.2亿元，合计20.5亿元，"
              "占全县到位资金的{}%。")
    assert_caught(stated.format("51.3"), stated.format("61.3"), ["share_levels"])


_AFTER_LIST = ("2024年全市一般公共预算收入完成520000万元，增长6.5%。其中，税收收入380000万元，非税收入140000万元。"
               "分级次看，市本级完成{}万元，县市区完成360000万元。")


def test_parts_by_an_aspect_after_a_list_are_of_its_whole() -> None:
    facts = extract_facts(_AFTER_LIST.format("160000"))
    assert _fact(facts, "160000万元").whole == facts[0].index
    assert_caught(_AFTER_LIST.format("160000"), _AFTER_LIST.format("260000"), ["parts_total"])

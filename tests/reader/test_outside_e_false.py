"""False errors of the outside set E of trial t19e, each as a rule of the reader's grammar with invented sentences of the
same shape: the true sentence stays quiet, and where the correct pairing is still made, a planted error of the correct
relation is still caught. Where the pairing is uncertain the reader says nothing."""

from __future__ import annotations

from devplan.reader import extract_facts
from tests.reader.shapes import assert_caught
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact

# A part naming the measure of another item than the one 其中 follows (营业收入 after 利润总额) is of that item when
# the part names a kind of its own before the measure; when it does not, nothing is guessed.


def test_a_part_naming_an_earlier_items_measure_is_of_that_item() -> None:
    text = ("全年限额以上批发企业实现销售收入240.00亿元，增长5.0%；实现利润总额12.00亿元，下降3.0%。"
            "其中，十大骨干企业实现销售收入96.00亿元，占{}%。")
    assert_caught(text.format("40.0"), text.format("44.0"), ["share_levels"])
    facts = extract_facts(text.format("40.0"))
    assert _fact(facts, "96.00亿元").whole == _fact(facts, "240.00亿元").index


def test_a_part_naming_no_kind_of_its_own_is_paired_with_neither() -> None:
    # 工业增加值 may be of 地区生产总值 or hold 规上工业增加值: which is not guessed.
    text = "全年规上工业增加值80.0亿元，增长6.0%；地区生产总值300.0亿元，增长5.0%。其中，工业增加值90.0亿元，占30.0%。"
    assert _errors(text) == []
    assert _fact(extract_facts(text), "工业增加值90.0亿元").whole is None


def test_a_part_of_the_items_own_measure_is_still_paired() -> None:
    # Look-alike: the part names the measure of the item right before 其中.
    text = ("全年限额以上批发企业实现销售收入240.00亿元，增长5.0%；实现利润总额12.00亿元，下降3.0%。"
            "其中，十大骨干企业实现利润总额{}亿元，占60.0%。")
    assert_caught(text.format("7.20"), text.format("14.40"), ["part_exceeds_whole", "share_levels"])


# Parts by an aspect after a size class (10亿元以上项目6个) are of all the things, not of the class: nothing is guessed.


def test_parts_by_aspect_after_a_size_class_are_not_of_the_class() -> None:
    text = ("全年共引进项目60个，协议投资总额210.0亿元。其中，亿元以上项目40个，5亿元以上项目9个。"
            "按行业分，工业项目{}个，服务业项目20个，农业项目10个。")
    assert _errors(text.format("30")) == []
    facts = extract_facts(text.format("30"))
    assert _fact(facts, "工业项目30个").whole != _fact(facts, "项目9个").index


def test_parts_by_aspect_after_a_count_of_every_size_are_still_of_it() -> None:
    # Look-alike: the sentence before ends with the count of all the projects.
    text = "全年共引进项目60个。按行业分，工业项目{}个，服务业项目20个，农业项目10个。"
    assert _errors(text.format("30")) == []
    assert _errors(text.format("70")) != []


# After a semicolon, an item opening with the verb the whole was stated with is the next thing done, not a part.


def test_an_item_said_as_the_whole_was_after_a_semicolon_is_no_further_part() -> None:
    text = "全年发放困难群众救助金5000万元，其中城市救助金1800万元，农村救助金3200万元；发放残疾人补贴900万元。"
    assert _errors(text) == []
    facts = extract_facts(text)
    assert _fact(facts, "900万元").whole is None
    # The list itself is still checked.
    assert _errors(text.replace("3200万元", "3500万元")) == ["parts_total"]


def test_a_part_after_a_semicolon_without_the_wholes_verb_still_belongs_to_the_list() -> None:
    # Look-alike: 其中 parts go on across a semicolon when they open like the first part.
    text = "全年一般公共预算收入20.0亿元，其中税收收入14.0亿元，增长5.0%；非税收入{}亿元，下降2.0%。"
    assert_caught(text.format("6.0"), text.format("8.0"), ["parts_total"])


# A rate in parentheses beside an earlier gap (比上半年（5.9%）) is the other period's: a later gap is measured from the
# thing's own rate.


def test_a_later_gap_is_measured_from_the_things_own_rate_not_the_earlier_periods() -> None:
    text = ("1-9月，全县规模以上工业增加值同比增长6.8%，增速比上半年（7.2%）回落0.4个百分点，"
            "高于全市（5.5%）{}个百分点。")
    assert_caught(text.format("1.3"), text.format("1.7"), ["point_gap"])

"""False errors of the outside set L of trial t19l, each as a rule of the reader's grammar with invented sentences of the
same shape: a pairing the reader should not make. The true sentence stays quiet; where the right pairing is still made,
a planted error of it is caught; look-alikes stay quiet."""

from __future__ import annotations

from devplan.reader import extract_facts
from devplan.reader.subjects import split_list
from tests.reader.shapes import assert_quiet
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact

# 甲、乙、丙三大特色产业分别实现营业收入…，合计…，占…的…: the total after parts that a name counting them (三大特色产业)
# introduced is their total, one part of the whole before, and the share after it is the total's.

_COUNTED = ("全年全县规模以上工业营业收入520.0亿元。分产业看，纺织服装、电子信息、绿色建材三大特色产业分别实现营业收入"
            "{}亿元、110.0亿元和80.0亿元，合计{}亿元，占规模以上工业营业收入的{}%。生物医药产业营业收入104.0亿元，"
            "占规模以上工业营业收入的20.0%。")


def test_a_name_counting_the_items_is_none_of_theirs() -> None:
    assert split_list("纺织服装、电子信息、绿色建材三大特色产业", 3, ()) == ["纺织服装", "电子信息", "绿色建材"]
    # Look-alike: a count of other things than the items listed stays in the last name.
    assert split_list("甲镇、乙镇两个园区", 3, ()) == ["甲镇", "乙镇两个园区"]


def test_the_total_of_a_counted_list_is_its_own() -> None:
    text = _COUNTED.format("100.0", "290.0", "55.8")
    assert _errors(text) == []
    facts = extract_facts(text)
    total, whole = _fact(facts, "合计290.0亿元"), _fact(facts, "520.0亿元")
    assert total.entity == "三大特色产业营业收入" and total.whole == whole.index
    assert _fact(facts, "和80.0亿元").whole == total.index


def test_the_counted_total_is_checked() -> None:
    assert _errors(_COUNTED.format("100.0", "290.0", "58.8")) == ["share_levels"]  # 290 ÷ 520 is 55.8 %
    assert _errors(_COUNTED.format("106.0", "290.0", "55.8")) == ["parts_total"]  # 106 + 110 + 80 is 296


def test_a_total_of_the_whole_is_still_the_whole() -> None:
    # Look-alike: parts that no count names, with a total as large as the whole, are the whole's.
    text = ("全年全县规模以上工业营业收入290.0亿元。分产业看，纺织服装、电子信息、绿色建材分别实现营业收入100.0亿元、110.0亿元"
            "和80.0亿元，合计290.0亿元。")
    assert _errors(text) == []
    assert _fact(extract_facts(text), "合计290.0亿元").entity == "规模以上工业营业收入"


# 占…的比重由上年的…提高到…: last year's share is of last year's levels, which the text does not give.

def test_last_years_share_is_not_checked_against_this_years_levels() -> None:
    text = "全年全县出口额42.00亿元。其中，对东盟出口12.60亿元，占出口额的比重由上年的26.5%提高到{}%，提高3.5个百分点。"
    assert _errors(text.format("30.0")) == []
    assert _errors(text.format("32.0")) != []  # 12.60 ÷ 42.00 is 30.0 %


# 全县… then 全市…: a figure of a whole place above the text's own is no figure of this place's things.

_HIGHER = ("全年全县居民人均可支配收入30000元，增长6.0%。全市居民人均可支配收入40000元，增长5.0%。"
           "全年全县居民人均消费支出18000元，占人均可支配收入的{}%。")


def test_the_citys_figure_is_no_whole_of_the_countys() -> None:
    assert _errors(_HIGHER.format("60.0")) == []  # 18000 ÷ 30000, not ÷ 40000
    assert _errors(_HIGHER.format("62.0")) == ["share_levels"]
    facts = extract_facts(_HIGHER.format("60.0"))
    assert _fact(facts, "40000元").elsewhere and _fact(facts, "增长5.0%").elsewhere
    assert not _fact(facts, "30000元").elsewhere


def test_the_citys_rate_is_not_checked_against_the_countys_levels() -> None:
    assert_quiet("全年全县规模以上工业企业实现营业收入300.0亿元，利润总额15.0亿元，营业收入利润率为5.00%。"
                 "全市规模以上工业营业收入利润率为6.20%。")


def test_a_place_no_higher_is_the_texts_own() -> None:
    # Look-alike: in a city's text, 全区 (a district, or the region) is not taken as another place's.
    facts = extract_facts("全市地区生产总值900.0亿元。全区地区生产总值增长6.0%。")
    assert not any(f.elsewhere for f in facts)
    # A county's text that names its province first: 全省 is then the text's place, and 全县 below it is not marked.
    facts = extract_facts("全省地区生产总值增长5.0%。全县地区生产总值300.0亿元。")
    assert not any(f.elsewhere for f in facts)


# 分类别看，甲类项目…；丙类项目…。其中，…: after parts by an aspect, a 其中 whose part is named like the aspect's whole (省级重点
# 项目 of 重点项目) is about that whole, not about the last part.

_AFTER_ASPECT = ("全年实施市级重点项目150个，完成投资{}亿元。分类别看，产业项目80个，完成投资120.0亿元；基础设施项目45个，"
                 "完成投资50.0亿元；社会事业项目25个，完成投资20.0亿元。其中，列入省级重点项目30个，完成投资{}亿元。")


def test_a_part_named_like_the_aspects_whole_is_of_that_whole() -> None:
    assert _errors(_AFTER_ASPECT.format("190.0", "60.0")) == []
    facts = extract_facts(_AFTER_ASPECT.format("190.0", "60.0"))
    assert _fact(facts, "列入省级重点项目30个").whole == _fact(facts, "市级重点项目150个").index


def test_a_part_over_the_aspects_whole_is_caught() -> None:
    assert _errors(_AFTER_ASPECT.format("190.0", "196.0")) == ["part_exceeds_whole"]


def test_a_part_named_like_the_last_part_is_still_of_it() -> None:
    # Look-alike: 其中 naming a kind of the last class (学校建设项目 of 社会事业项目) is about that class.
    text = ("全年实施市级重点项目150个，完成投资190.0亿元。分类别看，产业项目80个，完成投资120.0亿元；基础设施项目45个，"
            "完成投资50.0亿元；社会事业项目25个，完成投资20.0亿元。其中，社会事业学校建设项目12个，完成投资8.0亿元。")
    assert _errors(text) == []
    facts = extract_facts(text)
    assert _fact(facts, "社会事业学校建设项目12个").whole == _fact(facts, "社会事业项目25个").index

"""False errors of the outside set I of trial t19i, each as a rule of the reader's grammar with invented sentences of the
same shape: the true sentence stays quiet; where the correct pairing is still made, a planted error of it is caught;
look-alikes stay quiet. Where the pairing is uncertain the reader says nothing."""

from __future__ import annotations

from devplan.reader import extract_facts
from tests.reader.shapes import assert_caught, assert_quiet
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact

# Last year's level stated after this year's (（上年全县地区生产总值为402.0亿元）) is no whole of the parts by an aspect in
# the next sentence: this year's level is.

_BY_INDUSTRY = ("全县实现地区生产总值431.0亿元，比上年增长6.0%{}。分产业看，第一产业增加值60.5亿元，增长3.1%；"
                "第二产业增加值150.2亿元，增长6.5%；第三产业增加值{}亿元，增长6.4%。")


def test_last_years_level_is_no_whole_of_this_years_parts() -> None:
    last_year = "（上年全县地区生产总值为402.0亿元）"
    assert _errors(_BY_INDUSTRY.format(last_year, "220.3")) == []
    assert _errors(_BY_INDUSTRY.format(last_year, "230.3")) == ["parts_total"]  # 441.0 > 431.0
    text = _BY_INDUSTRY.format(last_year, "220.3")
    assert _fact(extract_facts(text), "60.5亿元").whole == _fact(extract_facts(text), "431.0亿元").index


def test_last_years_level_of_a_named_year_is_no_whole_either() -> None:
    text = ("2024年，全县实现地区生产总值431.0亿元，比上年增长6.0%（2023年全县地区生产总值为402.0亿元）。分产业看，"
            "第一产业增加值60.5亿元，第二产业增加值150.2亿元，第三产业增加值{}亿元。")
    assert_caught(text.format("220.3"), text.format("230.3"), ["parts_total"])


def test_parts_after_this_years_level_alone_are_still_checked() -> None:
    # Look-alike: no level of last year; the same parts, the same whole.
    assert_caught(_BY_INDUSTRY.format("", "220.3"), _BY_INDUSTRY.format("", "230.3"), ["parts_total"])


# 纺织服装产值…，…，五大传统产业合计13409.6亿元: a total with a name of its own after parts sums them; it is one part of the
# whole, not a further part beside them.

_BY_TRADE = ("全年规模以上工业总产值3000.0亿元。分行业看，电子信息产值{}亿元，汽车零部件产值615.2亿元，新材料产值364.4亿元，"
             "三大主导产业合计1800.0亿元，占规模以上工业总产值的60.0%。")


def test_a_named_total_after_parts_sums_them() -> None:
    assert _errors(_BY_TRADE.format("820.4")) == []
    assert _errors(_BY_TRADE.format("920.4")) == ["parts_total"]  # 1900.0 > 1800.0: the parts over their named total
    facts = extract_facts(_BY_TRADE.format("820.4"))
    assert _fact(facts, "820.4亿元").whole == _fact(facts, "合计1800.0亿元").index


def test_a_named_total_over_the_whole_is_caught() -> None:
    text = ("全年规模以上工业总产值1700.0亿元。分行业看，电子信息产值820.4亿元，汽车零部件产值615.2亿元，新材料产值364.4亿元，"
            "三大主导产业合计1800.0亿元。")
    assert "parts_total" in _errors(text) or "part_exceeds_whole" in _errors(text)


def test_a_total_of_other_things_named_by_how_many_is_one_more_part() -> None:
    # Look-alike: 其他两类 are not the three listed before; their total is one more part of the whole.
    text = ("全年规模以上工业总产值3000.0亿元。分行业看，电子信息产值820.4亿元，汽车零部件产值615.2亿元，新材料产值364.4亿元，"
            "其他两类产业合计{}亿元。")
    assert_caught(text.format("1200.0"), text.format("1300.0"), ["parts_total"])


def test_parts_without_a_total_stay_parts_of_the_whole() -> None:
    # Look-alike: no total after the parts.
    text = "全年规模以上工业总产值3000.0亿元。分行业看，电子信息产值{}亿元，汽车零部件产值615.2亿元，新材料产值364.4亿元。"
    assert_caught(text.format("820.4"), text.format("2120.4"), ["parts_total"])


# 人身险保费收入364.8亿元；人身险中，寿险…，健康险…: a clause opening with the start of the item's name and 中 lists that
# item's parts, not further parts of the list the item is in.

_PREMIUMS = ("全年全县保险保费收入{}亿元。其中，财产险保费收入30.5亿元，人身险保费收入70.3亿元；人身险中，寿险保费收入{}亿元，"
             "健康险保费收入15.6亿元。")


def test_parts_after_a_name_and_zhong_are_of_that_part() -> None:
    assert _errors(_PREMIUMS.format("100.8", "52.1")) == []
    assert _errors(_PREMIUMS.format("100.8", "62.1")) == ["parts_total"]  # 77.7 > 70.3
    assert _errors(_PREMIUMS.format("90.8", "52.1")) == ["parts_total"]  # 30.5 + 70.3 > 90.8


def test_a_count_among_things_is_read_as_before() -> None:
    # Look-alike: N项…中 right after a count, its noun right after the number (13项增幅前三 are some of the 19).
    assert _errors("全县纳入全省排名的19项主要经济指标中，13项增幅前三，8项增幅第一。") == []


# 新增政府债券182.5亿元，其中新增一般债券…、新增专项债券…；发行再融资债券94.6亿元: refinancing bonds repay old debt; after a
# semicolon, an item without the word of what is new that the whole and every part open with is no further part.

_BONDS = "全年新增地方政府债券50.8亿元，其中新增一般债券8.5亿元、新增专项债券{}亿元；{}"


def test_refinancing_after_new_bonds_is_no_part() -> None:
    refinancing = "发行再融资债券30.0亿元，用于偿还到期本金。"
    assert_caught(_BONDS.format("42.3", refinancing), _BONDS.format("52.3", refinancing), ["part_exceeds_whole"])


def test_a_further_new_item_after_the_semicolon_is_still_a_part() -> None:
    # Look-alike: the item after the semicolon is new too, and named as the parts are (…债券). One that leaves the parts'
    # name (新增外债转贷资金) is the next statement (the twenty-third pass), so nothing is said of it.
    assert_caught(_BONDS.format("32.3", "新增外债转贷债券10.0亿元。"),
                  _BONDS.format("32.3", "新增外债转贷债券20.0亿元。"), ["parts_total"])
    assert _errors(_BONDS.format("32.3", "新增外债转贷资金20.0亿元。")) == []


# 市本级债务余额386.5亿元，区县债务余额812.2亿元: one level of government beside another, not some of it.

_LEVELS = "全县政府债务余额控制在限额以内，低于限额9.4亿元。分级次看，县本级债务余额45.2亿元，{}债务余额62.4亿元。"


def test_a_lower_levels_figure_is_no_part_of_the_own_levels() -> None:
    assert_quiet(_LEVELS.format("乡镇"), _LEVELS.format("区县"))


def test_a_lower_levels_figure_is_still_some_of_the_whole_places() -> None:
    # Look-alike: the whole place's figure right before; the towns' is some of it.
    text = "截至年末，全县债务余额107.6亿元，乡镇债务余额{}亿元。"
    assert_caught(text.format("62.4"), text.format("112.4"), ["part_exceeds_whole"])

"""Planted misses of the outside set M (t19m) by root cause, each fixed as a rule of the reader's grammar with invented
sentences of the same shape: the true sentence stays quiet, the broken one raises the error, look-alikes stay quiet."""

from __future__ import annotations

from devplan.reader import extract_facts
from tests.reader.shapes import errors as _errors

# A difference named by its word alone: 城乡相差11026元 (相差 as 差距), 两者收入差距缩小到3624元 (the measure named, and the
# difference it came to).

_APART_CITY = "城镇居民人均消费支出26418元，农村居民人均消费支出15392元，城乡相差{}元。"


def test_city_and_country_apart_is_their_difference() -> None:
    assert _errors(_APART_CITY.format("11026")) == []
    assert _errors(_APART_CITY.format("11426")) == ["parts_total"]


_APART_NAMED = "全镇农村居民人均可支配收入18460元，增长7.1%，脱贫人口人均纯收入14836元，两者收入差距{}元。"


def test_the_two_apart_by_a_measure_named() -> None:
    assert _errors(_APART_NAMED.format("缩小到3624")) == []
    assert _errors(_APART_NAMED.format("缩小到3824")) == ["parts_total"]
    assert _errors(_APART_NAMED.format("为3824")) == ["parts_total"]


def test_a_change_of_the_gap_is_no_gap() -> None:
    # Look-alike: 缩小420元 says by how much the gap shrank, not what it is.
    assert _errors(_APART_NAMED.format("缩小420")) == []


def test_the_two_apart_must_both_be_of_the_measure() -> None:
    # Look-alike: a count of people and an income are not two incomes.
    assert _errors("全镇脱贫人口1.2万人，脱贫人口人均纯收入14836元，两者收入差距为3824元。") == []


# An average per building (平均每栋楼宇入驻企业), and per village over a count whose noun follows its unit (12个行政村…，村均).

_PER_BUILDING = "辖区重点商务楼宇16栋，入驻企业1392家，平均每栋楼宇入驻企业{}家。"


def test_an_average_per_building() -> None:
    assert _errors(_PER_BUILDING.format("87.0")) == []
    assert _errors(_PER_BUILDING.format("92.0")) == ["share_levels"]


_PER_VILLAGE = "全乡{}集体经济收入合计436万元，村均{}万元。"


def test_an_average_per_village_counted_before_its_noun() -> None:
    assert _errors(_PER_VILLAGE.format("10个行政村", "43.6")) == []
    assert _errors(_PER_VILLAGE.format("10个行政村", "46.6")) == ["share_levels"]


def test_an_average_per_village_needs_villages_counted() -> None:
    # Look-alike: ten co-operatives are no count of villages.
    assert _errors(_PER_VILLAGE.format("10个合作社", "46.6")) == []


# A rate of things done over the things found, named by the verb and what is done (已完成整改38项，整改完成率), without 其中.

_RECTIFIED = "省级环保督察反馈我县问题36项，已完成整改32项，{}%。"


def test_a_rate_of_things_done_over_the_count_before() -> None:
    assert _errors(_RECTIFIED.format("整改完成率88.9")) == []
    assert _errors(_RECTIFIED.format("整改完成率86.9")) == ["completion_level_target"]


def test_a_rate_naming_nothing_done_is_not_guessed() -> None:
    # Look-alike: 完成率 alone, without 其中, may be of a plan the sentence does not state.
    assert _errors(_RECTIFIED.format("完成率86.9")) == []


# A count and 中, then which of them past a comma, named with a class in Roman numerals (优于Ⅲ类的断面): some of them.

_SECTIONS = "全县12个国省控地表水考核断面中，水质达到或优于Ⅲ类的断面{}个，占{}%。"


def test_some_of_the_sections_by_their_class() -> None:
    assert _errors(_SECTIONS.format("11", "91.7")) == []
    assert _errors(_SECTIONS.format("11", "93.7")) == ["share_levels"]
    assert _errors(_SECTIONS.format("13", "108.3")) == ["part_exceeds_whole"]


# 比全省第二产业增速（5.9%）高0.9个百分点: 第二 before 产业 names an industry, no place in a ranking, and the rate in parentheses
# is the place's rate of the thing the rate before is of.

_SECONDARY = "第二产业增加值1214.2亿元，增长6.6%，比全省{}增速（5.9%）高{}个百分点。"


def test_an_ordinal_naming_an_industry_is_no_rank() -> None:
    assert [f.kind for f in extract_facts(_SECONDARY.format("第二产业", "0.7"))] == ["level", "growth", "growth", "level"]
    assert [f.kind for f in extract_facts("地区生产总值增长6.6%，增速居全省第二。")] == ["growth", "rank"]


def test_a_gap_to_the_places_rate_of_the_same_thing() -> None:
    assert _errors(_SECONDARY.format("第二产业", "0.7")) == []
    assert _errors(_SECONDARY.format("第二产业", "1.7")) == ["point_gap"]


def test_a_gap_to_the_places_rate_of_another_thing_is_not_checked() -> None:
    # Look-alike: the province's industry is not the county's secondary industry.
    assert _errors(_SECONDARY.format("工业", "1.7")) == []

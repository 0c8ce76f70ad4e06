"""Planted misses of the outside set M (t19m) by root cause, each fixed as a rule of the reader's grammar with invented
sentences of the same shape: the true sentence stays quiet, the broken one raises the error, look-alikes stay quiet."""

from __future__ import annotations

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

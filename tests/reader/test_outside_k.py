"""Outside set K of trial t19k, read by the thirtieth pass: its false error, then its most frequent planted misses,
each as a rule of the reader's grammar with INVENTED sentences of the same shape — the true one quiet, the planted one
caught, a look-alike quiet."""

from __future__ import annotations

from tests.reader.shapes import errors as _errors

# 其中，工业投资…；民间投资…: a part named by who owns it beside one named by trade is of another breakdown of the whole.

_TWO_FACETS = "全县固定资产投资完成84.0亿元，增长6.2%。其中，工业投资{}亿元，增长11.5%；民间投资{}亿元，占比55.1%。"


def test_parts_by_ownership_and_by_trade_are_not_summed() -> None:
    assert _errors(_TWO_FACETS.format("36.5", "46.3")) == []  # 82.8 of 84.0, and only by chance
    assert _errors(_TWO_FACETS.format("38.2", "46.3")) == []  # 84.5 over 84.0: two breakdowns at once


def test_a_part_by_ownership_is_still_no_more_than_its_whole() -> None:
    assert "part_exceeds_whole" in _errors(_TWO_FACETS.format("36.5", "86.3"))


def test_parts_of_one_breakdown_are_still_summed() -> None:
    # Look-alike: 国有 and 民间 are one breakdown, 工业 and 基础设施 another; each still may not exceed the whole.
    assert _errors("全县固定资产投资完成84.0亿元。其中，国有投资40.2亿元，民间投资46.3亿元。") == ["parts_total"]
    assert _errors("全县固定资产投资完成84.0亿元。其中，工业投资40.2亿元，基础设施投资46.3亿元。") == ["parts_total"]


def test_state_owned_land_is_no_ownership_breakdown() -> None:
    # Look-alike: 国有土地使用权出让收入 is a kind of revenue, summed with the others.
    text = "政府性基金预算收入21.40亿元，其中国有土地使用权出让收入18.60亿元，城市基础设施配套费3.90亿元。"
    assert _errors(text) == ["parts_total"]

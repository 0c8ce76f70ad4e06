"""A breakdown that names its whole by 中 (按年龄分，户籍人口中…) is of that thing's figure stated before, or of none — never of
the latest level before it, which may count another thing; an age class (0—17岁, 65岁及以上) names the count after it,
as a size class does."""

from __future__ import annotations

from devplan.reader import extract_facts
from tests.reader.shapes import assert_caught, assert_quiet, errors, fact_ending

_STATED = "年末全市户籍人口64.20万人，比上年末增加0.15万人。全年迁入人口3180人，迁出人口2746人。"
_BY_AGE = "按年龄段分，户籍人口中0—17岁人口{}万人，占{}%；18—64岁人口42.10万人，占65.6%；65岁及以上人口10.37万人，占16.2%。"


def test_the_whole_named_by_zhong_is_the_figure_stated_of_it() -> None:
    true = _STATED + _BY_AGE.format("11.73", "18.3")
    assert_caught(true, _STATED + _BY_AGE.format("11.73", "20.3"), ["share_levels"])
    facts = extract_facts(true)
    whole = fact_ending(facts, "64.20万人")
    assert [f.whole for f in facts if f.unit == "万人" and f.whole is not None] == [whole.index] * 3


def test_a_broken_sum_is_still_caught_where_the_whole_is_stated() -> None:
    assert "part_exceeds_whole" in errors(_STATED + "按年龄段分，户籍人口中0—17岁人口71.73万人，占18.3%。")
    broken = _STATED + _BY_AGE.format("11.73", "18.3").replace("42.10", "52.10")
    assert "parts_total" in errors(broken)


def test_no_unrelated_latest_level_is_the_whole() -> None:
    # Only other counts stated before (迁出人口2746人): the parts' whole is not known, so nothing is checked against one.
    assert_quiet("全年迁入人口3180人，迁出人口2746人。" + _BY_AGE.format("11.73", "18.3"),
                 "全年迁入人口3180人，迁出人口2746人。按年龄段分，在户籍人口中，0—17岁人口11.73万人，占18.3%；"
                 "65岁及以上人口10.37万人，占16.2%。")


def test_an_age_floor_with_ji_names_the_count_after_it() -> None:
    facts = extract_facts(_STATED + _BY_AGE.format("11.73", "18.3"))
    assert fact_ending(facts, "10.37万人").entity == "人口"
    assert fact_ending(facts, "65岁及以上").qualifier == "以上"


def test_zhong_opening_a_word_names_no_whole() -> None:
    # 争取中央资金: 中 of 中央 is no "among", so the 其中 is of the figure before, as ever.
    assert_caught("全年争取上级资金21.6亿元。其中，争取中央资金12.4亿元，省级资金9.2亿元。",
                  "全年争取上级资金21.6亿元。其中，争取中央资金32.4亿元。", ["part_exceeds_whole"])

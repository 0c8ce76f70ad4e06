"""The forty-second pass (docs/audit.md): three false errors of the blind sets U, V and X, fixed as rules of the grammar —
a count naming the things listed before 分别, or a list under 其中 (the 合计 after them and the share after it are
theirs), targets in parentheses given
with 分别 (the items' targets, not parts of the last), and an amount beyond the budget (超收) said in passing, whose next
change is the revenue's. Invented sentences of the same shapes."""

from __future__ import annotations

from devplan.reader import extract_facts
from tests.reader.shapes import assert_caught, assert_quiet, assert_raises

# 其中甲、乙、丙三项支出分别为…，合计…，占…的p%: 三项 names the things listed, no figure; the 合计 sums them and the share
# after it is the 合计's.
_THREE_KINDS = ("农业支出24.60亿元；其中种植业、畜牧业、渔业三类补贴分别为6.10亿元、4.25亿元、2.05亿元，合计12.40亿元，"
                "占农业支出的{}%。")
# One of the names holds 和 (体育和卫生): the count may take it as one name.
_NAME_WITH_AND = ("社会事业支出18.40亿元，其中文化旅游、体育和卫生两项支出分别为3.20亿元、5.60亿元，合计8.80亿元，"
                  "占社会事业支出的{}%。")


def test_a_count_of_the_names_listed_before_respectively_is_no_figure() -> None:
    facts = extract_facts(_THREE_KINDS.format("50.4"))
    assert not [f for f in facts if f.unit == "类"]


def test_the_share_after_a_total_of_a_counted_list_is_the_totals() -> None:
    assert_caught(_THREE_KINDS.format("50.4"), _THREE_KINDS.format("55.4"), ["share_levels"])
    assert_caught(_NAME_WITH_AND.format("47.8"), _NAME_WITH_AND.format("57.8"), ["share_levels"])


# 其中甲、乙、丙支出分别为…，合计…: without a count the things listed under 其中 are still some of the whole, and the 合计
# and its share theirs.
_LISTED_UNDER_AMONG = ("科技支出9.60亿元；其中基础研究、应用研究、技术推广支出分别为2.40亿元、3.10亿元、1.30亿元，"
                       "合计6.80亿元，占科技支出的{}%。")


def test_the_share_after_a_total_of_things_listed_under_among_is_the_totals() -> None:
    assert_caught(_LISTED_UNDER_AMONG.format("70.8"), _LISTED_UNDER_AMONG.format("60.8"), ["share_levels"])


def test_a_total_under_among_equal_to_the_whole_is_quiet() -> None:
    assert_quiet("固定资产投资60.0亿元，其中工业、基础设施投资分别为35.0亿元、25.0亿元，合计60.0亿元。")


# 甲1934人、乙786人（目标分别为1600人和600人）: the items' targets in their order, not parts of the last item.
def test_targets_in_parentheses_with_respectively_are_no_parts() -> None:
    assert_quiet(
        "新增城镇就业3200人、农村劳动力转移就业1500人（目标分别为3000人、1400人）。",
        "培训农民工5210人、退役军人640人（计划分别为5000人和600人），分别完成计划的104.2%和106.7%。",
    )


def test_parts_in_parentheses_after_a_total_still_sum_to_it() -> None:
    # Look-alike: figures in parentheses without a target word are the total's parts, and are checked.
    assert_raises(["parts_total"], "全市完成投资86.4亿元（交通52.3亿元、水利40.6亿元）。")


# 收入完成…，超收…，比上年增加…，增长…: the change and the growth after the amount beyond the budget are the revenue's.
_BEYOND = "全县税收收入完成21.50亿元，超收0.80亿元，比上年增加1.20亿元，增长{}%。"


def test_a_change_after_the_amount_beyond_the_budget_is_the_revenues() -> None:
    assert_caught(_BEYOND.format("5.9"), _BEYOND.format("7.9"), ["growth_levels"])
    facts = extract_facts(_BEYOND.format("5.9"))
    assert [f.subject for f in facts if f.measure in ("change", "growth")] == ["税收收入", "税收收入"]


def test_a_change_after_an_amount_short_of_the_budget_is_the_revenues() -> None:
    assert_quiet("全县非税收入完成8.40亿元，短收0.20亿元，比上年增加0.60亿元，增长7.7%。")


# …，超收…，比上年增加…。其中，税收收入…；非税收入…: the 其中 breaks down the revenue, not the amount beyond its budget.
_BEYOND_THEN_AMONG = "全县一般公共预算收入完成30.20亿元，超收0.70亿元，比上年增加1.40亿元。其中，税收收入21.60亿元；非税收入{}亿元。"


def test_the_parts_after_the_amount_beyond_the_budget_are_the_revenues() -> None:
    assert_caught(_BEYOND_THEN_AMONG.format("8.60"), _BEYOND_THEN_AMONG.format("9.60"), ["parts_total"])

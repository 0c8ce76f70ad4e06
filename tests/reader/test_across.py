"""Several documents of one place compared (devplan.reader.across): one quantity stated differently beyond
rounding is a warning naming both documents; rounding, other periods, other measures and loose figures are
not."""

from __future__ import annotations

from devplan.reader import audit_text
from devplan.reader.across import compare

PLAN = "2023年全市地区生产总值完成617.2亿元，同比增长4.5%。一般公共预算收入完成16.34亿元。"


def _compare(*texts: str) -> list[str]:
    results = [audit_text(text, source=f"文件{number}.txt") for number, text in enumerate(texts, 1)]
    return [difference.message for difference in compare(results)]


def test_a_level_stated_differently_in_two_documents_is_named_with_both() -> None:
    bulletin = "2023年全市地区生产总值实现619.8亿元，同比增长4.5%。"
    assert _compare(PLAN, bulletin) == [
        "“地区生产总值”2023年的数值：文件1.txt 写617.2亿元，文件2.txt 写619.8亿元，超出舍入误差"]


def test_a_growth_rate_stated_differently_is_found_too() -> None:
    bulletin = "2023年全市地区生产总值617.2亿元，同比增长4.8%。"
    messages = _compare(PLAN, bulletin)
    assert len(messages) == 1 and "增速" in messages[0] and "4.5%" in messages[0] and "4.8%" in messages[0]


def test_rounding_and_units_agree() -> None:
    rounded = "2023年全市地区生产总值完成617亿元，同比增长4.5%。一般公共预算收入163400万元。"
    assert _compare(PLAN, rounded) == []


def test_other_periods_and_loose_figures_are_not_compared() -> None:
    other = "1—9月全市地区生产总值完成428.3亿元。2022年地区生产总值约600亿元。"
    assert _compare(PLAN, other) == []


def test_three_documents_each_pair_once() -> None:
    second = "2023年全市地区生产总值完成619.8亿元。"
    third = "2023年全市地区生产总值完成621.5亿元。"
    assert len(_compare(PLAN, second, third)) == 3

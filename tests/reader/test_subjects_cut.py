"""Dates, comparisons and base phrases are cut out of a subject (the thirty-sixth pass)."""

from __future__ import annotations

import pytest

from devplan.reader import audit_text
from devplan.reader.subjects import noun_after, subject_before


@pytest.mark.parametrize(
    ("context", "subject"),
    [
        # A date the figure is taken at: a year's end, a month's end.
        ("截至2024年底累计建成充电桩", "充电桩"),
        ("截至年底已发放助学贷款", "助学贷款"),
        # A base the figure grows from.
        ("地方税收收入在2024年实际数基础上增长", "地方税收收入"),
        # What a change is measured from, after 比.
        ("城镇新增就业比2024年预计完成数增长", "城镇新增就业"),
        ("比上年预计执行数增长", ""),
        ("出口额比2024年实际数收窄", "出口额"),
    ],
)
def test_cut_out_of_the_subject(context: str, subject: str) -> None:
    assert subject_before(context) == subject


@pytest.mark.parametrize(
    "context",
    [
        # The number is the compared figure, or a gap said with 多 or 少: the phrase pairs with no level.
        "比年度预期目标",
        "比上年同期多完成",
        "外来人口比本地人口少",
        # A change over part of a year, not the year's.
        "贷款余额比上月末增加",
    ],
)
def test_compared_figure_keeps_its_phrase(context: str) -> None:
    assert subject_before(context) not in {"", "外来人口"}


def test_a_count_s_noun_stops_at_a_comparison() -> None:
    assert noun_after("个完成率低于60%") != "个完成率低于"
    assert "低于" not in noun_after("支出进度低于75%")


def test_the_base_phrase_leaves_the_sentence_subject() -> None:
    # The target level after the base phrase is the revenue's, and its growth is checked against the base year's level.
    text = "2025年某县地方税收收入完成8.00亿元。2026年地方税收收入在2025年完成数基础上增长5%，达到9.00亿元。"
    facts = audit_text(text).facts
    assert all("基础上" not in (fact.subject or "") for fact in facts)


def test_a_year_end_is_no_subject() -> None:
    facts = audit_text("截至2025年底，全县有各类市场主体2.4万户，其中企业6000户，占25.0%。").facts
    assert all("截至" not in (fact.subject or "") for fact in facts)

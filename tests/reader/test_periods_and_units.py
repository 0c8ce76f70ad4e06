"""Periods with their dash variants, and units from 元 to 微克/立方米."""

from __future__ import annotations

import pytest

from devplan.reader.periods import Period, find_document_year, find_period, find_year
from devplan.reader.units import parse_unit


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("1—9月完成", (1, 9)), ("1-10月", (1, 10)), ("1～5月", (1, 5)), ("1至11月", (1, 11)),
        ("上半年", (1, 6)), ("一季度", (1, 3)), ("前三季度", (1, 9)), ("全年预计", (1, 12)),
    ],
)
def test_period_words(text: str, months: tuple[int, int]) -> None:
    assert find_period(text).months == months


def test_a_run_of_quarters_is_not_a_period() -> None:
    assert find_period("增速连续三季度").months is None


def test_last_year_is_recognised() -> None:
    assert find_period("上年同期为").previous_year


def test_years_in_both_scripts_and_plan_spans_are_ignored() -> None:
    assert find_year("二〇二〇年国民经济") == 2020
    assert find_year("三年行动方案(2023—2025年)") is None
    assert find_year("2018 年 增速") == 2018


def test_a_documents_year_is_that_of_its_figures_not_of_the_day_it_was_written() -> None:
    assert find_document_year("（2023年11月数据，截至2026年12月6日已知）") == 2023
    assert find_document_year("截至2023年12月15日") == 2023


def test_period_label() -> None:
    assert Period(2023, 1, 9).label() == "2023-01/2023-09"
    assert Period(None, 1, 9).label() is None


@pytest.mark.parametrize(
    ("text", "magnitude", "base", "kind"),
    [
        ("亿美元", 10**8, "美元", "money"), ("万亩", 10**4, "亩", "area"), ("亿斤", 10**8, "斤", "weight"),
        ("万头", 10**4, "头", "count"), ("‰", 1, "‰", "percent"), ("个百分点", 1, "个百分点", "percent"),
        ("微克/立方米", 1, "微克/立方米", "concentration"), ("万亿", 10**12, "", "amount"),
    ],
)
def test_units(text: str, magnitude: int, base: str, kind: str) -> None:
    unit = parse_unit(text)
    assert (unit.magnitude, unit.base, unit.kind) == (magnitude, base, kind)

"""Inputs the fuzzers found that once broke the auditor; each must now give findings, not an exception."""

from __future__ import annotations

import pytest

from devplan.reader import audit_text


@pytest.mark.parametrize("text", [
    "全市新增企业1个，同比增长900%。",  # atheris: last year's count rounded to 0 → division by zero
    "全市新增企业2个，同比增长200%。",
])
def test_a_count_with_a_growth_larger_than_itself_is_audited(text):
    findings = audit_text(text).findings
    assert any(f.check == "implied_base_not_whole" for f in findings)


def test_a_number_longer_than_decimal_precision_is_shown_not_raised():
    # atheris: a completion rate beside a 53-digit "completed" figure made the implied target unroundable.
    text = "全年预计完成" + "9" * 50 + "6.34亿元，完成年计划的100%。"
    assert audit_text(text).findings


@pytest.mark.parametrize("gap", ["\t", "\u3000", " "])
def test_a_rate_with_any_blank_after_its_point_is_read_as_one_number(gap):
    # atheris (CI, 2026-12-07): "80.\t3%" matched the number pattern (\s) but only " " was dropped before
    # Decimal read it: InvalidOperation.
    result = audit_text(f"全年地区生产总值增长8.{gap}5%，高于全省平均水平。")
    assert [str(f.value) for f in result.facts if f.kind == "growth"] == ["8.5"]


def test_a_record_separator_after_a_point_is_audited():
    # The input atheris found: U+001E ends a line for str.splitlines, so the rate is cut, never raised.
    assert audit_text("全年地区生产总值增长80.\x1e3%，高于全省平均水平。8.\t0%").to_json()

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

"""A run of digits longer than any figure a report states is no figure (an outside trial's cells of 5,000 digits took
83 s and broke `--json` on Python's 4,300-digit limit for integers)."""

from __future__ import annotations

import json
from decimal import Decimal

from devplan.reader import audit_text


def test_a_run_of_thousands_of_digits_is_no_figure_and_json_is_written() -> None:
    digits = "7" * 5000
    text = (f"指标\t单位\t1—10月\t同比增长(%)\n地区生产总值\t亿元\t{digits}\t6.5\n"
            f"全县完成投资{digits}亿元，增长8.0%。")
    result = audit_text(text)
    assert all(len(str(f.value)) < 100 for f in result.facts)
    assert json.loads(result.to_json_text())["summary"]["error"] == 0


def test_a_long_but_real_figure_is_still_read() -> None:
    facts = audit_text("全年一般公共预算支出达到1234567890123.45元，增长5.0%。").facts
    assert any(f.value == Decimal("1234567890123.45") for f in facts)

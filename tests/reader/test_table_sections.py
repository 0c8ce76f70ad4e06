"""A table of indicators whose rows are grouped under section rows (一、投资与消费), as a Word file gives them: one line
of cells a row, joined by commas (an outside trial found the whole table unread)."""

from __future__ import annotations

import pytest

from devplan.reader import audit_text

ROWS = ("固定资产投资,亿元,96.3,7.4\n社会消费品零售总额,亿元,61.8,6.2\n{section}"
        "一般公共预算收入,亿元,10.6,5.1\n")
HEADER = "2024年1—9月主要经济指标\n指标,单位,1—9月,同比增长(%)\n"


@pytest.mark.parametrize("section", ["二、财政\n", "二、财政,,,\n", "（二）财政收支,,,\n"])
def test_section_rows_leave_the_table_whole(section: str) -> None:
    grouped = audit_text(HEADER + "一、投资与消费,,,\n" + ROWS.format(section=section), layout=False)
    plain = audit_text(HEADER + ROWS.format(section=""), layout=False)
    assert [(f.subject, f.value, f.unit, f.measure) for f in grouped.facts] == [
        (f.subject, f.value, f.unit, f.measure) for f in plain.facts]
    assert len(plain.facts) == 6


def test_a_line_of_prose_still_ends_the_table() -> None:
    text = HEADER + ROWS.format(section="") + "二、下一步工作\n全年力争固定资产投资增长8%。\n"
    facts = audit_text(text, layout=False).facts
    assert facts[-1].measure == "target" and len(facts) == 7

"""A short excerpt's lines cut inside a number, and page numbers framed by full-width dashes or middle dots, as an
outside trial of `devplan audit` found them (invented sentences of the same shapes)."""

from __future__ import annotations

import pytest

from devplan.reader import audit_text
from devplan.reader.render import render_text
from devplan.reader.segments import PAGE_NUMBER_LINE, unwrapped
from tests.reader.shapes import errors

ONE_LINE = "（二）项目建设。1—10月实施重点项目180个，完成投资64.2亿元（交通30.1亿元、水利20.1亿元、产业14.0亿元），完成年计划的90.1%。"
# The same paragraph as a narrow, uneven layout cut it: after 亿, before 元, and between two lines of a page break.
CUT = "（二）项目建设。1—10月实施重点项目180个，完成投资64.2亿\n{page}元（交通30.1亿元、水利20.1亿\n元、产业14.0亿元），完成年\n计划的90.1%。"


@pytest.mark.parametrize("page", ["", "- 5 -\n", "－ ５ －\n", "－５－\n", "·5·\n", "第5页\n"])
def test_a_number_cut_after_its_yi_reads_as_the_whole_paragraph(page: str) -> None:
    text = CUT.format(page=page)
    assert [(f.value, f.unit, f.whole is None) for f in audit_text(text).facts] == [
        (f.value, f.unit, f.whole is None) for f in audit_text(ONE_LINE).facts]
    assert errors(text) == []
    assert errors(text.replace("30.1", "35.1")) == ["parts_total"]


def test_a_short_line_cut_inside_a_number_goes_on() -> None:
    # A quoted excerpt is as uneven as its words: a line of a few characters that stops on 亿 or a point goes on.
    for text in ("（二）项目建设。1—10月实施重点项目180个，完成投资\n64.2亿\n元（交通30.1亿元、水利20.1亿元、产业14.0亿元），完成年计划的90.1%。",
                 "（二）项目建设。1—10月实施重点项目180个，完成投资64.\n2亿元（交通30.1亿元、水利20.1亿元、产业14.0亿元），完成年计划的90.1%。"):
        assert errors(text) == []
        assert errors(text.replace("30.1", "35.1")) == ["parts_total"]


def test_page_marks_of_every_dash_and_dot_and_no_more() -> None:
    for line in ("— 3 —", "- 3 -", "－ ３ －", "－３－", "·3·", "・3・", "第3页", "３"):
        assert PAGE_NUMBER_LINE.match(line), line
    for line in ("1.5%", "— 3", "2023年", "-3.2%", "·3·5"):
        assert not PAGE_NUMBER_LINE.match(line), line


def test_a_short_label_ending_on_a_digit_stays_a_line() -> None:
    # 附件1 and 表2 end on a bare digit: a label, not a number cut (only its point or 万/亿 says a number goes on).
    text = "附件1\n2023年重点项目计划表\n表2\n2023年全县完成投资64.2亿元。"
    assert "附件1" not in "".join(f.text for f in audit_text(text).facts)
    assert [f.value for f in audit_text(text).facts if f.unit == "亿元"] == [audit_text("2023年全县完成投资64.2亿元。").facts[0].value]


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r", "  \n- 5 -\n"])
def test_a_figure_read_across_a_join_keeps_the_given_words(end: str) -> None:
    # Offsets index the given text and a fact's text is what they slice, line break and page number included; the
    # listing shows its words on one line.
    text = f"（二）项目建设。1—10月实施重点项目180个，完成投资64.2亿{end}元（交通30.1亿元、水利20.1亿元、产业14.0亿元）。"
    result = audit_text(text)
    assert all(text[f.start : f.end] == f.text for f in result.facts)
    cut = next(f for f in result.facts if "64.2" in f.text)
    assert cut.text == f"完成投资64.2亿{end}元" and unwrapped(cut.text) == "完成投资64.2亿元"
    assert "«完成投资64.2亿元»" in render_text(result)

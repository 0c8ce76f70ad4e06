"""The line breaker on its own, with a font of 16 pt squares (digits half): no line, full or last, ends past
the type area; a lone mark inside a line keeps its full width; a range of years may break after its dash."""

from __future__ import annotations

from devplan.reports.typeset import Line, Metrics, set_paragraph

EM = 16.0
CHARS = 28
WIDTH = CHARS * EM  # no grid gap: 28 squares fill the line exactly


def _advance(char: str) -> float:
    return EM / 2 if char.isascii() else EM


def _blank_half(char: str) -> str | None:
    if char in "，。、；：）》”’":
        return "right"
    if char in "（《“‘":
        return "left"
    return None


FONTS = {"body": Metrics(_advance, _blank_half)}


def _set(text: str) -> list[Line]:
    return set_paragraph([(text, "body")], FONTS, WIDTH, grid=0.0)


def _width(line: Line) -> float:
    """Where the line's last glyph ends: advances less squeezes, plus the letter spacing between glyphs."""
    return sum(glyph.width - glyph.squeeze for glyph in line.glyphs) + line.spacing * (len(line.glyphs) - 1)


def _squeezed(line: Line) -> list[str]:
    return [glyph.char for glyph in line.glyphs if glyph.squeeze]


def test_a_last_line_closed_up_to_keep_its_marks_ends_inside_the_type_area() -> None:
    # "预计…完成年计划的100%（同步）。": a last line whose closing marks were let in by closing up marks
    # inside it must be printed closed up too.
    lines = _set("测，测，测，" + "测" * 19 + "（同步）。")
    assert len(lines) == 2
    for line in lines:
        assert _width(line) <= WIDTH + 1e-6, line.text


def test_a_lone_comma_inside_a_line_keeps_its_full_width() -> None:
    # Two lone "，" inside the line and its 28th character followed by "，": the line may not narrow them
    # to keep the last "，" with its character ("48.19万吨,建设"); that character goes down with it instead.
    lines = _set("甲乙，丙丁，" + "字" * 22 + "，" + "后" * 10)
    assert _squeezed(lines[0]) == []
    assert lines[0].text == "甲乙，丙丁，" + "字" * 21
    assert lines[1].text.startswith("字，")
    assert abs(_width(lines[0]) - WIDTH) < 1e-6  # spread to the margin


def test_two_marks_side_by_side_close_up_to_keep_a_closing_mark_on_the_line() -> None:
    lines = _set("字" * 25 + "甲。”，" + "后" * 10)
    assert lines[0].text == "字" * 25 + "甲。”，"
    # The line's last "，" gives up its blank half past the margin (行末点号半角), "”，" the other half.
    assert _squeezed(lines[0]) == ["”", "，"]
    assert _width(lines[0]) <= WIDTH + 1e-6


def test_a_closing_mark_at_a_line_end_lets_its_blank_half_pass_the_margin() -> None:
    # 23.5 cells, then "（1.5亿元，" of 5.5: a cell over. "（" closes up on "1" (a lone bracket) and the
    # line's last "，" gives up its blank half: no line spread by four and a half cells.
    lines = _set("字" * 22 + "增1" + "（1.5亿元，" + "后" * 30)
    assert lines[0].text.endswith("（1.5亿元，")
    assert set(_squeezed(lines[0])) == {"（", "，"}
    assert abs(_width(lines[0]) - WIDTH) < 1e-6


def test_a_range_of_years_breaks_after_its_dash_rather_than_leave_a_short_line() -> None:
    lines = _set("字" * 19 + "《行动方案（2023—2025年）》，" + "后" * 10)
    assert lines[0].text.endswith("（2023—")
    assert lines[1].text.startswith("2025年）》，")


def test_a_number_stays_with_its_unit() -> None:
    lines = _set("字" * 26 + "建设3.97万亩；" + "后" * 10)
    assert "3.97万亩；" in lines[1].text


def test_a_loose_word_and_a_magnitude_stay_between_a_number_and_its_unit() -> None:
    # The demo's "销售额20多亿元" and "50余条" broke as "20多亿" / "元" and "50余" / "条" (trial t18b).
    for said in ("20多亿元", "50余条", "1亿美元", "3万余户"):
        lines = _set("字" * 25 + f"，{said}；" + "后" * 30)
        assert any(said in line.text for line in lines), (said, [line.text for line in lines])


def test_a_lone_mark_without_a_latin_twin_closes_up_rather_than_leave_a_line_a_character_short() -> None:
    # 27 characters, then "“甲" (a "“" may not end a line): without closing up the line holds 27. "、" and
    # "“" give up their blank halves (推入); the "，" keeps its square.
    lines = _set("字，字、" + "字" * 23 + "“甲乙”" + "后" * 30)
    assert lines[0].text == "字，字、" + "字" * 23 + "“甲"
    assert set(_squeezed(lines[0])) == {"、", "“"}
    assert abs(_width(lines[0]) - WIDTH) < 1e-6


def test_a_range_of_months_breaks_after_its_dash_only_where_nothing_else_fills_the_line() -> None:
    # "——…同步，" leaves two cells; "1—9月" needs three and nothing may close up: the range breaks.
    lines = _set("字" * 25 + "，1—9月增长" + "后" * 30)
    assert lines[0].text.endswith("，1—")
    assert lines[1].text.startswith("9月")
    # Where the number fits whole it stays whole.
    assert all("1—9月" in line.text or "1—9" not in line.text for line in _set("字" * 20 + "1—9月" + "后" * 30))

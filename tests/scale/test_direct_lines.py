"""The direct path's line reader (`devplan/scale/_lines.c`) takes exactly the lines the pattern it replaced
took, and reads them into the same fields: the pattern is kept here as the reader's specification, and
lines made of the characters and shapes that matter are read by both."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from devplan.scale import _lines
from devplan.scale.csv_direct import NotDirect, _rows

# What a plain line was, as a regular expression, before it was read in C.
LINE = re.compile(
    r"([^,]++),([^,]++),([0-9]{4})-(0[1-9]|1[0-2]),(?!,,)"
    r"([0-9]{1,15}+(?:\.[0-9]{1,4}+)?+)?+,(-?[0-9]{1,15}+(?:\.[0-9]{1,4}+)?+)?+,"
    r"((?:[^=+\-@,\r\n\x00-\x1f\x7f][^,\r\n\x00-\x08\x0b\x0c\x0e-\x1f\x7f]{0,999}+)?+)\r?"
)
REGIONS = {"430381": "7", "湘乡市": "7", "430382": "8"}
INDICATORS = {"gdp": "1", "fai": "2"}


def by_pattern(line: str) -> tuple[str | None, ...] | None:
    found = LINE.fullmatch(line)
    if found is None:
        return None
    region, indicator, year, month, value, growth, note = found.groups()
    # Since the reader was written in C, a note with white space around it is the rules' to judge (they strip it
    # first: " =1" starts like a formula), so it is no longer plain.
    if region not in REGIONS or indicator not in INDICATORS or note != note.strip():
        return None
    return (REGIONS[region], INDICATORS[indicator], year, month, value, growth, note)


def by_reader(line: str) -> tuple[str | None, ...] | None:
    found = _lines.rows(line + "\n", REGIONS, INDICATORS)
    return None if isinstance(found, int) else found[0]


def field(*pieces: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=7).map("".join)


NUMBER = field("0", "7", "12", "1234567", "12345678", ".", "-", "5", "")
NOTE = st.one_of(field("说明", "a", " ", "\t", "\r", "\u3000", "\xa0", "=", "+", "-", "@", "\x00", "\x0b", "\x1f", "\x7f", "é", ","),
                 st.integers(998, 1002).map(lambda n: "x" * n))
LINES = st.builds(
    lambda region, indicator, year, month, value, growth, note, cr: (
        f"{region},{indicator},{year}-{month},{value},{growth},{note}{cr}"),
    st.sampled_from(["430381", "湘乡市", "430382", "999999", "", "43\r0381"]),
    st.sampled_from(["gdp", "fai", "GDP", ""]),
    st.sampled_from(["2023", "0000", "9999", "202", "20233", "２０２３"]),
    st.sampled_from(["01", "09", "10", "12", "00", "13", "1", "1a"]),
    NUMBER, NUMBER, NOTE, st.sampled_from(["", "\r", "\r\r"]),
)


@settings(max_examples=3000, deadline=None)
@given(LINES)
@example("430381,gdp,2023-09,,,")  # value and growth both empty
@example("430381,gdp,2023-09,1.,,")
@example("430381,gdp,2023-09,5,-,")
@example("430381,gdp,2023-09,123456789012345.1234,-1.5,注")
@example("430381,gdp,2023-09,5,6")  # no note field
@example("430381,gdp,2023-09,5,,a,b")
@example("430381,gdp,2023-09,5,, =1+1")
@example("430381,gdp,2023-09,5,,\u3000说明")
@example("430381,gdp,2023-09,5,,说明\t")
def test_the_reader_takes_the_lines_the_pattern_took_with_the_same_fields(line: str) -> None:
    assert by_reader(line) == by_pattern(line)


def test_a_block_is_read_whole_and_the_first_line_that_is_not_plain_is_named() -> None:
    block = "430381,gdp,2023-01,1,,\n430381,gdp,2023-02,2,,\r\n430382,fai,2023-02,,3.5,备注\n"
    assert _lines.rows(block, REGIONS, INDICATORS) == [
        ("7", "1", "2023", "01", "1", None, ""), ("7", "1", "2023", "02", "2", None, ""),
        ("8", "2", "2023", "02", None, "3.5", "备注")]
    assert _rows(block, REGIONS, INDICATORS, None)[2][6] == "备注"
    assert _lines.rows(block + "430381,gdp,2023-13,1,,\n" + block, REGIONS, INDICATORS) == 3
    with pytest.raises(NotDirect, match="2023-13"):
        _rows(block + "430381,gdp,2023-13,1,,\n", REGIONS, INDICATORS, None)
    assert _lines.rows("", REGIONS, INDICATORS) == []
    assert _lines.rows("430381,gdp,2023-01,1,,", REGIONS, INDICATORS) == [("7", "1", "2023", "01", "1", None, "")]


def by_format(rows: list[tuple[str | None, ...]], tail: str) -> str:
    """What `_lines.copy_text` replaced: each row as COPY's CSV line, the revision 1 after the period."""
    return "".join(f"{r},{i},{y},{m},1,{v or ''},{g or ''},{note}{tail}" for r, i, y, m, v, g, note in rows)


@settings(max_examples=500, deadline=None)
@given(st.lists(LINES, max_size=30), st.sampled_from([",7\n", ",7,2026-01-01T00:00:00+00:00\n", ",７\n"]))
def test_the_copy_text_of_rows_is_each_row_as_a_csv_line(lines: list[str], tail: str) -> None:
    rows = [row for line in lines if (row := by_reader(line)) is not None]
    assert _lines.copy_text(rows, tail) == by_format(rows, tail)
    assert _lines.copy_text([], tail) == ""


def test_the_reader_adds_the_periods_and_regions_its_lines_name() -> None:
    """What the change set wrote is gathered while the lines are read: every period and region, each once."""
    periods: set[tuple[str, str]] = set()
    regions: set[str] = set()
    block = ("430381,gdp,2023-01,1,,\n430381,fai,2023-01,2,,\n430382,gdp,2023-02,3,,\n"
             "430381,gdp,2023-01,4,,\n430382,gdp,2024-02,3,,\n")
    found = _lines.rows(block, REGIONS, INDICATORS, periods, regions)
    assert isinstance(found, list) and len(found) == 5
    assert periods == {("2023", "01"), ("2023", "02"), ("2024", "02")} and regions == {"7", "8"}
    with pytest.raises(TypeError):
        _lines.rows(block, REGIONS, INDICATORS, periods)

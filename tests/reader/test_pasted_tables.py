"""Statistical tables pasted as text: a header of column names (本月, 1—N月累计, 上年同期累计, 同比增长(%), 占比(%)),
then one line of cells per indicator, split by tabs or runs of spaces. Last year's column is of the same months as
the cumulative one before it; a share column that names no whole gives each indented or 其中 row's share of the row
above it. Invented tables, of the shape of a monthly report."""

from __future__ import annotations

from tests.reader.shapes import assert_caught, assert_quiet, errors

_TITLE = "安远县工业主要指标（2025年8月）\n"
_TABBED = "指标名称\t计量单位\t8月\t1-8月累计\t上年同期累计\t同比增长(%)\t占比(%)\n"
_SPACED = "指标名称    计量单位    8月    1-8月累计    上年同期累计    同比增长(%)    占比(%)\n"


def _tabbed(*rows: str) -> str:
    return _TITLE + _TABBED + "".join(row.replace(" | ", "\t") + "\n" for row in rows)


def _spaced(*rows: str) -> str:
    return _TITLE + _SPACED + "".join(row.replace(" | ", "    ") + "\n" for row in rows)


def test_growth_from_this_and_last_years_cumulative_columns() -> None:
    true = _tabbed("工业总产值 | 亿元 | 6.20 | 50.00 | 46.00 | 8.7 | 100.0")
    broken = _tabbed("工业总产值 | 亿元 | 6.20 | 50.00 | 46.00 | 11.7 | 100.0")
    assert_caught(true, broken, ["growth_levels"])


def test_growth_of_a_row_opened_with_qizhong() -> None:
    rows = ("工业总产值 | 亿元 | 6.20 | 50.00 | 46.00 | 8.7 | 100.0", "其中：轻工业 | 亿元 | 2.10 | 20.00 | 19.00 | {} | 40.0")
    assert_caught(_tabbed(rows[0], rows[1].format("5.3")), _tabbed(rows[0], rows[1].format("9.3")), ["growth_levels"])


def test_share_of_an_indented_row_is_of_the_row_above() -> None:
    rows = ("工业总产值 | 亿元 | 6.20 | 50.00 | 46.00 | 8.7 | 100.0", "  轻工业 | 亿元 | 2.10 | 20.00 | 19.00 | 5.3 | {}",
            "  重工业 | 亿元 | 4.10 | 30.00 | 27.00 | 11.1 | 60.0")
    assert_caught(_spaced(rows[0], rows[1].format("40.0"), rows[2]), _spaced(rows[0], rows[1].format("48.0"), rows[2]),
                  ["share_levels"])
    assert_caught(_tabbed(rows[0], rows[1].format("40.0"), rows[2]), _tabbed(rows[0], rows[1].format("46.0"), rows[2]),
                  ["share_levels"])


def test_a_row_that_is_no_part_gives_no_share() -> None:
    # 用电量 is no part of 工业总产值: its share cell, a dash or a figure, is of nothing the table gives.
    assert_quiet(_spaced("工业总产值 | 亿元 | 6.20 | 50.00 | 46.00 | 8.7 | 100.0",
                         "工业用电量 | 万千瓦时 | 900 | 7300 | 7000 | 4.3 | 35.0"))


def test_share_column_naming_its_whole_is_not_of_the_row_above() -> None:
    header = "指标名称\t计量单位\t1-8月累计\t同比增长(%)\t占全市比重(%)\n"
    assert_quiet(_TITLE + header + "工业总产值\t亿元\t50.00\t8.7\t12.0\n  轻工业\t亿元\t20.00\t5.3\t9.0\n")


def test_per_head_figure_is_no_whole_of_a_share() -> None:
    text = ("全年全县生产总值（GDP）200.00亿元，增长5.0%。常住人口40.00万人，人均生产总值50000元。"
            "全年数字经济增加值60.00亿元，占生产总值的比重为{}%。")
    assert_caught(text.format("30.0"), text.format("36.0"), ["share_levels"])


def test_abbreviation_in_brackets_leaves_the_name() -> None:
    text = "全年全县地区生产总值（GDP）300.00亿元，增长5.5%。全年第三产业增加值150.00亿元，占地区生产总值的比重为{}%。"
    assert_caught(text.format("50.0"), text.format("56.0"), ["share_levels"])


def test_prose_with_a_label_colon_is_still_joined() -> None:
    # A wrapped paragraph whose line opens 其中： and holds no runs of cells stays prose.
    assert errors("全年固定资产投资完成80.00亿元，增长6.0%。其中：工业投资30.00亿元，\n增长5.0%。\n") == []

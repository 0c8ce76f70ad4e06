"""附件2–5: a project whose latest report is of an earlier month than the table's column carries its own
month, and the 合计 over rows of different months says it adds the latest reports (trial of issue 16, #4)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from devplan.reports.attachments import LATEST_TOTAL, progress_table
from devplan.reports.content import Attachment, Num, plain
from devplan.reports.projects import ProjectLine, Sourced
from devplan.reports.xlsx_render import render_xlsx


def _line(name: str, completed: str, month: int) -> ProjectLine:
    source = Sourced("project", 1, 1, name, "430381", 2023, None, name)
    progress = Sourced("progress", 2, 1, name, "430381", 2023, month, name)
    return ProjectLine(name, "", "2023", "发改局", Decimal(10), Decimal(2), Decimal(completed),
                       len(completed.partition(".")[2]), month, "", False,
                       source, source, progress)


def test_a_row_of_an_earlier_month_carries_it_and_the_total_says_it_adds_latest_reports(tmp_path: Path) -> None:
    table = progress_table(2023, "重点建设项目", [_line("甲项目", "1.20", 11), _line("乙项目", "0.41", 10)])
    done = next(i for i, column in enumerate(table.columns) if column.header.endswith("完成投资"))
    assert table.columns[done].header == "1—11月完成投资"
    first, second, total = table.rows
    assert isinstance(first.cells[done], Num) and first.cells[done].text == "1.20"  # type: ignore[union-attr]
    assert plain(second.cells[done]) == "0.41（1—10月）"  # type: ignore[arg-type]
    assert total.cells[1] == LATEST_TOTAL == "合计（各项目最新报送数）"
    assert isinstance(total.cells[done], Num) and total.cells[done].text == "1.61"  # type: ignore[union-attr]
    render_xlsx([Attachment(5, table)], tmp_path / "a.xlsx")
    sheet = load_workbook(tmp_path / "a.xlsx").worksheets[0]
    cell = sheet.cell(row=5, column=done + 1)
    assert cell.value == 0.41 and cell.number_format == '0.00"（1—10月）"'  # a number still: the SUM adds it
    assert sheet.cell(row=6, column=2).value == LATEST_TOTAL


def test_rows_of_one_month_keep_a_plain_total() -> None:
    table = progress_table(2023, "重点建设项目", [_line("甲项目", "1.20", 11), _line("乙项目", "0.41", 11)])
    done = next(i for i, column in enumerate(table.columns) if column.header.endswith("完成投资"))
    assert table.rows[-1].cells[1] == "合计"
    assert all(isinstance(row.cells[done], Num) for row in table.rows)


def test_the_column_is_headed_by_the_month_most_projects_report() -> None:
    """Trial 16: 附件4 was headed 1—11月 while 34 of its 37 rows were 1—10月's; the few ahead carry their month."""
    table = progress_table(2023, "重点建设项目", [_line("甲项目", "1.20", 11), _line("乙项目", "0.41", 10),
                                                _line("丙项目", "0.30", 10)])
    done = next(i for i, column in enumerate(table.columns) if column.header.endswith("完成投资"))
    assert table.columns[done].header == "1—10月完成投资"
    assert plain(table.rows[0].cells[done]) == "1.20（1—11月）"  # type: ignore[arg-type]
    assert isinstance(table.rows[1].cells[done], Num)


def test_amounts_print_as_stated_like_the_pages() -> None:
    """附件2–5 print a project's amounts as `devplan projects` and the pages do (`lib.numbers.stated`): the
    registry's 18 and the plan's 0.1, whose places are not recorded, without trailing zeros; a progress
    report's 1.20 with the places it was reported with; the 合计 with the most places of its parts."""
    source = Sourced("project", 1, 1, "甲项目", "430381", 2023, None, "甲项目")
    progress = Sourced("progress", 2, 1, "甲项目", "430381", 2023, 11, "甲项目")
    line = ProjectLine("甲项目", "", "2023", "发改局", Decimal("18.0000"), Decimal("0.1000"), Decimal("1.20"), 2, 11,
                       "", False, source, source, progress)
    table = progress_table(2023, "重点建设项目", [line])
    row, total = table.rows
    texts = [cell.text for cell in row.cells if isinstance(cell, Num)]
    assert texts[:3] == ["18", "0.1", "1.20"]
    assert [cell.text for cell in total.cells if isinstance(cell, Num)] == ["18", "0.1", "1.20"]


def test_a_money_column_lines_up_with_the_most_places_any_amount_was_stated_with() -> None:
    """Re-trial of issue 18: printing each amount as stated mixed 18 / 2.6 / 1.75 in one column of a Congress
    document; a column is padded (never rounded) to the most places any of its amounts has."""
    source = Sourced("project", 1, 1, "甲项目", "430381", 2023, None, "甲项目")
    progress = Sourced("progress", 2, 1, "甲项目", "430381", 2023, 11, "甲项目")
    lines = [ProjectLine(name, "", "2023", "发改局", total, Decimal("1"), completed, places, 11, "", False, source,
                         source, progress)
             for name, total, completed, places in (("甲项目", Decimal("18.0000"), Decimal("1.75"), 2),
                                                    ("乙项目", Decimal("2.6000"), Decimal("7"), 0))]
    table = progress_table(2023, "重点建设项目", lines)
    first, second, total = table.rows
    def texts(row: object) -> list[str]:
        return [cell.text for cell in row.cells if isinstance(cell, Num)][:3]  # type: ignore[attr-defined]
    assert texts(first) == ["18.0", "1", "1.75"]
    assert texts(second) == ["2.6", "1", "7.00"]
    assert texts(total) == ["20.6", "2", "8.75"]

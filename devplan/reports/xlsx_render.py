"""The attachments as a real Excel workbook (XlsxWriter): one sheet per attachment, named "附件N" and its
title (cut to Excel's 31 characters); "附件N" and the title above a header row (and "单位：亿元" where the table has one); numbers as numbers with
their stated decimals, 序号 too; totals as SUM formulas that carry their computed value, so a program that reads
values without calculating (pandas, openpyxl, a web preview) sees the total and not a blank; the header
frozen; A4 landscape, fit to width, the header repeated and "第 N 页 共 M 页" on every printed page;
columns wide enough for their Chinese text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from devplan.reports.content import Attachment, Cell, Num, Row, Table, plain
from devplan.reports.fonts import word_font

HEADER_ROW = 2  # zero-based: "附件N" on row 0, the title on row 1
FIRST_DATA_ROW = HEADER_ROW + 1
MAX_WIDTH = 40
SHEET_TITLE_LIMIT = 31
FOOTER = "&C第 &P 页 共 &N 页"
SERIAL = "序号"


def display_width(text: str) -> float:
    """Excel column width units a text needs: a Chinese character takes about two."""
    return sum(2.1 if ord(char) > 0x2E80 else 1.1 for char in text)


def _value(cell: Cell) -> str | float | int | None:
    if cell is None:
        return None
    if isinstance(cell, Num):
        return int(cell.value) if cell.places == 0 and cell.value == cell.value.to_integral_value() else float(cell.value)
    return cell if isinstance(cell, str) else plain(cell)


def _number_format(places: int) -> str:
    return "0" if places == 0 else "0." + "0" * places


class Formats:
    """The workbook's cell formats, made once (XlsxWriter keeps each format it is given)."""

    def __init__(self, book: Workbook) -> None:
        body, heading, title = word_font("body"), word_font("heading"), word_font("title")
        grid = {"border": 1, "valign": "vcenter", "font_size": 10.5}
        self.text = book.add_format({**grid, "font_name": body, "align": "center", "text_wrap": True})
        self.serial = book.add_format({**grid, "font_name": body, "align": "center", "num_format": "0"})
        self.total_text = book.add_format({**grid, "font_name": heading, "align": "center", "text_wrap": True})
        self.header = book.add_format({**grid, "font_name": heading, "align": "center", "text_wrap": True})
        self.note = book.add_format({**grid, "font_name": body, "align": "left", "text_wrap": True})
        self.mark = book.add_format({"font_name": heading, "font_size": 14})
        self.title = book.add_format({"font_name": title, "font_size": 18, "align": "center", "valign": "vcenter"})
        self.plain = book.add_format({"font_name": body, "font_size": 10.5})
        self.unit = book.add_format({"font_name": body, "font_size": 10.5, "align": "right"})
        self._numbers: dict[tuple[int, bool, str], Any] = {}
        self._book = book

    def number(self, places: int, total: bool, suffix: str = "") -> Any:
        """The format of a number with `places` decimals; `suffix` is text shown after it ("（1—10月）"), so
        the cell stays a number the 合计's SUM adds."""
        key = (places, total, suffix)
        if key not in self._numbers:
            font = word_font("heading") if total else word_font("body")
            shown = _number_format(places) + (f'"{suffix}"' if suffix else "")
            self._numbers[key] = self._book.add_format({"border": 1, "valign": "vcenter", "font_size": 10.5,
                                                        "font_name": font, "align": "right", "num_format": shown})
        return self._numbers[key]


def _write_row(sheet: Worksheet, index: int, row: Row, table: Table, formats: Formats) -> None:
    width = len(table.columns)
    if row.kind == "note":
        sheet.merge_range(index, 0, index, width - 1, "", formats.note)
        sheet.write_string(index, 0, str(_value(row.cells[0]) or ""), formats.note)
        return
    total = row.kind == "total"
    for column, cell in enumerate(row.cells):
        value = _value(cell)
        if table.columns[column].numeric and isinstance(cell, list) and cell and isinstance(cell[0], Num):
            # A number with words after it in a numeric column (its own data month, "0.41（1—10月）"): a
            # number still, the words in its format.
            lead = cell[0]
            suffix = plain(cell[1:])
            sheet.write_number(index, column, _value(lead), formats.number(lead.places, total, suffix))  # type: ignore[arg-type]
        elif isinstance(cell, Num):
            number_format = formats.number(cell.places, total)
            if total:
                top, bottom = xl_rowcol_to_cell(FIRST_DATA_ROW, column), xl_rowcol_to_cell(index - 1, column)
                # The cached value is the sum as the table prints it, so readers that do not calculate agree.
                sheet.write_formula(index, column, f"=SUM({top}:{bottom})", number_format, value)
            else:
                sheet.write_number(index, column, value, number_format)  # type: ignore[arg-type]
        elif value is None:
            sheet.write_blank(index, column, None, formats.total_text if total else formats.text)
        elif table.columns[column].header == SERIAL and str(value).isdigit():
            sheet.write_number(index, column, int(value), formats.serial)  # sorts and filters as a number
        else:
            # Text stays text: a name or note starting with "=" is never a formula.
            sheet.write_string(index, column, str(value), formats.total_text if total else formats.text)


def _widths(sheet: Worksheet, table: Table) -> None:
    for index, column in enumerate(table.columns):
        texts = [table.caption(column)] + [str(_value(row.cells[index]) or "") for row in table.rows
                                           if row.kind != "note"]
        width = max(display_width(text) for text in texts) + 2
        sheet.set_column(index, index, min(max(width, 6), MAX_WIDTH))


def _print_setup(sheet: Worksheet) -> None:
    sheet.set_paper(9)  # A4
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(HEADER_ROW)
    sheet.center_horizontally()
    sheet.set_footer(FOOTER)
    sheet.freeze_panes(FIRST_DATA_ROW, 0)


def _sheet_name(attachment: Attachment) -> str:
    """"附件1 2023年主要指标完成情况及2024年计划", cut to the 31 characters Excel allows."""
    return f"附件{attachment.number} {attachment.table.title}"[:SHEET_TITLE_LIMIT]


def _sheet(book: Workbook, formats: Formats, attachment: Attachment) -> None:
    table = attachment.table
    sheet = book.add_worksheet(_sheet_name(attachment))
    last = len(table.columns) - 1
    sheet.write_string(0, 0, f"附件{attachment.number}", formats.mark)
    if table.unit and table.rows:
        sheet.write_string(0, last, f"单位：{table.unit}", formats.unit)
    sheet.merge_range(1, 0, 1, last, table.title, formats.title)
    if not table.rows:  # why the table is empty, without a header nobody fills
        sheet.write_string(HEADER_ROW, 0, table.note, formats.plain)
        _print_setup(sheet)
        return
    sheet.set_row(1, 32)
    for index, column in enumerate(table.columns):
        sheet.write_string(HEADER_ROW, index, table.caption(column), formats.header)
    for offset, row in enumerate(table.rows):
        _write_row(sheet, FIRST_DATA_ROW + offset, row, table, formats)
    if table.note:
        sheet.write_string(FIRST_DATA_ROW + len(table.rows) + 1, 0, table.note, formats.plain)
    _widths(sheet, table)
    _print_setup(sheet)


def render_xlsx(attachments: list[Attachment], path: Path) -> None:
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    formats = Formats(book)
    for attachment in attachments:
        _sheet(book, formats, attachment)
    book.close()


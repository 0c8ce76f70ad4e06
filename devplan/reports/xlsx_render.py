"""The attachments as a real Excel workbook: one sheet per attachment, named by its title; "附件N" and the
title above a header row with units; numbers as numbers with their stated decimals; totals as SUM formulas
Excel recomputes; the header frozen; A4 landscape with the header repeated on every printed page; columns
wide enough for their Chinese text."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from devplan.reports.content import Attachment, Cell, Num, Row, Table, plain
from devplan.reports.fonts import word_font

HEADER_ROW = 3
FIRST_DATA_ROW = HEADER_ROW + 1
MAX_WIDTH = 40
THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(horizontal="center", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
SHEET_TITLE_LIMIT = 31


def display_width(text: str) -> float:
    """Excel column width units a text needs: a Chinese character takes about two."""
    return sum(2.1 if ord(char) > 0x2E80 else 1.1 for char in text)


def _value(cell: Cell) -> str | float | int | None:
    if cell is None:
        return None
    if isinstance(cell, Num):
        return int(cell.value) if cell.places == 0 and cell.value == cell.value.to_integral_value() else float(cell.value)
    return cell if isinstance(cell, str) else plain(cell)


def _put(target: SheetCell, value: str | float | int | None) -> None:
    """Store a value; text is always text, so a name or note that starts with "=" is never a formula."""
    target.value = value
    if isinstance(value, str):
        target.data_type = "s"


def _number_format(places: int) -> str:
    return "0" if places == 0 else "0." + "0" * places


def _write_row(sheet: Worksheet, index: int, row: Row, table: Table, fonts: dict[bool, Font]) -> None:
    """One table row; `fonts` maps "bold" to the body font (shared objects: openpyxl is slow to make them)."""
    if row.kind == "note":
        _put(sheet.cell(index, 1), _value(row.cells[0]))
        sheet.merge_cells(start_row=index, start_column=1, end_row=index, end_column=len(table.columns))
    for column, cell in enumerate(row.cells, 1):
        target = sheet.cell(index, column)
        if row.kind != "note":
            _put(target, _value(cell))
        if row.kind == "total" and isinstance(cell, Num):
            letter = get_column_letter(column)
            target.value = f"=SUM({letter}{FIRST_DATA_ROW}:{letter}{index - 1})"
        if isinstance(cell, Num):
            target.number_format = _number_format(cell.places)
            target.alignment = RIGHT
        else:
            target.alignment = WRAP
        target.border = GRID
        target.font = fonts[row.kind == "total"]


def _widths(sheet: Worksheet, table: Table) -> None:
    for column_index, column in enumerate(table.columns, 1):
        texts = [column.caption] + [str(_value(row.cells[column_index - 1]) or "") for row in table.rows
                                     if row.kind != "note"]
        width = max(display_width(text) for text in texts) + 2
        sheet.column_dimensions[get_column_letter(column_index)].width = min(max(width, 6), MAX_WIDTH)


def _print_setup(sheet: Worksheet) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_options.horizontalCentered = True
    sheet.freeze_panes = sheet.cell(FIRST_DATA_ROW, 1)


def _sheet(workbook: Workbook, attachment: Attachment) -> None:
    table = attachment.table
    sheet = workbook.create_sheet(table.title[:SHEET_TITLE_LIMIT])
    body_font = Font(name=word_font("body"), size=10.5)
    fonts = {False: body_font, True: Font(name=body_font.name, size=body_font.size, bold=True)}
    sheet.cell(1, 1, f"附件{attachment.number}").font = Font(name=word_font("heading"), size=14)
    title = sheet.cell(2, 1, table.title)
    title.font = Font(name=word_font("title"), size=18)
    title.alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(table.columns))
    sheet.row_dimensions[2].height = 32
    for index, column in enumerate(table.columns, 1):
        header = sheet.cell(HEADER_ROW, index, column.caption)
        header.font = Font(name=word_font("heading"), size=10.5)
        header.alignment = WRAP
        header.border = GRID
    for offset, row in enumerate(table.rows):
        _write_row(sheet, FIRST_DATA_ROW + offset, row, table, fonts)
    if table.note:
        sheet.cell(FIRST_DATA_ROW + len(table.rows) + 1, 1, table.note).font = body_font
    _widths(sheet, table)
    _print_setup(sheet)


def render_xlsx(attachments: list[Attachment], path: Path) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for attachment in attachments:
        _sheet(workbook, attachment)
    workbook.save(str(path))

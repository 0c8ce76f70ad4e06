"""One data sheet of a template: a locked header row, read-only key columns, input cells with drop-downs
and validation, and reading it back cell by cell. Formulas are never evaluated: a formula is a problem."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from devplan.collection.excel.problems import Problem
from devplan.recording import parse
from devplan.recording.rules import Broken

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
# The number inputs are Text cells: Excel keeps "9.0" as typed, where a General cell stores 9 and the figure
# would print "增长9%". The door reads text numbers like any other (`recording.parse.number`).
NUMBER_KINDS = {"number", "signed", "estimate"}
TEXT_FORMAT = "@"


@dataclass(frozen=True)
class Column:
    """`kind`: key and readonly (written by devplan, locked), number (≥ 0), signed, estimate (a number
    or "清除") — the three Text cells, checked by the door —, month, date, choice, text."""

    key: str
    header: str
    kind: str
    width: int = 14
    choices: tuple[str, ...] = ()

    @property
    def is_input(self) -> bool:
        return self.kind not in {"key", "readonly"}


def _validation(column: Column, max_month: int) -> DataValidation | None:
    # No decimal validation on the number inputs: Excel holds what is typed in a Text cell as text, which a
    # decimal rule refuses; the door checks the numbers and names the cell.
    common = {"showErrorMessage": True, "errorTitle": "输入有误", "allow_blank": True}
    if column.kind == "month":
        return DataValidation(type="whole", operator="between", formula1="1", formula2=str(max_month),
                              error=f"请填写 1 到 {max_month} 之间的月份", **common)
    if column.kind == "date":
        return DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2100,12,31)",
                              error="请填写日期，如 2024-03-15", **common)
    if column.kind == "choice":
        return DataValidation(type="list", formula1='"' + ",".join(column.choices) + '"',
                              error="请从下拉列表中选择", **common)
    return None


def write_form(
    workbook: Workbook, title: str, columns: list[Column], rows: list[dict[str, Any]], max_month: int,
    new_sheet: bool = False,
) -> Worksheet:
    """The form as the workbook's first sheet, or as a sheet added after the others (`new_sheet`)."""
    sheet = workbook.create_sheet() if new_sheet else workbook.active
    assert sheet is not None
    sheet.title = title
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
        last = len(rows) + 1
        validation = _validation(column, max_month)
        if validation is not None and rows:
            sheet.add_data_validation(validation)
            validation.add(f"{get_column_letter(index)}2:{get_column_letter(index)}{last}")
        for offset, row in enumerate(rows, start=2):
            cell = sheet.cell(row=offset, column=index, value=row.get(column.key))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # names and texts are never formulas, whatever they start with
            if column.is_input:
                cell.protection, cell.fill = Protection(locked=False), INPUT_FILL
            if column.kind == "date":
                cell.number_format = "yyyy-mm-dd"
            elif column.kind in NUMBER_KINDS:
                cell.number_format = TEXT_FORMAT
    sheet.freeze_panes = "C2"
    sheet.protection.enable()
    return sheet


def write_instructions(workbook: Workbook, lines: list[str]) -> None:
    sheet = workbook.create_sheet("填报说明")
    sheet.column_dimensions["A"].width = 110
    for row, line in enumerate(lines, start=1):
        sheet.cell(row=row, column=1, value=line).alignment = Alignment(wrap_text=True)
    sheet.protection.enable()


class RowReader:
    """Reads the cells of one row by column, as written: only what makes a cell unreadable is a problem here
    (a formula, a merged cell, a percentage format, a month outside the template). The values themselves are
    checked by the one table of rules when the rows are written (`devplan.recording`), like every door's."""

    def __init__(self, sheet: Worksheet, row: int, columns: list[Column], max_month: int, problems: list[Problem]):
        self.sheet, self.row, self.columns, self.max_month, self.problems = sheet, row, columns, max_month, problems

    def index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns, start=1) if c.key == key)

    def location(self, key: str) -> tuple[str, str]:
        """The column letter and header of the field `key`."""
        index = self.index(key)
        return get_column_letter(index), self.columns[index - 1].header

    def problem(self, key: str, message: str) -> None:
        letter, header = self.location(key)
        self.problems.append(Problem(self.sheet.title, self.row, letter, header, message))

    def cell(self, key: str) -> Cell:
        return self.sheet.cell(row=self.row, column=self.index(key))  # type: ignore[return-value]

    def is_blank(self) -> bool:
        return all(self.cell(c.key).value in (None, "") for c in self.columns if c.is_input or c.kind == "key")

    def read(self) -> dict[str, Any]:
        """The row's input values by column key, as the cells hold them; a cell with a problem is left out."""
        values: dict[str, Any] = {}
        for column in self.columns:
            if not (column.is_input or column.kind == "key"):
                continue
            cell = self.cell(column.key)
            raw = cell.value.strip() if isinstance(cell.value, str) else cell.value
            if cell.data_type == "f":  # a text that merely starts like one is the rules' (`text_safe`) to judge
                self.problem(column.key, "单元格含公式；系统不执行公式，请直接填写数值或文字")
            elif cell.coordinate in self.sheet.merged_cells:
                self.problem(column.key, "单元格被合并，无法确定属于哪一行：请取消合并，逐行填写")
            elif isinstance(raw, (int, float)) and not isinstance(raw, bool) and "%" in cell.number_format:
                self.problem(column.key, f"单元格是百分比格式（显示的百分数存为 {raw}）：请设为常规格式，直接填写数字，如 7.9")
            elif column.kind == "month":
                month = self._month(column, raw)
                if month is not None or raw in (None, ""):  # a bad month has its problem already: no second one
                    values[column.key] = month
            else:
                values[column.key] = None if raw == "" else raw
        return values

    def _month(self, column: Column, raw: Any) -> int | None:
        if raw in (None, ""):
            return None
        try:
            found = parse.number(raw, column.key, column.header)
        except Broken:
            found = None
        number = None if found is None else found.value
        if number is None or number != number.to_integral_value() or not 1 <= number <= self.max_month:
            self.problem(column.key, f"截至月份应为 1 到 {self.max_month} 之间的整数，而不是“{raw}”")
            return None
        return int(number)


def header_problems(sheet: Worksheet, columns: list[Column]) -> list[Problem]:
    problems = []
    for index, column in enumerate(columns, start=1):
        found = sheet.cell(row=1, column=index).value
        if found != column.header:
            problems.append(Problem(sheet.title, 1, get_column_letter(index), "表头",
                                    f"表头应为“{column.header}”，而不是“{found or ''}”：请勿改动表头，或重新下载模板"))
    return problems

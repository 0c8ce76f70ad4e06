"""attachments.xlsx: one real sheet per attachment, with units, formats, formulas and print set-up."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from devplan.reports.content import Attachment, Column, Num, Row, Table
from devplan.reports.xlsx_render import render_xlsx

from .test_report_docx import ATTACHMENT_TITLES


@pytest.mark.django_db
def test_workbook_has_the_eight_attachments_as_sheets(generated) -> None:  # type: ignore[no-untyped-def]
    workbook = load_workbook(generated.path("attachments.xlsx"))
    names = [f"附件{number} {title}"[:31] for number, title in enumerate(ATTACHMENT_TITLES, 1)]
    assert workbook.sheetnames == names
    first = workbook[names[0]]
    assert first["A1"].value == "附件1" and first["A2"].value == ATTACHMENT_TITLES[0]
    headers = [cell.value for cell in first[3]]
    assert "累计增长（%）" in headers
    gdp = next(row for row in first.iter_rows(min_row=4, values_only=True) if row[1] == "地区生产总值")
    assert gdp[0] == 1 and gdp[5] == pytest.approx(428.3) and gdp[9] == pytest.approx(97.2)  # 序号 a number, not text
    assert first.freeze_panes == "A4"
    assert first.page_setup.orientation == "landscape" and int(first.page_setup.paperSize) == 9
    assert first.print_title_rows == "$3:$3"
    values = load_workbook(generated.path("attachments.xlsx"), data_only=True)
    for name in names[1:]:
        sheet = values[name]
        total = next(row for row in sheet.iter_rows(min_row=4, values_only=True) if row[1] == "合计")
        assert all(value is not None for value in total[4:6])  # every total has its value cached


def test_totals_are_formulas_and_numbers_keep_their_decimals(tmp_path: Path) -> None:
    def money(value: str) -> Num:
        return Num(value, Decimal(value), 2)

    rows = [Row(["1", "甲项目", money("1.50")]), Row(["2", "乙项目", money("2.25")]),
            Row(["合计", None, money("3.75")], kind="total")]
    table = Table("测试表", [Column("序号"), Column("项目名称", width=30), Column("总投资", "亿元", numeric=True)], rows)
    render_xlsx([Attachment(2, table)], tmp_path / "a.xlsx")
    sheet = load_workbook(tmp_path / "a.xlsx")["附件2 测试表"]
    assert sheet["A4"].value == 1 and sheet["A4"].data_type == "n"
    assert sheet["C3"].value == "总投资（亿元）"
    assert sheet["C4"].value == 1.5 and sheet["C4"].number_format == "0.00"
    assert sheet["C6"].value == "=SUM(C4:C5)"
    # The formula carries its value, for readers that do not calculate.
    assert load_workbook(tmp_path / "a.xlsx", data_only=True)["附件2 测试表"]["C6"].value == 3.75
    assert sheet.column_dimensions["B"].width >= 10
    assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    dde = "=cmd|' /C calc'!A0"
    rows = [Row(["1", dde, Num("1.5", Decimal("1.5"), 1)]), Row([f"注：{dde}"], kind="note")]
    table = Table("测试表", [Column("序号"), Column("项目名称"), Column("总投资", "亿元", numeric=True)], rows)
    render_xlsx([Attachment(2, table)], tmp_path / "a.xlsx")
    sheet = load_workbook(tmp_path / "a.xlsx")["附件2 测试表"]
    assert sheet["B4"].value == dde and sheet["B4"].data_type == "s"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)

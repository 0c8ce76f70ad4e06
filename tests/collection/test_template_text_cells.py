"""The figures template's number inputs are Text cells, so "9.0" typed in Excel stays 9.0 (issue 16 trial #5:
General cells stored 9 and the report printed "增长9%"); numbers pasted as numbers still import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from devplan.collection.excel import workbook as excel
from devplan.collection.excel.figures_form import INSTRUCTIONS
from devplan.collection.excel.workbook import build_template
from devplan.indicators.models import Figure
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from tests.collection.test_excel_round_trip import column

SHEET = "指标月度数据"
HEADERS = ("1至本月累计值", "同比增长（%）", "全年预计值", "全年预计增长（%）")


def _row(sheet: Any, code: str) -> int:
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == code)


def _send(demo: Any, path: Path, values: dict[str, Any]) -> Figure:
    build_template("figures", demo, "统计局", 2023, 11).save(path)
    workbook = load_workbook(path)
    sheet = workbook[SHEET]
    row = _row(sheet, "retail_sales")
    for header, value in values.items():
        sheet[f"{column(sheet, header)}{row}"].value = value
    workbook.save(path)
    excel.import_workbook(path, Actor.of_operator(Door.CLI_EXCEL, "测试员"))
    figure = Figure.objects.filter(region=demo, indicator__code="retail_sales", year=2023, month=11).order_by(
        "-revision").first()
    assert figure is not None
    return figure


def test_the_number_inputs_are_text_cells_and_keep_the_typed_places(demo: Any, tmp_path: Path) -> None:
    sheet = build_template("figures", demo, "统计局", 2023, 11)[SHEET]
    row = _row(sheet, "retail_sales")
    assert all(sheet[f"{column(sheet, header)}{row}"].number_format == "@" for header in HEADERS)
    assert any("文本格式" in line and "9.0" in line for line in INSTRUCTIONS)
    typed = dict(zip(HEADERS, ("152.0", "9.0", "165.0", "9.0"), strict=True))
    figure = _send(demo, tmp_path / "text.xlsx", typed)
    assert [figure.stated(key) for key in ("value", "growth_pct", "estimate_value", "estimate_growth_pct")] == [
        "152.0", "9.0", "165.0", "9.0"]


def test_numbers_entered_as_numbers_still_import(demo: Any, tmp_path: Path) -> None:
    figure = _send(demo, tmp_path / "numbers.xlsx", {"1至本月累计值": 152.6, "同比增长（%）": 8.8})
    assert figure.stated("value") == "152.6" and figure.stated("growth_pct") == "8.8"

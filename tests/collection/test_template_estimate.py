"""The figures template opens with the year's last full-year estimate where the month has none of its own,
as the web form does (issue 16 trial: the template had no estimate, so 1—11月 figures entered in Excel were
judged on 累计÷年目标); December opens without one, and a template sent back as it opened reports nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from devplan.collection.excel import workbook as excel
from devplan.collection.excel.workbook import build_template
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from tests.collection.test_excel_round_trip import column

SHEET = "指标月度数据"


def _estimate_cell(workbook: Any, code: str) -> Any:
    sheet = workbook[SHEET]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == code)
    return sheet[f"{column(sheet, '全年预计值')}{row}"].value


def test_the_template_opens_with_the_years_last_estimate_but_not_in_december(demo: Any) -> None:
    assert str(_estimate_cell(build_template("figures", demo, "财政局", 2023, 11), "fiscal_revenue")) == "16.34"
    assert _estimate_cell(build_template("figures", demo, "财政局", 2023, 12), "fiscal_revenue") is None


def test_a_template_sent_back_as_it_opened_reports_nothing(demo: Any, tmp_path: Path) -> None:
    path = tmp_path / "figures.xlsx"
    build_template("figures", demo, "财政局", 2023, 11).save(path)
    load_workbook(path).save(path)  # opened and saved, nothing typed
    result = excel.import_workbook(path, Actor.of_operator(Door.CLI_EXCEL, "测试员"))
    assert result.rows == 0

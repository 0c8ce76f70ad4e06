"""A figures template of an off month leaves out the quarterly indicators (the web form asks none; issue 16
re-trial: GDP was listed in 2024-01 and filling it was refused), and a template whose signature cannot be
verified says the likely cause: the command line run without the server's DEVPLAN_SECRET_KEY."""

from __future__ import annotations

from typing import Any

from devplan.collection.excel.meta import META_SHEET, read_meta
from devplan.collection.excel.workbook import build_template


def _codes(workbook: Any) -> set[str]:
    sheet = workbook["指标月度数据"]
    return {str(sheet.cell(row=r, column=1).value) for r in range(2, sheet.max_row + 1)}


def test_an_off_month_template_leaves_out_the_quarterly_indicators(demo: Any) -> None:
    assert "gdp" not in _codes(build_template("figures", demo, "统计局", 2024, 1))
    assert "gdp" in _codes(build_template("figures", demo, "统计局", 2024, 3))


def test_an_unverifiable_signature_names_the_secret_key(demo: Any) -> None:
    workbook = build_template("figures", demo, "统计局", 2023, 11)
    sheet = workbook[META_SHEET]
    for row in range(1, 8):
        if sheet.cell(row=row, column=1).value == "signature":
            sheet.cell(row=row, column=2, value="signed-by-another-key")
    problem = read_meta(workbook)
    assert "DEVPLAN_SECRET_KEY" in problem.message and "另一套安装" in problem.message  # type: ignore[union-attr]

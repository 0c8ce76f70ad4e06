"""The figures template opens with the year's last full-year estimate where the month has none of its own,
as the web form does (issue 16 trial: the template had no estimate, so 1—11月 figures entered in Excel were
judged on 累计÷年目标); December opens without one, and a template sent back as it opened reports nothing."""

from __future__ import annotations

from decimal import Decimal
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


def _send(demo: Any, path: Path, **cells: Any) -> None:
    workbook = build_template("figures", demo, "财政局", 2023, 11)
    sheet = workbook[SHEET]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == "fiscal_revenue")
    for header, value in cells.items():
        sheet[f"{column(sheet, header)}{row}"].value = value
    workbook.save(path)
    excel.import_workbook(path, Actor.of_operator(Door.CLI_EXCEL, "测试员"))


def test_an_empty_estimate_cell_keeps_the_recorded_estimate_and_qingchu_clears_it(demo: Any, tmp_path: Path) -> None:
    """Issue 16 trial: a correction sent with the estimate cells emptied erased the recorded estimate (8.0 → —)
    while the API keeps it for an omitted key. An empty cell keeps it; "清除" clears it."""
    from datetime import UTC, datetime

    from devplan.indicators.models import Figure, Indicator
    from tests.writing import Provenance, record_figure

    fiscal = Indicator.objects.get(code="fiscal_revenue")
    record_figure(demo, fiscal, 2023, 11, Provenance(known_at=datetime(2023, 12, 20, tzinfo=UTC)),
                  value="12.61", growth_pct="9.0", estimate_value="16.50")
    _send(demo, tmp_path / "keep.xlsx", **{"1至本月累计值": 12.7, "全年预计值": None, "全年预计增长（%）": None})
    latest = Figure.objects.filter(region=demo, indicator=fiscal, year=2023, month=11).order_by("-revision").first()
    assert latest is not None and latest.value == Decimal("12.7") and latest.stated("estimate_value") == "16.50"
    _send(demo, tmp_path / "clear.xlsx", **{"全年预计值": "清除"})
    latest = Figure.objects.filter(region=demo, indicator=fiscal, year=2023, month=11).order_by("-revision").first()
    assert latest is not None and latest.value == Decimal("12.7") and latest.estimate_value is None


def test_a_month_reported_without_an_estimate_does_not_lend_an_older_one_to_the_next(demo: Any) -> None:
    """Issue 16 trial: February sent without an estimate was judged on 累计÷年目标, yet March's form offered
    January's estimate: the year's last estimate is the latest month's, or none."""
    from datetime import UTC, datetime

    from devplan.indicators.models import Indicator
    from devplan.recording.carry import last_estimate
    from tests.writing import Provenance, record_figure

    fai = Indicator.objects.get(code="fai")
    record_figure(demo, fai, 2024, 1, Provenance(known_at=datetime(2024, 2, 10, tzinfo=UTC)), value="12.0",
                  growth_pct="8.0", estimate_growth_pct="8.5")
    assert last_estimate(demo, fai, 2024, 2) is not None
    record_figure(demo, fai, 2024, 2, Provenance(known_at=datetime(2024, 3, 10, tzinfo=UTC)), value="25.1",
                  growth_pct="6.3")
    assert last_estimate(demo, fai, 2024, 3) is None

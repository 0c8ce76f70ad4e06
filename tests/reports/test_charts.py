"""The report's charts: key projects' completion against time progress month by month, project investment by
category (both marked when their data are illustrative), the monthly growth trend only where an indicator
has two months or more; every label reads clear of lines, legends and other labels."""

from __future__ import annotations

from decimal import Decimal

import pytest

from devplan.indicators.models import Figure
from devplan.reports.content import Chart, Num
from devplan.reports.execution import build_report
from tests.writing import Provenance, record_figure

pytestmark = pytest.mark.django_db


def _charts(document) -> list[Chart]:  # type: ignore[no-untyped-def]
    return [block for block in document.blocks if isinstance(block, Chart)]


def test_demo_has_progress_and_investment_charts_and_no_trend(generated) -> None:  # type: ignore[no-untyped-def]
    captions = [chart.caption for chart in _charts(generated.document)]
    assert captions == ["图1 2023年重点项目投资完成进度（%）（含示意数据）",
                        "图2 2023年重点项目分类投资完成情况（亿元）（含示意数据）"]


def test_progress_chart_runs_month_by_month_to_the_attachment_totals(generated) -> None:  # type: ignore[no-untyped-def]
    chart = _charts(generated.document)[0]
    assert chart.labels == [f"{month}月" for month in range(1, 11)]
    assert chart.data["序时进度"][-1] == Decimal("83.3")
    progress = [a.table for a in generated.document.attachments[1:5]]
    planned = sum(t.rows[-1].cells[5].value for t in progress)  # type: ignore[union-attr]
    completed = sum(t.rows[-1].cells[6].value for t in progress)  # type: ignore[union-attr]
    assert completed == Decimal("234.5")  # the seed's 1-10月 total
    assert chart.data["完成年计划投资"][-1] == round(completed / planned * 100, 1)
    values = chart.data["完成年计划投资"]
    assert values == sorted(values)  # cumulative


def test_labels_never_sit_on_lines_legends_or_each_other(demo) -> None:  # type: ignore[no-untyped-def]
    from devplan.reports import charts
    from devplan.reports.projects import monthly_totals

    progress = [a.table for a in build_report(demo, 2023).attachments[1:5]]
    drawn = [charts.draw_progress(monthly_totals(demo, 2023), 2023),
             charts.draw_investment(progress, charts_categories(), 2023)]
    for figure in drawn:
        assert figure is not None
        figure.chart()  # rendered to PNG, so every text has its place
        assert charts.collisions(figure.figure) == []


def charts_categories() -> tuple[str, ...]:
    from devplan.reports.attachments import PROJECT_CATEGORIES

    return PROJECT_CATEGORIES


def test_investment_chart_draws_the_attachment_totals(generated) -> None:  # type: ignore[no-untyped-def]
    chart = _charts(generated.document)[1]
    progress = [a.table for a in generated.document.attachments[1:5] if a.table.rows[-1].kind == "total"]
    totals = [[cell.value for cell in t.rows[-1].cells[5:7] if isinstance(cell, Num)] for t in progress]
    assert [list(pair) for pair in zip(*chart.data.values(), strict=True)] == totals
    assert chart.labels == [t.title.removeprefix("2023年").removesuffix("进展情况表") for t in progress]
    assert chart.png.startswith(b"\x89PNG")


def test_two_months_of_figures_make_a_trend_chart(demo) -> None:  # type: ignore[no-untyped-def]
    september = Figure.objects.filter(indicator__code="gdp", year=2023, month=9).latest("revision")
    for month, growth in ((3, "1.5"), (6, "1.9")):
        record_figure(demo, september.indicator, 2023, month, Provenance(reason="月度数据", known_at=september.known_at),
                      value=Decimal(40 * month), growth_pct=Decimal(growth))  # below 1—9月 428.3: cumulative
    charts = _charts(build_report(demo, 2023))
    trend = next(chart for chart in charts if "月度走势" in chart.caption)
    assert trend.caption == "图1 2023年主要指标累计增长月度走势（%）"
    assert trend.labels == ["1—3月", "1—6月", "1—9月"]
    assert trend.data == {"地区生产总值": [Decimal("1.5"), Decimal("1.9"), Decimal("2.2")]}
    assert [chart.caption[:2] for chart in charts] == ["图1", "图2", "图3"]

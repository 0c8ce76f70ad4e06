"""A new revision of a figure changes that number wherever the report shows it, and nothing else."""

from __future__ import annotations

from decimal import Decimal

from devplan.indicators.models import Figure
from devplan.reports.content import Chart, DashList, Document, plain
from devplan.reports.execution import build_report
from devplan.reports.html_render import block_html
from tests.writing import Provenance, record_figure


def _texts(document: Document) -> list[str]:
    return [block_html(block) if not isinstance(block, Chart) else str(block.data) for block in document.blocks]


def _revise_gdp_estimate(value: str) -> Figure:
    old = Figure.objects.filter(indicator__code="gdp", year=2023, month=9).order_by("-revision").first()
    assert old is not None
    fields = {name: Decimal(str(old.stated(name))) for name in ("value", "growth_pct", "stated_completion_pct")}
    return record_figure(old.region, old.indicator, 2023, 9, Provenance(reason="统计局核定全年预计", known_at=old.known_at),
                         **fields, estimate_value=Decimal(value), estimate_status="预计")


def test_new_revision_changes_paragraph_table_and_chart_only(demo) -> None:  # type: ignore[no-untyped-def]
    before = build_report(demo, 2023)
    revised = _revise_gdp_estimate("605")
    after = build_report(demo, 2023)
    changed = [i for i, (a, b) in enumerate(zip(_texts(before), _texts(after), strict=True)) if a != b]
    kinds = [type(after.blocks[i]).__name__ for i in changed]
    # The charts show key projects against time progress, which a GDP estimate does not touch.
    assert kinds == ["DashList", "Attachment"]
    items = next(b for b in after.blocks if isinstance(b, DashList)).items
    gdp = plain(items[0])
    assert "全年预计完成605亿元，完成年计划的98.1%" in gdp
    assert [plain(i) for i in items[1:]] == [plain(i) for i in next(
        b for b in before.blocks if isinstance(b, DashList)).items[1:]]
    row = after.attachments[0].table.rows[0].cells
    assert [row[7], row[9]] == [n for n in after.numbers() if n.text in ("605", "98.1")][2:]
    record = f"figure:430381/gdp/{revised.year}-{revised.month:02d}:r{revised.revision}"
    assert {n.text for n in after.numbers() if n.ref and n.ref.record == record} == {"428.3", "2.2", "605", "98.1"}

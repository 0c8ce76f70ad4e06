"""The indicator page: targets, the monthly chart, every revision with who, why, old and new value."""

from __future__ import annotations

from decimal import Decimal

from devplan.indicators.models import Indicator
from tests.writing import Provenance, record_figure


def test_indicator_page_shows_targets_revisions_and_the_source_sentence(personas):
    gdp = Indicator.objects.get(code="gdp")
    record_figure(personas.region, gdp, 2023, 9, Provenance(reason="统计局最终核实", by=personas.planner),
                  value=Decimal("430.1"), growth_pct=Decimal("2.3"))
    page = personas.client("owner").get("/indicator/430381/gdp/2023/").content.decode()
    assert "原目标（第1版）" in page and "617亿元以上" in page
    assert "统计局最终核实" in page and "planner" in page
    assert "第2次" in page and "428.3" in page and "430.1" in page
    assert "1—9月完成428.3亿元" in page  # the source sentence
    assert 'id="series-data"' in page


def test_an_adjusted_target_is_marked(personas):
    page = personas.client("planner").get("/indicator/430381/fiscal_revenue/2023/").content.decode()
    assert "调整后（第1版）" in page


def test_an_unknown_indicator_is_404_in_chinese(personas):
    page = personas.client("planner").get("/indicator/430381/nothing/2023/")
    assert page.status_code == 404
    assert "没有代码为“nothing”的指标" in page.content.decode()


def test_the_revision_history_shows_the_full_year_estimate(personas):
    """Issue 16 trial: a revision that only changed the estimate read as nothing in the history."""
    fai = Indicator.objects.get(code="fai")
    record_figure(personas.region, fai, 2023, 11, Provenance(reason="统计局更正", by=personas.planner),
                  value=Decimal("188.2"), growth_pct=Decimal("7.8"), estimate_growth_pct="8.0")
    record_figure(personas.region, fai, 2023, 11, Provenance(reason="预计调整", by=personas.planner),
                  value=Decimal("188.2"), growth_pct=Decimal("7.8"), estimate_growth_pct="8.5")
    page = personas.client("owner").get("/indicator/430381/fai/2023/").content.decode()
    assert "<th class=\"num\">全年预计</th>" in page and "增长8.0% → 增长8.5%" in page


def test_the_month_is_read_in_ascii_digits_as_every_door_reads_it(personas):
    """Issue 16 re-trial (t16b): ?month=１１ (full-width) was taken for 11 here, while /api/status and the
    commands refuse it."""
    client = personas.client("planner")
    assert client.get("/indicator/430381/gdp/2023/", {"month": "11"}).status_code == 200
    for month in ("１１", "٣", "+9", " 9"):
        assert client.get("/indicator/430381/gdp/2023/", {"month": month}).status_code == 404, month

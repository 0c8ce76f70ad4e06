"""The dashboard: cards with lights, completion against time progress, ranking, missing reports."""

from __future__ import annotations

import json
import re

DASHBOARD = "/dashboard/430381/2023/10/"


def test_dashboard_shows_each_main_indicator_with_its_light_and_target(personas):
    page = personas.client("planner").get(DASHBOARD).content.decode()
    assert page.count('<article class="card') == 5
    assert 'class="card light-yellow"' in page and "地区生产总值" in page
    assert "617亿元以上" in page and "16.34亿元（调整后）" in page
    assert "97.2%" in page


def test_dashboard_chart_data_is_passed_as_json_without_inline_script(personas):
    page = personas.client("planner").get(DASHBOARD).content.decode()
    opening = '<script id="progress-data" type="application/json">'
    start = page.index(opening) + len(opening)
    data = json.loads(page[start:page.index("</script>", start)])
    assert data["names"][0] == "地区生产总值" and data["completion"][0] == 97.2
    assert re.findall(r"<script(?![^>]*(?:src=|application/json))", page) == []


def test_dashboard_lists_the_reports_missing_this_month_and_the_stated_rank(personas):
    page = personas.client("planner").get(DASHBOARD).content.decode()
    assert "本月尚未报送" in page and "报送率" in page
    assert "材料所述（湘潭市排名）" in page


def test_a_department_sees_other_indicators_on_the_dashboard_without_links(personas):
    page = personas.client("other").get(DASHBOARD).content.decode()
    assert "/indicator/430381/fiscal_revenue/2023/" in page
    assert "/indicator/430381/gdp/2023/" not in page


def test_the_dashboard_ranks_against_peers_when_they_have_figures(personas):
    from decimal import Decimal

    from devplan.indicators.models import Indicator
    from tests.writing import Provenance, record_figure

    retail = Indicator.objects.get(code="retail_sales")
    for peer, growth in zip(personas.region.peers()[:2], ("12.0", "5.0"), strict=True):
        record_figure(peer, retail, 2023, 10, Provenance(by_name="test"), value=Decimal(100), growth_pct=Decimal(growth))
    page = personas.client("planner").get(DASHBOARD).content.decode()
    assert "第2/3" in page and "按1—10月同比增速" in page

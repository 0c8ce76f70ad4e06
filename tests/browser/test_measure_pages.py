"""Acceptance: 争资争项, 招商引资 and 主要任务 have pages in the navigation and a panel on the dashboard; figures
written through the one door — and a planner's entry on the page — show there, the pipelines and the tasks drawn by ECharts."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from devplan.regions.models import Region
from devplan.tasks.models import Task
from tests.browser.conftest import OUTPUT, open_as
from tests.writing import Provenance, record_attraction_figure, record_fund_figure, record_task_progress

pytestmark = pytest.mark.browser
REGION = "430381"


def test_the_three_pages_show_what_was_written(browser, demo_site):
    server = demo_site
    region = Region.objects.get(code=REGION)
    funds, trade = Provenance(by_name="发改局"), Provenance(by_name="商务局")
    for stage, value, count in (("planned", "12", 9), ("applied", "8.5", 6), ("approved", "5.2", 4), ("arrived", "3.1", 3)):
        record_fund_figure(region, 2024, 6, "central_budget", funds, stage=stage, value=D(value), count=count)
    record_fund_figure(region, 2024, 6, "ultra_long_bonds", funds, stage="applied", value=D("4"), count=2)
    for chain, stage, count, contract, arrived in (("新材料", "negotiating", 7, "40", None), ("新材料", "signed", 5, "30", "8"),
                                                   ("食品加工", "started", 2, "6", "2.5")):
        record_attraction_figure(region, 2024, 6, "domestic_capital", trade, stage=stage, chain=chain, count=count,
                                 total=D(contract), **({"value": D(arrived)} if arrived else {}))
    record_task_progress(Task.objects.get(code="rural_dangerous_houses"), 6, D("30"), Provenance(by_name="住建局"))

    page = open_as(browser, server, "planner", viewport={"width": 1366, "height": 900})
    page.goto(f"{server.url}/dashboard/{REGION}/2024/6/")
    nav = page.locator("header nav").inner_text()
    assert all(name in nav for name in ("争资争项", "招商引资", "主要任务"))
    panel = page.locator("section.panel", has_text="争资争项 · 招商引资 · 主要任务")
    assert "主要任务" in panel.inner_text()
    assert "各环节数据5条" in panel.inner_text()
    panel.locator("h2").evaluate("heading => heading.scrollIntoView()")
    page.screenshot(path=str(OUTPUT / "measures-dashboard.png"))

    page.goto(f"{server.url}/funds/{REGION}/2024/")
    page.wait_for_selector("#pipeline-chart svg")
    table = page.locator("table.data").first.inner_text()
    assert "中央预算内投资" in table and "8.5（6个）" in table and "3.1（3个）" in table
    page.select_option("select[name=month]", "6")
    page.select_option("select[name=measure]", "central_budget")
    page.fill("input[name=value]", "3.1")
    page.fill("input[name=note]", "含两个项目")
    page.click("#entry-title ~ form button[type=submit]")
    assert "新增 1 个正式修订" in page.locator(".messages").inner_text()
    won = page.locator("table.data").nth(1).locator("tr", has_text="中央预算内投资").inner_text()
    assert "3.1亿元" in won and "2024-06" in won
    page.wait_for_selector("#pipeline-chart svg")
    page.screenshot(path=str(OUTPUT / "measures-funds.png"), full_page=True)

    page.goto(f"{server.url}/attraction/{REGION}/2024/")
    page.wait_for_selector("#pipeline-chart svg")
    table = page.locator("table.data").first.inner_text()
    assert "新材料 · 利用内资（省外境内）" in table and "5 / 30 / 8" in table
    page.screenshot(path=str(OUTPUT / "measures-attraction.png"), full_page=True)

    page.goto(f"{server.url}/tasks/{REGION}/2024/")
    page.wait_for_selector("#tasks-chart svg")
    housing = page.locator("tr", has_text="农村危房改造").first.inner_text()
    assert "25%" in housing
    page.screenshot(path=str(OUTPUT / "measures-tasks.png"), full_page=True)
    assert page.console_errors == []

    department = open_as(browser, server, "tongji")
    department.goto(f"{server.url}/tasks/{REGION}/2024/")
    assert department.locator("#entry-title").count() == 0

"""Acceptance: a department enters its 争资争项 and 招商引资 figures on the pages; they wait apart from the
official ones until the planner approves them on 审核, and then show on the pages."""

from __future__ import annotations

import pytest

from devplan.accounts.models import Role
from devplan.accounts.services import add_user
from devplan.regions.models import Region
from tests.browser.conftest import OUTPUT, PASSWORD, open_as

pytestmark = pytest.mark.browser
REGION = "430381"


def _enter(page, url: str, measure: str, value: str, stage: str = "", chain: str = "") -> str:
    page.goto(url)
    page.select_option("select[name=month]", "6")
    page.select_option("select[name=measure]", measure)
    if stage:
        page.select_option("select[name=stage]", stage)
    if chain:
        page.fill("input[name=chain]", chain)
    page.fill("input[name=value]", value)
    page.click("#entry-title ~ form button[type=submit]")
    return page.locator(".messages").inner_text()


def test_departments_enter_funds_and_attraction_and_the_planner_approves(browser, demo_site):
    server = demo_site
    add_user("shangwu", Role.DEPARTMENT, PASSWORD, Region.objects.get(code=REGION), department="商务局")
    funds, attraction = f"{server.url}/funds/{REGION}/2024/", f"{server.url}/attraction/{REGION}/2024/"

    finance = open_as(browser, server, "caizheng", viewport={"width": 1366, "height": 900})
    assert "等待发改局审核" in _enter(finance, funds, "special_bonds", "2.15")
    assert "central_budget" not in finance.locator("select[name=measure]").inner_html()  # 发改局's, not listed
    waiting = finance.locator("section", has_text="尚未成为正式数据的填报").inner_text()
    assert "专项债券" in waiting and "2.15" in waiting and "待审核" in waiting
    assert "专项债券" not in finance.locator("section", has_text="争取资金与年度目标").inner_text()  # not official yet
    finance.screenshot(path=str(OUTPUT / "measures-department-entry.png"), full_page=True)

    trade = open_as(browser, server, "shangwu")
    assert "等待发改局审核" in _enter(trade, attraction, "domestic_capital", "8", stage="signed", chain="新材料")

    planner = open_as(browser, server, "planner", viewport={"width": 1366, "height": 900})
    dashboard = f"{server.url}/dashboard/{REGION}/2024/6/"
    planner.goto(dashboard)
    before = planner.locator("section", has_text="争资争项 · 招商引资 · 主要任务").inner_text()
    planner.goto(f"{server.url}/review/{REGION}/2024/6/")
    for name in ("争资争项：专项债券", "招商引资：利用内资（省外境内）·新材料（签约）"):
        row = planner.locator("tr", has_text=name)
        row.locator("button[value=approve]").click()
        assert "已通过" in planner.locator(".messages").inner_text()
    planner.goto(funds)
    won = planner.locator("section", has_text="争取资金与年度目标").locator("tr", has_text="专项债券").inner_text()
    assert "2.15" in won and "2024-06" in won
    planner.goto(attraction)
    assert "新材料 · 利用内资（省外境内）" in planner.locator("table.data").first.inner_text()
    planner.screenshot(path=str(OUTPUT / "measures-attraction-approved.png"), full_page=True)
    planner.goto(dashboard)  # the dashboard's panel counts what was approved
    after = planner.locator("section", has_text="争资争项 · 招商引资 · 主要任务").inner_text()
    assert after != before and "各环节数据" in after
    assert finance.console_errors == [] and planner.console_errors == []

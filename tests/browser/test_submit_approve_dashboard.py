"""Acceptance: a department submits a figure, a planner approves it, the dashboard shows the new light;
a department cannot open or submit another department's indicator (page and API both answer 403)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import OUTPUT, PASSWORD, open_as

pytestmark = pytest.mark.browser
REGION = "430381"


def gdp_card_light(page) -> str:  # type: ignore[no-untyped-def]
    card = page.locator("article.card", has_text="地区生产总值")
    return next(c for c in card.get_attribute("class").split() if c.startswith("light-"))


def test_department_submits_planner_approves_dashboard_turns_green(browser, demo_site):
    server = demo_site
    planner = open_as(browser, server, "planner", viewport={"width": 1366, "height": 900})
    planner.goto(f"{server.url}/dashboard/{REGION}/2023/12/")
    assert gdp_card_light(planner) == "light-yellow"

    department = open_as(browser, server, "tongji")
    department.goto(f"{server.url}/submit/{REGION}/2023/12/")
    department.fill("input[name=value_gdp]", "625")
    department.fill("input[name=growth_gdp]", "4.6")
    department.fill("input[name=note_gdp]", "初步核算")
    department.click("button[value=submit]")
    assert "1 条数据已提交，等待发改局审核" in department.locator(".messages").inner_text()

    planner.goto(f"{server.url}/review/{REGION}/2023/12/")
    row = planner.locator("tr", has_text="地区生产总值")
    row.locator("button[value=approve]").click()
    assert "已通过" in planner.locator(".messages").inner_text()

    planner.goto(f"{server.url}/dashboard/{REGION}/2023/12/")
    planner.wait_for_selector("#progress-chart svg")
    assert gdp_card_light(planner) == "light-green"
    assert "625" in planner.locator("article.card", has_text="地区生产总值").inner_text()
    planner.screenshot(path=str(OUTPUT / "dashboard.png"), full_page=True)
    planner.hover("#progress-chart svg", position={"x": 200, "y": 150})  # a tooltip must not break the CSP
    planner.wait_for_timeout(300)
    assert planner.console_errors == [] and department.console_errors == []


def test_dashboard_fits_a_phone(browser, demo_site):
    page = open_as(browser, demo_site, "planner", viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(f"{demo_site.url}/dashboard/{REGION}/2023/10/")
    page.wait_for_selector("#progress-chart svg")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(OUTPUT / "dashboard-phone.png"), full_page=True)
    assert page.console_errors == []


def test_department_cannot_open_or_submit_another_departments_indicator(browser, demo_site):
    page = open_as(browser, demo_site, "caizheng")
    response = page.goto(f"{demo_site.url}/indicator/{REGION}/gdp/2023/")
    assert response.status == 403
    assert "您无权查看或修改这项内容" in page.inner_text("main")

    api = page.request
    login = api.post(f"{demo_site.url}/api/login", data={"username": "caizheng", "password": PASSWORD})
    token = login.json()["csrf_token"]
    refused = api.post(
        f"{demo_site.url}/api/observations",
        data={"region": "湘乡市", "indicator": "gdp", "through": "2023-12", "value": 625},
        headers={"X-CSRFToken": token},
    )
    assert refused.status == 403
    own = api.post(
        f"{demo_site.url}/api/observations",
        data={"region": "湘乡市", "indicator": "fiscal_revenue", "through": "2023-11", "value": 14.2},
        headers={"X-CSRFToken": token},
    )
    assert own.status == 202 and own.json()["status"] == "submitted"  # a department's figure waits for approval

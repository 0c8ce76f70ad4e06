"""Acceptance of reporting up (issue 21): a county reports its month up by locking it, the prefecture returns it
with a comment, the county corrects and reports again, the prefecture accepts; the year's record counts the
return; a county's planner cannot open a neighbouring county (403)."""

from __future__ import annotations

import pytest

from devplan.accounts.models import Role
from devplan.accounts.services import add_user
from devplan.regions.models import Region
from tests.browser.conftest import OUTPUT, PASSWORD, open_as

pytestmark = pytest.mark.browser
REGION = "430381"


def test_a_county_reports_up_the_prefecture_returns_then_accepts(browser, demo_site):
    county = Region.objects.get(code=REGION)
    prefecture = county.parent
    add_user("shi", Role.PLANNER, PASSWORD, prefecture)
    server = demo_site

    planner = open_as(browser, server, "planner")
    planner.goto(f"{server.url}/review/{REGION}/2023/11/")
    planner.click("button[value=lock]")
    assert "已锁定" in planner.locator(".messages").inner_text()

    shi = open_as(browser, server, "shi", viewport={"width": 1366, "height": 900})
    shi.goto(f"{server.url}/area/{prefecture.code}/2023/11/")
    row = shi.locator(f"tr[data-region='{REGION}'].reported-awaiting")
    row.locator("input[name=comment]").fill("固定资产投资增速与项目进度不符，请核实")
    row.locator("button[value=return]").click()
    assert "已退回" in shi.locator(".messages").inner_text()
    assert "固定资产投资增速与项目进度不符" in shi.locator(f"tr[data-region='{REGION}'].reported-returned").inner_text()

    planner.goto(f"{server.url}/review/{REGION}/2023/11/")
    assert "上级退回" in planner.content()  # the reopening is recorded with the comment
    banner = planner.locator(".alert.returned").inner_text()
    assert f"{prefecture.name}退回了2023年11月的上报" in banner and "请核实" in banner
    assert f"锁定并上报{prefecture.name}" in planner.locator("button[value=lock]").inner_text()
    planner.click("button[value=lock]")

    shi.goto(f"{server.url}/area/{prefecture.code}/2023/11/")
    shi.locator(f"tr[data-region='{REGION}'].reported-awaiting button[value=accept]").click()
    assert "已接收" in shi.locator(f"tr[data-region='{REGION}']").first.inner_text()
    record = shi.locator(f"tr.record[data-region='{REGION}'] td").all_inner_texts()
    assert record[-1] == "1"  # returned once this year
    shi.screenshot(path=str(OUTPUT / "reporting-up.png"), full_page=True)
    assert planner.console_errors == [] and shi.console_errors == []

    shi.goto(f"{server.url}/quality/{prefecture.code}/2023/11/")
    assert shi.locator(f"tr[data-region='{REGION}'] td.up-returns").inner_text() == "1"  # the scorecard counts it
    shi.screenshot(path=str(OUTPUT / "quality.png"), full_page=True)

    narrow = open_as(browser, server, "shi", viewport={"width": 360, "height": 740})
    narrow.goto(f"{server.url}/area/{prefecture.code}/2023/11/")
    overflow = narrow.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    narrow.screenshot(path=str(OUTPUT / "area-360.png"), full_page=True)
    assert overflow <= 0, f"the area page is {overflow}px wider than a 360px phone"

    neighbour = county.peers().first()
    answer = planner.goto(f"{server.url}/dashboard/{neighbour.code}/2023/11/")
    assert answer is not None and answer.status == 403

"""Issue 20 goal, in a real browser: a main indicator red two months running gets a 督办 item when the planner
locks the month; the department answers it on its page; the planner closes it (销号); the dashboard counts it
and the month's brief (downloaded from the reports page) lists it."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from tests.browser.conftest import OUTPUT, open_as

pytestmark = pytest.mark.browser
REGION = "430381"


def _raise_gdp_target() -> None:
    """A level target GDP cannot come near: 1—9月's figure is red in September and in October."""
    from devplan.indicators.models import Indicator
    from devplan.recording.actors import Actor
    from devplan.recording.models import Door
    from devplan.recording.rows import TargetRow
    from devplan.recording.service import write
    from devplan.regions.models import Region

    region, gdp = Region.objects.get(code=REGION), Indicator.objects.get(code="gdp")
    write(Actor.of_system("测试", Door.CLI), [TargetRow(region, gdp, 2023, {"kind": "level", "value": "2000"})],
          reason="测试：提高目标")


def test_a_red_indicator_is_supervised_answered_closed_and_briefed(browser, demo_site):  # type: ignore[no-untyped-def]
    server = demo_site
    _raise_gdp_target()
    planner = open_as(browser, server, "planner", viewport={"width": 1366, "height": 900})
    planner.goto(f"{server.url}/review/{REGION}/2023/10/")
    planner.fill("input[name=reason]", "10月数据审核完毕")
    planner.click("button[value=lock]")
    assert "已锁定" in planner.locator("h1").inner_text()

    department = open_as(browser, server, "tongji", viewport={"width": 1366, "height": 900})
    department.goto(f"{server.url}/supervision/{REGION}/2023/")
    department.click("a:has-text('地区生产总值')")
    assert "系统（主要指标连续两个月红灯）" in department.inner_text("main")
    department.fill("textarea[name=text]", "工业增速回落，正推动技改项目投产，四季度加快入库")
    department.click("button:has-text('提交反馈')")
    assert "已反馈" in department.inner_text("main")
    department.screenshot(path=str(OUTPUT / "supervision-item.png"), full_page=True)

    planner.goto(department.url)
    planner.fill("textarea[name=text]", "措施可行，同意销号")
    planner.click("button[value=close]")
    assert "已销号" in planner.inner_text("main")

    planner.goto(f"{server.url}/dashboard/{REGION}/2023/10/")
    assert "已销号 1 项" in planner.inner_text("main")
    brief = planner.request.get(f"{server.url}/reports/{REGION}/2023/10/brief.pdf")
    assert brief.status == 200
    with pdfplumber.open(io.BytesIO(brief.body())) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages).replace("\n", "").replace(" ", "")
    assert "督办事项：督办中0项，已反馈待销号0项，已销号1项。" in text
    assert planner.console_errors == [] and department.console_errors == []

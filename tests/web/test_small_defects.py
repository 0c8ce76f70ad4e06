"""The smaller defects of issue 16: the lagging-projects panel, the 404 page, and a way to switch region
and month on the dashboard."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_lagging_panel_names_each_projects_data_month_and_its_count_agrees(demo, admin_client) -> None:  # type: ignore[no-untyped-def]
    page = admin_client.get(f"/dashboard/{demo.code}/2023/12/").content.decode()
    count = int(re.search(r"滞后的重点项目（共(\d+)个）", page).group(1))  # type: ignore[union-attr]
    panel = page[page.index('<ul class="lagging">'):]
    panel = panel[:panel.index("</ul>")]
    listed = panel.count("<li ")
    assert listed == min(count, 8)
    assert panel.count("数据截至2023-") + panel.count("应开工未开工") == listed
    if count > 8:
        assert f"另有{count - 8}个" in page


def test_a_year_without_project_reports_does_not_say_no_project_lags(demo, admin_client) -> None:  # type: ignore[no-untyped-def]
    page = admin_client.get(f"/dashboard/{demo.code}/2024/3/").content.decode()
    assert "尚无项目报送进度，无法判断是否滞后" in page
    assert "均达到序时进度" not in page


def test_the_dashboard_can_switch_region_and_month(demo, admin_client) -> None:  # type: ignore[no-untyped-def]
    page = admin_client.get(f"/dashboard/{demo.code}/2024/3/").content.decode()
    assert 'name="region"' in page and 'name="period"' in page
    answer = admin_client.get(f"/dashboard/?region={demo.code}&period=2023-10")
    assert answer.status_code == 302 and answer["Location"] == f"/dashboard/{demo.code}/2023/10/"


def test_an_administrator_lands_on_a_region_with_data(demo, admin_client) -> None:  # type: ignore[no-untyped-def]
    assert admin_client.get("/dashboard/")["Location"].startswith(f"/dashboard/{demo.code}/")


def test_the_404_page_never_prints_djangos_exception_name(client, db) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/no-such-page/")
    assert page.status_code == 404
    text = page.content.decode()
    assert "Resolver404" not in text and "您要找的页面不存在" in text

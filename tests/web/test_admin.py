"""The admin in Chinese for master data; targets and figures only ever gain revisions there."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from devplan.accounts.demo import ensure_demo_accounts
from devplan.indicators.models import Figure, Indicator


@pytest.fixture
def admin_client(demo):  # type: ignore[no-untyped-def]
    ensure_demo_accounts()
    client = Client()
    client.force_login(User.objects.get(username="admin"))
    return client


def test_admin_speaks_chinese_and_lists_master_data(admin_client):
    page = admin_client.get("/admin/").content.decode()
    for words in ("devplan 管理后台", "行政区", "部门", "指标", "年度目标", "指标数据", "成员角色", "操作日志"):
        assert words in page


def test_adding_a_figure_in_the_admin_appends_a_revision(admin_client, demo):
    gdp = Indicator.objects.get(code="gdp")
    answer = admin_client.post("/admin/indicators/figure/add/", {
        "region": demo.pk, "indicator": gdp.pk, "year": 2023, "month": 9, "value": "430.1", "growth_pct": "2.3",
        "known_at_0": "2024-01-05", "known_at_1": "10:00:00", "reason": "统计局最终核实", "precision": "{}",
    })
    assert answer.status_code == 302, answer.content.decode()[:2000]
    revisions = Figure.objects.filter(indicator=gdp, year=2023, month=9).order_by("revision")
    assert [f.revision for f in revisions] == [1, 2]
    assert str(revisions[1].value.normalize()) == "430.1"


def test_a_stored_figure_can_be_read_but_not_changed_or_deleted(admin_client):
    figure = Figure.objects.first()
    page = admin_client.get(f"/admin/indicators/figure/{figure.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert admin_client.post(f"/admin/indicators/figure/{figure.pk}/change/", {"value": "1"}).status_code == 403
    assert admin_client.post(f"/admin/indicators/figure/{figure.pk}/delete/", {"post": "yes"}).status_code == 403


def test_a_planner_without_staff_rights_cannot_open_the_admin(demo):
    ensure_demo_accounts()
    client = Client()
    client.force_login(User.objects.get(username="planner"))
    assert client.get("/admin/").status_code == 302

"""The small defects of the issue-16 re-trial: /compare/ takes a province's name like the API and `devplan
rank`; a returned submission of a month locked since says the month is locked instead of leading to a locked
page; `devplan projects` text rows print their data month; the admin's app headings are Chinese."""

from __future__ import annotations

import html

from django.test import Client

from devplan.collection.models import Submission
from devplan.indicators.models import Indicator
from devplan.projects.summary import project_summary
from devplan.projects.text import render_summary
from devplan.recording.periods import lock_month
from devplan.recording.service import give_back
from tests.collection_workflow.helpers import actor, send


def test_compare_takes_a_province_name(tree) -> None:  # type: ignore[no-untyped-def]
    answer = Client().get("/compare/试验省/t_gdp/2023/9/")
    assert answer.status_code == 302 and answer["Location"] == "/compare/990000/t_gdp/2023/9/"
    assert Client().get("/compare/", {"province": "试验省", "indicator": "t_gdp"}).status_code == 302


def test_a_returned_submission_of_a_locked_month_says_it_is_locked(personas) -> None:  # type: ignore[no-untyped-def]
    fiscal = Indicator.objects.get(code="fiscal_revenue")
    submission = send(personas.other, personas.region, fiscal, 2023, 11, value="12.6")
    give_back(actor(personas.planner), submission.pk, "请核实")
    lock_month(actor(personas.planner), personas.region, 2023, 11, "月报已发")
    assert Submission.objects.get().status == "returned"
    page = html.unescape(personas.client("other").get("/").content.decode())
    assert "2023年11月已锁定，不能再修改" in page and ">修改</a>" not in page


def test_projects_text_rows_print_their_data_month(demo) -> None:  # type: ignore[no-untyped-def]
    text = render_summary(project_summary(demo, 2023, month=11))
    assert "数据截至" in text and "2023-10" in text


def test_admin_app_headings_are_chinese(admin_client) -> None:  # type: ignore[no-untyped-def]
    page = admin_client.get("/admin/").content.decode()
    for english in ("Accounts", "Axes", "Access attempts"):
        assert f">{english}<" not in page, english
    assert "登录限制" in page and "用户与角色" in page

"""The entry form after approval opens editable on the official values (a correction is a new submission,
as through the API); a month without an estimate of its own shows the year's last estimate beside the form
and opens with it (issue 16 re-trial); labels say 1月, not 1—1月."""

from __future__ import annotations

import html

from devplan.collection.models import Submission
from devplan.indicators.models import Indicator
from devplan.recording.service import approve
from tests.collection_workflow.helpers import actor, send


def _page(client, url: str) -> str:  # type: ignore[no-untyped-def]
    return html.unescape(client.get(url).content.decode())


def test_an_approved_month_opens_editable_and_a_correction_is_a_new_submission(personas) -> None:  # type: ignore[no-untyped-def]
    fiscal = Indicator.objects.get(code="fiscal_revenue")
    approve(actor(personas.planner), send(personas.other, personas.region, fiscal, 2023, 11, value="12.60").pk)
    client = personas.client("other")
    page = _page(client, "/submit/430381/2023/11/")
    assert 'name="value_fiscal_revenue" inputmode="decimal" value="12.60"' in page
    answer = client.post("/submit/430381/2023/11/", {"value_fiscal_revenue": "12.70", "action": "submit"}, follow=True)
    assert "1 条数据已提交" in answer.content.decode()
    assert Submission.objects.filter(status="submitted").get().text("value") == "12.70"


def test_the_next_month_opens_with_the_years_last_estimate(personas) -> None:  # type: ignore[no-untyped-def]
    page = _page(personas.client("other"), "/submit/430381/2023/11/")
    assert "全年预计（1—10月报）：16.34" in page
    assert 'name="estimate_fiscal_revenue" inputmode="decimal" value="16.34"' in page


def test_a_form_sent_back_as_it_opened_reports_nothing(personas) -> None:  # type: ignore[no-untyped-def]
    answer = personas.client("other").post("/submit/430381/2023/11/", {
        "value_fiscal_revenue": "", "growth_fiscal_revenue": "", "estimate_fiscal_revenue": "16.34",
        "estgrowth_fiscal_revenue": _estimate_growth(), "note_fiscal_revenue": "", "action": "submit"}, follow=True)
    assert "没有填写任何数据" in answer.content.decode()
    assert not Submission.objects.exists()


def _estimate_growth() -> str:
    from devplan.indicators.models import Figure

    october = Figure.objects.filter(indicator__code="fiscal_revenue", year=2023, month=10).order_by("-revision").first()
    return october.stated("estimate_growth_pct") or ""


def test_january_is_labelled_1yue(personas) -> None:  # type: ignore[no-untyped-def]
    page = _page(personas.client("other"), "/submit/430381/2024/1/")
    assert "2024年1月数据填报" in page and "1—1月" not in page


def test_december_asks_for_no_full_year_estimate(personas) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 re-trial (t16b): December's form offered 全年预计值 and 全年预计增长, which the rule
    `estimate_not_whole_year` always refuses; its year-to-date figure is the year's own."""
    client = personas.client("other")
    december = _page(client, "/submit/430381/2023/12/")
    assert 'name="value_fiscal_revenue"' in december
    assert 'name="estimate_fiscal_revenue"' not in december and 'name="estgrowth_fiscal_revenue"' not in december
    answer = client.post("/submit/430381/2023/12/", {"value_fiscal_revenue": "17.02", "growth_fiscal_revenue": "6.1",
                                                     "note_fiscal_revenue": "", "action": "submit"}, follow=True)
    assert "1 条数据已提交" in answer.content.decode()
    assert 'name="estimate_fiscal_revenue"' in _page(client, "/submit/430381/2023/11/")

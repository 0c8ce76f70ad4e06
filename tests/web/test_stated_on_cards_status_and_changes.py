"""A web-form figure 12.60 / 5.80 / 16.50 prints as stated on the dashboard cards, the public page, `devplan
status` and `devplan changes` (issue 16 re-trial: they printed 12.6 / 5.8% / 16.5亿元), and a project's 3.10
keeps its zero once approved."""

from __future__ import annotations

import html

from devplan.indicators.models import Indicator
from devplan.indicators.status import indicator_status
from devplan.indicators.status_text import render_status
from devplan.projects.models import Progress, Project
from devplan.recording.changes import rows_of
from devplan.recording.service import approve
from tests.collection_workflow.helpers import actor, send


def _approved_november(personas) -> object:  # type: ignore[no-untyped-def]
    fiscal = Indicator.objects.get(code="fiscal_revenue")
    submission = send(personas.other, personas.region, fiscal, 2023, 11, value="12.60", growth_pct="5.80",
                      estimate_value="16.50", estimate_growth_pct="6.50")
    return approve(actor(personas.planner), submission.pk)


def test_dashboard_and_public_cards_print_the_figure_as_stated(personas) -> None:  # type: ignore[no-untyped-def]
    _approved_november(personas)
    page = html.unescape(personas.client("planner").get("/dashboard/430381/2023/11/").content.decode())
    assert "<strong>12.60</strong>" in page and "5.80%" in page and "16.50亿元" in page
    public = html.unescape(personas.client("anonymous").get("/public/430381/2023/").content.decode())
    assert "<strong>12.60</strong>" in public and "16.50亿元" in public


def test_status_and_changes_print_the_figure_as_stated(personas) -> None:  # type: ignore[no-untyped-def]
    outcome = _approved_november(personas)
    text = render_status(personas.region, 2023, None, indicator_status(personas.region, 2023, month=11), 11)
    assert "1—11月 12.60亿元，增长5.80%" in text and "16.50亿元，增长6.50%" in text
    rows, _ = rows_of(outcome.change_set)  # type: ignore[attr-defined]
    shown = {name: new for name, _, new in rows[0].fields}
    assert shown["1至当月累计值"] == "12.60" and shown["全年预计值"] == "16.50"


def test_a_projects_3_10_keeps_its_zero_once_approved(personas) -> None:  # type: ignore[no-untyped-def]
    project = Project.objects.get(ref="XX-003")
    submission = send(personas.builder, personas.region, project, 2023, 11, completed="3.10",
                      explanation="设备提前到货安装")
    approve(actor(personas.planner), submission.pk)
    latest = Progress.objects.filter(project=project, year=2023, month=11).order_by("-revision").first()
    assert latest.stated("completed_investment") == "3.10"

"""Numbers as stated on the review, indicator and entry pages (issue 16): a growth sent as "9.0" keeps its
".0" and a project's 1.60 keeps its "0", through the one formatter."""

from __future__ import annotations

import html

from devplan.collection.models import Submission
from devplan.indicators.models import Indicator
from devplan.projects.models import Project
from devplan.recording.service import approve
from tests.collection_workflow.helpers import actor, send


def _page(client, url: str) -> str:  # type: ignore[no-untyped-def]
    return html.unescape(client.get(url).content.decode())


def test_a_growth_of_9_0_keeps_its_decimal_on_review_indicator_and_entry_pages(personas) -> None:  # type: ignore[no-untyped-def]
    gdp = Indicator.objects.get(code="gdp")
    submission = send(personas.owner, personas.region, gdp, 2023, 12, value="620.0", growth_pct="9.0")
    planner = personas.client("planner")
    assert "9.0%" in _page(planner, "/review/430381/2023/12/") and "620.0" in _page(planner, "/review/430381/2023/12/")
    approve(actor(personas.planner), submission.pk)
    assert "9.0%" in _page(planner, "/review/430381/2023/12/")  # 已审核
    assert "9.0%" in _page(planner, "/indicator/430381/gdp/2023/")  # 修订历史
    assert "增长 <b>9.0%</b>" in _page(personas.client("owner"), "/submit/430381/2023/12/")


def test_project_progress_of_1_60_keeps_its_zero_on_the_review_page(personas) -> None:  # type: ignore[no-untyped-def]
    send(personas.builder, personas.region, Project.objects.get(ref="XX-003"), 2023, 11, completed="1.60",
         narrative="路基")
    assert Submission.objects.get().stated("value") == "1.60"
    assert "1.60" in _page(personas.client("planner"), "/review/430381/2023/11/")

"""Figures waiting for approval are not published: on the review page another department, a project owner and
a leader see none of them; the department that sent one and the region's planners do (issue 17, item 5)."""

from __future__ import annotations

from typing import Any

import pytest

from devplan.collection.models import Submission
from tests.security.conftest import client_of

R = "430381"
RETAIL = "9876.54"  # 统计局's (the "owner" persona's) waiting figure
PROGRESS = "1.67"  # the project owner's waiting report (the official 1—10月 is 1.55)


@pytest.fixture
def waiting(cast: dict[str, Any]) -> None:
    client_of(cast["owner"]).post(f"/submit/{R}/2023/11/", {"value_retail_sales": RETAIL, "note_retail_sales": "内部初步核算",
                                                             "action": "submit"})
    client_of(cast["builder"]).post(f"/progress/{R}/2023/11/", {"invest_XX-003": PROGRESS, "explain_XX-003": "测试数据：按月推进",
                                                                 "action": "submit"})
    assert Submission.objects.filter(status=Submission.Status.SUBMITTED).count() == 2


@pytest.mark.parametrize(("role", "sees_retail", "sees_progress"), [
    ("owner", True, False), ("builder", False, True), ("other", False, False), ("viewer", False, False),
    ("planner", True, True), ("admin", True, True),
])
def test_the_review_page_shows_waiting_figures_only_to_their_sender_and_the_planners(
        cast: dict[str, Any], waiting: None, role: str, sees_retail: bool, sees_progress: bool) -> None:
    page = client_of(cast[role]).get(f"/review/{R}/2023/11/")
    assert page.status_code == 200
    text = page.content.decode()
    assert (RETAIL in text) is sees_retail
    assert ("内部初步核算" in text) is sees_retail
    assert (PROGRESS in text) is sees_progress

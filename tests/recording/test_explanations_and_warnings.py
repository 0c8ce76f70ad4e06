"""An explanation must say something, on every door (issue 16 re-trial: {"completed": 50, "explanation": "."}
was recorded); the door's warnings — notices and explained deviations — are returned by the API, stored with
the submission and shown on the review page with the explanation, the project's total and plan, and a
figure's estimate."""

from __future__ import annotations

import html
from decimal import Decimal

import pytest

from devplan.collection.models import Submission
from devplan.indicators.models import Indicator
from devplan.projects.models import Project
from devplan.recording.rules import Rejected
from tests.api.test_observations import session_client
from tests.collection_workflow.helpers import send


def _progress(client, token, body):  # type: ignore[no-untyped-def]
    return client.post("/api/progress", body, content_type="application/json", headers={"X-CSRFToken": token})


@pytest.mark.parametrize("said", ["x", ".", "。。。。", "ok", "a b"])
def test_a_token_explanation_is_refused_through_the_api(personas, said) -> None:  # type: ignore[no-untyped-def]
    client, token = session_client("planner")
    answer = _progress(client, token, {"project": "XX-003", "through": "2023-11", "completed": 50, "explanation": said})
    assert answer.status_code == 422
    assert answer.json()["problems"][0]["rule"] == "explanation_meaningful"


def test_a_token_explanation_is_refused_through_the_web_door(personas) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(Rejected, match="说明不了原因"):
        send(personas.builder, personas.region, Project.objects.get(ref="XX-003"), 2023, 11, completed="50",
             explanation="x")


def test_an_explained_deviation_is_a_warning_in_the_api_answer_and_on_the_review_page(personas) -> None:  # type: ignore[no-untyped-def]
    project = Project.objects.get(ref="XX-003")
    client, token = session_client("chengtou")
    answer = _progress(client, token, {"project": "XX-003", "through": "2023-11", "completed": 50,
                                       "explanation": "含征地拆迁补偿款"})
    assert answer.status_code == 202
    warnings = answer.json()["warnings"]
    assert [w["rule"] for w in warnings][:1] == ["progress_within_total"]
    assert "含征地拆迁补偿款" in warnings[0]["message"]
    assert Submission.objects.get().warnings == [w["message"] for w in warnings]
    page = html.unescape(personas.client("planner").get("/review/430381/2023/11/").content.decode())
    assert "偏差说明：含征地拆迁补偿款" in page and "超过项目总投资" in page
    assert f"总投资 {project.total_investment.normalize():f} 亿元" in page


def test_a_growth_far_from_trend_warns_through_the_api_and_on_the_review_page(personas) -> None:  # type: ignore[no-untyped-def]
    client, token = session_client("caizheng")
    answer = client.post("/api/observations", {"region": "湘乡市", "indicator": "fiscal_revenue", "through": "2023-11",
                                               "value": 12.6, "growth_pct": 500}, content_type="application/json",
                         headers={"X-CSRFToken": token})
    assert answer.status_code == 202
    assert [w["rule"] for w in answer.json()["warnings"]] == ["growth_near_trend"]
    submission = Submission.objects.get()
    assert "请核实" in submission.warnings[0]
    page = html.unescape(personas.client("planner").get("/review/430381/2023/11/").content.decode())
    assert "⚠ " + submission.warnings[0] in page
    assert "全年预计" in page  # the estimate column (carried from October's when not sent)


def test_a_figure_note_explaining_a_decrease_must_say_something(personas) -> None:  # type: ignore[no-untyped-def]
    fiscal = Indicator.objects.get(code="fiscal_revenue")
    with pytest.raises(Rejected, match="说明不了原因"):
        send(personas.other, personas.region, fiscal, 2023, 11, value="1", note="x")
    assert send(personas.other, personas.region, fiscal, 2023, 11, value="1", note="统计口径调整").warnings


def test_a_progress_correction_that_leaves_the_texts_out_keeps_them(personas) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 trial: a planner correcting only a month's completed investment through the API erased the
    month's 形象进度. A key left out keeps what the month has recorded; "" clears it."""
    from devplan.projects.models import Progress

    client, token = session_client("planner")
    first = {"project": "XX-003", "through": "2023-11", "completed": 1.6, "narrative": "主体结构封顶",
             "problems": "征地未完成"}
    assert _progress(client, token, first).status_code == 201
    assert _progress(client, token, {"project": "XX-003", "through": "2023-11", "completed": 1.7}).status_code == 201
    latest = Progress.objects.filter(project__ref="XX-003", year=2023, month=11).order_by("-revision").first()
    assert latest is not None and latest.completed_investment == Decimal("1.7")
    assert latest.narrative == "主体结构封顶" and latest.problems == "征地未完成"
    cleared = {"project": "XX-003", "through": "2023-11", "problems": ""}
    assert _progress(client, token, cleared).status_code == 201
    latest = Progress.objects.filter(project__ref="XX-003", year=2023, month=11).order_by("-revision").first()
    assert latest is not None and latest.problems == "" and latest.narrative == "主体结构封顶"
    assert latest.stated("completed_investment") == "1.7"


def test_a_month_filled_in_above_a_stored_later_month_needs_a_reason_through_the_api(personas) -> None:  # type: ignore[no-untyped-def]
    """A tester, with October's retail sales stored, had September 95.2 and then August 99 accepted above it."""
    client, token = session_client("planner")

    def observe(through: str, value: float, note: str = "") -> object:
        body = {"region": "湘乡市", "indicator": "retail_sales", "through": through, "value": value, "note": note}
        return client.post("/api/observations", body, content_type="application/json", headers={"X-CSRFToken": token})

    refused = observe("2023-09", 150.0)
    assert refused.status_code == 422, refused.content
    assert refused.json()["problems"][0]["rule"] == "cumulative_not_decreasing"
    assert "大于已报的1—10月累计 138.3" in refused.json()["problems"][0]["message"]
    assert observe("2023-09", 130.0).status_code == 201
    assert observe("2023-08", 135.0).status_code == 422
    assert observe("2023-08", 135.0, "9月数据口径调整").status_code == 201

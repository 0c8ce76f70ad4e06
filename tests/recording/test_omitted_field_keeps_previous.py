"""A revision of the same month that leaves a field out keeps the previous revision's value for it; a field
sent empty is cleared (issue 16 re-trial: a planner's API correction of value and growth erased the
full-year estimate)."""

from __future__ import annotations

from decimal import Decimal

from devplan.indicators.models import Figure
from tests.api.test_observations import post, session_client

OCTOBER = {"region": "湘乡市", "indicator": "fiscal_revenue", "through": "2023-10"}


def _latest() -> Figure:
    return Figure.objects.filter(indicator__code="fiscal_revenue", year=2023, month=10).order_by("-revision").first()


def test_an_api_correction_without_the_estimate_keeps_the_estimate(personas):
    before = _latest()
    assert before.estimate_value is not None
    client, token = session_client("planner")
    answer = post(client, token, {**OCTOBER, "value": "11.50", "growth_pct": 5.8})
    assert answer.status_code == 201
    after = _latest()
    assert after.revision == before.revision + 1 and after.stated("value") == "11.50"
    assert (after.estimate_value, after.estimate_growth_pct) == (before.estimate_value, before.estimate_growth_pct)


def test_an_estimate_sent_as_null_is_cleared(personas):
    client, token = session_client("planner")
    answer = post(client, token, {**OCTOBER, "value": "11.50", "estimate_value": None, "estimate_growth_pct": None})
    assert answer.status_code == 201
    assert (_latest().estimate_value, _latest().estimate_growth_pct) == (None, None)


def test_a_departments_submission_without_the_estimate_carries_it_to_approval(personas):
    client, token = session_client("caizheng")
    answer = post(client, token, {**OCTOBER, "value": 11.6})
    assert answer.status_code == 202
    from devplan.collection.models import Submission

    values = Submission.objects.get(pk=answer.json()["submission"]).values
    assert Decimal(values["estimate_value"]) == _latest().estimate_value

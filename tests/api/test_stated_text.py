"""A stated number keeps its stated form in the API beside the JSON number (docs/contract.md, “Stated
numbers”): `value_text` "12.70" where `value` is 12.7, the same text the pages print — in the write echo,
/api/status and /api/ranking alike."""

from __future__ import annotations

from django.test import Client

from devplan.regions.models import Region
from tests.api.test_observations import session_client


def test_a_figure_entered_as_12_70_reads_12_70_in_every_answer(personas):
    client, token = session_client("planner")
    body = b'{"region": "430381", "indicator": "fiscal_revenue", "through": "2023-11", "value": 12.70, "growth_pct": 5.0}'
    answer = client.post("/api/observations", body, content_type="application/json", headers={"X-CSRFToken": token})
    assert answer.status_code == 201, answer.json()
    echo = answer.json()
    assert (echo["value"], echo["value_text"], echo["growth_pct_text"]) == (12.7, "12.70", "5.0")

    rows = Client().get("/api/status", {"region": "430381", "year": 2023, "month": 11}).json()
    actual = next(row for row in rows if row["indicator"] == "fiscal_revenue")["actual"]
    assert (actual["value"], actual["value_text"], actual["growth_pct_text"]) == (12.7, "12.70", "5.0")

    province = personas.region.parent.parent
    assert province.level == Region.Level.PROVINCE
    ranked = Client().get("/api/ranking", {"province": province.code, "indicator": "fiscal_revenue",
                                           "period": "2023-11"}).json()
    ours = next(row for row in ranked if row["region"] == "430381")
    assert (ours["value"], ours["value_text"], ours["growth_pct_text"]) == (12.7, "12.70", "5.0")


def test_figure_revisions_and_submissions_keep_their_stated_places(personas):
    """Issue 16 re-trial (t16b): GET /api/indicators/{code}/figures gave retail's 9.0 as 9 and 12.70 as 12.7,
    and GET /api/submissions had no `_text` at all — the numbers as every page prints them were lost there."""
    client, token = session_client("tongji")
    body = (b'{"region": "430381", "indicator": "retail_sales", "through": "2023-11", "value": "155.0",'
            b' "growth_pct": 9.10, "estimate_growth_pct": "9.0"}')
    answer = client.post("/api/observations", body, content_type="application/json", headers={"X-CSRFToken": token})
    assert answer.status_code == 202, answer.json()

    planner, _ = session_client("planner")
    rows = planner.get("/api/submissions", {"region": "430381", "status": "submitted"}).json()
    row = next(row for row in rows if row["indicator"] == "retail_sales")
    assert (row["value"], row["value_text"], row["growth_pct_text"]) == (155.0, "155.0", "9.10")
    assert (row["estimate_value_text"], row["estimate_growth_pct"], row["estimate_growth_pct_text"]) == (None, 9.0, "9.0")

    figures = planner.get("/api/indicators/retail_sales/figures", {"region": "430381", "year": 2023}).json()
    october = next(month for month in figures["figures"] if month["through"] == "2023-10")["revisions"][-1]
    assert (october["growth_pct"], october["growth_pct_text"]) == (9.0, "9.0")
    assert (october["estimate_growth_pct_text"], october["value_text"]) == ("9.0", "138.3")

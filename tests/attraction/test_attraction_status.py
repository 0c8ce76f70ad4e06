"""Investment attraction: the seed's 2023 results and 2024 targets, and year-to-date progress."""

from decimal import Decimal as D

import pytest

from devplan.attraction.services import attraction_status
from tests.writing import Provenance, record_attraction_figure


@pytest.mark.django_db
def test_the_seed_2024_targets_are_loaded(demo):
    rows = {row["measure"]: row for row in attraction_status(demo, 2024)["rows"]}
    assert {k: (v["target"]["value"], v["unit"]) for k, v in rows.items()} == {
        "top500_firms": (3, "家"),
        "projects_over_100m": (16, "个"),
        "domestic_capital": (130, "亿元"),
        "fdi": (500, "万美元"),
    }


@pytest.mark.django_db
def test_the_seed_2023_results_are_loaded(demo):
    rows = {row["measure"]: row["actual"]["value"] for row in attraction_status(demo, 2023)["rows"]}
    assert rows == {"signed_projects": 36, "top500_firms": 3, "projects_over_100m": 18}


@pytest.mark.django_db
def test_year_to_date_progress_is_judged_against_time_progress(demo):
    record_attraction_figure(demo, 2024, 6, "domestic_capital", Provenance(by_name="商务局"), value=D("70"))
    row = next(r for r in attraction_status(demo, 2024)["rows"] if r["measure"] == "domestic_capital")
    assert (row["completion_pct"], row["expected_pct"], row["light"]) == (53.8, 50, "green")


@pytest.mark.django_db
def test_the_pipeline_keeps_chains_apart(demo):
    provenance = Provenance(by_name="商务局")
    record_attraction_figure(demo, 2024, 6, "domestic_capital", provenance, stage="signed", chain="新材料",
                             value=D("8"), total=D("30"), count=5)
    record_attraction_figure(demo, 2024, 6, "domestic_capital", provenance, stage="signed", chain="食品加工",
                             value=D("1"), total=D("4"), count=2)
    rows = attraction_status(demo, 2024)["pipeline"]
    assert [(r["chain"], r["stage_name"], r["count"], r["total"], r["value"]) for r in rows] == [
        ("新材料", "签约", 5, 30, 8), ("食品加工", "签约", 2, 4, 1)]

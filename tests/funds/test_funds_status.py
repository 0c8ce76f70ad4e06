"""Funds won by source, and the parts the seed lists under its 49.5亿元 total."""

from decimal import Decimal as D

import pytest

from devplan.funds.services import funds_status
from devplan.lib.errors import UsageError
from tests.writing import Provenance, record_fund_figure, record_fund_target


@pytest.mark.django_db
def test_the_seed_funds_are_within_rounding_of_their_total(demo):
    status = funds_status(demo, 2023)
    sources = {row["measure"]: row["actual"] for row in status["rows"] if row["actual"]}
    assert status["through"] == "2023-11"
    assert sources["total"]["value"] == 49.5
    assert (sources["loans"]["count"], sources["loans"]["total"], sources["loans"]["value"]) == (
        20, 42, 26
    )
    assert (sources["treasury_bonds"]["count"], sources["treasury_bonds"]["value"]) == (3, 2.1)
    [check] = status["checks"]
    assert (check["severity"], check["stated"], check["computed"]) == ("warning", 49.5, 49.4)


@pytest.mark.django_db
def test_parts_short_of_the_total_mean_an_unlisted_source_not_an_error(demo):
    provenance = Provenance(by_name="发改局")
    record_fund_figure(demo, 2024, 3, "total", provenance, value=D("10"))
    record_fund_figure(demo, 2024, 3, "transfers", provenance, value=D("6"))
    [check] = funds_status(demo, 2024)["checks"]
    assert check["severity"] == "info"
    assert "未列出" in check["message"]


@pytest.mark.django_db
def test_a_target_gives_completion_and_a_light_against_time_progress(demo):
    provenance = Provenance(by_name="发改局")
    record_fund_target(demo, 2024, "special_bonds", provenance, value=D("4"))
    record_fund_figure(demo, 2024, 6, "special_bonds", provenance, value=D("1"))
    row = next(r for r in funds_status(demo, 2024)["rows"] if r["measure"] == "special_bonds")
    assert (row["completion_pct"], row["expected_pct"], row["light"]) == (25, 50, "red")


@pytest.mark.django_db
def test_the_pipeline_lists_each_stage_in_order_apart_from_the_funds_won(demo):
    provenance = Provenance(by_name="发改局")
    record_fund_figure(demo, 2024, 6, "central_budget", provenance, stage="arrived", value=D("0.8"))
    record_fund_figure(demo, 2024, 6, "central_budget", provenance, stage="applied", value=D("3"), count=4)
    status = funds_status(demo, 2024)
    assert [(row["stage_name"], row["value"], row["count"]) for row in status["pipeline"]] == [
        ("申报", 3, 4), ("到位", 0.8, None)]
    assert "central_budget" not in {row["measure"] for row in status["rows"]}


@pytest.mark.django_db
def test_a_month_outside_the_year_is_refused_in_one_sentence(demo):
    with pytest.raises(UsageError, match="月份应为 1 到 12"):
        funds_status(demo, 2024, 13)

"""Funds won by source, and the parts the seed lists under its 49.5亿元 total."""

from decimal import Decimal as D

import pytest

from devplan.funds.services import funds_status
from tests.writing import Provenance, record_fund_figure, record_fund_target


@pytest.mark.django_db
def test_the_seed_funds_are_within_rounding_of_their_total(demo):
    status = funds_status(demo, 2023)
    sources = {row["source"]: row for row in status["sources"]}
    assert status["through"] == "2023-11"
    assert sources["total"]["amount"] == 49.5
    assert (sources["loans"]["project_count"], sources["loans"]["project_investment"], sources["loans"]["amount"]) == (
        20, 42, 26
    )
    assert (sources["treasury_bonds"]["project_count"], sources["treasury_bonds"]["amount"]) == (3, 2.1)
    [check] = status["checks"]
    assert (check["severity"], check["stated"], check["computed"]) == ("warning", 49.5, 49.4)


@pytest.mark.django_db
def test_parts_short_of_the_total_mean_an_unlisted_source_not_an_error(demo):
    provenance = Provenance(by_name="发改局")
    record_fund_figure(demo, 2024, 3, "total", provenance, amount=D("10"))
    record_fund_figure(demo, 2024, 3, "transfers", provenance, amount=D("6"))
    [check] = funds_status(demo, 2024)["checks"]
    assert check["severity"] == "info"
    assert "未列出" in check["message"]


@pytest.mark.django_db
def test_a_target_gives_completion_and_a_light_against_time_progress(demo):
    provenance = Provenance(by_name="发改局")
    record_fund_target(demo, 2024, "special_bonds", provenance, amount=D("4"))
    record_fund_figure(demo, 2024, 6, "special_bonds", provenance, amount=D("1"))
    row = next(r for r in funds_status(demo, 2024)["sources"] if r["source"] == "special_bonds")
    assert (row["completion_pct"], row["time_progress_pct"], row["light"]) == (25, 50, "red")

"""The demo's status table reproduces the seed's main-indicator paragraph (issue 2 acceptance)."""

import pytest

from devplan.indicators.status import indicator_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(demo):
    return {row["indicator"]: row for row in indicator_status(demo, 2023)}


def test_gdp_level_target_actual_estimate_and_completion(rows):
    gdp = rows["gdp"]
    assert gdp["target"] == {**gdp["target"], "kind": "level", "value": 617, "qualifier": "以上", "adjusted": False}
    assert gdp["actual"]["through"] == "2023-09"
    assert gdp["actual"]["value"] == 428.3
    assert gdp["actual"]["growth_pct"] == 2.2
    assert gdp["estimate"]["value"] == 600
    assert gdp["completion_pct"] == 97.2
    assert gdp["completion_basis"] == "全年预计÷年目标"
    assert gdp["light"] == "yellow"


def test_fixed_asset_investment_completion_is_the_index_ratio(rows):
    fai = rows["fai"]
    assert fai["target"]["kind"] == "growth"
    assert fai["target"]["value"] == 9
    assert fai["estimate"]["growth_pct"] == 8
    assert fai["completion_pct"] == 99.1
    assert fai["completion_basis"] == "全年预计增速指数比"
    assert fai["actual"]["stated_rank"] == 1


def test_revenue_target_is_marked_adjusted(rows):
    revenue = rows["fiscal_revenue"]
    assert revenue["target"]["value"] == 16.34
    assert revenue["target"]["adjusted"] is True
    assert revenue["target"]["original_value"] is None  # the seed does not give the original
    assert revenue["completion_pct"] == 100


def test_retail_completion_is_the_one_the_seed_states_for_want_of_a_full_year_level(rows):
    retail = rows["retail_sales"]
    assert retail["estimate"] == {"value": None, "growth_pct": 9, "status": "预计", "value_text": None,
                                  "growth_pct_text": "9.0"}  # the growth as the seed states it (9.0%)
    assert retail["completion_pct"] == 103
    assert retail["completion_basis"] == "材料所述"


def test_income_keeps_step_with_gdp(rows):
    income = rows["disposable_income"]
    assert income["target"]["kind"] == "in_step"
    assert income["target"]["step_with"] == "gdp"
    assert income["target"]["value"] is None
    assert income["completion_pct"] == 100
    assert income["light"] == "green"


def test_every_number_in_the_status_table_comes_from_the_seed(rows, seed_text):
    numbers = []
    for row in rows.values():
        for part in ("target", "actual", "estimate"):
            for key in ("value", "growth_pct"):
                if row[part] and row[part].get(key) is not None:
                    numbers.append(row[part][key])
    assert numbers
    for number in numbers:
        assert str(number) in seed_text, number


def test_absent_figures_are_null_never_zero(rows):
    assert rows["gdp"]["estimate"]["growth_pct"] is None
    assert rows["fai"]["estimate"]["value"] is None


def test_2024_targets_are_growth_and_in_step(demo):
    targets = {row["indicator"]: row["target"] for row in indicator_status(demo, 2024)}
    assert targets["gdp"]["value"] == 6.8
    assert targets["fiscal_revenue"]["value"] == 6
    assert targets["fai"]["value"] == 8
    assert targets["retail_sales"]["value"] == 9
    assert targets["disposable_income"]["kind"] == "in_step"


def test_the_demo_has_no_past_years_so_no_projection_or_required_growth_is_invented(rows):
    assert all(row["projection"] is None and row["required_growth_pct"] is None for row in rows.values())

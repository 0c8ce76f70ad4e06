"""Required growth and the seasonal-share projection from hand-made monthly series."""

from datetime import UTC, datetime
from decimal import Decimal as D

import pytest

from devplan.indicators.models import Indicator
from devplan.indicators.services import find_indicator
from devplan.indicators.status import indicator_status
from tests.writing import Provenance, record_figure, record_target

pytestmark = pytest.mark.django_db

KNOWN = datetime(2024, 1, 10, tzinfo=UTC)


def put(region, indicator, year, month, value):
    record_figure(region, indicator, year, month, Provenance(known_at=KNOWN), value=D(value))


@pytest.fixture
def county(demo):
    """湘乡市 with a made-up indicator that has three past years of monthly figures."""
    indicator = Indicator.objects.create(code="test_flow", name="测试流量", unit="亿元", quantity="flow", is_main=True)
    for year, through_9, full in [(2021, "70", "100"), (2022, "72", "100"), (2023, "90", "120")]:
        put(demo, indicator, year, 9, through_9)
        put(demo, indicator, year, 12, full)
    put(demo, indicator, 2024, 9, "81")
    record_target(demo, indicator, 2024, "level", Provenance(known_at=KNOWN), value=D("125"), unit="亿元")
    return demo


def row_for(county):
    return next(row for row in indicator_status(county, 2024) if row["indicator"] == "test_flow")


def test_projection_uses_the_mean_share_of_past_years(county):
    # Shares 0.70, 0.72 and 0.75 → mean 0.7233…; 81 / 0.7233 = 111.98.
    projection = row_for(county)["projection"]
    assert projection["years_used"] == 3
    assert projection["value"] == 111.98
    assert projection["method"] == "seasonal share"


def test_required_growth_for_a_level_target(county):
    # 125 − 81 = 44 still to do; last year's 10—12月 were 120 − 90 = 30: +46.7%.
    assert row_for(county)["required_growth_pct"] == 46.7


def test_required_growth_for_a_growth_target_goes_through_last_years_total(county):
    indicator = find_indicator("test_flow")
    record_target(county, indicator, 2024, "growth", Provenance(known_at=KNOWN), value=D("5"), unit="%")
    # Annual amount 120 × 1.05 = 126; (126 − 81) / 30 − 1 = 50%.
    assert row_for(county)["required_growth_pct"] == 50

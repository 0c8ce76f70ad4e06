"""A revision that omits the full-year estimate keeps it — unless the estimate is below the cumulative value the
revision now gives: it can no longer stand, so it is dropped for the department to restate, not refused on a
number the writer never typed."""

from __future__ import annotations

from decimal import Decimal

from devplan.indicators.models import Indicator
from tests.writing import Provenance, record_figure


def test_an_estimate_below_the_new_cumulative_is_not_carried(demo) -> None:  # type: ignore[no-untyped-def]
    retail = Indicator.objects.get(code="retail_sales")
    record_figure(demo, retail, 2023, 11, Provenance(), value=Decimal("150"), estimate_value=Decimal("160"))
    kept = record_figure(demo, retail, 2023, 11, Provenance(), value=Decimal("155"))
    assert kept.estimate_value == Decimal("160")
    dropped = record_figure(demo, retail, 2023, 11, Provenance(), value=Decimal("165"))
    assert dropped.value == Decimal("165") and dropped.estimate_value is None

"""A hand-made province → prefecture → county tree with figures and targets whose roll-ups are worked out
by hand in tests/scale/test_rollups.py."""

from __future__ import annotations

from decimal import Decimal

import pytest

from devplan.indicators.models import Indicator
from devplan.regions.models import Region
from tests.writing import Provenance, record_figure, record_target

D = Decimal


@pytest.fixture
def tree(db):  # type: ignore[no-untyped-def]
    province = Region.objects.create(code="990000", name="试验省", level="province")
    a = Region.objects.create(code="990100", name="甲市", level="prefecture", parent=province)
    b = Region.objects.create(code="990200", name="乙市", level="prefecture", parent=province)
    counties = {
        "a1": Region.objects.create(code="990101", name="甲一县", level="county", parent=a),
        "a2": Region.objects.create(code="990102", name="甲二县", level="county", parent=a),
        "b1": Region.objects.create(code="990201", name="乙一县", level="county", parent=b),
    }
    gdp = Indicator.objects.create(code="t_gdp", name="试验生产总值", unit="亿元", quantity="flow", additive=True)
    rate = Indicator.objects.create(code="t_rate", name="试验失业率", unit="%", quantity="rate", additive=False)

    def figure(county: str, year: int, month: int, value: str, growth: str | None = None) -> None:
        record_figure(counties[county], gdp, year, month, Provenance(), value=D(value),
                      growth_pct=None if growth is None else D(growth))

    def target(region: Region, kind: str, value: str) -> None:
        record_target(region, gdp, 2023, kind, Provenance(), value=D(value))

    # 2023 Jan–Sep and the same months of 2022, and 2022 full years (for growth targets as levels).
    figure("a1", 2023, 9, "100", "25")
    figure("a2", 2023, 9, "300", "0")
    figure("b1", 2023, 9, "50", "10")
    figure("a1", 2022, 9, "80")
    figure("a2", 2022, 9, "300")
    figure("b1", 2022, 9, "45")
    figure("a1", 2022, 12, "110")
    figure("a2", 2022, 12, "400")
    figure("b1", 2022, 12, "60")
    target(counties["a1"], "level", "150")
    target(counties["a2"], "growth", "5")
    target(counties["b1"], "growth", "8")
    return {"province": province, "a": a, "b": b, "gdp": gdp, "rate": rate, **counties, "figure": figure,
            "target": target}

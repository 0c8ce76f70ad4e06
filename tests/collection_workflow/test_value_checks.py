"""Values refused outright, and warnings for values that are possible but unlikely."""

from __future__ import annotations

from decimal import Decimal

import pytest

from devplan.collection.checks import BadValue, parse_decimal, validate_values, warnings_for
from devplan.indicators.models import Indicator
from devplan.indicators.services import Provenance, record_figure


def test_parse_decimal_reads_numbers_and_refuses_words():
    assert parse_decimal(" 1234.5 ", "累计值") == Decimal("1234.5")
    assert parse_decimal(428.3, "累计值") == Decimal("428.3")
    assert parse_decimal("", "累计值") is None
    for typed, hint in (("1,234.5", "千分位"), ("４２８.３", "半角"), ("2.2%", "百分号"), ("428.3亿元", "单位")):
        with pytest.raises(BadValue, match=hint):
            parse_decimal(typed, "累计值")
    with pytest.raises(BadValue):
        parse_decimal(True, "累计值")
    with pytest.raises(BadValue, match="累计值应为数字"):
        parse_decimal("四百", "累计值")
    with pytest.raises(BadValue):
        parse_decimal("NaN", "累计值")


def test_a_negative_cumulative_flow_is_refused(demo):
    with pytest.raises(BadValue, match="不能为负数"):
        validate_values(Indicator.objects.get(code="fai"), Decimal("-1"), None)


def test_a_cumulative_figure_below_last_months_is_warned(demo):
    retail = Indicator.objects.get(code="retail_sales")
    found = warnings_for(demo, retail, 2023, 11, Decimal("130"), Decimal("9"))
    assert found == ["1—11月累计 130 小于上月的 1—10月累计 138.3：累计值不应减少，请核实"]


def test_growth_far_off_the_recent_trend_is_warned(demo):
    retail = Indicator.objects.get(code="retail_sales")
    record_figure(demo, retail, 2023, 9, Provenance(by_name="test"), value=Decimal("120"), growth_pct=Decimal("8.6"))
    found = warnings_for(demo, retail, 2023, 11, Decimal("150"), Decimal("25"))
    assert found == ["同比增长 25% 与近2期（9月、10月）的平均 8.8% 相差 16.2 个百分点，请核实"]
    assert warnings_for(demo, retail, 2023, 11, Decimal("150"), Decimal("9.5")) == []

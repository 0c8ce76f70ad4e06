"""Values refused outright, and notices for values that are possible but unlikely — by the one table of
rules (`devplan.recording`), the same for every door."""

from __future__ import annotations

from decimal import Decimal

import pytest

from devplan.indicators.models import Indicator
from devplan.recording import parse
from devplan.recording.rows import FigureRow
from devplan.recording.rules import Broken
from devplan.recording.service import preview
from tests.writing import Provenance, record_figure


def test_numbers_are_read_as_stated_and_words_refused():
    assert parse.number(" 1234.5 ", "value", "累计值") == parse.Stated(Decimal("1234.5"), 1)
    assert parse.number(428.3, "value", "累计值").text == "428.3"
    assert parse.number("9.0", "value", "累计值").text == "9.0"
    assert parse.number("", "value", "累计值") is None
    for typed, hint in (("1,234.5", "千分位"), ("４２８.３", "半角"), ("2.2%", "百分号"), ("428.3亿元", "单位")):
        with pytest.raises(Broken, match=hint):
            parse.number(typed, "value", "累计值")
    for typed in (True, "四百", "NaN", "1e3", float("inf")):
        with pytest.raises(Broken):
            parse.number(typed, "value", "累计值")


def test_a_negative_cumulative_flow_is_refused(demo):
    found = preview(FigureRow(demo, Indicator.objects.get(code="fai"), 2023, 11, {"value": "-1"}))
    assert [p.rule for p in found] == ["value_not_negative"]


def test_a_cumulative_figure_below_last_months_needs_a_stated_reason(demo):
    retail = Indicator.objects.get(code="retail_sales")
    found = preview(FigureRow(demo, retail, 2023, 11, {"value": "130", "growth_pct": "9"}))
    assert [p.message for p in found] == [
        "社会消费品零售总额1—11月累计 130 小于1—10月累计 138.3：累计值不应减少；如确因统计口径调整等原因，请在备注中写明原因"]
    # Explained, it is accepted and stays a warning for the reviewer, with the reason.
    explained = preview(FigureRow(demo, retail, 2023, 11, {"value": "130", "growth_pct": "9", "note": "口径调整"}))
    assert [p.message for p in explained] == ["社会消费品零售总额1—11月累计 130 小于1—10月累计 138.3：累计值不应减少（备注：口径调整）"]


def test_growth_far_off_the_recent_trend_is_a_notice(demo):
    retail = Indicator.objects.get(code="retail_sales")
    record_figure(demo, retail, 2023, 9, Provenance(by_name="test"), value=Decimal("120"), growth_pct=Decimal("8.6"))
    found = preview(FigureRow(demo, retail, 2023, 11, {"value": "150", "growth_pct": "25"}))
    assert [p.message for p in found] == [
        "社会消费品零售总额的同比增长 25% 与近2期（9月、10月）的平均 8.8% 相差 16.2 个百分点，请核实"]
    assert found[0].severity.value == "notice"
    assert preview(FigureRow(demo, retail, 2023, 11, {"value": "150", "growth_pct": "9.5"})) == []

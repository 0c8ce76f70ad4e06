"""Issue 16 trial (2026-12-06): the same numbers sent again are the figure as recorded at every door (they
used to write a revision that dropped the completion and rank the report material stated, judging the month
on another basis); a 1—12月 figure is the year itself, so no full-year estimate decides its completion; and a
full-year estimate is checked for plausibility as the cumulative value is."""

from __future__ import annotations

from decimal import Decimal

from devplan.collection.models import Submission
from devplan.indicators.assessment import Basis, FigureValues, TargetValues, assess
from devplan.indicators.models import Figure, Indicator
from tests.api.test_observations import post, session_client


def _latest(code: str, month: int) -> Figure:
    return Figure.objects.filter(region__name="湘乡市", indicator__code=code, year=2023, month=month
                                 ).order_by("-revision").first()


def _again(figure: Figure) -> dict[str, object]:
    return {"region": "湘乡市", "indicator": figure.indicator.code, "through": f"2023-{figure.month:02d}",
            "value": figure.stated("value"), "growth_pct": figure.stated("growth_pct")}


def test_a_department_sending_the_recorded_numbers_again_changes_nothing(personas):
    before = _latest("retail_sales", 10)
    assert before.stated_completion_pct is not None, "the demo's 社零 states its completion (材料所述)"
    client, token = session_client("tongji")
    answer = post(client, token, _again(before))
    assert answer.status_code == 200 and answer.json()["status"] == "unchanged"
    assert not Submission.objects.filter(indicator__code="retail_sales", year=2023, month=10).exists()


def test_a_planner_sending_the_recorded_numbers_again_keeps_what_the_material_stated(personas):
    before = _latest("fai", 10)
    client, token = session_client("planner")
    answer = post(client, token, _again(before))
    assert answer.status_code == 200 and answer.json()["status"] == "unchanged"
    after = _latest("fai", 10)
    assert after.revision == before.revision
    assert (after.stated_completion_pct, after.stated_rank) == (before.stated_completion_pct, before.stated_rank)


def test_new_numbers_are_a_new_revision(personas):
    before = _latest("fai", 10)
    client, token = session_client("planner")
    answer = post(client, token, {**_again(before), "value": "171.0"})
    assert answer.status_code == 201
    assert _latest("fai", 10).revision == before.revision + 1


def test_an_estimate_beside_a_whole_year_figure_is_refused(personas):
    client, token = session_client("tongji")
    answer = post(client, token, {"region": "湘乡市", "indicator": "gdp", "through": "2023-12", "value": "600.0",
                                  "growth_pct": "4.0", "estimate_value": "620"})
    assert answer.status_code == 422
    assert "1—12月的累计即全年数" in answer.json()["detail"]


def test_a_whole_year_figure_is_judged_by_itself_even_with_an_old_estimate_stored() -> None:
    gdp = Indicator(code="gdp", name="地区生产总值", unit="亿元", quantity=Indicator.Quantity.FLOW)
    figure = FigureValues(12, Decimal("600.0"), Decimal("4.0"), estimate_value=Decimal("620"),
                          estimate_growth_pct=Decimal("7"))
    level = assess(gdp, TargetValues("level", Decimal("617")), figure, None)
    assert level.completion is not None and level.completion.basis == Basis.CUMULATIVE.value
    assert level.completion.pct.quantize(Decimal("0.1")) == Decimal("97.2")
    growth = assess(gdp, TargetValues("growth", Decimal("6.8")), figure, None)
    assert growth.completion is not None and growth.completion.basis == Basis.GROWTH_INDEX.value


def test_an_estimate_a_hundred_times_the_years_pace_needs_a_reason(personas):
    client, token = session_client("caizheng")
    november = {"region": "湘乡市", "indicator": "fiscal_revenue", "through": "2023-11", "value": "13.90",
                "estimate_value": "1634"}
    refused = post(client, token, november)
    assert refused.status_code == 422
    assert "倍" in refused.json()["detail"] and "备注" in refused.json()["detail"]
    explained = post(client, token, {**november, "note": "按财政局口径，含上级转移支付的全年预计"})
    assert explained.status_code == 202
    assert [w["rule"] for w in explained.json()["warnings"]] == ["estimate_near_pace"]


def test_an_estimated_growth_far_from_the_years_growth_is_a_notice(personas):
    client, token = session_client("caizheng")
    october = _latest("fiscal_revenue", 10)
    answer = post(client, token, {"region": "湘乡市", "indicator": "fiscal_revenue", "through": "2023-11",
                                  "value": "13.90", "growth_pct": october.stated("growth_pct"),
                                  "estimate_growth_pct": "-60"})
    assert answer.status_code == 202
    assert "estimate_growth_near_growth" in [w["rule"] for w in answer.json()["warnings"]]

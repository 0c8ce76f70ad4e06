"""Roll-ups and rankings on a hand-made tree whose answers are worked out by hand: totals are sums of the
latest county revisions, growth comes from summed levels (never an average of rates), areas are judged
against their own target or the one their counties' targets add up to, and rates are never summed."""

from __future__ import annotations

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from devplan.lib.errors import DevplanError, UsageError
from devplan.regions.models import Region
from devplan.scale.rollups import area_totals, prefecture_rollup, province_ranking
from tests.writing import Provenance, record_figure

D = Decimal


def test_prefecture_totals_sum_the_latest_county_revisions_and_take_growth_from_summed_levels(tree):
    tree["figure"]("a1", 2023, 9, "120", "50")  # 有责修数: the newer revision replaces the older in the total
    a, b = prefecture_rollup(tree["gdp"], 2023, 9)
    assert (a.code, a.counties, a.value) == ("990100", 2, D("420"))
    # (120 + 300) / (80 + 300) − 1 = 10.5263 %, not the average of 50 % and 0 %.
    assert a.growth_pct == D("10.5263")
    assert (b.value, b.growth_pct) == (D("50"), D("11.1111"))


def test_an_area_without_its_own_target_is_judged_against_what_its_counties_targets_add_up_to(tree):
    a, b = prefecture_rollup(tree["gdp"], 2023, 9)
    # 甲市: a level target 150 and a growth target 5 % on last year's 400 → 150 + 420 = 570 for the year.
    assert (a.target_kind, a.target_value, a.target_basis) == ("level", D("570"), "sum of county targets")
    assert a.completion_pct is not None and round(a.completion_pct, 1) == D("70.2")  # 400 / 570
    assert a.light == "yellow"  # 75 % of the year gone, 4.8 points behind
    # 乙市: its only county has a growth target, so the area's is that rate weighted by last year's levels.
    assert (b.target_kind, b.target_value) == ("growth", D("8.00"))
    assert b.target_basis == "county growth targets weighted by last year's levels"


def test_an_areas_own_target_wins_and_provinces_add_up_their_prefectures_counties(tree):
    tree["target"](tree["province"], "level", "1000")
    (province,) = area_totals("province", tree["gdp"], 2023, 9)
    assert (province.counties, province.value) == (3, D("450"))
    assert province.growth_pct == D("5.8824")  # 450 / (80 + 300 + 45) − 1
    assert (province.target_value, province.target_basis) == (D("1000"), "own target")
    assert province.light == "red"  # 45 % done with 75 % of the year gone


def test_rates_are_never_summed(tree):
    with pytest.raises(UsageError, match="不能跨地区加总"):
        prefecture_rollup(tree["rate"], 2023, 9)


def test_a_province_ranking_places_every_county_by_growth_with_completion_and_light(tree):
    ranked = province_ranking(tree["province"], tree["gdp"], 2023, 9)
    assert [(r.code, r.place) for r in ranked] == [("990101", 1), ("990201", 2), ("990102", 3)]
    by_code = {r.code: r for r in ranked}
    assert round(by_code["990101"].completion_pct, 1) == D("66.7")  # 100 / 150 against 75 % of the year
    assert by_code["990101"].light == "red"
    assert round(by_code["990102"].completion_pct, 1) == D("95.2")  # 0 % growth against 5 %: 1.00 / 1.05
    assert by_code["990102"].light == "yellow"


def test_the_rollup_and_rank_commands_print_tables_and_json(tree):
    out = StringIO()
    call_command("rollup", "--indicator", "t_gdp", "--period", "2023-09", stdout=out)
    assert "甲市" in out.getvalue() and "● 黄" in out.getvalue()
    out = StringIO()
    call_command("rollup", "--indicator", "t_gdp", "--period", "2023-09", "--level", "province", "--json", stdout=out)
    (province,) = json.loads(out.getvalue())
    assert (province["region"], province["counties"], province["value"], province["growth_pct"]) == ("990000", 3, 450, 5.9)
    out = StringIO()
    call_command("rank", "--province", "试验省", "--indicator", "t_gdp", "--period", "2023-09", "--json", stdout=out)
    assert [row["region"] for row in json.loads(out.getvalue())] == ["990101", "990201", "990102"]
    with pytest.raises(DevplanError, match="不是省级行政区"):
        call_command("rank", "--province", "甲市", "--indicator", "t_gdp", "--period", "2023-09")


def test_the_api_names_an_areas_target_basis_in_chinese_beside_its_stable_key(tree):  # type: ignore[no-untyped-def]
    """Issue 16 trial #9: /api/rollup said only "sum of county targets"; the page says 所辖县目标折成全年总量相加."""
    from django.test import Client

    rows = {row["name"]: row["target"] for row in
            Client().get("/api/rollup", {"indicator": "t_gdp", "period": "2023-09"}).json()}
    assert {(t["basis"], t["basis_words"]) for t in rows.values()} == {
        ("sum of county targets", "所辖县目标折成全年总量相加"),
        ("county growth targets weighted by last year's levels", "所辖县增速目标按上年同期数加权")}


def test_a_county_the_province_administers_itself_counts_in_its_total_ranking_and_level_check(tree):
    """省直管县 (仙桃市 under 湖北省 with no prefecture between): its figures belong to the province's total,
    its counties' ranking and the count of counties the total must hold, as on the area page."""
    own = Region.objects.create(code="990001", name="直管县", level="county", parent=tree["province"])
    record_figure(own, tree["gdp"], 2023, 9, Provenance(), value=D("25"), growth_pct=D("30"))
    record_figure(own, tree["gdp"], 2022, 9, Provenance(), value=D("20"))
    (province,) = area_totals("province", tree["gdp"], 2023, 9)
    assert (province.counties, province.counties_under, province.value) == (4, 4, D("475"))
    assert province.growth_pct == D("6.7416")  # 475 / (80 + 300 + 45 + 20) − 1
    # The prefectures' totals are unchanged: the county is no prefecture's.
    assert [(t.code, t.value) for t in prefecture_rollup(tree["gdp"], 2023, 9)] == [("990100", D("400")),
                                                                                    ("990200", D("50"))]
    assert [r.code for r in province_ranking(tree["province"], tree["gdp"], 2023, 9)] == [
        "990001", "990101", "990201", "990102"]
    assert set(tree["province"].counties().values_list("code", flat=True)) == {"990001", "990101", "990102",
                                                                               "990201"}


def test_a_target_the_counties_targets_add_up_to_prints_alike_everywhere_with_the_totals_decimals(tree):
    """Last year's 400.7 × (1 + 5.3 %) is 421.9371: the summed target printed every decimal of that product on
    the page, the command and the API beside a total stated without decimals. One text everywhere, rounded as
    the total is."""
    from django.test import Client

    tree["figure"]("a2", 2022, 12, "400.7")
    tree["target"](tree["a2"], "growth", "5.3")
    (a, _b) = prefecture_rollup(tree["gdp"], 2023, 9)
    assert a.target_value == D("571.9371") and a.target_basis == "sum of county targets"
    assert a.stated("target_value") == "572" and a.stated() == "400"
    out = StringIO()
    call_command("rollup", "--indicator", "t_gdp", "--period", "2023-09", "--json", stdout=out)
    assert json.loads(out.getvalue())[0]["target"]["value"] == 572
    out = StringIO()
    call_command("rollup", "--indicator", "t_gdp", "--period", "2023-09", stdout=out)
    page = Client().get("/compare/990000/t_gdp/2023/9/").content.decode()
    assert "571.9" not in out.getvalue() + page
    assert ">572<" in page.replace(" ", "") and " 572 " in f" {out.getvalue()} ".replace("│", " ")

"""A prefecture's or province's own stated figure checked against the sum of its counties (issue 21, item 3):
the level gap in percent and the growth gap in points, flagged beyond the tolerance, never when some county
has not reported; the same answer in `devplan rollup --check`, its JSON and /api/rollup."""

from __future__ import annotations

import json
from decimal import Decimal
from io import StringIO

from django.core.management import call_command
from django.test import Client

from devplan.scale.level_checks import level_checks
from devplan.scale.rollups import area_totals
from tests.writing import Provenance, record_figure

D = Decimal


def _own(region, indicator, value: str, growth: str) -> None:  # type: ignore[no-untyped-def]
    record_figure(region, indicator, 2023, 9, Provenance(), value=D(value), growth_pct=D(growth))


def test_own_figures_against_the_sum_of_their_counties(tree, settings):  # type: ignore[no-untyped-def]
    settings.DEVPLAN_LEVEL_CHECK_PCT = D("1")
    settings.DEVPLAN_LEVEL_CHECK_POINTS = D("0.5")
    _own(tree["a"], tree["gdp"], "402", "5.3")  # counties: 100 + 300 = 400, growth (400 / 380 − 1) = 5.26 %
    _own(tree["b"], tree["gdp"], "47", "11.1")  # county: 50, growth 50 / 45 − 1 = 11.11 %
    totals = area_totals("prefecture", tree["gdp"], 2023, 9)
    checks = level_checks("prefecture", totals, tree["gdp"], 2023)
    a, b = checks["990100"], checks["990200"]
    assert round(a.value_gap_pct, 2) == D("-0.50") and round(a.growth_gap_points, 2) == D("-0.04")
    assert a.complete and not a.flagged and "在容差之内" in a.sentence()
    assert round(b.value_gap_pct, 2) == D("6.38") and b.flagged  # 50 against 47: 6.4 % over
    assert "超出容差" in b.sentence() and "本级数 47" in b.sentence() and "所辖县汇总 50" in b.sentence()


def test_an_area_whose_counties_have_not_all_reported_is_never_flagged(tree):  # type: ignore[no-untyped-def]
    from devplan.regions.models import Region

    Region.objects.create(code="990103", name="甲三县", level="county", parent=tree["a"])
    _own(tree["a"], tree["gdp"], "600", "5.3")
    totals = area_totals("prefecture", tree["gdp"], 2023, 9)
    check = level_checks("prefecture", totals, tree["gdp"], 2023)["990100"]
    assert not check.complete and not check.flagged
    assert "所辖 3 个县只有 2 个有数据" in check.sentence()


def test_the_command_its_json_and_the_api_agree(tree):  # type: ignore[no-untyped-def]
    _own(tree["b"], tree["gdp"], "47", "11.1")
    out = StringIO()
    call_command("rollup", "--indicator", "t_gdp", "--period", "2023-09", "--check", stdout=out)
    text = out.getvalue()
    assert "1 个地区，1 个超出容差" in text and "✗ 乙市" in text
    out = StringIO()
    call_command("rollup", "--indicator", "t_gdp", "--period", "2023-09", "--json", stdout=out)
    rows = {row["region"]: row for row in json.loads(out.getvalue())}
    assert rows["990100"]["check"] is None
    assert rows["990200"]["check"]["flagged"] is True and rows["990200"]["check"]["value_gap_pct"] == 6.38
    api = Client().get("/api/rollup", {"indicator": "t_gdp", "period": "2023-09"}).json()
    assert {row["region"]: row["check"] for row in api} == {code: row["check"] for code, row in rows.items()}
    page = Client().get("/compare/990000/t_gdp/2023/9/").content.decode()
    assert "本级数与所辖县汇总核对" in page and "乙市：本级数 47，所辖县汇总 50" in page


def test_the_area_page_shows_each_county_by_indicator_for_the_areas_people_only(tree):  # type: ignore[no-untyped-def]
    from devplan.accounts.models import Role
    from devplan.accounts.services import add_user

    tree["gdp"].is_main = True
    tree["gdp"].save()
    _own(tree["b"], tree["gdp"], "47", "11.1")
    planner = add_user("sheng", Role.PLANNER, "correct-horse-battery-staple", tree["province"])
    county = add_user("xian", Role.PLANNER, "correct-horse-battery-staple", tree["a1"])
    client = Client()
    client.force_login(planner)
    page = client.get("/area/990000/2023/9/")
    assert page.status_code == 200
    text = page.content.decode()
    assert all(name in text for name in ("甲一县", "甲二县", "乙一县")) and "乙市：本级数 47" in text
    assert client.get("/area/990101/2023/9/").status_code == 404  # a county has no area page
    client.force_login(county)
    assert client.get("/area/990000/2023/9/").status_code == 403


def test_a_total_of_some_counties_is_not_judged_as_the_area(tree):  # type: ignore[no-untyped-def]
    """A prefecture with one of three counties reported: the sum is shown as incomplete, with no completion or
    light (the part's completion is not the area's), and its check is marked ○, not ✓."""
    from devplan.regions.models import Region

    Region.objects.create(code="990103", name="甲三县", level="county", parent=tree["a"])
    tree["target"](tree["a"], "level", "500")
    _own(tree["a"], tree["gdp"], "600", "5.3")
    (a,) = [t for t in area_totals("prefecture", tree["gdp"], 2023, 9) if t.code == "990100"]
    assert (a.counties, a.counties_under, a.complete) == (2, 3, False)
    assert a.completion_pct is None and a.light == "none"
    check = level_checks("prefecture", [a], tree["gdp"], 2023)["990100"]
    assert check.mark == "○"
    out = StringIO()
    call_command("rollup", "--indicator", "t_gdp", "--period", "2023-09", "--check", stdout=out)
    assert "○ 甲市" in out.getvalue() and "✓ 甲市" not in out.getvalue()
    out = StringIO()
    call_command("rollup", "--indicator", "t_gdp", "--period", "2023-09", stdout=out)
    assert "2/3" in out.getvalue() and "汇总不完整" in out.getvalue()
    out = StringIO()
    call_command("rollup", "--indicator", "t_gdp", "--period", "2023-09", "--json", stdout=out)
    row = next(r for r in json.loads(out.getvalue()) if r["region"] == "990100")
    assert row["complete"] is False and row["counties_under"] == 3 and row["light"] == "none"


def test_a_sum_keeps_the_decimals_its_parts_were_stated_with(tree):  # type: ignore[no-untyped-def]
    """376.0 + 376.0 is 752.0 wherever the sum is printed, as each part was stated with one decimal."""
    for county in ("a1", "a2"):
        record_figure(tree[county], tree["gdp"], 2023, 10, Provenance(), value="376.0", growth_pct="5.0",
                      note="测试数据：十月按新口径统计")
    record_figure(tree["b1"], tree["gdp"], 2023, 10, Provenance(), value="60.0", growth_pct="5.0")
    (a,) = [t for t in area_totals("prefecture", tree["gdp"], 2023, 10) if t.code == "990100"]
    assert a.stated() == "752.0"
    out = StringIO()
    call_command("rollup", "--indicator", "t_gdp", "--period", "2023-10", "--json", stdout=out)
    row = next(r for r in json.loads(out.getvalue()) if r["region"] == "990100")
    assert json.dumps(row["value"]) == "752.0"
    out = StringIO()
    call_command("rollup", "--indicator", "t_gdp", "--period", "2023-10", stdout=out)
    assert "752.0" in out.getvalue()
    page = Client()
    from django.contrib.auth import get_user_model

    page.force_login(get_user_model().objects.create_superuser("root-sum", password="x" * 20))
    assert "752.0" in page.get("/compare/", {"province": "990000", "indicator": "t_gdp", "period": "2023-10"}, follow=True).content.decode()

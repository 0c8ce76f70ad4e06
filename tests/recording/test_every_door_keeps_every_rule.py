"""Every rule of the one table, tried through every door that can express it: the web form, the web Excel
upload, the API (a department: pending submissions), `devplan import` and `devplan import-csv` (the
operator: official at once). Each door must give the same verdict and tell the user the same sentence —
the API's — wherever it can hold the values at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from devplan.accounts.models import Role
from devplan.accounts.services import add_user
from devplan.indicators.models import Indicator, Responsibility
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.periods import lock_month
from devplan.recording.rules import BY_CODE
from tests.recording.doors import Api, Case, CliCsv, CliExcel, WebExcel, WebForm

PASSWORD = "correct-horse-battery-staple"

# (rule, indicator, year, month, values, accepted). Values as a user types them.
CASES = [
    Case("accepted", "retail_sales", 2023, 11, {"value": "152.6", "growth_pct": "8.8"}, True),
    Case("year_in_range", "retail_sales", 2101, 11, {"value": "152.6"}, False),
    Case("year_in_range", "retail_sales", 1999, 11, {"value": "152.6"}, False),
    Case("number_plain", "retail_sales", 2023, 11, {"value": "１５２.6"}, False),
    Case("number_plain", "retail_sales", 2023, 11, {"value": "152.6亿元"}, False),
    Case("number_places", "retail_sales", 2023, 11, {"value": "152.61234"}, False),
    Case("number_magnitude", "retail_sales", 2023, 11, {"value": "1000000000000000"}, False),
    Case("value_not_negative", "retail_sales", 2023, 11, {"value": "-152.6"}, False),
    Case("growth_in_bounds", "retail_sales", 2023, 11, {"value": "152.6", "growth_pct": "1500"}, False),
    Case("growth_in_bounds", "retail_sales", 2023, 11, {"value": "152.6", "growth_pct": "-100"}, False),
    Case("rate_at_most_100", "unemployment_rate", 2023, 11, {"value": "150"}, False),
    Case("text_safe", "retail_sales", 2023, 11, {"value": "152.6", "note": "@统计局 请核对"}, False),
    Case("text_safe", "retail_sales", 2023, 11, {"value": "152.6", "note": "+86 0731 5555"}, False),
    # Blanks before a formula are stripped as at every door: the formula is seen (a tester stored "\t=1" by CSV).
    Case("text_safe", "retail_sales", 2023, 11, {"value": "152.6", "note": "\t=1"}, False),
    # A full-width space is a blank too (the CSV's direct path sends such a note to the rules).
    Case("text_safe", "retail_sales", 2023, 11, {"value": "152.6", "note": "\u3000@统计局"}, False),
    # A number with a plus sign or blanks around it, or a negative rate, is what every door reads it as.
    Case("accepted", "retail_sales", 2023, 11, {"value": "+152.6", "growth_pct": " 8.8"}, True),
    Case("accepted", "retail_sales", 2023, 11, {"value": " 152.6 ", "growth_pct": "+8.8"}, True),
    Case("accepted", "unemployment_rate", 2023, 11, {"value": "-1"}, True),
    Case("reported_in_month", "gdp", 2023, 11, {"value": "500.2", "growth_pct": "2.5"}, False),
    Case("cumulative_not_decreasing", "retail_sales", 2023, 11, {"value": "120.5", "growth_pct": "8.8"}, False),
    # Looking forward too: a month filled in after a later one is not above it (October holds 138.3).
    Case("cumulative_not_decreasing", "retail_sales", 2023, 9, {"value": "150.0", "growth_pct": "9.0"}, False),
    Case("explained_decrease", "retail_sales", 2023, 9, {"value": "150.0", "growth_pct": "9.0", "note": "统计口径调整"},
         True),
    Case("explained_decrease", "retail_sales", 2023, 11,
         {"value": "120.5", "growth_pct": "8.8", "note": "统计口径调整"}, True),
    Case("estimate_not_below_cumulative", "retail_sales", 2023, 11,
         {"value": "152.6", "growth_pct": "8.8", "estimate_value": "100.0"}, False),
    Case("period_open", "retail_sales", 2023, 10, {"value": "140.1", "growth_pct": "9.1"}, False),
    Case("month_not_future", "retail_sales", date.today().year + 1, 1, {"value": "12.6"}, False),
    Case("explanation_meaningful", "retail_sales", 2023, 11, {"value": "120.5", "growth_pct": "8.8", "note": "x"},
         False),
]


@pytest.fixture
def region(demo: Any) -> Any:
    lock_month(Actor.of_system("测试", Door.CLI), demo, 2023, 10, "月报已发")
    return demo


def _department_of(code: str, region: Any) -> str:
    return Responsibility.objects.get(region=region, indicator__code=code).department.name


def _doors(region: Any, code: str, folder: Path) -> list[Any]:
    party = _department_of(code, region)
    user = add_user(f"user-{code}", Role.DEPARTMENT, PASSWORD, region, department=party)
    from django.test import Client

    client = Client()
    client.force_login(user)
    return [WebForm(client, region), WebExcel(client, region, party, folder), Api(client, region),
            CliExcel(region, party, folder), CliCsv(region, folder)]


def _expressible(door: Any, case: Case) -> bool:
    """A door that cannot hold the case's values at all (a page for a year it does not show, a CSV without
    the field) is not asked."""
    if door.name in ("网页填报", "网页上传 Excel") and case.rule in ("year_in_range", "month_not_future"):
        return False  # the pages of such a month answer 404
    if door.name in ("网页上传 Excel", "devplan import") and case.rule == "reported_in_month":
        return False  # an off month's template does not list the indicator
    return not (door.name == "devplan import-csv" and set(case.values) - {"value", "growth_pct", "note"})


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.indicator}-{c.year}-{c.month}")
def test_every_door_gives_the_same_verdict_and_sentence(region: Any, case: Case, tmp_path: Path,
                                                        django_db_blocker: Any) -> None:
    doors = _doors(region, case.indicator, tmp_path)
    api = next(d for d in doors if d.name == "数据接口")
    reference = api.send(case)
    assert reference.accepted is case.accepted, reference.said
    expected = next((s for s in reference.said[1:] if s), "") if not case.accepted else ""
    if case.rule in BY_CODE:
        assert expected, f"the API must name the broken rule {case.rule}: {reference.said}"
    for door in doors:
        if door is api or not _expressible(door, case):
            continue
        verdict = door.send(case)
        assert verdict.accepted is case.accepted, (door.name, verdict.said)
        if expected:
            assert verdict.says(expected), (door.name, expected, verdict.said)


def test_the_pages_refuse_exactly_the_years_the_doors_refuse(personas: Any) -> None:
    client = personas.client("owner")
    assert client.get(f"/submit/{personas.region.code}/2101/1/").status_code == 404
    assert client.get(f"/submit/{personas.region.code}/1999/12/").status_code == 404
    assert client.get(f"/submit/{personas.region.code}/2100/12/").status_code == 404  # not come yet
    assert client.get(f"/submit/{personas.region.code}/2000/1/").status_code == 200


def test_every_rule_is_documented_in_docs_recording() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "recording.md").read_text(encoding="utf-8")
    for code in BY_CODE:
        assert f"`{code}`" in text, code


def test_a_rate_indicator_exists_in_the_demo(demo: Any) -> None:
    assert Indicator.objects.get(code="unemployment_rate").quantity == Indicator.Quantity.RATE

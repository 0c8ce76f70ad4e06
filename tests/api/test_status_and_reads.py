"""`GET /api/status` equals `devplan status --json`; the read endpoints follow the access decisions."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tests.conftest import run_devplan


@pytest.mark.parametrize("as_of", [None, "2023-12", "2023-06"])
def test_api_status_equals_the_status_command(demo, demo_db_url, as_of):
    options = ["--as-of", as_of] if as_of else []
    command = run_devplan("status", "--region", "湘乡市", "--year", "2023", *options, "--json", db=demo_db_url)
    query = {"region": "湘乡市", "year": 2023, **({"as_of": as_of} if as_of else {})}
    assert Client().get("/api/status", query).json() == json.loads(command.stdout)


def test_indicator_figures_show_every_revision_to_its_department_only(personas):
    owner = personas.client("owner").get("/api/indicators/gdp/figures", {"region": "湘乡市", "year": 2023})
    assert owner.status_code == 200
    body = owner.json()
    assert body["targets"][0]["value"] == 617
    assert body["figures"][0]["through"] == "2023-09"
    assert body["figures"][0]["revisions"][0]["source"].startswith("——年计划完成地区生产总值617亿元以上")
    other = personas.client("other").get("/api/indicators/gdp/figures", {"region": "湘乡市", "year": 2023})
    assert other.status_code == 403
    anonymous = personas.client("anonymous").get("/api/indicators/gdp/figures", {"region": "湘乡市", "year": 2023})
    assert anonymous.status_code == 401


def test_indicator_list_shows_a_department_its_own_indicators(personas):
    rows = personas.client("other").get("/api/indicators", {"region": "湘乡市"}).json()
    assert [r["code"] for r in rows] == ["fiscal_revenue"]
    assert rows[0]["can_submit"] is True
    assert len(personas.client("planner").get("/api/indicators", {"region": "湘乡市"}).json()) > 20
    assert personas.client("anonymous").get("/api/indicators", {"region": "湘乡市"}).status_code == 401


def test_openapi_is_served_at_the_contract_path_and_lists_the_endpoints(db):
    schema = Client().get("/openapi.json").json()
    assert {"/api/status", "/api/login", "/api/observations", "/api/indicators/{code}/figures"} <= set(schema["paths"])


def test_api_docs_page_is_local(db):
    page = Client().get("/api/docs")
    assert page.status_code == 200
    assert "/api/observations" in page.content.decode()


@pytest.mark.parametrize("year, month", [("2023.0", "11"), ("2023", "+11"), (" 2023", "11"), ("２０２３", "11"),
                                         ("2023", "１１"), ("2023", "11.0")])
def test_a_year_or_month_is_read_in_ascii_digits_as_the_commands_read_it(personas, year, month):
    """Issue 16 re-trial (t16b): /api/status took "2023.0", "+11" and " 2023" for numbers, which
    `devplan status` refuses (`--year 应为四位半角数字…`)."""
    answer = Client().get("/api/status", {"region": "430381", "year": year, "month": month})
    assert answer.status_code == 422
    assert "应为半角阿拉伯数字" in answer.json()["detail"] or "应为整数" in answer.json()["detail"]
    figures = personas.client("owner").get("/api/indicators/gdp/figures", {"region": "430381", "year": year})
    assert figures.status_code == (200 if year == "2023" else 422)
    assert personas.client("planner").get(f"/api/targets/430381/gdp/{year.strip()}").status_code in (
        (200,) if year.strip() == "2023" else (404, 422))
    assert Client().get("/api/status", {"region": "430381", "year": "2023", "month": "11"}).status_code == 200

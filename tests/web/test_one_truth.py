"""One truth on every page and document (issue 16): for the demo region at several months and as-of times,
every output — the dashboard, the indicator page, the public page, /compare/, /api/ranking, /api/status,
/api/rollup, `devplan status`, the report's HTML and the brief — shows the same value, growth, completion,
basis and light for every main indicator as the one assessment (`indicators.status.indicator_status`)."""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime
from decimal import Decimal
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from devplan.indicators.models import Indicator
from devplan.lib.numbers import rounded
from devplan.lib.periods import parse_as_of
from devplan.reports.brief import build_brief
from devplan.reports.content import Num, Table, plain
from devplan.reports.execution import build_report
from devplan.reports.html_render import render_html
from devplan.scale.rollups import rollup_month
from tests.outputs import (
    LIGHT_WORDS,
    card_matches,
    cards,
    compare_row_matches,
    indicator_page_matches,
    same,
    truth,
)
from tests.writing import Provenance, record_figure

pytestmark = pytest.mark.django_db

YEAR = 2023
# (month, as of): now; November's figures not yet known; a quarter month; nothing known yet.
SCENARIOS = [(10, None), (11, None), (11, "2023-12-16"), (9, None), (11, "2023-12-01")]


@pytest.fixture
def region(demo):  # type: ignore[no-untyped-def]
    """The demo, and November's figures approved on 20 December: fiscal revenue without a full-year estimate
    (judged 累计÷年目标 against November's time progress) and investment as the web stated it, 188.2 / 7.8."""
    known = datetime(2023, 12, 20, 2, tzinfo=UTC)
    fiscal, fai = Indicator.objects.get(code="fiscal_revenue"), Indicator.objects.get(code="fai")
    record_figure(demo, fiscal, YEAR, 11, Provenance(known_at=known), value="13.2", growth_pct="5.10")
    record_figure(demo, fai, YEAR, 11, Provenance(known_at=known), value="188.2", growth_pct="7.8")
    return demo


def _truth(region, month: int, as_of: str | None) -> dict[str, dict[str, Any]]:  # type: ignore[no-untyped-def]
    return truth(region, YEAR, month, as_of)


def _query(month: int, as_of: str | None) -> str:
    return f"&as_of={as_of}" if as_of else ""


@pytest.mark.parametrize(("month", "as_of"), SCENARIOS)
def test_status_command_and_api_agree(region, client, month, as_of) -> None:  # type: ignore[no-untyped-def]
    truth = _truth(region, month, as_of)
    out = StringIO()
    call_command("status", "--region", region.code, "--year", str(YEAR), "--month", str(month),
                 *(["--as-of", as_of] if as_of else []), "--json", stdout=out)
    assert {row["indicator"]: row for row in json.loads(out.getvalue())} == truth
    answer = client.get(f"/api/status?region={region.code}&year={YEAR}&month={month}{_query(month, as_of)}")
    assert {row["indicator"]: row for row in answer.json()} == truth


@pytest.mark.parametrize(("month", "as_of"), SCENARIOS)
def test_ranking_and_rollup_judge_the_county_as_its_status_does(region, client, month, as_of) -> None:  # type: ignore[no-untyped-def]
    for code, row in _truth(region, month, as_of).items():
        ranked = client.get(f"/api/ranking?province=430000&indicator={code}&period={YEAR}-{month:02d}"
                            f"{_query(month, as_of)}").json()
        mine = [r for r in ranked if r["region"] == region.code]
        if row["actual"] is None:
            assert not mine
            continue
        (county,) = mine
        assert county["through"] == row["actual"]["through"]
        assert (county["value"], county["growth_pct"]) == (row["actual"]["value"], row["actual"]["growth_pct"])
        same(row, county["completion_pct"], county["completion_basis"], county["light"])
        indicator = Indicator.objects.get(code=code)
        same_month = row["actual"]["through"] == f"{YEAR}-{rollup_month(indicator, month):02d}"
        if not indicator.additive or not same_month or row["target"]["kind"] != "level":
            continue  # an area's growth target needs last year's levels, which the demo lacks
        if row["completion_basis"] == "材料所述":
            continue  # a completion a county's source states does not add up to an area's
        areas = client.get(f"/api/rollup?indicator={code}&period={YEAR}-{month:02d}{_query(month, as_of)}").json()
        (area,) = [a for a in areas if a["name"] == "湘潭市"]  # the demo's only county with figures
        assert area["value"] == row["actual"]["value"]
        # 湘潭市's other counties have no figures: the sum of a part is shown, never judged as the area's.
        assert area["complete"] is False and (area["completion_pct"], area["light"]) == (None, "none")


@pytest.mark.parametrize("month", [9, 10, 11, 12])
def test_dashboard_indicator_page_and_compare_show_the_same_judgement(region, admin_client, month) -> None:  # type: ignore[no-untyped-def]
    truth = _truth(region, month, None)
    shown = cards(html.unescape(admin_client.get(f"/dashboard/{region.code}/{YEAR}/{month}/").content.decode()))
    for code, row in truth.items():
        card_matches(shown[row["name"]], row)
        page = html.unescape(admin_client.get(f"/indicator/{region.code}/{code}/{YEAR}/?month={month}").content.decode())
        indicator_page_matches(page, row)
        if row["actual"] is not None:
            compare = admin_client.get(f"/compare/430000/{code}/{YEAR}/{month}/").content.decode()
            compare_row_matches(compare, region.code, row)


def test_public_page_shows_the_years_latest_judgement(region, client) -> None:  # type: ignore[no-untyped-def]
    shown = cards(html.unescape(client.get(f"/public/{region.code}/{YEAR}/").content.decode()))
    for row in _truth(region, 12, None).values():
        card_matches(shown[row["name"]], row)


@pytest.mark.parametrize(("month", "as_of"), SCENARIOS)
def test_the_brief_states_the_same_completion_basis_and_light(region, month, as_of) -> None:  # type: ignore[no-untyped-def]
    truth = _truth(region, month, as_of)
    moment = parse_as_of(as_of, "Asia/Shanghai") if as_of else None
    document = build_brief(region, YEAR, month, moment)
    table = next(b for b in document.blocks if isinstance(b, Table) and b.title == "主要指标运行情况")
    rows = {row.cells[0]: row.cells for row in table.rows}
    for indicator in Indicator.objects.filter(is_main=True):
        cells = rows[indicator.name]  # every main indicator, with or without data
        row = truth.get(indicator.code)
        if row is None or row["actual"] is None:
            assert cells[7] == "—"
            continue
        value = cells[2]
        assert isinstance(value, Num) and value.text == str(row["actual"]["value"])
        completion = cells[4]
        same(row, completion.value if isinstance(completion, Num) else None,
             cells[5] if isinstance(completion, Num) else None,
             {v: k for k, v in LIGHT_WORDS.items()}[str(cells[7])])
    assert "落后不超过0个百分点" not in table.note and "落后不超过5个百分点为黄灯" in table.note


@pytest.mark.parametrize("as_of", [None, "2023-12-16"])
def test_the_report_html_states_the_same_completion_and_basis(region, as_of) -> None:  # type: ignore[no-untyped-def]
    """The text states the percentage only, as a Congress document does ("完成年计划的97.2%"); the basis is in the
    number's tooltip ("…；完成率依据：全年预计÷年目标")."""
    truth = _truth(region, 12, as_of)
    page = render_html(build_report(region, YEAR, parse_as_of(as_of) if as_of else None))
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    tooltips = {html.unescape(title): number for title, number in
                re.findall(r'title="([^"]*完成率依据[^"]*)">(\d+(?:\.\d)?)</a>', page)}
    for row in truth.values():
        if row["completion_pct"] is None:
            continue
        assert f"完成年计划的{rounded(Decimal(str(row['completion_pct'])))}%。" in text, row["indicator"]
        said = [(title, number) for title, number in tooltips.items() if f"指标：{row['name']}；" in title]
        assert len(said) == 1, row["indicator"]
        title, number = said[0]
        same(row, number, title.split("完成率依据：")[1].split("；")[0], row["light"])


def test_a_web_stated_figure_prints_as_stated_everywhere(region, admin_client) -> None:  # type: ignore[no-untyped-def]
    document = build_report(region, YEAR)
    printed = plain([run for block in document.blocks if hasattr(block, "runs") for run in block.runs])  # type: ignore[attr-defined]
    printed += "".join(plain(item) for block in document.blocks if hasattr(block, "items") for item in block.items)  # type: ignore[attr-defined]
    assert "188.2亿元" in printed and "7.8%" in printed and "188.2000" not in printed and "7.8000" not in printed
    page = admin_client.get(f"/dashboard/{region.code}/{YEAR}/11/").content.decode()
    assert "188.2" in page and "188.2000" not in page

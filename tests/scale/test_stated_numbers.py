"""Numbers as stated on the ranking and roll-up outputs (issue 16): a county's 12.61 stays 12.61 and a growth
sent as "9.0" keeps its ".0" in `devplan rank`, `devplan rollup`, /api/ranking and /compare/."""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import call_command

from devplan.indicators.models import Indicator
from tests.writing import Provenance, record_figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def region(demo):  # type: ignore[no-untyped-def]
    known = datetime(2023, 12, 20, 2, tzinfo=UTC)
    record_figure(demo, Indicator.objects.get(code="fiscal_revenue"), 2023, 11, Provenance(known_at=known),
                  value="12.61", growth_pct="9.0")
    return demo


def _run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_rank_and_rollup_print_the_figures_as_stated(region) -> None:  # type: ignore[no-untyped-def]
    ranked = _run("rank", "--province", "湖南省", "--indicator", "fiscal_revenue", "--period", "2023-11")
    assert "12.61" in ranked and "9.0%" in ranked
    rolled = _run("rollup", "--indicator", "fiscal_revenue", "--period", "2023-11")
    assert "12.61" in rolled and "16.34" in rolled
    answer = json.loads(_run("rank", "--province", "湖南省", "--indicator", "fiscal_revenue", "--period", "2023-11",
                             "--json"))
    assert answer[0]["value"] == 12.61 and answer[0]["growth_pct"] == 9.0 and isinstance(answer[0]["growth_pct"], float)


def test_api_ranking_and_compare_keep_the_stated_decimal(region, client) -> None:  # type: ignore[no-untyped-def]
    text = client.get("/api/ranking?province=430000&indicator=fiscal_revenue&period=2023-11").content.decode()
    assert '"growth_pct":9.0' in text.replace(" ", "")
    page = html.unescape(client.get("/compare/430000/fiscal_revenue/2023/11/").content.decode())
    assert '<td class="num">9.0</td>' in page and '"labels": ["9.0"]' in page

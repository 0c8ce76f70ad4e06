"""The short-lived copy of `/api/status`: repeated reads within DEVPLAN_STATUS_FRESH_SECONDS cost no query,
and a write in the same process is seen at once."""

from __future__ import annotations

from decimal import Decimal

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from devplan.indicators.models import Figure, Indicator
from devplan.indicators.status_cache import data_changed
from tests.writing import Provenance, record_figure


def _gdp_estimate(client: Client) -> object:
    rows = client.get("/api/status", {"region": "湘乡市", "year": 2023}).json()
    return next(row for row in rows if row["indicator"] == "gdp")["estimate"]["value"]


def test_repeated_reads_within_the_fresh_time_ask_the_database_nothing(demo, settings):
    settings.DEVPLAN_STATUS_FRESH_SECONDS = 30
    cache.clear()
    client = Client()
    first = client.get("/api/status", {"region": "湘乡市", "year": 2023})
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/api/status", {"region": "湘乡市", "year": 2023})
    assert again.content == first.content
    assert len(queries) == 0


def test_a_write_in_this_process_shows_at_once(demo, settings):
    settings.DEVPLAN_STATUS_FRESH_SECONDS = 30
    cache.clear()
    client = Client()
    assert _gdp_estimate(client) == 600
    latest = Figure.objects.filter(region=demo, indicator__code="gdp", year=2023).order_by("-month", "-revision")[0]
    record_figure(demo, Indicator.objects.get(code="gdp"), 2023, latest.month, Provenance(reason="有责修数"),
                  value=latest.value, growth_pct=latest.growth_pct, estimate_value=Decimal("605"))
    assert _gdp_estimate(client) == 605


def test_bulk_writes_announce_themselves(demo, settings):
    settings.DEVPLAN_STATUS_FRESH_SECONDS = 30
    cache.clear()
    client = Client()
    client.get("/api/status", {"region": "湘乡市", "year": 2023})
    data_changed()
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/status", {"region": "湘乡市", "year": 2023})
    assert len(queries) >= 1

"""The public page needs no login and shows official figures only."""

from __future__ import annotations

from django.test import Client

from devplan.indicators.models import Indicator
from tests.collection_workflow.helpers import send


def test_public_page_shows_the_official_figures_without_login(demo):
    page = Client().get("/public/430381/2023/")
    assert page.status_code == 200
    assert "428.3" in page.content.decode() and "地区生产总值" in page.content.decode()


def test_public_page_never_shows_a_submission_awaiting_approval(personas):
    gdp = Indicator.objects.get(code="gdp")
    send(personas.owner, personas.region, gdp, 2023, 12, value="777.7")
    assert "777.7" not in Client().get("/public/430381/2023/").content.decode()


def test_public_page_names_nobody_and_links_to_no_protected_page(demo):
    page = Client().get("/public/430381/2023/").content.decode()
    assert "/indicator/" not in page and "devplan init --demo" not in page


def test_public_index_lists_regions_with_figures(demo):
    page = Client().get("/public/").content.decode()
    assert "/public/430381/" in page

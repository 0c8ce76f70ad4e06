"""The data-quality scorecard (issue 21, item 4): per reporter of a county, reports on time against the
deadline and missing after it, returns, revisions after approval and warnings confirmed, each with its items;
per county under a prefecture, the same added up with its reporting up (returns by the prefecture)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from devplan.accounts.models import Role
from devplan.accounts.services import add_user
from devplan.collection.models import Deadline
from devplan.collection.quality import area_scorecards, region_scorecards
from devplan.indicators.models import Indicator
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.periods import lock_month, return_report
from devplan.recording.service import give_back
from tests.writing import Provenance, record_figure

PASSWORD = "correct-horse-battery-staple"


def test_a_return_a_revision_and_a_missed_deadline_are_counted_with_their_items(personas):  # type: ignore[no-untyped-def]
    county = personas.region
    Deadline.objects.create(region=county, year=2023, month=11, due=date(2023, 12, 10))
    planner = Actor(personas.planner, "planner", Door.WEB)
    gdp = Indicator.objects.get(code="gdp")
    # A figure already official in October revised: a revision after approval of 统计局's indicator.
    record_figure(county, gdp, 2023, 9, Provenance(), value=Decimal("428.4"), growth_pct=Decimal("2.2"))
    cards = {card.name: card for card in region_scorecards(county, 2023, 11)}
    tongji_card = cards["统计局"]
    assert any("地区生产总值" in item and "次修订" in item for item in tongji_card.revisions)
    assert tongji_card.due >= 1 and tongji_card.missing  # November's deadline passed with reports missing
    shi = add_user("shi-planner", Role.PLANNER, PASSWORD, county.parent)
    lock_month(planner, county, 2023, 10)
    return_report(Actor(shi, "shi", Door.WEB), county, 2023, 10, "请核实规上工业增速")
    (score,) = [s for s in area_scorecards(county.parent, 2023, 11) if s.region == county]
    assert score.up_returns == 1 and score.total.revisions
    client = personas.client("planner")
    page = client.get(f"/quality/{county.code}/2023/11/").content.decode()
    assert "统计局" in page and "次修订" in page
    area = client.get(f"/quality/{county.parent.code}/2023/11/")
    assert area.status_code == 403  # a county's planner does not read the prefecture's scorecard
    from django.test import Client

    above = Client()
    above.force_login(shi)
    page = above.get(f"/quality/{county.parent.code}/2023/11/").content.decode()
    assert county.name in page and 'class="num up-returns">1<' in page
    assert personas.client("owner").get(f"/quality/{county.code}/2023/11/").status_code == 403


def test_a_returned_submission_is_counted_for_its_department(personas):  # type: ignore[no-untyped-def]
    from devplan.collection.models import Submission

    county = personas.region
    gdp = Indicator.objects.get(code="gdp")
    submission = Submission.objects.create(region=county, indicator=gdp, year=2023, month=11,
                                           values={"value": "600"}, status=Submission.Status.SUBMITTED,
                                           submitted_by=personas.owner)
    give_back(Actor(personas.planner, "planner", Door.WEB), submission.pk, "数值与统计快报不符")
    cards = {card.name: card for card in region_scorecards(county, 2023, 11)}
    assert any("数值与统计快报不符" in item for item in cards["统计局"].returns)

"""The access functions decide for every page and endpoint: three personas on each kind of object."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from devplan.accounts.access import Access, indicator_access, region_access, submission_access
from devplan.collection.models import Submission
from devplan.indicators.models import Indicator

READ_WRITE = Access(read=True, write=True)
READ_ONLY = Access(read=True, write=False)
NOTHING = Access(read=False, write=False)


def test_indicator_access_lets_only_the_responsible_department_write(personas):
    gdp = Indicator.objects.get(code="gdp")
    assert indicator_access(personas.owner, personas.region, gdp) == READ_WRITE
    assert indicator_access(personas.other, personas.region, gdp) == NOTHING
    assert indicator_access(AnonymousUser(), personas.region, gdp) == NOTHING


def test_planners_and_viewers_read_every_indicator_but_write_none(personas):
    fiscal = Indicator.objects.get(code="fiscal_revenue")
    assert indicator_access(personas.planner, personas.region, fiscal) == READ_ONLY
    assert indicator_access(personas.viewer, personas.region, fiscal) == READ_ONLY


def test_region_access_lets_members_read_and_planners_write(personas):
    assert region_access(personas.planner, personas.region) == READ_WRITE
    assert region_access(personas.owner, personas.region) == READ_ONLY
    assert region_access(personas.viewer, personas.region) == READ_ONLY
    assert region_access(AnonymousUser(), personas.region) == NOTHING


def test_membership_in_one_region_gives_nothing_in_a_peer(personas):
    peer = personas.region.peers().first()
    gdp = Indicator.objects.get(code="gdp")
    assert region_access(personas.planner, peer) == NOTHING
    assert indicator_access(personas.owner, peer, gdp) == NOTHING


def test_a_submission_is_writable_only_while_draft_or_returned(personas):
    gdp = Indicator.objects.get(code="gdp")
    submission = Submission(region=personas.region, indicator=gdp, year=2023, month=11, status="draft")
    assert submission_access(personas.owner, submission) == READ_WRITE
    assert submission_access(personas.other, submission) == NOTHING
    assert submission_access(AnonymousUser(), submission) == NOTHING
    submission.status = Submission.Status.SUBMITTED
    assert submission_access(personas.owner, submission) == READ_ONLY


def test_an_inactive_user_has_no_access(personas):
    personas.owner.is_active = False
    assert region_access(personas.owner, personas.region) == NOTHING

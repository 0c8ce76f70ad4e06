"""Roles over a region and everything below it (issue 21, item 1): a prefecture's or province's planners,
viewers and admins read every county under it — pages, indicators, projects — but write nothing there and
see no county's unpublished submissions; a county's people see only their county; a department or owner
role at the prefecture reaches nothing below."""

from __future__ import annotations

from django.test import Client

from devplan.accounts.access import (
    Access,
    indicator_access,
    project_access,
    region_access,
    regions_of,
    submission_access,
    write_right,
)
from devplan.accounts.models import Role
from devplan.accounts.services import add_user
from devplan.collection.models import Submission
from devplan.indicators.models import Indicator
from devplan.projects.models import Project
from devplan.regions.models import Department

READ_ONLY = Access(read=True, write=False)
NOTHING = Access(read=False, write=False)
PASSWORD = "correct-horse-battery-staple"


def test_a_prefecture_planner_reads_its_counties_and_writes_none(personas):  # type: ignore[no-untyped-def]
    county = personas.region
    prefecture = county.parent
    planner = add_user("shi-planner", Role.PLANNER, PASSWORD, prefecture)
    gdp = Indicator.objects.get(code="gdp")
    assert region_access(planner, county) == READ_ONLY
    assert region_access(planner, prefecture).write
    assert indicator_access(planner, county, gdp) == READ_ONLY
    project = Project.objects.filter(region=county).first()
    assert project is not None and project_access(planner, project) == READ_ONLY
    assert write_right(planner, county, gdp) is None  # approval stays with the county
    pending = Submission.objects.create(region=county, indicator=gdp, year=2023, month=11, status="submitted")
    assert submission_access(planner, pending) == NOTHING
    assert county in regions_of(planner) and prefecture in regions_of(planner)

    client = Client()
    client.force_login(planner)
    page = client.get(f"/dashboard/?region={county.code}", follow=True)
    assert page.status_code == 200 and county.name in page.content.decode()


def test_a_county_sees_only_its_county_and_lower_roles_do_not_reach_down(personas):  # type: ignore[no-untyped-def]
    county = personas.region
    peer = county.peers().first()
    assert region_access(personas.planner, peer) == NOTHING
    assert region_access(personas.viewer, county.parent) == NOTHING  # nothing upwards either
    Department.objects.create(region=county.parent, name="市统计局")
    department = add_user("shi-tongji", Role.DEPARTMENT, PASSWORD, county.parent, department="市统计局")
    assert region_access(department, county) == NOTHING
    client = Client()
    client.force_login(personas.planner)
    assert client.get(f"/dashboard/?region={peer.code}", follow=True).status_code == 403

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
    # Nor does the prefecture's dashboard show them the counties' reporting (a count and a link to a 403).
    client.force_login(department)
    page = client.get(f"/dashboard/{county.parent.code}/2023/10/")
    assert page.status_code == 200 and "所辖地区上报" not in page.content.decode()
    client.force_login(add_user("shi-planner", Role.PLANNER, PASSWORD, county.parent))
    assert "所辖地区上报" in client.get(f"/dashboard/{county.parent.code}/2023/10/").content.decode()


def test_an_area_reads_every_level_below_it_however_deep_the_tree(personas):  # type: ignore[no-untyped-def]
    """Re-trial of issue 21: reading from above stopped two levels up, so a county of a 地区 under an
    autonomous prefecture (伊犁州 › 塔城地区 › 县), or a district under a county, lost its province's readers."""
    from devplan.regions.models import Region

    county = personas.region
    prefecture = county.parent
    province = prefecture.parent
    district = Region.objects.create(code="43038101", name="测试区（县下）", level="county", parent=county)
    sub = Region.objects.create(code="430399", name="测试地区（市州下）", level="prefecture", parent=prefecture)
    deep = Region.objects.create(code="43039901", name="测试县（地区下）", level="county", parent=sub)
    deeper = Region.objects.create(code="4303990101", name="测试区（县下）", level="county", parent=deep)
    reader = add_user("sheng-viewer", Role.VIEWER, PASSWORD, province)
    for region in (county, district, sub, deep, deeper):
        assert region_access(reader, region) == READ_ONLY, region.name
    neighbour = add_user("xian-planner", Role.PLANNER, PASSWORD, deep)
    assert region_access(neighbour, deeper) == READ_ONLY
    assert region_access(neighbour, county) == NOTHING and region_access(neighbour, sub) == NOTHING

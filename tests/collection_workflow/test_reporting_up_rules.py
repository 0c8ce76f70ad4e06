"""The rules around reporting up that a trial found missing (issue 21): only the area's planners, viewers and
admins read its page and its reporting; an accepted month is reopened only by the area's return; an area
reports up only what its regions reported and it accepted; a region that never reported is late once the
deadline has passed; a return needs a comment of reasonable length; the county sees the return and what its
lock does; the prefecture's pages speak of its regions, not of a county."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from devplan.accounts.models import Role
from devplan.accounts.services import add_user
from devplan.collection.models import Deadline, PeriodState
from devplan.collection.reporting import month_states
from devplan.lib.errors import UsageError
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.periods import WorkflowError, accept_report, lock_month, reopen_month, return_report
from devplan.regions.models import Department, Region

PASSWORD = "correct-horse-battery-staple"


def _api(username: str) -> Client:
    client = Client(enforce_csrf_checks=True)
    answer = client.post("/api/login", {"username": username, "password": PASSWORD}, content_type="application/json")
    client.defaults["HTTP_X_CSRFTOKEN"] = answer.json()["csrf_token"]
    return client


def _web(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_only_the_areas_planners_viewers_and_admins_read_its_regions(personas):  # type: ignore[no-untyped-def]
    prefecture = personas.region.parent
    Department.objects.create(region=prefecture, name="统计局")
    add_user("shi-tongji", Role.DEPARTMENT, PASSWORD, prefecture, department="统计局")
    add_user("shi-yezhu", Role.OWNER, PASSWORD, prefecture, owner="湘潭市城市建设投资集团")
    for username in ("shi-tongji", "shi-yezhu"):
        api = _api(username)
        assert api.get("/api/reporting", {"area": prefecture.code, "period": "2023-11"}).status_code == 403
        assert api.get(f"/area/{prefecture.code}/2023/11/").status_code == 403
    shi = add_user("shi-planner", Role.PLANNER, PASSWORD, prefecture)
    assert _web(shi).get(f"/area/{prefecture.code}/2023/11/").status_code == 200
    assert _web(shi).get(f"/changes/{personas.region.code}/").status_code == 200  # the county's change history
    assert _web(shi).get(f"/area/{prefecture.code}/2099/1/").status_code == 404
    county = _api("shi-planner").get("/api/reporting", {"area": personas.region.code, "period": "2023-11"})
    assert county.status_code == 404 and "县级行政区" in county.json()["detail"]
    future = _api("shi-planner").get("/api/reporting", {"area": prefecture.code, "period": "2099-01"})
    assert future.status_code == 422
    # Reading the county's figures from above is not writing them: the refusal says so.
    wrote = _api("shi-planner").post("/api/observations", {"region": personas.region.code, "indicator": "gdp",
                                                           "through": "2023-11", "value": 600},
                                     content_type="application/json")
    assert wrote.status_code == 403 and "可以查看" in wrote.json()["detail"] and "部门" not in wrote.json()["detail"][:12]


def test_an_accepted_month_is_reopened_only_by_the_areas_return(personas):  # type: ignore[no-untyped-def]
    county = personas.region
    shi = Actor(add_user("shi-planner", Role.PLANNER, PASSWORD, county.parent), "t", Door.WEB)
    here = Actor(personas.planner, "t", Door.WEB)
    lock_month(here, county, 2023, 11)
    reopen_month(here, county, 2023, 11, "发现统计局数据有误")  # before an answer: withdrawn, recorded
    assert next(s.state for s in month_states(county.parent, 2023, 11) if s.region == county) == "unreported"
    lock_month(here, county, 2023, 11)
    accept_report(shi, county, 2023, 11)
    with pytest.raises(WorkflowError, match="已被湘潭市接收"):
        reopen_month(here, county, 2023, 11, "想再改一下")
    assert PeriodState.objects.get(region=county, year=2023, month=11).locked
    page = personas.client("planner").get(f"/review/{county.code}/2023/11/").content.decode()
    assert "锁定即向湘潭市上报" in page and "已接收" in page


def test_an_area_reports_up_only_what_it_accepted(personas):  # type: ignore[no-untyped-def]
    county = personas.region
    prefecture = county.parent
    shi = Actor(add_user("shi-planner", Role.PLANNER, PASSWORD, prefecture), "t", Door.WEB)
    with pytest.raises(WorkflowError, match=f"{county.name}.*尚未上报或尚未接收"):
        lock_month(shi, prefecture, 2023, 11)
    lock_month(Actor(personas.planner, "t", Door.WEB), county, 2023, 11)
    with pytest.raises(WorkflowError, match="尚未上报或尚未接收"):  # reported, not yet accepted
        lock_month(shi, prefecture, 2023, 11)
    accept_report(shi, county, 2023, 11)
    others = Region.objects.filter(parent=prefecture).exclude(pk=county.pk)
    for other in others:  # the demo's neighbours, if any, report and are accepted too
        lock_month(Actor(personas.planner, "t", Door.WEB), other, 2023, 11)
        accept_report(shi, other, 2023, 11)
    lock_month(shi, prefecture, 2023, 11)
    assert PeriodState.objects.get(region=prefecture, year=2023, month=11).locked


def test_a_region_that_never_reported_is_late_after_the_deadline(personas):  # type: ignore[no-untyped-def]
    county = personas.region
    Deadline.objects.create(region=county.parent, year=2023, month=10, due=date(2023, 11, 10))
    (state,) = [s for s in month_states(county.parent, 2023, 10) if s.region == county]
    assert state.state == "unreported" and state.on_time is False


def test_a_return_needs_a_comment_of_reasonable_length(personas):  # type: ignore[no-untyped-def]
    county = personas.region
    shi = Actor(add_user("shi-planner", Role.PLANNER, PASSWORD, county.parent), "t", Door.WEB)
    lock_month(Actor(personas.planner, "t", Door.WEB), county, 2023, 11)
    with pytest.raises(UsageError, match="须写明意见"):
        return_report(shi, county, 2023, 11, "   ")
    with pytest.raises(UsageError, match="不能超过 500 字"):
        return_report(shi, county, 2023, 11, "请核实" * 200)
    blank = _api("shi-planner").post(f"/api/reporting/{county.code}/2023-11/return", {"comment": " "},
                                     content_type="application/json")
    assert blank.status_code == 422


def test_the_county_sees_the_return_and_the_prefecture_its_regions(personas):  # type: ignore[no-untyped-def]
    county = personas.region
    prefecture = county.parent
    shi_user = add_user("shi-planner", Role.PLANNER, PASSWORD, prefecture)
    lock_month(Actor(personas.planner, "t", Door.WEB), county, 2023, 11)
    return_report(Actor(shi_user, "t", Door.WEB), county, 2023, 11, "规上工业增速与用电量不符，请核实")
    for url in (f"/review/{county.code}/2023/11/", f"/dashboard/{county.code}/2023/11/"):
        page = personas.client("planner").get(url).content.decode()
        assert "湘潭市退回了2023年11月的上报" in page and "规上工业增速与用电量不符" in page, url
    assert "锁定并上报湘潭市" in personas.client("planner").get(f"/review/{county.code}/2023/11/").content.decode()
    shi = _web(shi_user)
    review = shi.get(f"/review/{prefecture.code}/2023/11/").content.decode()
    assert "所辖地区一览" in review
    dashboard = shi.get(f"/dashboard/{prefecture.code}/2023/11/").content.decode()
    assert "所辖地区上报" in dashboard and "同级县市区" not in dashboard
    area = shi.get(f"/area/{prefecture.code}/2023/11/").content.decode()
    assert "县里" not in area


def test_a_month_not_yet_come_is_not_locked_and_nothing_is_on_time_without_a_deadline(personas):  # type: ignore[no-untyped-def]
    from devplan.collection.completeness import completeness

    with pytest.raises(UsageError, match="还没有到"):
        lock_month(Actor(personas.planner, "t", Door.WEB), personas.region, 2099, 1)
    table = completeness(personas.region, 2023, 11)
    assert table.deadline is None and table.on_time_rate is None and all(row.on_time == 0 for row in table.rows)

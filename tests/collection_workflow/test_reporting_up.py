"""Reporting up (issue 21, item 2): a county reports a month by locking it; its prefecture sees it waiting,
returns it with a comment (which reopens it at the county, recorded as the prefecture planner's reopening),
the county corrects and locks again, the prefecture accepts; the same through the page and the API; only the
area directly above decides, and the year's record counts the return and whether months came in on time."""

from __future__ import annotations

from datetime import date

from django.test import Client

from devplan.accounts.models import Role
from devplan.accounts.services import add_user
from devplan.collection.models import Deadline, PeriodLock, PeriodState
from devplan.collection.reporting import month_states, year_records

PASSWORD = "correct-horse-battery-staple"


def _api(username: str) -> Client:
    client = Client(enforce_csrf_checks=True)
    answer = client.post("/api/login", {"username": username, "password": PASSWORD}, content_type="application/json")
    client.defaults["HTTP_X_CSRFTOKEN"] = answer.json()["csrf_token"]
    return client


def _state(prefecture, county) -> str:  # type: ignore[no-untyped-def]
    return next(item.state for item in month_states(prefecture, 2023, 11) if item.region == county)


def test_a_month_reported_returned_corrected_and_accepted(personas):  # type: ignore[no-untyped-def]
    county = personas.region
    prefecture = county.parent
    shi = add_user("shi-planner", Role.PLANNER, PASSWORD, prefecture)
    Deadline.objects.create(region=prefecture, year=2023, month=11, due=date(2099, 12, 10))
    planner = personas.client("planner")
    assert _state(prefecture, county) == "unreported"

    planner.post(f"/review/{county.code}/2023/11/period/", {"action": "lock"})
    assert _state(prefecture, county) == "awaiting"

    api = _api("shi-planner")
    answer = api.post(f"/api/reporting/{county.code}/2023-11/return", {"comment": "固定资产投资增速与项目进度不符，请核实"},
                      content_type="application/json")
    assert answer.status_code == 200 and answer.json()["state"] == "returned"
    assert not PeriodState.objects.get(region=county, year=2023, month=11).locked  # reopened at the county
    reopening = PeriodLock.objects.filter(region=county, event="reopen").last()
    assert reopening is not None and reopening.by == shi and "请核实" in reopening.reason
    listed = api.get("/api/reporting", {"area": prefecture.code, "period": "2023-11"}).json()["regions"]
    row = next(item for item in listed if item["region"] == county.code)
    assert row["state"] == "returned" and row["comment"] == "固定资产投资增速与项目进度不符，请核实"

    planner.post(f"/review/{county.code}/2023/11/period/", {"action": "lock"})  # corrected, reported again
    assert _state(prefecture, county) == "awaiting"
    web = Client()
    web.force_login(shi)
    page = web.get(f"/area/{prefecture.code}/2023/11/").content.decode()
    assert "已上报，待接收" in page and "接收" in page
    web.post(f"/reported/{county.code}/2023/11/", {"action": "accept"})
    assert _state(prefecture, county) == "accepted"
    again = api.post(f"/api/reporting/{county.code}/2023-11/accept")
    assert again.status_code == 409 and "已经处理过" in again.json()["detail"]

    (record,) = [r for r in year_records(prefecture, 2023, 11) if r.region == county]
    assert (record.reported, record.returns, record.on_time, record.with_deadline) == (1, 1, 1, 1)


def test_only_the_area_directly_above_decides(personas):  # type: ignore[no-untyped-def]
    county = personas.region
    prefecture = county.parent
    add_user("shi-leader", Role.VIEWER, PASSWORD, prefecture)
    personas.client("planner").post(f"/review/{county.code}/2023/11/period/", {"action": "lock"})
    own = _api("planner").post(f"/api/reporting/{county.code}/2023-11/accept")
    assert own.status_code == 403  # a county does not accept its own report
    viewer = _api("shi-leader")
    assert viewer.get("/api/reporting", {"area": prefecture.code, "period": "2023-11"}).status_code == 200
    assert viewer.post(f"/api/reporting/{county.code}/2023-11/accept").status_code == 403
    assert _api("planner").get("/api/reporting", {"area": prefecture.code, "period": "2023-11"}).status_code == 403
    assert _state(prefecture, county) == "awaiting"


def test_a_return_needs_a_comment_and_a_reported_month(personas):  # type: ignore[no-untyped-def]
    county = personas.region
    add_user("shi-planner", Role.PLANNER, PASSWORD, county.parent)
    api = _api("shi-planner")
    early = api.post(f"/api/reporting/{county.code}/2023-11/accept")
    assert early.status_code == 409 and "尚未上报" in early.json()["detail"]
    personas.client("planner").post(f"/review/{county.code}/2023/11/period/", {"action": "lock"})
    blank = api.post(f"/api/reporting/{county.code}/2023-11/return", {"comment": "  "}, content_type="application/json")
    assert blank.status_code in (409, 422) and "须写明意见" in blank.json()["detail"]

"""The pages that read a month's figures refuse a month not yet come as every read door does
(`recording.clock.check_past`), link to none, and never open on one (issue 16 re-trial, t16b: the dashboard
and /compare/ showed 2027年1月 in December 2026, the dashboard's › led there, and a brief's download said
`--month：…` on a web page)."""

from __future__ import annotations

from devplan.collection.models import Deadline
from devplan.recording.clock import current_month
from devplan.web.periods import default_period, neighbours


def _now_and_next() -> tuple[tuple[int, int], tuple[int, int]]:
    now = current_month()
    return now, neighbours(*now)["next"]


def test_the_dashboard_and_compare_refuse_a_month_not_yet_come(personas):
    _now, (year, month) = _now_and_next()
    client = personas.client("planner")
    province = personas.region.parent.parent
    for address in (f"/dashboard/{personas.region.code}/{year}/{month}/",
                    f"/compare/{province.code}/gdp/{year}/{month}/",
                    f"/reports/{personas.region.code}/{year}/{month}/brief.pdf"):
        page = client.get(address)
        assert page.status_code == 404, address
        text = page.content.decode()
        assert f"月份：{year}年{month}月还没有到" in text and "--month" not in text, address


def test_no_link_leads_to_a_month_not_yet_come_except_the_review_pages(personas):
    (year, month), (next_year, next_month) = _now_and_next()
    client = personas.client("planner")
    code = personas.region.code
    dashboard = client.get(f"/dashboard/{code}/{year}/{month}/").content.decode()
    assert f"/dashboard/{code}/{next_year}/{next_month}/" not in dashboard
    assert f"{next_year}年{next_month}月 ›" not in dashboard
    review = client.get(f"/review/{code}/{year}/{month}/").content.decode()
    assert f"/review/{code}/{next_year}/{next_month}/" in review  # next month's deadline is set there


def test_a_deadline_set_ahead_does_not_open_the_pages_on_a_month_not_yet_come(personas):
    from datetime import date

    _now, (year, month) = _now_and_next()
    Deadline.objects.create(region=personas.region, year=year, month=month, due=date(year, month, 10))
    assert default_period(personas.region) != (year, month)
    landing = personas.client("planner").get("/dashboard/")
    assert landing.status_code == 302
    assert personas.client("planner").get(landing["Location"]).status_code == 200

"""The home page sends a planner, a leader or an admin to the dashboard of the month /dashboard/ opens on
(`web.periods.default_period`), not to the first open entry month (issue 16: 2023/12 against 2023/11)."""

from __future__ import annotations

from devplan.recording.periods import lock_month
from devplan.web.periods import default_period, entry_period
from tests.collection_workflow.helpers import actor


def test_home_and_dashboard_open_on_the_same_month(personas):
    # The demo's latest deadline is October's; once October is locked the entry pages move on to November,
    # while the dashboard stays on October.
    assert default_period(personas.region) == (2023, 10)
    lock_month(actor(personas.planner), personas.region, 2023, 10)
    assert entry_period(personas.region) == (2023, 11)
    for who in ("planner", "viewer"):
        client = personas.client(who)
        home, dashboard = client.get("/"), client.get("/dashboard/")
        assert home.status_code == dashboard.status_code == 302
        assert home["Location"] == dashboard["Location"], who

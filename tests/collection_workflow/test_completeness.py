"""The completeness table: expected, received and on-time reports per department and project owner unit,
and reminders."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from devplan.collection.completeness import completeness, reminders
from devplan.indicators.models import Indicator
from devplan.projects.models import Project
from devplan.recording.periods import set_deadline
from devplan.regions.models import Department
from tests.accounts.personas import BUILDER
from tests.collection_workflow.helpers import actor, send


def test_reporting_rate_counts_submitted_reports_against_expected_ones(personas):
    set_deadline(actor(personas.planner), personas.region, 2023, 11, date(2099, 12, 10))
    before = completeness(personas.region, 2023, 11)
    fai = Indicator.objects.get(code="fai")
    send(personas.owner, personas.region, fai, 2023, 11, value="180", growth_pct="8")
    after = completeness(personas.region, 2023, 11)
    assert after.received == before.received + 1
    assert after.reporting_rate == (Decimal(after.received) * 100 / after.expected).quantize(Decimal("0.1"))
    assert after.on_time_rate == after.reporting_rate


def test_gdp_is_expected_only_in_quarter_months(personas):
    def expects_gdp(month: int) -> bool:
        gdp = Indicator.objects.get(code="gdp").name
        return any(gdp in row.expected for row in completeness(personas.region, 2023, month).rows)

    assert not expects_gdp(11) and expects_gdp(12)


def test_reminders_list_the_departments_missing_reports_and_flag_overdue_months(personas):
    set_deadline(actor(personas.planner), personas.region, 2023, 11, date(2023, 12, 10))
    stats = Department.objects.get(region=personas.region, name="统计局")
    found = reminders(personas.region, [stats], date(2023, 12, 11))
    assert [(r.month, r.overdue) for r in found] == [(11, True)]
    # Income is accounted quarterly: November asks for it from nobody.
    names = set(Indicator.objects.filter(code__in=["fai", "retail_sales"])
                .values_list("name", flat=True))
    assert set(found[0].missing) == names


def _builder_row(personas, month):
    return next(row for row in completeness(personas.region, 2023, month).rows if row.is_owner and row.name == BUILDER)


def test_a_project_counts_as_received_when_a_progress_revision_for_the_month_exists(personas):
    project = Project.objects.get(ref="XX-003")
    assert project.name in _builder_row(personas, 10).received


def test_an_owners_missing_project_is_in_the_table_and_its_reminders_until_its_progress_is_submitted(personas):
    set_deadline(actor(personas.planner), personas.region, 2023, 11, date(2023, 12, 10))
    project = Project.objects.get(ref="XX-003")
    row = _builder_row(personas, 11)
    assert project.name in row.expected and project.name in row.missing
    found = reminders(personas.region, [], date(2023, 12, 11), [BUILDER])
    assert [(r.month, r.kind, r.overdue) for r in found] == [(11, "owner", True)]
    assert project.name in found[0].missing
    assert reminders(personas.region, [], date(2023, 12, 11), ["另一家业主单位"]) == []
    before = completeness(personas.region, 2023, 11)

    send(personas.builder, personas.region, project, 2023, 11, completed="1.6")

    after = completeness(personas.region, 2023, 11)
    assert (after.expected, after.received) == (before.expected, before.received + 1)
    row = _builder_row(personas, 11)
    assert project.name in row.received and project.name not in row.missing
    assert row.on_time == 0  # submitted long after the 2023 deadline
    assert all(project.name not in r.missing for r in reminders(personas.region, [], date(2023, 12, 11), [BUILDER]))


@pytest.mark.parametrize(("due", "said"), [("9999-12-10", "截止日的年份应在 2000 到 2100 之间，而不是 9999"),
                                          ("12/10", "截止日应为日期（如 2024-03-15），而不是“12/10”")])
def test_a_deadline_is_a_date_in_the_years_every_door_takes(personas, due, said):  # type: ignore[no-untyped-def]
    """A tester set a deadline in the year 9999 from the review page."""
    from devplan.collection.models import Deadline

    page = personas.client("planner").post("/review/430381/2023/11/period/", {"action": "deadline", "due": due},
                                           follow=True)
    assert said in page.content.decode()
    assert not Deadline.objects.filter(region=personas.region, year=2023, month=11).exists()
    personas.client("planner").post("/review/430381/2023/11/period/", {"action": "deadline", "due": "2023-12-10"})
    assert Deadline.objects.get(region=personas.region, year=2023, month=11).due.isoformat() == "2023-12-10"

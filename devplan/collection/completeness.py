"""Who has reported a month and who has not: the completeness table (DHIS2's reporting rate and on-time
rate), the reports still missing, and the reminders a submitter sees on its home page.

Two kinds of reporter are expected to report each month:

- every department, for every indicator it is responsible for, in the months of the indicator's frequency
  (`Indicator.reported_in`: GDP and incomes are accounted quarterly, months 3, 6, 9, 12, and no other month
  may invent them). An indicator's report counts as
  received when its submission is submitted or approved, or when an official figure for the month exists
  (recorded through the API or an import);
- every project owner unit, for every one of its projects with an annual plan that year. A project's
  report counts as received when its progress submission is submitted or approved, or when a `Progress`
  revision for the month exists.

A report is on time when it was received by the end of the deadline's day; without a deadline for the month
no report is counted on time or late.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings

from devplan.collection.models import Deadline, Submission
from devplan.indicators.models import Figure, Indicator, Responsibility
from devplan.projects.models import AnnualPlan, Progress
from devplan.recording.periods import is_locked
from devplan.regions.models import Department, Region

RECEIVED = (Submission.Status.SUBMITTED, Submission.Status.APPROVED)
DEPARTMENT = "department"
OWNER = "owner"


def expected_this_month(indicator: Indicator, month: int) -> bool:
    return indicator.reported_in(month)


@dataclass
class ReporterRow:
    """One reporter of the month: a department (its indicators) or a project owner unit (its projects);
    `expected` and `received` are the names of the indicators or projects."""

    name: str
    kind: str = DEPARTMENT
    expected: list[str] = field(default_factory=list)
    received: list[str] = field(default_factory=list)
    on_time: int = 0

    @property
    def missing(self) -> list[str]:
        """The expected names not received, in order (names may repeat: indicator names are not unique)."""
        unmatched = Counter(self.received)
        missing = []
        for name in self.expected:
            if unmatched[name]:
                unmatched[name] -= 1
            else:
                missing.append(name)
        return missing

    @property
    def is_owner(self) -> bool:
        return self.kind == OWNER

    def expect(self, name: str, arrived: bool, when: datetime | None, cutoff: datetime | None) -> None:
        self.expected.append(name)
        if arrived:
            self.received.append(name)
            self.on_time += int(cutoff is not None and when is not None and when <= cutoff)


@dataclass(frozen=True)
class Completeness:
    rows: list[ReporterRow]
    deadline: date | None

    @property
    def expected(self) -> int:
        return sum(len(r.expected) for r in self.rows)

    @property
    def received(self) -> int:
        return sum(len(r.received) for r in self.rows)

    @property
    def reporting_rate(self) -> Decimal | None:
        return _pct(self.received, self.expected)

    @property
    def on_time_rate(self) -> Decimal | None:
        """None without a deadline: nothing can be on time or late before one is set."""
        return None if self.deadline is None else _pct(sum(r.on_time for r in self.rows), self.expected)


def _pct(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else (Decimal(part) * 100 / whole).quantize(Decimal("0.1"))


def deadline_for(region: Region, year: int, month: int) -> date | None:
    row = Deadline.objects.filter(region=region, year=year, month=month).first()
    return row.due if row else None


def _earliest(submitted: Iterable[tuple[int, datetime | None]],
              recorded: Iterable[tuple[int, datetime]]) -> dict[int, datetime | None]:
    """Per subject id: when its report arrived (the earliest of its submission and its official records)."""
    arrived: dict[int, datetime | None] = dict(submitted)
    for key, at in recorded:
        current = arrived.get(key)
        arrived[key] = at if current is None else min(current, at)
    return arrived


def _indicators_received(region: Region, year: int, month: int) -> dict[int, datetime | None]:
    received = Submission.objects.filter(
        region=region, year=year, month=month, status__in=RECEIVED, indicator__isnull=False
    ).values_list("indicator_id", "submitted_at")
    figures = Figure.objects.filter(region=region, year=year, month=month).values_list("indicator_id", "change_set__at")
    return _earliest(received, figures)


def _projects_received(region: Region, year: int, month: int) -> dict[int, datetime | None]:
    received = Submission.objects.filter(
        project__region=region, year=year, month=month, status__in=RECEIVED, project__isnull=False
    ).values_list("project_id", "submitted_at")
    progress = Progress.objects.filter(project__region=region, year=year, month=month).values_list(
        "project_id", "change_set__at"
    )
    return _earliest(received, progress)


def completeness(region: Region, year: int, month: int) -> Completeness:
    due = deadline_for(region, year, month)
    cutoff = _end_of_day(due) if due else None
    departments: dict[int, ReporterRow] = {}
    arrived = _indicators_received(region, year, month)
    responsibilities = Responsibility.objects.filter(region=region).select_related("indicator", "department")
    for resp in responsibilities.order_by("department__name", "indicator__sort_order"):
        if not expected_this_month(resp.indicator, month):
            continue
        row = departments.setdefault(resp.department_id, ReporterRow(resp.department.name, DEPARTMENT))
        row.expect(resp.indicator.name, resp.indicator_id in arrived, arrived.get(resp.indicator_id), cutoff)
    owners: dict[str, ReporterRow] = {}
    arrived = _projects_received(region, year, month)
    plans = AnnualPlan.objects.filter(project__region=region, year=year).select_related("project")
    for plan in plans.order_by("project__owner", "project__ref"):
        project = plan.project
        row = owners.setdefault(project.owner, ReporterRow(project.owner, OWNER))
        row.expect(project.name, project.pk in arrived, arrived.get(project.pk), cutoff)
    return Completeness([*departments.values(), *owners.values()], due)


def _end_of_day(day: date) -> datetime:
    return datetime.combine(day, datetime.max.time(), tzinfo=ZoneInfo(settings.TIME_ZONE))


@dataclass(frozen=True)
class Reminder:
    """A month with a deadline and what one kind of reporter (departments' indicators or owners'
    projects) has not reported for it yet."""

    year: int
    month: int
    due: date
    missing: list[str]
    overdue: bool
    kind: str = DEPARTMENT

    @property
    def is_owner(self) -> bool:
        return self.kind == OWNER


def reminders(
    region: Region, departments: Iterable[Department], today: date, units: Iterable[str] = ()
) -> list[Reminder]:
    """For each month with a deadline, the departments' indicators and the owner units' projects not yet
    reported, oldest month first (indicators before projects within a month)."""
    mine = {(DEPARTMENT, d.name) for d in departments} | {(OWNER, unit) for unit in units}
    found: list[Reminder] = []
    if not mine:
        return found
    for deadline in Deadline.objects.filter(region=region).order_by("year", "month"):
        if is_locked(region, deadline.year, deadline.month):
            continue
        table = completeness(region, deadline.year, deadline.month)
        for kind in (DEPARTMENT, OWNER):
            missing = [name for row in table.rows if row.kind == kind and (kind, row.name) in mine
                       for name in row.missing]
            if missing:
                found.append(Reminder(deadline.year, deadline.month, deadline.due, missing,
                                      deadline.due < today, kind))
    return found

"""Who has reported a month and who has not: the completeness table (DHIS2's reporting rate and on-time
rate), the reports still missing, and the reminders a submitter sees on its home page.

A report is expected from every department for every indicator it is responsible for, each month —
except GDP, which counties account quarterly (months 3, 6, 9, 12) and which no other month may invent.
It counts as received when its submission is submitted or approved, or when an official figure for the
month exists (recorded through the API or an import); on time when that happened by the deadline's end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings

from devplan.collection.models import Deadline, Submission
from devplan.collection.workflow import is_locked
from devplan.indicators.models import Figure, Indicator, Responsibility
from devplan.regions.models import Department, Region

QUARTERLY = frozenset({"gdp"})
RECEIVED = (Submission.Status.SUBMITTED, Submission.Status.APPROVED)


def expected_this_month(indicator: Indicator, month: int) -> bool:
    return indicator.code not in QUARTERLY or month % 3 == 0


@dataclass
class DepartmentRow:
    department: Department
    expected: list[Indicator] = field(default_factory=list)
    received: list[Indicator] = field(default_factory=list)
    on_time: int = 0

    @property
    def missing(self) -> list[Indicator]:
        return [i for i in self.expected if i not in self.received]


@dataclass(frozen=True)
class Completeness:
    rows: list[DepartmentRow]
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
        return _pct(sum(r.on_time for r in self.rows), self.expected)


def _pct(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else (Decimal(part) * 100 / whole).quantize(Decimal("0.1"))


def deadline_for(region: Region, year: int, month: int) -> date | None:
    row = Deadline.objects.filter(region=region, year=year, month=month).first()
    return row.due if row else None


def _received_at(region: Region, year: int, month: int) -> dict[int, datetime | None]:
    """Per indicator id: when its report for the month arrived (the earliest of submission and figure)."""
    arrived: dict[int, datetime | None] = {}
    received = Submission.objects.filter(
        region=region, year=year, month=month, status__in=RECEIVED, indicator__isnull=False
    )
    for s in received:
        if s.indicator_id is not None:
            arrived[s.indicator_id] = s.submitted_at
    for f in Figure.objects.filter(region=region, year=year, month=month).order_by("revision"):
        current = arrived.get(f.indicator_id)
        arrived[f.indicator_id] = f.recorded_at if current is None else min(current, f.recorded_at)
    return arrived


def completeness(region: Region, year: int, month: int) -> Completeness:
    due = deadline_for(region, year, month)
    cutoff = _end_of_day(due) if due else None
    arrived = _received_at(region, year, month)
    rows: dict[int, DepartmentRow] = {}
    responsibilities = Responsibility.objects.filter(region=region).select_related("indicator", "department")
    for resp in responsibilities.order_by("department__name", "indicator__sort_order"):
        if not expected_this_month(resp.indicator, month):
            continue
        row = rows.setdefault(resp.department_id, DepartmentRow(resp.department))
        row.expected.append(resp.indicator)
        if resp.indicator_id in arrived:
            row.received.append(resp.indicator)
            when = arrived[resp.indicator_id]
            row.on_time += int(cutoff is None or (when is not None and when <= cutoff))
    return Completeness(list(rows.values()), due)


def _end_of_day(day: date) -> datetime:
    return datetime.combine(day, datetime.max.time(), tzinfo=ZoneInfo(settings.TIME_ZONE))


@dataclass(frozen=True)
class Reminder:
    year: int
    month: int
    due: date
    missing: list[Indicator]
    overdue: bool


def reminders(region: Region, departments: list[Department], today: date) -> list[Reminder]:
    """For each month with a deadline, the department's indicators not yet reported, oldest month first."""
    found = []
    for deadline in Deadline.objects.filter(region=region).order_by("year", "month"):
        if is_locked(region, deadline.year, deadline.month):
            continue
        table = completeness(region, deadline.year, deadline.month)
        missing = [i for row in table.rows if row.department in departments for i in row.missing]
        if missing:
            found.append(Reminder(deadline.year, deadline.month, deadline.due, missing, deadline.due < today))
    return found

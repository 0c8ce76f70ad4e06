"""Reporting up, as the area above sees it: for each region directly under an area (a prefecture's counties, a
province's prefectures), whether its month is reported (a region reports a month by locking it), on time
(locked by the area's own deadline for the month), accepted, or returned with a comment; and over the year,
each region's reporting and on-time rates and its returns.

Written by `recording.periods` (lock, reopen, `accept_report`, `return_report`); this module only reads.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils import timezone

from devplan.collection.models import Deadline, PeriodLock, PeriodState, UpwardReview
from devplan.regions.models import Region

STATES = {"unreported": "未上报", "awaiting": "已上报，待接收", "accepted": "已接收", "returned": "已退回"}


@dataclass(frozen=True)
class Reported:
    """One region's month as the area sees it."""

    region: Region
    state: str
    reported_at: datetime | None
    on_time: bool | None
    comment: str

    @property
    def words(self) -> str:
        return STATES[self.state]


@dataclass(frozen=True)
class Record:
    """One region's year up to a month: months reported, reported on time (of those with a deadline), and
    returns."""

    region: Region
    months: int
    reported: int
    on_time: int
    with_deadline: int
    returns: int

    @property
    def reported_pct(self) -> int:
        return round(100 * self.reported / self.months) if self.months else 0

    @property
    def on_time_pct(self) -> int | None:
        return round(100 * self.on_time / self.with_deadline) if self.with_deadline else None


def _local_day(moment: datetime) -> date:
    return timezone.localtime(moment, timezone.get_default_timezone()).date() if settings.USE_TZ else moment.date()


def _state(region: Region, locks: list[PeriodLock], latest: UpwardReview | None, locked: bool,
           due: date | None) -> Reported:
    """The month as the area sees it, from the region's lock events of the month (oldest first) and the area's
    latest review of it."""
    first_lock = next((lock.at for lock in locks if lock.event == PeriodLock.Event.LOCK), None)
    last_lock = next((lock.at for lock in reversed(locks) if lock.event == PeriodLock.Event.LOCK), None)
    if due is None:
        on_time = None
    elif first_lock is None:  # not reported: late once the deadline has passed, undecided before
        on_time = False if timezone.localdate() > due else None
    else:
        on_time = _local_day(first_lock) <= due
    if locked and last_lock is not None:
        answered = latest is not None and latest.at >= last_lock
        state = "accepted" if answered and latest is not None and latest.event == UpwardReview.Event.ACCEPT else "awaiting"
        return Reported(region, state, last_lock, on_time, "")
    if latest is not None and latest.event == UpwardReview.Event.RETURN:
        return Reported(region, "returned", last_lock, on_time, latest.comment)
    return Reported(region, "unreported", None, on_time, "")


def returned(region: Region, year: int, month: int) -> UpwardReview | None:
    """The area's return of the month, while the month stays open at `region` after it (for the banner that
    tells the region what to correct); None otherwise."""
    latest = UpwardReview.objects.filter(region=region, year=year, month=month).order_by("-at", "-pk").first()
    if latest is None or latest.event != UpwardReview.Event.RETURN:
        return None
    relocked = PeriodLock.objects.filter(region=region, year=year, month=month, event=PeriodLock.Event.LOCK,
                                         at__gt=latest.at).exists()
    return None if relocked else latest


def below(area: Region) -> list[Region]:
    """The regions that report to `area`: the ones directly under it."""
    return list(Region.objects.filter(parent=area).order_by("code"))


def month_states(area: Region, year: int, month: int) -> list[Reported]:
    """Each region under `area` and its month as the area sees it."""
    regions = below(area)
    locked = set(PeriodState.objects.filter(region__in=regions, year=year, month=month, locked=True)
                 .values_list("region_id", flat=True))
    deadline = Deadline.objects.filter(region=area, year=year, month=month).first()
    due = deadline.due if deadline else None
    locks: dict[int, list[PeriodLock]] = defaultdict(list)
    for lock in PeriodLock.objects.filter(region__in=regions, year=year, month=month).order_by("at", "pk"):
        locks[lock.region_id].append(lock)
    latest: dict[int, UpwardReview] = {}
    for review in UpwardReview.objects.filter(region__in=regions, year=year, month=month).order_by("-at", "-pk"):
        latest.setdefault(review.region_id, review)
    return [_state(region, locks[region.pk], latest.get(region.pk), region.pk in locked, due) for region in regions]


def year_records(area: Region, year: int, through: int) -> list[Record]:
    """Each region under `area` over months 1…`through` of `year`: months reported now (locked), months
    first reported by the area's deadline, and returns."""
    dues = dict(Deadline.objects.filter(region=area, year=year, month__lte=through).values_list("month", "due"))
    regions = below(area)
    first_locks: dict[int, dict[int, datetime]] = defaultdict(dict)
    for region_id, month, at in (PeriodLock.objects.filter(region__in=regions, year=year, month__lte=through,
                                                           event=PeriodLock.Event.LOCK)
                                 .order_by("at").values_list("region_id", "month", "at")):
        first_locks[region_id].setdefault(month, at)
    reported = _counts(PeriodState.objects.filter(region__in=regions, year=year, month__lte=through, locked=True))
    returns = _counts(UpwardReview.objects.filter(region__in=regions, year=year, month__lte=through,
                                                  event=UpwardReview.Event.RETURN))
    records = []
    for region in regions:
        on_time = sum(1 for month, at in first_locks[region.pk].items()
                      if month in dues and _local_day(at) <= dues[month])
        records.append(Record(region, through, reported.get(region.pk, 0), on_time, len(dues),
                              returns.get(region.pk, 0)))
    return records


def _counts(rows: QuerySet[Any]) -> dict[int, int]:
    """Per region id, how many of `rows` are its."""
    return dict(rows.order_by().values("region_id").annotate(n=Count("pk")).values_list("region_id", "n"))

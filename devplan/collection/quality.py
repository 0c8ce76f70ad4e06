"""数据质量评分: for each reporter of a region (a department, a project owner unit) over a year up to a month —
how many of its reports due by a deadline arrived on time (the completeness table's rule) and which are still
missing after the deadline, how often its submissions were returned, how often an official figure of its was
revised after it stood, and which warnings it confirmed with an explanation instead of correcting — each
count with the items behind it. For an area, each region under it: its reporters' counts added up, and its
own reporting up (on time to the area, months returned by the area).

Only reads: written by the one door (submissions, revisions), `recording.periods` (returns up) and the
planners' deadlines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone

from devplan.accounts.access import measure_department
from devplan.accounts.models import AuditLog
from devplan.collection.completeness import completeness
from devplan.collection.models import Deadline, Submission
from devplan.collection.reporting import year_records
from devplan.indicators.models import Figure, Responsibility
from devplan.lib.periods import month_span
from devplan.projects.models import Progress
from devplan.regions.models import Region

UNASSIGNED = "（未指定责任部门）"


@dataclass
class Scorecard:
    """One reporter's year: reports due by a deadline and those on time, and the items behind each count."""

    name: str
    due: int = 0
    on_time: int = 0
    missing: list[str] = field(default_factory=list)
    returns: list[str] = field(default_factory=list)
    revisions: list[str] = field(default_factory=list)
    overridden: list[str] = field(default_factory=list)

    @property
    def on_time_pct(self) -> int | None:
        return round(100 * self.on_time / self.due) if self.due else None

    def add(self, other: Scorecard) -> None:
        self.due += other.due
        self.on_time += other.on_time
        for name in ("missing", "returns", "revisions", "overridden"):
            getattr(self, name).extend(f"{other.name}：{item}" for item in getattr(other, name))


@dataclass(frozen=True)
class RegionScore:
    """A region under an area: its reporters' counts added up, and how it reported up to the area."""

    region: Region
    total: Scorecard
    reported_up: int
    up_on_time: int
    up_with_deadline: int
    up_returns: int

    @property
    def up_on_time_pct(self) -> int | None:
        return round(100 * self.up_on_time / self.up_with_deadline) if self.up_with_deadline else None


def _card(cards: dict[str, Scorecard], name: str) -> Scorecard:
    return cards.setdefault(name, Scorecard(name))


def _timeliness(cards: dict[str, Scorecard], region: Region, year: int, through: int) -> None:
    """Reports due in the months that have a deadline: on time as the completeness table counts them; those
    not received once the deadline has passed are listed as missing."""
    today = timezone.localdate()
    months = Deadline.objects.filter(region=region, year=year, month__lte=through).values_list("month", "due")
    for month, due in sorted(months):
        for row in completeness(region, year, month).rows:
            card = _card(cards, row.name)
            card.due += len(row.expected)
            card.on_time += row.on_time
            if due < today:
                card.missing.extend(f"{month}月 {name}（截止 {due:%m-%d}）" for name in row.missing)


def _responsible(region: Region) -> dict[int, str]:
    return dict(Responsibility.objects.filter(region=region).values_list("indicator_id", "department__name"))


def _reporter(submission: Submission, departments: dict[int, str]) -> str:
    if submission.project is not None:
        return submission.project.owner
    if submission.measure_kind:
        department = measure_department(submission)
        return department.name if department else UNASSIGNED
    return departments.get(submission.indicator_id or 0, UNASSIGNED)


def _returns_and_overrides(cards: dict[str, Scorecard], region: Region, year: int, through: int,
                           departments: dict[int, str]) -> None:
    submissions = {str(s.pk): s for s in Submission.objects.filter(region=region, year=year, month__lte=through)
                   .select_related("indicator", "project")}
    returns = (AuditLog.objects.filter(action="submission.return", object_type="collection.Submission",
                                       object_id__in=list(submissions))
               .order_by("at").values_list("object_id", "at", "username", "detail"))
    for pk, at, who, detail in returns:
        submission = submissions[pk]
        comment = (detail or {}).get("comment", "")
        _card(cards, _reporter(submission, departments)).returns.append(
            f"{month_span(submission.month)} {submission.subject_name}：{comment}（{who}，"
            f"{timezone.localtime(at):%Y-%m-%d}）")
    for submission in submissions.values():
        if submission.warnings and submission.status in (Submission.Status.SUBMITTED, Submission.Status.APPROVED):
            note = (submission.values or {}).get("note", "")
            explained = f"；说明：{note}" if note else ""
            _card(cards, _reporter(submission, departments)).overridden.append(
                f"{month_span(submission.month)} {submission.subject_name}：{'；'.join(submission.warnings)}{explained}")


def _revisions(cards: dict[str, Scorecard], region: Region, year: int, through: int,
               departments: dict[int, str]) -> None:
    """Official figures and progress reports replaced by a later revision of the same month."""
    figures = (Figure.objects.filter(region=region, year=year, month__lte=through, revision__gt=1)
               .select_related("indicator", "change_set").order_by("month", "indicator__sort_order"))
    for figure in figures:
        _card(cards, departments.get(figure.indicator_id, UNASSIGNED)).revisions.append(
            f"{month_span(figure.month)} {figure.indicator.name}：第 {figure.revision} 次修订（{figure.who or '—'}，"
            f"{timezone.localtime(figure.change_set.at):%Y-%m-%d}）" if figure.change_set else
            f"{month_span(figure.month)} {figure.indicator.name}：第 {figure.revision} 次修订")
    progress = (Progress.objects.filter(project__region=region, year=year, month__lte=through, revision__gt=1)
                .select_related("project").order_by("month", "project__ref"))
    for row in progress:
        _card(cards, row.project.owner).revisions.append(
            f"{month_span(row.month)} {row.project.name}：第 {row.revision} 次修订")


def region_scorecards(region: Region, year: int, through: int) -> list[Scorecard]:
    """Each reporter of `region` over months 1…`through` of `year`, the ones with most to look at first."""
    cards: dict[str, Scorecard] = {}
    departments = _responsible(region)
    _timeliness(cards, region, year, through)
    _returns_and_overrides(cards, region, year, through, departments)
    _revisions(cards, region, year, through, departments)
    return sorted(cards.values(), key=lambda c: (-(len(c.missing) + len(c.returns) + len(c.revisions)
                                                   + len(c.overridden)), c.name))


def area_scorecards(area: Region, year: int, through: int) -> list[RegionScore]:
    """Each region directly under `area`: its reporters added up, and its reporting up to the area."""
    scores = []
    for record in year_records(area, year, through):
        total = Scorecard(record.region.name)
        for card in region_scorecards(record.region, year, through):
            total.add(card)
        scores.append(RegionScore(record.region, total, record.reported, record.on_time, record.with_deadline,
                                  record.returns))
    return scores

"""The one core of the two monthly entry pages — a department's indicator figures and a project owner's
progress: which subjects the user reports, what is recorded beside each field (the official value, a
pending submission and its state, last month, last year), and the rows a posted form becomes for the one
door (`devplan.recording.service.write`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import Http404, QueryDict

from devplan.accounts.access import indicator_access, memberships, project_access, user_departments
from devplan.accounts.models import Role
from devplan.collection.models import Submission
from devplan.indicators.models import Figure, Indicator
from devplan.lib.numbers import stated
from devplan.projects.models import AnnualPlan, Progress, Project
from devplan.recording.carry import ESTIMATE_KEYS, last_estimate, only_the_last_estimate, with_last_estimate
from devplan.recording.rows import FigureRow, ProgressRow
from devplan.recording.service import preview
from devplan.regions.models import Region
from devplan.web.views.common import require


@dataclass(frozen=True)
class Field:
    """An input of an entry: its form prefix (`value_` + the subject's key), the row's raw key, its label."""

    prefix: str
    key: str
    label: str
    number: bool = True


@dataclass
class Entry:
    """One subject on the page: what is recorded, what the form shows, and what the rules say of it."""

    subject: Indicator | Project
    key: str
    official: Figure | Progress | None
    submission: Submission | None
    beside: dict[str, Any]
    values: dict[str, str]
    reported: bool = True
    problems: list[str] = field(default_factory=list)

    @property
    def editable(self) -> bool:
        """Open unless a submission waits for review: after approval the form opens on the official values,
        and a correction becomes a new submission (as through the API)."""
        return self.reported and (self.submission is None or self.submission.status != Submission.Status.SUBMITTED)


@dataclass(frozen=True)
class Form:
    kind: str
    fields: tuple[Field, ...]
    subjects: Callable[[Any, Region, int], list[Any]]
    key: Callable[[Any], str]
    row: Callable[[Any, Region, int, int, dict[str, str]], FigureRow | ProgressRow]

    def posted(self, data: QueryDict) -> dict[str, dict[str, str]]:
        """Subject key → raw values, for every subject with at least one field in the post."""
        found: dict[str, dict[str, str]] = {}
        for name, value in data.items():
            for one in self.fields:
                if name.startswith(one.prefix):
                    found.setdefault(name[len(one.prefix):], {})[one.key] = str(value).strip()
        return found


# ---- indicator figures ------------------------------------------------------------------------------------

FIGURE_FIELDS = (
    Field("value_", "value", "1至本月累计值"),
    Field("growth_", "growth_pct", "同比增长（%）"),
    Field("estimate_", "estimate_value", "全年预计值"),
    Field("estgrowth_", "estimate_growth_pct", "全年预计增长（%）"),
    Field("note_", "note", "备注（累计值减少等须说明原因）", number=False),
)


def own_indicators(user: Any, region: Region, year: int) -> list[Indicator]:
    departments = user_departments(user, region)
    require(bool(departments), "只有填报部门的账户可以填报数据")
    return list(Indicator.objects.filter(responsibility__region=region, responsibility__department__in=departments)
                .order_by("sort_order", "code"))


def _figure_row(indicator: Indicator, region: Region, year: int, month: int, raw: dict[str, str]) -> FigureRow:
    return FigureRow(region, indicator, year, month, raw)


FIGURES = Form("figures", FIGURE_FIELDS, own_indicators, lambda i: i.code, _figure_row)


def fields_for(form: Form, month: int) -> tuple[Field, ...]:
    """The inputs the month asks for: December's year-to-date figure is the year's own, so it has no full-year
    estimate to enter (the rule `estimate_not_whole_year` refuses one)."""
    if form is FIGURES and month == 12:
        return tuple(one for one in form.fields if one.key not in ESTIMATE_KEYS)
    return form.fields


# ---- project progress -------------------------------------------------------------------------------------

PROGRESS_FIELDS = (
    Field("invest_", "completed", "1至本月累计完成投资（亿元）"),
    Field("narrative_", "narrative", "形象进度", number=False),
    Field("problems_", "problems", "存在问题", number=False),
    Field("help_", "help_requested", "需协调解决事项", number=False),
    Field("explain_", "explanation", "偏差说明（超计划、低于上月等须说明）", number=False),
)


def owner_units(user: Any, region: Region) -> list[str]:
    return [m.owner_unit for m in memberships(user, region) if m.role == Role.OWNER]


def own_projects(user: Any, region: Region, year: int) -> list[Project]:
    units = owner_units(user, region)
    require(bool(units), "只有项目业主单位的账户可以填报项目进度")
    plans = AnnualPlan.objects.filter(project__region=region, project__owner__in=units, year=year)
    return [plan.project for plan in plans.select_related("project").order_by("project__ref")]


def _progress_row(project: Project, region: Region, year: int, month: int, raw: dict[str, str]) -> ProgressRow:
    return ProgressRow(project, year, month, raw)


PROJECTS = Form("projects", PROGRESS_FIELDS, own_projects, lambda p: p.ref, _progress_row)


# ---- what is recorded beside each field -------------------------------------------------------------------


def _latest(rows: Any) -> Any:
    return rows.order_by("-revision").first()


def _figure_record(region: Region, indicator: Indicator, year: int, month: int) -> tuple[Figure | None, dict[str, Any]]:
    figures = Figure.objects.filter(region=region, indicator=indicator)
    official = _latest(figures.filter(year=year, month=month))
    earlier = figures.filter(year=year, month__lt=month).order_by("-month", "-revision").first()
    return official, {"previous": earlier, "last_year": _latest(figures.filter(year=year - 1, month=month)),
                      "estimate": last_estimate(region, indicator, year, month)}


def _progress_record(project: Project, year: int, month: int) -> tuple[Progress | None, dict[str, Any]]:
    reports = Progress.objects.filter(project=project, year=year)
    official = _latest(reports.filter(month=month))
    earlier = reports.filter(month__lt=month).order_by("-month", "-revision").first()
    plan = AnnualPlan.objects.filter(project=project, year=year).first()
    return official, {"previous": earlier, "plan": plan, "total": project.total_investment}


def _submission(subject: Any, region: Region, year: int, month: int) -> Submission | None:
    """The open submission of the month, else the latest decided one (to show how it was decided)."""
    if isinstance(subject, Project):
        rows = Submission.objects.filter(project=subject, indicator=None)
    else:
        rows = Submission.objects.filter(region=region, indicator=subject, project=None)
    rows = rows.filter(year=year, month=month)
    return rows.exclude(status=Submission.Status.APPROVED).first() or rows.order_by("-reviewed_at", "-pk").first()


def _recorded_values(form: Form, official: Any) -> dict[str, str]:
    """The official record as the form's texts, keeping the precision each number was stated with."""
    values = {}
    for one in form.fields:
        attribute = "completed_investment" if one.key == "completed" else one.key
        raw = getattr(official, attribute, None)
        if raw is None or raw == "":
            continue
        if not one.number:
            values[one.key] = str(raw)
        else:
            precision = getattr(official, "precision", None) or {}
            values[one.key] = stated(raw, precision.get(attribute))
    return values


def entries(form: Form, user: Any, region: Region, year: int, month: int,
            posted: dict[str, dict[str, str]] | None = None) -> list[Entry]:
    rows = []
    for subject in form.subjects(user, region, year):
        official: Figure | Progress | None
        if isinstance(subject, Project):
            official, beside = _progress_record(subject, year, month)
            reported = True
        else:
            official, beside = _figure_record(region, subject, year, month)
            reported = subject.reported_in(month)
        submission = _submission(subject, region, year, month)
        key = form.key(subject)
        if posted is not None and key in posted:
            values = posted[key]
        elif submission is not None and submission.is_open:
            values = {k: str(v) for k, v in submission.values.items()}
        else:
            values = _recorded_values(form, official)
            if not isinstance(subject, Project) and official is None:  # a recorded month shows its own estimate
                values = with_last_estimate(values, beside["estimate"])
        entry = Entry(subject, key, official, submission, beside, values, reported)
        if reported and any(values.values()):
            entry.problems = [p.message for p in preview(form.row(subject, region, year, month, values))]
        rows.append(entry)
    return rows


def find_subject(form: Form, user: Any, region: Region, key: str) -> Any:
    """The posted subject, refused with 403 unless the user reports it (and 404 when it does not exist)."""
    if form is FIGURES:
        indicator = Indicator.objects.filter(code=key).first()
        if indicator is None:
            raise Http404(f"没有代码为“{key}”的指标")
        require(indicator_access(user, region, indicator).write)
        return indicator
    project = Project.objects.select_related("region").filter(ref=key).first()
    if project is None:
        raise Http404(f"没有登记编号为“{key}”的项目")
    require(project.region_id == region.pk and project_access(user, project).write)
    return project


def posted_rows(form: Form, user: Any, region: Region, year: int, month: int,
                data: QueryDict) -> list[FigureRow | ProgressRow]:
    """The rows of the posted form that hold anything (a subject left empty, or left with nothing but the
    year's last estimate it opened with, is not a report)."""
    rows = []
    for key, raw in sorted(form.posted(data).items()):
        subject = find_subject(form, user, region, key)
        if any(raw.values()):
            row = form.row(subject, region, year, month, raw)
            if not (isinstance(row, FigureRow) and only_the_last_estimate(row)):
                rows.append(row)
    return rows

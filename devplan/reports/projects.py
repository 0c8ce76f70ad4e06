"""The project lines of the attachment tables, read through `devplan.projects.services`: one line per
project of an attachment category with its plan for the year and its latest progress."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import prefetch_related_objects

from devplan.lib.periods import through_months
from devplan.projects.models import AnnualPlan, PlanTotal, Progress, Project
from devplan.projects.services import latest_progress, latest_reported_month, plans_for, year_progress
from devplan.regions.models import Region
from devplan.reports.content import Ref

ILLUSTRATIVE_MARK = "*"


@dataclass(frozen=True)
class Sourced:
    """A stored project record (the project, its annual plan or a progress revision) numbers point to."""

    kind: str
    pk: int
    revision: int
    subject: str
    region: str
    year: int
    month: int | None
    name: str = ""
    who: str = ""
    when: datetime | None = None
    submitter: str = ""

    def ref(self, field: str) -> Ref:
        return Ref(self.kind, self.pk, self.revision, self.subject, self.region, self.year, self.month, field,
                   self.name, self.who, self.when, submitter=self.submitter)


@dataclass(frozen=True)
class ProjectLine:
    name: str
    goal: str
    years: str
    department: str
    total: Decimal | None
    planned: Decimal | None
    completed: Decimal | None
    # The decimal places the completed investment was reported with (None: not recorded), as pages print it.
    completed_places: int | None
    month: int | None
    narrative: str
    illustrative: bool
    project: Sourced
    plan: Sourced
    progress: Sourced | None


def _years(project: Project) -> str:
    """建设年限: "2023—2025", or the one year of a project begun and finished in it."""
    if project.start_year and project.end_year and project.start_year != project.end_year:
        return f"{project.start_year}—{project.end_year}"
    return str(project.start_year or project.end_year or "")


def _line(plan: AnnualPlan, progress: Progress | None) -> ProjectLine:
    project = plan.project
    region = project.region.code
    illustrative = project.illustrative or plan.illustrative or bool(progress and progress.illustrative)
    return ProjectLine(
        name=project.name + (ILLUSTRATIVE_MARK if illustrative else ""),
        goal=plan.goal,
        years=_years(project),
        department=project.department.name if project.department else project.owner,
        total=project.total_investment,
        planned=plan.planned_investment,
        completed=progress.completed_investment if progress else None,
        completed_places=progress.precision.get("completed_investment") if progress else None,
        month=progress.month if progress else None,
        narrative=progress.narrative if progress else "",
        illustrative=illustrative,
        project=Sourced("project", project.pk, 1, project.ref, region, plan.year, None, project.name),
        plan=Sourced("plan", plan.pk, 1, project.ref, region, plan.year, None, project.name),
        progress=(
            Sourced("progress", progress.pk, progress.revision, project.ref, region, progress.year, progress.month,
                    project.name, progress.who, progress.recorded_at, progress.submitted_by)
            if progress else None
        ),
    )


def _plans(region: Region, year: int, categories: Sequence[str]) -> dict[str, list[AnnualPlan]]:
    """Per category, the year's plans of its projects (read once for all the categories: a project may stand
    in two)."""
    plans = list(plans_for(region, year).select_related("project__region")
                 .prefetch_related(None).prefetch_related("project__categories"))  # the milestones are not printed
    return {category: [plan for plan in plans if any(c.name == category for c in plan.project.categories.all())]
            for category in categories}


def progress_lines(region: Region, year: int, categories: Sequence[str]) -> dict[str, list[ProjectLine]]:
    """Per category, its projects planned for `year` with their progress through the latest reported month
    (read once for all the categories)."""
    month = latest_reported_month(region, year)
    progress = latest_progress(region, year, month) if month else {}
    # Who recorded and who submitted each revision, read for all of them at once rather than one by one.
    prefetch_related_objects(list(progress.values()), "change_set__submission__submitted_by")
    return {category: [_line(plan, progress.get(plan.project_id)) for plan in plans]
            for category, plans in _plans(region, year, categories).items()}


def plan_lines(region: Region, year: int, categories: Sequence[str]) -> dict[str, list[ProjectLine]]:
    return {category: [_line(plan, None) for plan in plans] for category, plans in _plans(region, year, categories).items()}


def note(lines: list[ProjectLine]) -> str:
    if any(line.illustrative for line in lines):
        return f"注：标“{ILLUSTRATIVE_MARK}”的项目含示意数据（报告原文未给出），仅供演示。"
    return ""


def _distinct(lines: list[ProjectLine]) -> list[ProjectLine]:
    """Each project once, though it may stand in two attachment categories."""
    seen: dict[int, ProjectLine] = {}
    for line in lines:
        seen.setdefault(line.project.pk, line)
    return list(seen.values())


def _sum(values: list[Decimal | None]) -> Decimal | None:
    known = [value for value in values if value is not None]
    return sum(known, Decimal(0)) if known else None


def registry_gap(region: Region, year: int, lines: list[ProjectLine]) -> str | None:
    """Where the projects registered in the attachment categories for `year` do not add up to the totals the
    plan states for that year (`PlanTotal`, all categories): the comparison the report prints in place of a
    合计 that would contradict its text ("登记项目16个，计划所述220个；…；1—10月登记项目完成投资26.5亿元，计划所述
    234.5亿元"), or None when they agree. Amounts
    compare to the stated decimals (234.50 is 234.5)."""
    stated = PlanTotal.objects.filter(region=region, year=year, category__isnull=True).first()
    if stated is None:
        return None
    registered = _distinct(lines)
    parts = []
    if stated.project_count is not None and stated.project_count != len(registered):
        parts.append(f"登记项目{len(registered)}个，计划所述{stated.project_count}个")
    measures = (("total_investment", "总投资", [line.total for line in registered]),
                ("planned_investment", "年计划投资", [line.planned for line in registered]),
                ("completed_investment", "完成投资", [line.completed for line in registered]))
    through = max((line.month for line in registered if line.month), default=None)
    for field, label, values in measures:
        claimed = getattr(stated, field)
        if claimed is None or (field == "completed_investment" and stated.through_month not in (None, through)):
            continue  # completed investment compares only for the month the plan states it for
        total = _sum(values)
        if total is None or total.normalize() != Decimal(claimed).normalize():
            shown = "未登记" if total is None else f"{format(total.normalize(), 'f')}亿元"
            # Completed investment is of months, not of the year: named, the sentence reads (and audits) as
            # 1—10月's, not as the year's.
            period = through_months(through) if field == "completed_investment" and through else ""
            parts.append(f"{period}登记项目{label}{shown}，计划所述{format(Decimal(claimed).normalize(), 'f')}亿元")
    if not parts:
        return None
    return "；".join(parts)


@dataclass(frozen=True)
class MonthTotal:
    """The year's planned projects in month `month`: completed investment through it and the year's plan."""

    month: int
    completed: Decimal
    planned: Decimal
    illustrative: bool


def monthly_totals(region: Region, year: int, as_of: datetime | None = None) -> list[MonthTotal]:
    """Month by month up to the latest reported, the year's planned projects' completed investment (each
    project's latest revision through that month) against their plan for the year."""
    plans = list(plans_for(region, year).prefetch_related(None))  # no categories or milestones needed here
    ids = {plan.project_id for plan in plans}
    # Each project's latest revision of each month, read once (as plain rows: the 220 projects' ten months
    # are thousands of revisions); a month without a report keeps the last one.
    latest: dict[int, dict[int, tuple[Decimal, bool]]] = {}
    rows = year_progress(region, year, as_of).order_by("month", "revision").values_list(
        "month", "project_id", "completed_investment", "illustrative")
    for month, project_id, completed, illustrative in rows:
        reports = latest.setdefault(month, {})
        if project_id in ids:
            reports[project_id] = (completed, illustrative)
    if not latest or not plans:
        return []
    planned = sum((plan.planned_investment or Decimal(0) for plan in plans), Decimal(0))
    marked = any(plan.illustrative or plan.project.illustrative for plan in plans)
    totals: list[MonthTotal] = []
    current: dict[int, tuple[Decimal, bool]] = {}
    for month in range(1, max(latest) + 1):
        current.update(latest.get(month, {}))
        completed = sum((value for value, _ in current.values()), Decimal(0))
        totals.append(MonthTotal(month, completed, planned, marked or any(shown for _, shown in current.values())))
    return totals

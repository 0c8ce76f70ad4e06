"""The project lines of the attachment tables, read through `devplan.projects.services`: one line per
project of an attachment category with its plan for the year and its latest progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from devplan.projects.models import AnnualPlan, Category, Progress, Project
from devplan.projects.services import latest_progress, latest_reported_month, plans_for
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

    def ref(self, field: str) -> Ref:
        return Ref(self.kind, self.pk, self.revision, self.subject, self.region, self.year, self.month, field,
                   self.name, self.who, self.when)


@dataclass(frozen=True)
class ProjectLine:
    name: str
    goal: str
    years: str
    department: str
    total: Decimal | None
    planned: Decimal | None
    completed: Decimal | None
    month: int | None
    narrative: str
    illustrative: bool
    project: Sourced
    plan: Sourced
    progress: Sourced | None


def _years(project: Project) -> str:
    if project.start_year and project.end_year:
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
        month=progress.month if progress else None,
        narrative=progress.narrative if progress else "",
        illustrative=illustrative,
        project=Sourced("project", project.pk, 1, project.ref, region, plan.year, None, project.name),
        plan=Sourced("plan", plan.pk, 1, project.ref, region, plan.year, None, project.name),
        progress=(
            Sourced("progress", progress.pk, progress.revision, project.ref, region, progress.year, progress.month,
                    project.name, progress.who, progress.recorded_at)
            if progress else None
        ),
    )


def _plans(region: Region, year: int, category: str) -> list[AnnualPlan]:
    found = Category.objects.filter(name=category).first()
    if found is None:
        return []
    return list(plans_for(region, year).filter(project__categories=found).select_related("project__region"))


def progress_lines(region: Region, year: int, category: str) -> list[ProjectLine]:
    """The category's projects planned for `year`, with their progress through the latest reported month."""
    plans = _plans(region, year, category)
    month = latest_reported_month(region, year) if plans else None
    progress = latest_progress(region, year, month) if month else {}
    return [_line(plan, progress.get(plan.project_id)) for plan in plans]


def plan_lines(region: Region, year: int, category: str) -> list[ProjectLine]:
    return [_line(plan, None) for plan in _plans(region, year, category)]


def note(lines: list[ProjectLine]) -> str:
    if any(line.illustrative for line in lines):
        return f"注：标“{ILLUSTRATIVE_MARK}”的项目含示意数据（报告原文未给出），仅供演示。"
    return ""

"""The plan's tasks as a measure kind: each task a series with the plan's target, judged by how it is
counted — cumulative tasks (新增规模工业企业20家) against time progress, levels to reach by year end
(上云上平台企业达500家) only with a December report, growth tasks by growth indices."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from devplan.measures.status import Declaration, Series, status
from devplan.regions.models import Region
from devplan.tasks.models import Task, TaskProgress


def task_series(region: Region, year: int) -> list[Series]:
    tasks = Task.objects.filter(region=region, year=year).select_related("department")
    return [Series(t.code, t.title, t.unit, t.kind, t.target, t.qualifier, t.source,
                   {"department": t.department.name, "section": t.section or None}) for t in tasks]


def task_department(region: Region, year: int, code: str) -> int | None:
    """The department the plan names for the task: its progress is that department's to report."""
    return Task.objects.filter(region=region, year=year, code=code).values_list("department_id", flat=True).first()


TASKS = Declaration("主要任务", TaskProgress, None, {"value": "完成值"}, key="tasks", series=task_series,
                    responsible=task_department)


def tasks_status(region: Region, year: int, month: int | None = None, as_of: datetime | None = None
                 ) -> dict[str, Any]:
    """Every task of the region's plan for `year` with its latest progress up to `month` (default: all)."""
    return status(TASKS, region, year, task_series(region, year), month, as_of)

"""The plan's tasks and their progress: each task's latest report against its target.

Cumulative tasks (新增规模工业企业20家) are judged against time progress; levels to reach by year end
(上云上平台企业达500家) get a light only with a December report; growth tasks compare growth indices.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from devplan.arithmetic import completion
from devplan.arithmetic.numbers import HUNDRED
from devplan.arithmetic.progress import Light, light
from devplan.lib.jsonnum import to_number
from devplan.lib.periods import format_month
from devplan.projects.pace import Pace, pace
from devplan.projects.services import latest_per
from devplan.projects.sums import pct
from devplan.regions.models import Region
from devplan.tasks.models import Task, TaskProgress


def _pace(task: Task, progress: TaskProgress | None) -> Pace:
    green, yellow = settings.DEVPLAN_INDICATOR_GREEN_GAP, settings.DEVPLAN_INDICATOR_YELLOW_GAP
    value, month = (progress.value, progress.month) if progress else (None, None)
    if task.kind == Task.Kind.CUMULATIVE:
        return pace(value, task.target, month, green, yellow)
    if value is None or task.target is None:
        return Pace(None, None, Light.NONE)
    if task.kind == Task.Kind.GROWTH:
        pct_done = completion.growth(value, task.target).pct
        return Pace(pct_done, HUNDRED, light(pct_done, HUNDRED, green, yellow))
    level = pace(value, task.target, 12, green, yellow)
    return level if month == 12 else Pace(level.completion_pct, None, Light.NONE)


def task_list(region: Region, year: int, month: int | None = None) -> list[dict[str, Any]]:
    """Every task of the region's plan for `year` with its latest progress up to `month` (default: all)."""
    tasks = list(Task.objects.filter(region=region, year=year).select_related("department"))
    latest = latest_per(TaskProgress.objects.filter(task__in=tasks), "task_id", month)
    rows = []
    for task in tasks:
        progress = latest.get(task.pk)
        result = _pace(task, progress)
        rows.append({
            "code": task.code,
            "title": task.title,
            "department": task.department.name,
            "kind": task.kind,
            "target": {"value": to_number(task.target), "unit": task.unit, "qualifier": task.qualifier or None},
            "section": task.section or None,
            "latest": (
                {"through": format_month(year, progress.month), "value": to_number(progress.value),
                 "note": progress.note or None, "reported_by": progress.reported_by or None}
                if progress else None
            ),
            "completion_pct": pct(result.completion_pct),
            "expected_pct": pct(result.time_progress_pct),
            "light": result.light.value,
            "source": task.source or None,
        })
    return rows

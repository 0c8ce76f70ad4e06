"""The 湘乡市 demo of issue 4: projects, funds won, investment attraction and the 2024 plan tasks.
Idempotent: what is already there is left alone."""

from __future__ import annotations

from datetime import date
from typing import Any

from devplan.attraction.demo import load_attraction_demo
from devplan.funds.demo import load_funds_demo
from devplan.projects.demo_files import decimal_or_none, demo_file, demo_known_at, demo_write
from devplan.projects.models import AnnualPlan, Category, PlanTotal, Progress, Project
from devplan.recording.rows import ProgressRow
from devplan.regions.models import Department, Region
from devplan.tasks.demo import load_tasks_demo


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _load_project(data: dict[str, Any], region: Region, row: dict[str, Any]) -> list[ProgressRow]:
    """The project, its plans, and the progress reports it does not have yet (to be written together)."""
    project, created = Project.objects.get_or_create(
        ref=row["ref"],
        defaults={
            "region": region,
            "code": row["code"],
            "name": row["name"],
            "owner": row["owner"],
            "department": Department.objects.get(region=region, name=row["department"]),
            "location": row["location"],
            "sector": row["sector"],
            "status": row["status"],
            "start_year": row["start_year"],
            "end_year": row["end_year"],
            "total_investment": decimal_or_none(row, "total_investment"),
            "planned_start": _date(row["planned_start"]),
            "actual_start": _date(row["actual_start"]),
            "planned_completion": _date(row["planned_completion"]),
            "actual_completion": _date(row["actual_completion"]),
            "funding_source": row["funding_source"],
            "illustrative": row["illustrative"],
            "source": row["source"],
        },
    )
    if created:
        project.categories.set(Category.objects.filter(code__in=row["categories"]))
    for plan in row["plans"]:
        AnnualPlan.objects.get_or_create(
            project=project,
            year=plan["year"],
            defaults={
                "planned_investment": decimal_or_none(plan, "planned_investment"),
                "illustrative": plan["illustrative"],
                "source": row["source"],
            },
        )
    return [
        ProgressRow(project, report["year"], report["month"], {
            "completed": report["completed_investment"], "narrative": report["narrative"],
            "illustrative": report["illustrative"], "reported_by": row["owner"], "source": row["source"],
        }, demo_known_at(data))
        for report in row["progress"]
        if not Progress.objects.filter(project=project, year=report["year"], month=report["month"]).exists()
    ]


def load_projects_demo(region: Region) -> None:
    data = demo_file("projects.json")
    for name in data["extra_departments"]:
        Department.objects.get_or_create(region=region, name=name)
    for row in data["categories"]:
        Category.objects.get_or_create(code=row["code"], defaults={k: row[k] for k in ("name", "kind", "sort_order")})
    for row in data["plan_totals"]:
        category = Category.objects.get(code=row["category"]) if row["category"] else None
        PlanTotal.objects.get_or_create(
            region=region,
            year=row["year"],
            category=category,
            defaults={
                "project_count": row.get("project_count"),
                "total_investment": decimal_or_none(row, "total_investment"),
                "planned_investment": decimal_or_none(row, "planned_investment"),
                "completed_investment": decimal_or_none(row, "completed_investment"),
                "through_month": row.get("through_month"),
                "source": row["source"],
                "source_document": data["document"],
            },
        )
    reports = [report for row in data["projects"] for report in _load_project(data, region, row)]
    demo_write(data, reports)
    load_funds_demo(region)
    load_attraction_demo(region)
    load_tasks_demo(region)

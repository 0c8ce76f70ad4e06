"""The 2024 plan tasks of the 湘乡市 demo, each with its department and the seed's sentence."""

from __future__ import annotations

from decimal import Decimal

from devplan.projects.demo_files import demo_file
from devplan.regions.models import Department, Region
from devplan.tasks.models import Task


def load_tasks_demo(region: Region) -> None:
    data = demo_file("tasks.json")
    for order, row in enumerate(data["tasks"], start=1):
        Task.objects.get_or_create(
            region=region,
            year=data["year"],
            code=row["code"],
            defaults={
                "title": row["title"],
                "department": Department.objects.get(region=region, name=row["department"]),
                "kind": row["kind"],
                "target": Decimal(row["target"]),
                "unit": row["unit"],
                "qualifier": row["qualifier"],
                "section": row["section"],
                "sort_order": order,
                "source": row["source"],
            },
        )

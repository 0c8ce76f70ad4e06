"""Loading the bundled 湘乡市 demo into the database. Idempotent: what is already there is left alone."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime, time
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from devplan.indicators.models import Figure, Indicator, Responsibility, Target
from devplan.projects.demo import load_projects_demo
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.rows import FigureRow, TargetRow
from devplan.recording.service import Upload, write
from devplan.regions.models import Department, Region

DEMO_REGION_CODE = "430381"
LOADED_BY = "devplan init --demo"
DEMO_REASON = "载入示例数据（出自报告原文）"


def demo_actor() -> Actor:
    return Actor.of_system(LOADED_BY, Door.DEMO)


def demo_data() -> dict[str, Any]:
    return json.loads(resources.files("devplan.demo").joinpath("xiangxiang.json").read_text(encoding="utf-8"))


def _load_regions(data: dict[str, Any]) -> Region:
    for row in data["regions"]:
        parent = Region.objects.get(code=row["parent"]) if row["parent"] else None
        Region.objects.get_or_create(
            code=row["code"], defaults={"name": row["name"], "level": row["level"], "parent": parent}
        )
    region = Region.objects.get(code=data["region"])
    for name in data["departments"]:
        Department.objects.get_or_create(region=region, name=name)
    return region


def _load_indicators(data: dict[str, Any], region: Region) -> None:
    for row in data["indicators"]:
        indicator, _ = Indicator.objects.get_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "unit": row["unit"],
                "quantity": row["quantity"],
                "is_main": row.get("is_main", False),
                "sort_order": row["sort_order"],
                "comparable_prices": row.get("comparable_prices", False),
                "higher_is_better": row.get("higher_is_better", True),
                "additive": row.get("additive", True),
                "default_department": row["department"],
                "frequency": row.get("frequency", Indicator.Frequency.MONTHLY),
            },
        )
        department = Department.objects.get(region=region, name=row["department"])
        Responsibility.objects.get_or_create(region=region, indicator=indicator, defaults={"department": department})


def _target_row(region: Region, row: dict[str, Any], known_at: datetime) -> TargetRow:
    raw = {key: row.get(key) for key in ("kind", "value", "unit", "qualifier", "adjusted", "source")}
    raw["step_with"] = Indicator.objects.get(code=row["step_with"]) if row.get("step_with") else None
    return TargetRow(region, Indicator.objects.get(code=row["indicator"]), row["year"], raw, known_at)


FIGURE_FIELDS = ("value", "qualifier", "growth_pct", "estimate_value", "estimate_growth_pct", "estimate_status",
                 "stated_completion_pct", "stated_rank", "rank_scope", "note", "source")


def _figure_row(region: Region, row: dict[str, Any], known_at: datetime) -> FigureRow:
    raw = {key: row.get(key) for key in FIGURE_FIELDS}
    return FigureRow(region, Indicator.objects.get(code=row["indicator"]), row["year"], row["month"], raw, known_at)


def _load_plan(data: dict[str, Any], region: Region, known_at: datetime) -> None:
    """Targets and figures the region does not have yet, one change set per reason the demo gives."""
    rows: dict[str, list[TargetRow | FigureRow]] = defaultdict(list)
    for row in data["targets"]:
        if not Target.objects.filter(region=region, indicator__code=row["indicator"], year=row["year"]).exists():
            rows[row.get("reason", DEMO_REASON)].append(_target_row(region, row, known_at))
    for row in data["figures"]:
        if not Figure.objects.filter(region=region, indicator__code=row["indicator"], year=row["year"],
                                     month=row["month"]).exists():
            rows[row.get("reason", DEMO_REASON)].append(_figure_row(region, row, known_at))
    for reason, group in rows.items():
        write(demo_actor(), group, reason=reason, upload=Upload(data["document"], ""))


@transaction.atomic
def load_demo() -> Region:
    """Load regions, departments, indicators, targets and figures of the demo; return 湘乡市."""
    data = demo_data()
    known_at = datetime.combine(
        datetime.fromisoformat(data["known_at"]).date(), time(12), tzinfo=ZoneInfo("Asia/Shanghai")
    )
    region = _load_regions(data)
    _load_indicators(data, region)
    _load_plan(data, region, known_at)
    from devplan.reports.demo import load_demo_narrative
    load_demo_narrative(region)
    load_projects_demo(region)
    return region

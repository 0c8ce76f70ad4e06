"""Loading the bundled 湘乡市 demo into the database. Idempotent: what is already there is left alone."""

from __future__ import annotations

import json
from datetime import datetime, time
from decimal import Decimal
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from devplan.indicators.models import Figure, Indicator, Responsibility, Target
from devplan.indicators.services import Provenance, record_figure, record_target
from devplan.projects.demo import load_projects_demo
from devplan.regions.models import Department, Region

DEMO_REGION_CODE = "430381"
LOADED_BY = "devplan init --demo"


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
            },
        )
        department = Department.objects.get(region=region, name=row["department"])
        Responsibility.objects.get_or_create(region=region, indicator=indicator, defaults={"department": department})


def _decimal(row: dict[str, Any], key: str) -> Decimal | None:
    return Decimal(row[key]) if row.get(key) is not None else None


def _provenance(data: dict[str, Any], row: dict[str, Any], known_at: datetime) -> Provenance:
    return Provenance(
        reason=row.get("reason", "载入示例数据（出自报告原文）"),
        by_name=LOADED_BY,
        source=row["source"],
        source_document=data["document"],
        known_at=known_at,
    )


def _load_plan(data: dict[str, Any], region: Region, known_at: datetime) -> None:
    for row in data["targets"]:
        indicator = Indicator.objects.get(code=row["indicator"])
        if Target.objects.filter(region=region, indicator=indicator, year=row["year"]).exists():
            continue
        record_target(
            region, indicator, row["year"], row["kind"], _provenance(data, row, known_at),
            value=_decimal(row, "value"),
            unit=row.get("unit", ""),
            qualifier=row.get("qualifier", ""),
            adjusted=row.get("adjusted", False),
            step_with=Indicator.objects.get(code=row["step_with"]) if row.get("step_with") else None,
        )
    for row in data["figures"]:
        indicator = Indicator.objects.get(code=row["indicator"])
        identity = {"region": region, "indicator": indicator, "year": row["year"], "month": row["month"]}
        if Figure.objects.filter(**identity).exists():
            continue
        record_figure(
            region, indicator, row["year"], row["month"], _provenance(data, row, known_at),
            value=_decimal(row, "value"),
            qualifier=row.get("qualifier", ""),
            growth_pct=_decimal(row, "growth_pct"),
            estimate_value=_decimal(row, "estimate_value"),
            estimate_growth_pct=_decimal(row, "estimate_growth_pct"),
            estimate_status=row.get("estimate_status", ""),
            stated_completion_pct=_decimal(row, "stated_completion_pct"),
            stated_rank=row.get("stated_rank"),
            rank_scope=row.get("rank_scope", ""),
            note=row.get("note", ""),
        )


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

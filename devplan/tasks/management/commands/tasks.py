"""`devplan tasks --region R --year Y [--month M] [--json]`: the plan's quantitative tasks and their progress."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.lib import table
from devplan.lib.errors import UsageError
from devplan.projects.text import LIGHTS
from devplan.regions.lookup import find_region
from devplan.tasks.services import tasks_status


def _text(region: str, year: int, rows: list[dict[str, Any]]) -> str:
    heading = f"{region} {year}年计划主要任务"
    if not rows:
        return heading + "\n（没有该年度的任务）"
    body = []
    for row in rows:
        target, latest, unit = row["target"], row["actual"], row["unit"]
        body.append([
            row["name"],
            row["department"],
            f"{target['value']}{unit}{target['qualifier'] or ''}",
            f"{latest['value']}{unit}（截至{latest['through']}）" if latest else "—",
            "—" if row["completion_pct"] is None else f"{row['completion_pct']}%",
            LIGHTS[row["light"]],
        ])
    headers = ["任务", "责任单位", "目标", "最新进展", "完成率", "预警"]
    return f"{heading}\n\n{table.render(headers, body, numeric=[False, False, False, False, True])}"


class Command(DevplanCommand):
    help = "计划主要任务（按责任单位）及其进展"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", required=True, help="行政区名称或代码，如 湘乡市 或 430381")
        parser.add_argument("--year", required=True, type=int, help="计划年度，如 2024")
        parser.add_argument("--month", type=int, help="截至月份 1-12（默认：最新进展）")
        parser.add_argument("--json", action="store_true", help="输出 JSON（供程序读取）")

    def handle(self, *args: Any, **options: Any) -> None:
        month = options["month"]
        if month is not None and not 1 <= month <= 12:
            raise UsageError(f"--month 应为 1 到 12 之间的月份，而不是 {month}")
        region = find_region(options["region"])
        status = tasks_status(region, options["year"], month)
        if options["json"]:
            self.stdout.write(json.dumps(status, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(_text(region.name, options["year"], status["rows"]))

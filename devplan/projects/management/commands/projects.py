"""`devplan projects --region R --year Y [--month M|YYYY-MM] [--as-of YYYY-MM] [--category C] [--lagging] [--json]`."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.lib.periods import end_of_month, parse_month, year_and_month
from devplan.projects.rules import LAGGING_WORDS
from devplan.projects.services import find_category
from devplan.projects.summary import project_summary
from devplan.projects.text import render_summary
from devplan.recording.clock import check_past
from devplan.regions.lookup import find_region


class Command(DevplanCommand):
    help = "重点项目汇总：分类合计及核对、开工率、与固定资产投资对照、逐项进度和预警灯"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", required=True, help="行政区名称或代码，如 湘乡市 或 430381")
        parser.add_argument("--year", help="计划年度，如 2024（--month 写成 YYYY-MM 时可省略）")
        parser.add_argument("--month", help="截至月份：YYYY-MM（如 2023-11，与 status、brief 相同）或 1—12"
                                           "（默认：已填报的最新月份）")
        parser.add_argument("--as-of", dest="as_of", help="按某月月底时已知的进度数据，格式 YYYY-MM（默认：最新）")
        parser.add_argument("--category", help="只列某一分类的项目（代码或名称，如 社会投资类、四个十大）")
        parser.add_argument("--lagging", action="store_true", help=f"只列滞后项目（{LAGGING_WORDS}）")
        parser.add_argument("--json", action="store_true", help="输出 JSON（供程序读取）")

    def handle(self, *args: Any, **options: Any) -> None:
        year, through = year_and_month(options["year"], options["month"])
        month = through if options["month"] is not None else None  # None: the latest month reported
        region = find_region(options["region"])
        category = find_category(options["category"]) if options["category"] else None
        as_of = None
        if options["as_of"]:
            as_of = end_of_month(*parse_month(options["as_of"], field="--as-of"), settings.TIME_ZONE)
        check_past(year, month, as_of, field="--month" if month is not None else "--year", as_of_field="--as-of")
        summary = project_summary(
            region, year, month=month, category=category, lagging_only=options["lagging"], as_of=as_of
        )
        if options["json"]:
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_summary(summary))

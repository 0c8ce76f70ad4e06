"""`devplan status --region R --year Y [--month M|YYYY-MM] [--as-of YYYY-MM] [--json]`: the indicator status
table. `--month` takes the month as `brief --month` does (YYYY-MM, which also gives the year) or, as before, a
bare month number."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.indicators.status import indicator_status
from devplan.indicators.status_text import render_status
from devplan.lib.periods import parse_as_of, year_and_month
from devplan.recording.clock import check_past
from devplan.regions.lookup import find_region


class Command(DevplanCommand):
    help = "某地区某年度的主要指标完成情况表（截至 --month 月的最新数据，按 --as-of 时已知）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", required=True, help="行政区名称或代码，如 湘乡市 或 430381")
        parser.add_argument("--year", help="计划年度，如 2023（--month 写成 YYYY-MM 时可省略）")
        parser.add_argument("--as-of", dest="as_of",
                            help="按某月月底（YYYY-MM）或某日（YYYY-MM-DD）已知的数据（默认：现在）")
        parser.add_argument("--month", metavar="YYYY-MM",
                            help="评估到该月：取截至该月的最新数据，格式 YYYY-MM（如 2023-10，与 brief --month 相同；"
                                 "也可只写月份数字 1—12）；默认12月，即全年最新")
        parser.add_argument("--all", action="store_true", help="同时列出分行业指标")
        parser.add_argument("--json", action="store_true", help="输出 JSON（供程序读取）")

    def handle(self, *args: Any, **options: Any) -> None:
        year, month = year_and_month(options["year"], options["month"])
        region = find_region(options["region"])
        as_of = parse_as_of(options["as_of"], settings.TIME_ZONE) if options["as_of"] else None
        check_past(year, month if options["month"] else None, as_of,
                   field="--month" if options["month"] else "--year", as_of_field="--as-of")
        rows = indicator_status(region, year, as_of, month=month, main_only=not options["all"])
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_status(region, year, options["as_of"], rows, month))


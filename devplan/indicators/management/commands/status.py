"""`devplan status --region R --year Y [--as-of YYYY-MM] [--json]`: the indicator status table."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.indicators.status import indicator_status
from devplan.indicators.status_text import render_status
from devplan.lib.periods import parse_as_of
from devplan.regions.lookup import find_region


class Command(DevplanCommand):
    help = "某地区某年度的主要指标完成情况表（截至 --as-of 月底已知的数据）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", required=True, help="行政区名称或代码，如 湘乡市 或 430381")
        parser.add_argument("--year", required=True, type=int, help="计划年度，如 2023")
        parser.add_argument("--as-of", dest="as_of",
                            help="按某月月底（YYYY-MM）或某日（YYYY-MM-DD）已知的数据（默认：现在）")
        parser.add_argument("--month", type=int, default=12, choices=range(1, 13), metavar="M",
                            help="评估到该月：取截至该月的最新数据（默认12，即全年最新）")
        parser.add_argument("--all", action="store_true", help="同时列出分行业指标")
        parser.add_argument("--json", action="store_true", help="输出 JSON（供程序读取）")

    def handle(self, *args: Any, **options: Any) -> None:
        region = find_region(options["region"])
        as_of = parse_as_of(options["as_of"], settings.TIME_ZONE) if options["as_of"] else None
        rows = indicator_status(region, options["year"], as_of, month=options["month"], main_only=not options["all"])
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_status(region, options["year"], options["as_of"], rows, options["month"]))

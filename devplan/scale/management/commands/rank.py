"""`devplan rank --province R --indicator CODE --period YYYY-MM [--json]`: every county of a province ranked
by growth, with completion and light."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.indicators.services import find_indicator
from devplan.lib.errors import UsageError
from devplan.lib.periods import month_span, parse_as_of, parse_month
from devplan.recording.clock import check_past
from devplan.regions.lookup import find_region
from devplan.regions.models import Region
from devplan.scale.present import ranked_json, ranking_text
from devplan.scale.rollups import province_ranking


class Command(DevplanCommand):
    help = "某省所有县（市、区）某指标的增速排名，含完成率和预警"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--province", required=True, help="省级行政区名称或代码")
        parser.add_argument("--indicator", required=True, help="指标代码，如 gdp")
        parser.add_argument("--period", required=True, help="1月至该月，格式 YYYY-MM")
        parser.add_argument("--as-of", dest="as_of", help="按某日（YYYY-MM-DD）或某月月底（YYYY-MM）已知的数据（默认：现在）")
        parser.add_argument("--json", action="store_true", help="输出 JSON（供程序读取）")

    def handle(self, *args: Any, **options: Any) -> None:
        province = find_region(options["province"])
        if province.level != Region.Level.PROVINCE:
            raise UsageError(f"{province.name}不是省级行政区：--province 应为省的名称或代码")
        indicator = find_indicator(options["indicator"])
        year, month = parse_month(options["period"], field="--period")
        as_of = parse_as_of(options["as_of"], settings.TIME_ZONE) if options["as_of"] else None
        check_past(year, month, as_of, field="--period", as_of_field="--as-of")
        ranked = province_ranking(province, indicator, year, month, as_of)
        if options["json"]:
            self.stdout.write(json.dumps([ranked_json(r, year) for r in ranked], ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{province.name} {indicator.name} {year}年{month_span(month)} 各县增速排名（{len(ranked)}个）\n\n"
                          + (ranking_text(ranked, indicator.unit) if ranked else "（没有数据）"))

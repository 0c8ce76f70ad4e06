"""`devplan rollup --indicator CODE --period YYYY-MM [--level prefecture|province] [--check] [--json]`: every
prefecture's (or province's) total of its counties, growth from summed levels, completion and light; with
--check, each area's own stated figure against that sum (devplan.scale.level_checks)."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.indicators.services import find_indicator
from devplan.lib.periods import month_span, parse_as_of, parse_month
from devplan.recording.clock import check_past
from devplan.regions.models import Region
from devplan.scale.level_checks import LevelCheck, level_checks
from devplan.scale.present import area_json, areas_text
from devplan.scale.rollups import area_totals


class Command(DevplanCommand):
    help = "各市（州）或各省由所辖县级数据汇总的累计值、增速（由汇总值计算）、完成率和预警"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--indicator", required=True, help="指标代码，如 gdp")
        parser.add_argument("--period", required=True, help="1月至该月，格式 YYYY-MM")
        parser.add_argument("--level", choices=[Region.Level.PREFECTURE, Region.Level.PROVINCE],
                            default=Region.Level.PREFECTURE, help="汇总到地级（默认）或省级")
        parser.add_argument("--as-of", dest="as_of", help="按某日（YYYY-MM-DD）或某月月底（YYYY-MM）已知的数据（默认：现在）")
        parser.add_argument("--check", action="store_true",
                            help="核对各市（州）或省本级公布的数与所辖县汇总数（总量和由汇总数推算的增速），超出容差的标出")
        parser.add_argument("--json", action="store_true", help="输出 JSON（供程序读取）")

    def handle(self, *args: Any, **options: Any) -> None:
        indicator = find_indicator(options["indicator"])
        year, month = parse_month(options["period"], field="--period")
        as_of = parse_as_of(options["as_of"], settings.TIME_ZONE) if options["as_of"] else None
        check_past(year, month, as_of, field="--period", as_of_field="--as-of")
        totals = area_totals(options["level"], indicator, year, month, as_of=as_of)
        checks = level_checks(options["level"], totals, indicator, year, as_of)
        if options["json"]:
            self.stdout.write(json.dumps([area_json(t, year, checks.get(t.code)) for t in totals],
                                         ensure_ascii=False, indent=2))
            return
        if options["check"]:
            self._print_checks(indicator.name, year, month, list(checks.values()))
            return
        level = "地级" if options["level"] == Region.Level.PREFECTURE else "省级"
        self.stdout.write(f"{indicator.name} {year}年{month_span(month)} {level}汇总（{len(totals)}个）\n\n"
                          + (areas_text(totals, indicator.unit) if totals else "（没有数据）"))

    def _print_checks(self, name: str, year: int, month: int, checks: list[LevelCheck]) -> None:
        if not checks:
            self.stdout.write(f"{name} {year}年{month_span(month)}：没有哪个地区录入了本级数，无可核对。")
            return
        flagged = sum(1 for check in checks if check.flagged)
        self.stdout.write(f"{name} {year}年{month_span(month)} 本级数与所辖县汇总核对：{len(checks)} 个地区，{flagged} 个超出容差")
        for check in checks:
            self.stdout.write(f"  {check.mark} " + check.sentence())

"""`devplan template --kind projects|figures (--owner X | --department D) --period YYYY-MM --out F.xlsx`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.collection.excel.workbook import build_template
from devplan.lib.errors import DevplanError, UsageError, os_reason
from devplan.lib.periods import parse_month
from devplan.regions.lookup import find_region
from devplan.regions.models import Region


class Command(DevplanCommand):
    help = "生成 Excel 填报模板：项目业主的月度进度表（--kind projects），或部门的指标数据表（--kind figures）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--kind", required=True, choices=["projects", "figures"], help="模板类型")
        parser.add_argument("--region", default="湘乡市", help="行政区名称或代码（默认 湘乡市）")
        parser.add_argument("--owner", help="业主单位（--kind projects 时必填）")
        parser.add_argument("--department", help="责任部门（--kind figures 时必填）")
        parser.add_argument("--period", required=True, help="填报月份，格式 YYYY-MM")
        parser.add_argument("--out", required=True, help="输出文件，如 进度.xlsx")

    def handle(self, *args: Any, **options: Any) -> None:
        kind = options["kind"]
        party = options["owner"] if kind == "projects" else options["department"]
        if not party:
            flag = "--owner" if kind == "projects" else "--department"
            raise UsageError(f"--kind {kind} 需要 {flag}（{'业主单位' if kind == 'projects' else '部门'}名称）")
        year, month = parse_month(options["period"], field="--period")
        region: Region = find_region(options["region"])
        out = Path(options["out"])
        workbook = build_template(kind, region, party, year, month)
        try:
            workbook.save(out)
        except OSError as exc:
            raise DevplanError(f"无法写入“{out}”：{os_reason(exc)}") from None
        self.stdout.write(f"已生成模板：{out}")

"""`devplan brief --region R --as-of YYYY-MM --out DIR`: the monthly briefing (brief.docx, brief.pdf)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.lib.periods import parse_month
from devplan.regions.lookup import find_region
from devplan.reports.brief import build_brief
from devplan.reports.service import write_documents


class Command(DevplanCommand):
    help = "生成月度经济运行简报：brief.docx、brief.pdf（按某月月底时已知的数据）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", required=True, help="行政区名称或代码，如 湘乡市 或 430381")
        parser.add_argument("--as-of", dest="as_of", required=True, help="简报月份，格式 YYYY-MM，如 2023-10")
        parser.add_argument("--out", required=True, type=Path, help="输出目录")

    def handle(self, *args: Any, **options: Any) -> None:
        region = find_region(options["region"])
        year, month = parse_month(options["as_of"], field="--as-of")
        written = write_documents(build_brief(region, year, month), options["out"], html=False, xlsx=False)
        self.stdout.write("已生成：" + "、".join(str(path) for path in written))

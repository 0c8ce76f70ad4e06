"""`devplan report --region R --year Y --out DIR`: the execution report and plan draft with attachments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.regions.lookup import find_region
from devplan.reports.execution import build_report
from devplan.reports.service import write_documents


class Command(DevplanCommand):
    help = "生成计划执行情况与下年计划（草案）的报告：report.docx、report.pdf、report.html 及附件表 attachments.xlsx"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", required=True, help="行政区名称或代码，如 湘乡市 或 430381")
        parser.add_argument("--year", required=True, type=int, help="报告年度，如 2023（同时起草下一年计划）")
        parser.add_argument("--out", required=True, type=Path, help="输出目录")

    def handle(self, *args: Any, **options: Any) -> None:
        region = find_region(options["region"])
        written = write_documents(build_report(region, options["year"]), options["out"])
        self.stdout.write("已生成：" + "、".join(str(path) for path in written))

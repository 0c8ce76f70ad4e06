"""`devplan report --region R --year Y --out DIR`: the execution report and plan draft with attachments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.regions.lookup import find_region
from devplan.reports.audited import audit_written, print_audit
from devplan.reports.execution import build_report
from devplan.reports.service import write_documents


class Command(DevplanCommand):
    help = "生成计划执行情况与下年计划（草案）的报告：report.docx、report.pdf、report.html 及附件表 attachments.xlsx"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", required=True, help="行政区名称或代码，如 湘乡市 或 430381")
        parser.add_argument("--year", required=True, type=int, help="报告年度，如 2023（同时起草下一年计划）")
        parser.add_argument("--out", required=True, type=Path, help="输出目录")
        parser.add_argument("--allow-findings", dest="allow_findings", action="store_true",
                            help="审核发现错误时仍以成功结束（列出错误，退出码 0）；不加则有错误时退出码为 1")

    def handle(self, *args: Any, **options: Any) -> None:
        region = find_region(options["region"])
        written = write_documents(build_report(region, options["year"]), options["out"])
        self.stdout.write("已生成：" + "、".join(str(path) for path in written))
        print_audit(audit_written(written), options["allow_findings"], self.stdout.write)

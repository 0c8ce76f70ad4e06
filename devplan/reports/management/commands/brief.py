"""`devplan brief --region R --month YYYY-MM --out DIR [--as-of DATE]`: the monthly briefing (brief.docx,
brief.pdf) on month M's data as known now, or as known at the end of DATE (YYYY-MM or YYYY-MM-DD).

The older form `--as-of YYYY-MM` without `--month` still works: the brief of that month as known at its end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.lib.errors import UsageError
from devplan.lib.periods import parse_as_of, parse_month
from devplan.regions.lookup import find_region
from devplan.reports.audited import audit_written, print_audit
from devplan.reports.brief import build_brief
from devplan.reports.service import write_documents


class Command(DevplanCommand):
    help = "生成月度经济运行简报：brief.docx、brief.pdf（某月数据，按现在或 --as-of 时已知的数据）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", required=True, help="行政区名称或代码，如 湘乡市 或 430381")
        parser.add_argument("--month", help="简报所述数据的月份，格式 YYYY-MM，如 2023-10")
        parser.add_argument("--as-of", dest="as_of",
                            help="按某日（YYYY-MM-DD）或某月月底（YYYY-MM）已知的数据（默认：现在）；"
                                 "不给 --month 时也作为简报月份")
        parser.add_argument("--out", required=True, type=Path, help="输出目录")
        parser.add_argument("--allow-findings", dest="allow_findings", action="store_true",
                            help="审核发现错误时仍以成功结束（列出错误，退出码 0）；不加则有错误时退出码为 1")

    def handle(self, *args: Any, **options: Any) -> None:
        region = find_region(options["region"])
        if not options["month"] and not options["as_of"]:
            raise UsageError("请用 --month YYYY-MM 指明简报所述数据的月份")
        month_text = options["month"] or options["as_of"][:7]
        year, month = parse_month(month_text, field="--month")
        as_of = parse_as_of(options["as_of"], settings.TIME_ZONE) if options["as_of"] else None
        written = write_documents(build_brief(region, year, month, as_of), options["out"], html=False, xlsx=False)
        self.stdout.write("已生成：" + "、".join(str(path) for path in written))
        print_audit(audit_written(written), options["allow_findings"], self.stdout.write)

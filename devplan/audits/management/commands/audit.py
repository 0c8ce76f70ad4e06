"""`devplan audit FILE [--json] [--html FILE] [--import --region R --year Y]`: a thin wrapper over
devplan.reader (and, for --import, devplan.audits.importing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from devplan.audits.importing import import_main_figures
from devplan.cli.base import DevplanCommand
from devplan.lib.errors import DevplanError, UsageError
from devplan.reader import audit_file, audit_text, read_file, render_html, render_text


class Command(DevplanCommand):
    help = "审核计划报告中的数字（UTF-8 文本、.docx、带文字层的 PDF）：列出找到的每个数字和每项算术发现"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="报告文件：.txt（UTF-8）、.docx 或 .pdf")
        parser.add_argument("--json", action="store_true", help="按 docs/contract.md 的格式输出 JSON")
        parser.add_argument("--html", metavar="FILE", help="另写一份 HTML 页面（文中数字高亮、发现链接到数字）；FILE 为 - 时输出到标准输出")
        parser.add_argument("--no-info", action="store_true", help="文字报告中不列“说明”级的发现")
        parser.add_argument("--import", dest="import_", action="store_true", help="把主要指标的数字存为指标数据（新修订），出处为本报告")
        parser.add_argument("--region", help="--import 时：行政区名称或代码，如 湘乡市")
        parser.add_argument("--year", type=int, help="--import 时：报告所述的年度，如 2023")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if options["import_"] and not (options["region"] and options["year"]):
            raise UsageError("--import 需要同时给出 --region 和 --year，例如 --import --region 湘乡市 --year 2023")
        html_target = options["html"]
        if html_target:
            document = read_file(path)
            result = audit_text(document.text, source=str(path))
            page = render_html(result, document.text)
            if html_target == "-":
                self.stdout.write(page, ending="")
                return
            try:
                Path(html_target).write_text(page, encoding="utf-8")
            except OSError as exc:
                raise DevplanError(f"无法写入 HTML 文件（{exc.strerror or exc}）。", where=html_target) from None
        else:
            result = audit_file(path)
        if options["json"]:
            self.stdout.write(result.to_json_text())
        else:
            self.stdout.write(render_text(result, show_info=not options["no_info"]), ending="")
        if options["import_"]:
            drafts = import_main_figures(result, options["region"], options["year"])
            names = "、".join(f"{d.indicator}（1—{d.month}月）" for d in drafts) or "无"
            self.stderr.write(f"已导入 {len(drafts)} 条主要指标数据：{names}")

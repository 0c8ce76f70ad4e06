"""`devplan audit FILE [--json] [--html FILE] [--import --region R --year Y]`: a thin wrapper over
devplan.reader (and, for --import, devplan.audits.importing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser

from devplan.audits.importing import FigureDraft, import_plan, submit_drafts
from devplan.cli.base import DevplanCommand
from devplan.lib.errors import DevplanError, UsageError
from devplan.lib.limits import check_file, limits_from
from devplan.reader import AuditResult, audit_file, audit_text, read_file, render_html, render_text
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.rules import Problem, Rejected
from devplan.regions.lookup import find_region


def _values(values: dict[str, Any]) -> str:
    return "，".join(f"{k}={format(v, 'f') if hasattr(v, 'as_tuple') else v}" for k, v in values.items())


class Command(DevplanCommand):
    help = "审核计划报告中的数字（UTF-8 文本、.docx、带文字层的 PDF）：列出找到的每个数字和每项算术发现"
    # Reading a report needs no database; Django's system checks would open one (and create an empty
    # devplan.db in the current folder). --import opens it when it writes.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="报告文件：.txt（UTF-8）、.docx 或 .pdf")
        parser.add_argument("--json", action="store_true", help="按 docs/contract.md 的格式输出 JSON")
        parser.add_argument("--html", metavar="FILE", help="另写一份 HTML 页面（文中数字高亮、发现链接到数字）；FILE 为 - 时输出到标准输出")
        parser.add_argument("--no-info", action="store_true", help="文字报告中不列“说明”级的发现")
        parser.add_argument("--import", dest="import_", action="store_true",
                            help="列出可导入的主要指标数字；加 --yes 则提交为待审核的填报（发改局审核通过后成为正式数据），出处为本报告")
        parser.add_argument("--yes", action="store_true", help="--import 时：确认提交（不加则只列出，不写入）")
        parser.add_argument("--by", help="--import 时：操作人（用户名或姓名；默认记为运行命令的系统用户）")
        parser.add_argument("--region", help="--import 时：行政区名称或代码，如 湘乡市")
        parser.add_argument("--year", type=int, help="--import 时：报告所述的年度，如 2023")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if options["import_"] and not (options["region"] and options["year"]):
            raise UsageError("--import 需要同时给出 --region 和 --year，例如 --import --region 湘乡市 --year 2023")
        if options["import_"] and path.is_file():
            check_file(path, limits_from(settings))  # a door for figures: the same limits as every upload
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
            self._import(result, options)

    def _import(self, result: AuditResult, options: dict[str, Any]) -> None:
        """List what the report gives and what it leaves out; with --yes submit it. Every problem of a refused
        write is printed on its own line before the command fails (exit 1, nothing written)."""
        region = find_region(options["region"])
        plan = import_plan(result, options["year"])
        names = "、".join(f"{d.indicator}（1—{d.month}月：{_values(d.values)}）" for d in plan.drafts) or "无"
        self.stderr.write(f"可导入 {len(plan.drafts)} 条主要指标数据：{names}。")
        if plan.skipped:
            self.stderr.write(f"未导入 {len(plan.skipped)} 个数字：")
            for skipped in plan.skipped:
                self.stderr.write(f"  {skipped.line()}")
        if not options["yes"] or not plan.drafts:
            self.stderr.write("未写入；确认无误后加 --yes 提交审核。" if plan.drafts else "未写入。")
            return
        actor = Actor.of_operator(Door.CLI_AUDIT, options["by"])
        try:
            outcome = submit_drafts(plan, result, region, options["year"], actor)
        except Rejected as exc:
            for problem in exc.problems:
                self.stderr.write(_problem_line(problem, plan.drafts))
            raise DevplanError(f"未写入任何数据：共 {len(exc.problems)} 处问题（见上），请改正后再导入") from None
        self.stderr.write(f"已提交 {len(plan.drafts)} 条主要指标数据；{outcome.sentence()}。")

def _problem_line(problem: Problem, drafts: list[FigureDraft]) -> str:
    """One problem of a refused write, naming the draft it belongs to."""
    if problem.row is not None and 0 <= problem.row < len(drafts):
        draft = drafts[problem.row]
        return f"第 {problem.row + 1} 条（{draft.indicator}，1—{draft.month}月）：{problem.message}"
    return problem.message

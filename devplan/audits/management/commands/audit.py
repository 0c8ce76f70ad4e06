"""`devplan audit FILE [FILE …] [--json] [--html FILE] [--against REGION [--as-of DATE]] [--import --region R
--year Y]`: a thin wrapper over devplan.reader (several files are also compared with each other:
devplan.reader.across) and, for --against and --import, devplan.audits."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser

from devplan.audits.against import compare_with_records, document_date, document_year
from devplan.audits.importing import FigureDraft, described, import_plan, submit_drafts
from devplan.cli.base import DevplanCommand, require_database
from devplan.indicators.models import Indicator
from devplan.lib.errors import DevplanError, UsageError, os_reason
from devplan.lib.limits import check_file, check_unpacked, limits_from
from devplan.lib.periods import parse_as_of, year_range
from devplan.reader import (
    AuditResult,
    Document,
    audit_file,
    audit_text,
    check_readable,
    read_file,
    read_stream,
    render_html,
    render_text,
)
from devplan.reader.across import compare
from devplan.recording.actors import BY_HELP, Actor
from devplan.recording.models import Door
from devplan.recording.rules import Problem, Rejected
from devplan.regions.lookup import find_region

STDIN = "-"
STDIN_NAME = "标准输入"


class Command(DevplanCommand):
    help = "审核计划报告中的数字（UTF-8 文本、.docx、带文字层的 PDF）：列出找到的每个数字和每项算术发现"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="+",
                            help="报告文件：.txt（UTF-8）、.docx 或 .pdf（按文件内容识别）；- 表示从标准输入读 UTF-8 文本；"
                                 "给出几份同一地方的文件（计划报告、政府工作报告、统计公报……）时还比对其中同一数字的说法")
        parser.add_argument("--json", action="store_true", help="按 docs/contract.md 的格式输出 JSON")
        parser.add_argument("--html", metavar="FILE", help="另写一份 HTML 页面（文中数字高亮、发现链接到数字）；FILE 为 - 时输出到标准输出")
        parser.add_argument("--no-info", action="store_true", help="文字报告中不列“说明”级的发现")
        parser.add_argument("--import", dest="import_", action="store_true",
                            help="列出可导入的主要指标数字；加 --yes 则提交为待审核的填报（发改局审核通过后成为正式数据），出处为本报告")
        parser.add_argument("--yes", action="store_true", help="--import 时：确认提交（不加则只列出，不写入）")
        parser.add_argument("--by", help="--import 时：" + BY_HELP)
        parser.add_argument("--region", help="--import 时：行政区名称或代码，如 湘乡市")
        parser.add_argument("--year", type=int, help="--import、--against 时：报告所述的年度，如 2023（--against 默认取文中主要指标数字最多的年度）")
        parser.add_argument("--against", metavar="REGION",
                            help="与 devplan 中该行政区的记录比对文中主要指标的数字，指出不一致之处及记录的修订号")
        parser.add_argument("--as-of", dest="as_of",
                            help="--against 时：按某日（YYYY-MM-DD）或某月月底（YYYY-MM）已知的记录比对（默认：现在）")

    def handle(self, *args: Any, **options: Any) -> None:
        paths = [Path(name) for name in options["file"]]
        if len(paths) > 1 and (options["import_"] or options["html"] or options["against"]):
            raise UsageError("--import、--html 和 --against 一次只能用于一个文件；比对几份文件时请不要加这些选项")
        if options["json"] and options["html"] == STDIN:
            raise UsageError("--json 和 --html - 都写到标准输出，不能同时使用：请给 --html 一个文件名")
        if options["file"].count(STDIN) > 1:
            raise UsageError("标准输入（-）只能给一次")
        if options["as_of"] and not options["against"]:
            raise UsageError("--as-of 只和 --against 一起使用，例如 --against 湘乡市 --as-of 2024-01-20")
        if options["year"] is not None:
            if not (options["against"] or options["import_"]):
                raise UsageError("--year 只和 --import 或 --against 一起使用，例如 --against 湘乡市 --year 2023")
            first, last = year_range()
            if not first <= options["year"] <= last:
                raise UsageError(f"--year 的年份应在 {first} 到 {last} 之间，而不是 {options['year']}")
        resolved = [path.resolve() for path in paths]
        repeated = sorted({str(path) for path, full in zip(paths, resolved, strict=True) if resolved.count(full) > 1})
        if repeated:
            raise UsageError(f"同一文件给了不止一次：{'、'.join(repeated)}；比对几份文件时请给出不同的文件")
        if len(paths) > 1:
            self._several([self._audited(path, whole=False)[0] for path in paths], options)
            return
        path = paths[0]
        if options["import_"] and not (options["region"] and options["year"]):
            raise UsageError("--import 需要同时给出 --region 和 --year，例如 --import --region 湘乡市 --year 2023")
        if options["against"] or options["import_"]:
            require_database()  # before the file is read, and so that a refusal leaves no empty devplan.db
        html_target = options["html"]
        # The text is read whole when it is shown (--html) or dated (--against); else streamed.
        result, document = self._audited(path, whole=bool(html_target or options["against"]),
                                         upload=options["import_"])
        if html_target:
            assert document is not None
            page = render_html(result, document.text)
            if html_target == "-":
                self.stdout.write(page, ending="")
                return
            try:
                Path(html_target).write_text(page, encoding="utf-8")
            except OSError as exc:
                raise DevplanError(f"无法写入 HTML 文件（{os_reason(exc)}）。", where=html_target) from None
        against = None
        if options["against"]:
            assert document is not None  # read above whenever --against is given
            against = self._against(result, options, document_date(document.text))
        if options["json"]:
            answer = result.to_json()
            if against is not None:
                answer["against"] = against
            self.stdout.write(json.dumps(answer, ensure_ascii=False, indent=1))
        else:
            self.stdout.write(render_text(result, show_info=not options["no_info"]), ending="")
            if against is not None:
                self._print_against(against)
        if options["import_"]:
            self._import(result, options)

    def _audited(self, path: Path, *, whole: bool, upload: bool = False) -> tuple[AuditResult, Document | None]:
        """The file audited (standard input for -), with its text when `whole`. Checked first as every door
        checks a file: a regular readable file, not a zip unpacking past the limit; with `upload` (--import, a
        door for figures) not larger than an upload either."""
        if str(path) == STDIN:
            document: Document | None = read_stream(sys.stdin.buffer, STDIN_NAME)
        else:
            check_readable(path)
            limits = limits_from(settings)
            (check_file if upload else check_unpacked)(path, limits, str(path))
            document = read_file(path) if whole else None
        if document is None:
            return audit_file(path), None
        return audit_text(document.text, source=document.source, layout=document.kind == "text"), document

    def _several(self, results: list[AuditResult], options: dict[str, Any]) -> None:
        """Each document's own audit, then what they state differently."""
        differences = compare(results)
        if options["json"]:
            answer = {"documents": [result.to_json() for result in results],
                      "across": [difference.to_json() for difference in differences]}
            self.stdout.write(json.dumps(answer, ensure_ascii=False, indent=1))
            return
        for result in results:
            self.stdout.write(render_text(result, show_info=not options["no_info"]), ending="")
            self.stdout.write("")
        names = "、".join(result.source for result in results)
        if not differences:
            self.stdout.write(f"跨文件比对（{names}）：同一时期同一数字的说法一致（按舍入精度）。")
            return
        self.stdout.write(f"跨文件比对（{names}）：{len(differences)} 处说法不一致（警告）：")
        for difference in differences:
            self.stdout.write(f"  ⚠ {difference.message}")

    def _against(self, result: AuditResult, options: dict[str, Any], dated: date | None) -> dict[str, Any]:
        """The document's main-indicator numbers against the region's records (the database opens here), as
        known at `--as-of`, else at the end of the date the document states, else now."""
        region = find_region(options["against"])
        year = options["year"] or document_year(result)
        if year is None:
            raise DevplanError("文中没有可与记录比对的主要指标数字（找不到年度）；可用 --year 指定", where=result.source)
        when = options["as_of"] or (dated.isoformat() if dated else None)
        as_of = parse_as_of(when, settings.TIME_ZONE) if when else None
        comparisons = compare_with_records(result, region, year, as_of)
        return {"region": region.name, "year": year, "as_of": when or "now",
                "as_of_source": "option" if options["as_of"] else ("document" if dated else "now"),
                "compared": len(comparisons), "differences": sum(1 for c in comparisons if c.state == "differs"),
                "unrecorded": sum(1 for c in comparisons if c.state == "unrecorded"),
                "comparisons": [comparison.to_json() for comparison in comparisons]}

    def _print_against(self, against: dict[str, Any]) -> None:
        when = {"now": "现在", "document": f"文件落款日期 {against['as_of']}"}.get(against["as_of_source"],
                                                                             against["as_of"])
        unrecorded = f"，{against['unrecorded']} 个 devplan 当时没有记录" if against["unrecorded"] else ""
        self.stdout.write(f"\n与 devplan 记录比对（{against['region']} {against['year']}年，按{when}已知）："
                          f"{against['compared']} 个数字，{against['differences']} 个不一致{unrecorded}")
        for comparison in against["comparisons"]:
            mark = {"agrees": "✓", "differs": "✗"}.get(comparison["state"], "○")
            self.stdout.write(f"  {mark} " + comparison["message"])

    def _import(self, result: AuditResult, options: dict[str, Any]) -> None:
        """List what the report gives and what it leaves out; with --yes submit it. Every problem of a refused
        write is printed on its own line before the command fails (exit 1, nothing written)."""
        region = find_region(options["region"])
        plan = import_plan(result, options["year"])
        names = dict(Indicator.objects.values_list("code", "name"))
        listed = "、".join(f"{names.get(d.indicator, d.indicator)}（1—{d.month}月：{described(d.values)}）"
                           for d in plan.drafts) or "无"
        self.stderr.write(f"可导入 {len(plan.drafts)} 条主要指标数据：{listed}。")
        if plan.skipped:
            self.stderr.write(f"未导入 {len(plan.skipped)} 个数字：")
            for skipped in plan.skipped:
                self.stderr.write(f"  {skipped.line(names)}")
        if not options["yes"] or not plan.drafts:
            self.stderr.write("未写入；确认无误后加 --yes 提交审核。" if plan.drafts else "未写入。")
            return
        actor = Actor.of_operator(Door.CLI_AUDIT, options["by"])
        try:
            outcome = submit_drafts(plan, result, region, options["year"], actor)
        except Rejected as exc:
            for problem in exc.problems:
                self.stderr.write(_problem_line(problem, plan.drafts, names))
            raise DevplanError(f"未写入任何数据：共 {len(exc.problems)} 处问题（见上），请改正后再导入") from None
        self.stderr.write(f"已提交 {len(plan.drafts)} 条主要指标数据；{outcome.sentence()}。")

def _problem_line(problem: Problem, drafts: list[FigureDraft], names: dict[str, str]) -> str:
    """One problem of a refused write, naming the draft it belongs to (its indicator by name)."""
    if problem.row is not None and 0 <= problem.row < len(drafts):
        draft = drafts[problem.row]
        return f"第 {problem.row + 1} 条（{names.get(draft.indicator, draft.indicator)}，1—{draft.month}月）：{problem.message}"
    return problem.message

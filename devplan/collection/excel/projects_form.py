"""The monthly progress form a project owner (业主单位) fills: one row per project of theirs planned for the
year, with what is recorded beside it; read back as rows for the one door."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from openpyxl import Workbook

from devplan.collection.excel.form import Column, RowReader, header_problems, write_form, write_instructions
from devplan.collection.excel.meta import TemplateMeta
from devplan.collection.excel.problems import Problem
from devplan.collection.models import Submission
from devplan.lib.errors import NotFound
from devplan.lib.numbers import stated
from devplan.lib.periods import month_span
from devplan.projects.models import AnnualPlan, Progress, Project
from devplan.projects.services import latest_per, plans_for
from devplan.recording.rows import ProgressRow
from devplan.regions.models import Region

SHEET = "项目月度进度"
MARK = "（示意数据）"
COLUMNS = [
    Column("ref", "登记编号", "key", 10),
    Column("name", "项目名称", "readonly", 40),
    Column("total", "总投资（亿元）", "readonly", 12),
    Column("planned", "年计划投资（亿元）", "readonly", 14),
    Column("previous", "此前已报累计完成（亿元）", "readonly", 14),
    Column("pending", "待审核的填报", "readonly", 14),
    Column("month", "截至月份", "month", 8),
    Column("completed", "1至本月累计完成投资（亿元）", "number", 14),
    Column("status", "项目状态", "choice", 10, tuple(Project.Status.values)),
    Column("actual_start", "实际开工日期", "date", 12),
    Column("actual_completion", "实际竣工日期", "date", 12),
    Column("narrative", "形象进度", "text", 30),
    Column("problems", "存在问题（堵点难点）", "text", 30),
    Column("help_requested", "需协调解决事项", "text", 30),
    Column("explanation", "偏差说明", "text", 24),
    Column("reported_by", "填报人", "text", 10),
]
INSTRUCTIONS = [
    "重点项目月度进度填报说明",
    "1. 只填黄色单元格；表头和灰色列（登记编号、项目名称、总投资、年计划投资、此前已报累计、待审核的填报）已锁定，请勿改动或增删列。",
    "2. “1至本月累计完成投资”填本年1月至截至月份的累计数，单位亿元，不能为负数；该列为文本格式，小数位按填写原样保留（如 2.0）。超过项目总投资或年计划投资较多、小于此前已报累计、或上月没有填报时，须在“偏差说明”中写明原因。",
    "3. “截至月份”填 1 至模板所属月份之间的整数；“项目状态”从下拉列表选择；日期填 2024-03-15 格式。",
    "4. 请勿填写公式：含公式的单元格不会被执行，整份文件会被退回。",
    "5. 本月没有进展的项目可整行留空（登记编号除外）。",
    "6. 只要有一处错误，整份文件都不会导入，并列出每一处错误所在的行、列和原因；改正后重新导入即可。业主单位上传的进度经发改局审核通过后成为正式数据。",
    f"7. 标有“{MARK}”的数字并非报告原文，仅为演示而设。",
]
INPUTS = ("completed", "status", "actual_start", "actual_completion", "narrative", "problems", "help_requested",
          "explanation", "reported_by")


def _money(text: str | None, illustrative: bool) -> str | None:
    """An amount as every page prints it (`lib.numbers.stated`: a progress report's with the places it was
    reported with, 1.80 stays 1.80; a registry or plan amount, whose places are not recorded, without
    trailing zeros), marked when illustrative."""
    return None if text is None else text + (MARK if illustrative else "")


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else stated(value)


def write_projects(workbook: Workbook, region: Region, meta: TemplateMeta) -> None:
    plans = list(plans_for(region, meta.year).filter(project__owner=meta.party))
    if not plans:
        raise NotFound(f"{region.name}没有业主单位为“{meta.party}”的{meta.year}年计划项目：请检查业主单位名称")
    earlier = latest_per(Progress.objects.filter(project__in=[p.project for p in plans], year=meta.year), "project_id",
                         meta.month - 1) if meta.month > 1 else {}
    pending = {s.project_id: s for s in Submission.objects.filter(
        project__in=[p.project for p in plans], year=meta.year, month=meta.month).exclude(status=Submission.Status.APPROVED)}
    rows = []
    for plan in plans:
        project, before = plan.project, earlier.get(plan.project_id)
        waiting = pending.get(project.pk)
        rows.append({
            "ref": project.ref,
            "name": project.name + (MARK if project.illustrative or plan.illustrative else ""),
            "total": _money(_amount(project.total_investment), project.illustrative),
            "planned": _money(_amount(plan.planned_investment), plan.illustrative),
            "previous": (f"{_money(before.stated('completed_investment'), before.illustrative)}"
                         f"（{month_span(before.month)}）" if before and before.completed_investment is not None
                         else None),
            "pending": f"{waiting.get_status_display()}：{waiting.text('completed') or '—'}" if waiting else None,
            "month": meta.month,
            "status": project.status,
            "actual_start": project.actual_start,
            "actual_completion": project.actual_completion,
        })
    write_form(workbook, SHEET, COLUMNS, rows, meta.month)
    write_instructions(workbook, INSTRUCTIONS)


def _check_project(reader: RowReader, values: dict[str, Any], meta: TemplateMeta, plans: dict[str, AnnualPlan],
                   seen: dict[str, int]) -> AnnualPlan | None:
    ref = values.get("ref")
    if ref is None:
        reader.problem("ref", "缺少登记编号")
        return None
    ref = str(ref)
    if ref in seen:
        reader.problem("ref", f"登记编号“{ref}”与第{seen[ref]}行重复")
        return None
    seen[ref] = reader.row
    if ref in plans:
        return plans[ref]
    project = Project.objects.filter(ref=ref).first()
    if project is None:
        reader.problem("ref", f"登记册中没有登记编号为“{ref}”的项目")
    elif project.owner != meta.party:
        reader.problem("ref", f"项目“{project.name}”的业主单位是“{project.owner}”，不是本模板的“{meta.party}”")
    else:
        reader.problem("ref", f"项目“{project.name}”没有{meta.year}年计划")
    return None


def _reported(project: Project, values: dict[str, Any]) -> bool:
    """A row is a report when it has a figure or a text, or changes the status or dates written in the template."""
    if any(values.get(key) for key in ("completed", "narrative", "problems", "help_requested", "reported_by",
                                       "explanation")):
        return True
    return any(
        values.get(key) not in (None, "") and _day(values[key]) != getattr(project, key)
        for key in ("status", "actual_start", "actual_completion")
    )


def _day(value: Any) -> Any:
    """A date cell as Excel hands it back (a datetime at midnight) compared as the date it shows."""
    return value.date() if isinstance(value, datetime) else value


def read_projects(workbook: Workbook, region: Region, meta: TemplateMeta
                  ) -> tuple[list[ProgressRow], list[RowReader], list[Problem]]:
    """The rows that report progress, the reader of each (for placing the rules' problems in cells), and the
    problems that make cells unreadable."""
    if SHEET not in workbook.sheetnames:
        return [], [], [Problem(SHEET, None, None, "工作表", f"缺少工作表“{SHEET}”：请勿改动工作表名称")]
    sheet = workbook[SHEET]
    problems = header_problems(sheet, COLUMNS)
    plans = {p.project.ref: p for p in plans_for(region, meta.year).filter(project__owner=meta.party)}
    seen: dict[str, int] = {}
    rows, readers = [], []
    for row in range(2, sheet.max_row + 1):
        reader = RowReader(sheet, row, COLUMNS, meta.month, problems)
        if reader.is_blank():
            continue
        values = reader.read()
        plan = _check_project(reader, values, meta, plans, seen)
        if plan is None or not _reported(plan.project, values):
            continue
        if values.get("month") is None:
            if "month" in values:
                reader.problem("month", f"请填写截至月份（1 到 {meta.month}）")
            continue
        # An empty cell keeps what the month has recorded (`recording.carry`), like an omitted API key.
        given = {key: values[key] for key in INPUTS if values.get(key) not in (None, "")}
        rows.append(ProgressRow(plan.project, meta.year, values["month"], given))
        readers.append(reader)
    return rows, readers, problems

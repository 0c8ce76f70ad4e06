"""The monthly progress form a project owner (业主单位) fills: one row per project of theirs planned for the
year; read back, every cell is checked against the registry before anything is stored."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone
from openpyxl import Workbook

from devplan.collection.excel.form import Column, RowReader, header_problems, write_form, write_instructions
from devplan.collection.excel.meta import TemplateMeta
from devplan.collection.excel.problems import Problem
from devplan.indicators.services import Provenance
from devplan.lib.errors import NotFound
from devplan.projects.models import AnnualPlan, Progress, Project
from devplan.projects.services import latest_per, plans_for, record_progress
from devplan.regions.models import Region

SHEET = "项目月度进度"
MARK = "（示意数据）"
COLUMNS = [
    Column("ref", "登记编号", "key", 10),
    Column("name", "项目名称", "readonly", 40),
    Column("planned", "年计划投资（亿元）", "readonly", 14),
    Column("previous", "此前已报累计完成（亿元）", "readonly", 14),
    Column("month", "截至月份", "month", 8),
    Column("completed", "1至本月累计完成投资（亿元）", "number", 14),
    Column("status", "项目状态", "choice", 10, tuple(Project.Status.values)),
    Column("actual_start", "实际开工日期", "date", 12),
    Column("actual_completion", "实际竣工日期", "date", 12),
    Column("narrative", "形象进度", "text", 30),
    Column("problems", "存在问题（堵点难点）", "text", 30),
    Column("help_requested", "需协调解决事项", "text", 30),
    Column("reported_by", "填报人", "text", 10),
]
INSTRUCTIONS = [
    "重点项目月度进度填报说明",
    "1. 只填黄色单元格；表头和灰色列（登记编号、项目名称、年计划投资、此前已报累计）已锁定，请勿改动或增删列。",
    "2. “1至本月累计完成投资”填本年1月至截至月份的累计数，单位亿元，不能为负数、不能超过项目总投资、不能小于此前已报累计。",
    "3. “截至月份”填 1 至模板所属月份之间的整数；“项目状态”从下拉列表选择；日期填 2024-03-15 格式。",
    "4. 请勿填写公式：含公式的单元格不会被执行，整份文件会被退回。",
    "5. 本月没有进展的项目可整行留空（登记编号除外）。",
    "6. 导入时只要有一处错误，整份文件都不会导入，并列出每一处错误所在的行、列和原因；改正后重新导入即可。",
    f"7. 标有“{MARK}”的数字并非报告原文，仅为演示而设。",
]


def _money(value: Decimal | None, illustrative: bool) -> str | None:
    if value is None:
        return None
    return format(value.normalize(), "f") + (MARK if illustrative else "")


def write_projects(workbook: Workbook, region: Region, meta: TemplateMeta) -> None:
    plans = list(plans_for(region, meta.year).filter(project__owner=meta.party))
    if not plans:
        raise NotFound(f"{region.name}没有业主单位为“{meta.party}”的{meta.year}年计划项目：请检查业主单位名称")
    earlier = latest_per(Progress.objects.filter(project__in=[p.project for p in plans], year=meta.year), "project_id",
                         meta.month - 1) if meta.month > 1 else {}
    rows = []
    for plan in plans:
        project, before = plan.project, earlier.get(plan.project_id)
        rows.append({
            "ref": project.ref,
            "name": project.name + (MARK if project.illustrative or plan.illustrative else ""),
            "planned": _money(plan.planned_investment, plan.illustrative),
            "previous": _money(before.completed_investment, before.illustrative) if before else None,
            "month": meta.month,
            "status": project.status,
            "actual_start": project.actual_start,
            "actual_completion": project.actual_completion,
        })
    write_form(workbook, SHEET, COLUMNS, rows, meta.month)
    write_instructions(workbook, INSTRUCTIONS)


@dataclass
class ProgressRow:
    plan: AnnualPlan
    values: dict[str, Any]


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
    if any(values.get(key) for key in ("completed", "narrative", "problems", "help_requested", "reported_by")):
        return True
    return any(
        values.get(key) is not None and values[key] != getattr(project, key)
        for key in ("status", "actual_start", "actual_completion")
    )


def _check_values(reader: RowReader, plan: AnnualPlan, values: dict[str, Any], meta: TemplateMeta) -> None:
    project, completed, month = plan.project, values.get("completed"), values.get("month")
    period_end = date(meta.year, meta.month, calendar.monthrange(meta.year, meta.month)[1])
    if completed is None and "completed" in values:
        reader.problem("completed", "请填写1至本月累计完成投资")
    if month is None and "month" in values:
        reader.problem("month", f"请填写截至月份（1 到 {meta.month}）")
    if completed is not None and project.total_investment is not None and completed > project.total_investment:
        reader.problem("completed", f"{completed}亿元超过项目总投资{project.total_investment.normalize()}亿元，不可能")
    if completed is not None and month is not None:
        before = latest_per(Progress.objects.filter(project=project, year=meta.year), "project_id", month - 1)
        earlier = before.get(project.pk)
        if earlier is not None and earlier.completed_investment is not None and completed < earlier.completed_investment:
            reader.problem("completed", f"{completed}亿元小于{earlier.month}月已报的累计"
                                        f"{earlier.completed_investment.normalize()}亿元：本年累计值不能减少")
    for key in ("actual_start", "actual_completion"):
        if values.get(key) is not None and values[key] > period_end:
            reader.problem(key, f"{values[key]}晚于填报期末{period_end}")
    start, end = values.get("actual_start"), values.get("actual_completion")
    if start is not None and end is not None and end < start:
        reader.problem("actual_completion", f"竣工日期{end}早于开工日期{start}")


def read_projects(workbook: Workbook, region: Region, meta: TemplateMeta) -> tuple[list[ProgressRow], list[Problem]]:
    if SHEET not in workbook.sheetnames:
        return [], [Problem(SHEET, None, None, "工作表", f"缺少工作表“{SHEET}”：请勿改动工作表名称")]
    sheet = workbook[SHEET]
    problems = header_problems(sheet, COLUMNS)
    plans = {p.project.ref: p for p in plans_for(region, meta.year).filter(project__owner=meta.party)}
    seen: dict[str, int] = {}
    rows = []
    for row in range(2, sheet.max_row + 1):
        reader = RowReader(sheet, row, COLUMNS, meta.month, problems)
        if reader.is_blank():
            continue
        values = reader.read()
        plan = _check_project(reader, values, meta, plans, seen)
        if plan is None or not _reported(plan.project, values):
            continue
        _check_values(reader, plan, values, meta)
        rows.append(ProgressRow(plan, values))
    return rows, problems


def apply_projects(rows: list[ProgressRow], meta: TemplateMeta, filename: str) -> int:
    for row in rows:
        values = row.values
        record_progress(
            row.plan.project, meta.year, values["month"], values["completed"],
            Provenance(reason=f"Excel 导入：{filename}", by_name=values.get("reported_by") or meta.party,
                       source_document=filename),
            status=values.get("status") or "",
            actual_start=values.get("actual_start"),
            actual_completion=values.get("actual_completion"),
            narrative=values.get("narrative") or "",
            problems=values.get("problems") or "",
            help_requested=values.get("help_requested") or "",
            reported_by=values.get("reported_by") or "",
            reported_on=timezone.localdate(),
        )
    return len(rows)

"""The monthly figures form a department fills: one row per indicator it is responsible for in the region.
Accepted figures are recorded through `devplan.indicators.services.record_figure`, as new revisions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook

from devplan.collection.excel.form import Column, RowReader, header_problems, write_form, write_instructions
from devplan.collection.excel.meta import TemplateMeta
from devplan.collection.excel.problems import Problem
from devplan.indicators.models import Indicator, Responsibility
from devplan.indicators.services import Provenance, record_figure
from devplan.lib.errors import NotFound
from devplan.regions.models import Region

SHEET = "指标月度数据"
COLUMNS = [
    Column("code", "指标代码", "key", 22),
    Column("name", "指标名称", "readonly", 30),
    Column("unit", "单位", "readonly", 8),
    Column("month", "截至月份", "month", 8),
    Column("value", "1至本月累计值", "number", 14),
    Column("growth_pct", "同比增长（%）", "signed", 12),
    Column("note", "备注", "text", 30),
    Column("reported_by", "填报人", "text", 10),
]
INSTRUCTIONS = [
    "指标月度数据填报说明",
    "1. 只填黄色单元格；表头和灰色列（指标代码、名称、单位）已锁定，请勿改动或增删列。",
    "2. “1至本月累计值”按“单位”列填写，不能为负数；比率类指标（单位为%）不能超过100；“同比增长”填百分数（如 7.9），下降填负数。",
    "3. “截至月份”填 1 至模板所属月份之间的整数。",
    "4. 请勿填写公式：含公式的单元格不会被执行，整份文件会被退回。",
    "5. 本月没有数据的指标可整行留空（指标代码除外）。",
    "6. 导入时只要有一处错误，整份文件都不会导入，并列出每一处错误；每次导入都新增一个修订，原有数据保留可查。",
]


def _responsibilities(region: Region, department: str) -> dict[str, Indicator]:
    found = Responsibility.objects.filter(region=region, department__name=department).select_related("indicator")
    return {r.indicator.code: r.indicator for r in found.order_by("indicator__sort_order", "indicator__code")}


def write_figures(workbook: Workbook, region: Region, meta: TemplateMeta) -> None:
    indicators = _responsibilities(region, meta.party)
    if not indicators:
        raise NotFound(f"{region.name}的“{meta.party}”没有负责的指标：请检查部门名称")
    rows = [{"code": i.code, "name": i.name, "unit": i.unit, "month": meta.month} for i in indicators.values()]
    write_form(workbook, SHEET, COLUMNS, rows, meta.month)
    write_instructions(workbook, INSTRUCTIONS)


@dataclass
class FigureRow:
    indicator: Indicator
    values: dict[str, Any]


def _indicator(reader: RowReader, code: Any, owned: dict[str, Indicator], meta: TemplateMeta) -> Indicator | None:
    if code is None:
        reader.problem("code", "缺少指标代码")
        return None
    if str(code) in owned:
        return owned[str(code)]
    other = Indicator.objects.filter(code=str(code)).first()
    if other is None:
        reader.problem("code", f"没有代码为“{code}”的指标")
    else:
        reader.problem("code", f"指标“{other.name}”不由“{meta.party}”负责，不能在本模板中填报")
    return None


def read_figures(workbook: Workbook, region: Region, meta: TemplateMeta) -> tuple[list[FigureRow], list[Problem]]:
    if SHEET not in workbook.sheetnames:
        return [], [Problem(SHEET, None, None, "工作表", f"缺少工作表“{SHEET}”：请勿改动工作表名称")]
    sheet = workbook[SHEET]
    problems = header_problems(sheet, COLUMNS)
    owned = _responsibilities(region, meta.party)
    seen: dict[str, int] = {}
    rows = []
    for row in range(2, sheet.max_row + 1):
        reader = RowReader(sheet, row, COLUMNS, meta.month, problems)
        if reader.is_blank():
            continue
        values = reader.read()
        indicator = _indicator(reader, values.get("code"), owned, meta)
        if indicator is None:
            continue
        if indicator.code in seen:
            reader.problem("code", f"指标“{indicator.name}”与第{seen[indicator.code]}行重复")
            continue
        seen[indicator.code] = row
        if values.get("value") is None and values.get("growth_pct") is None:
            continue
        if values.get("month") is None:
            reader.problem("month", f"请填写截至月份（1 到 {meta.month}）")
            continue
        value = values.get("value")
        if indicator.quantity == Indicator.Quantity.RATE and value is not None and value > 100:
            reader.problem("value", f"{indicator.name}是比率，不能超过100（填的是 {value}）")
            continue
        rows.append(FigureRow(indicator, values))
    return rows, problems


def apply_figures(rows: list[FigureRow], region: Region, meta: TemplateMeta, filename: str) -> int:
    for row in rows:
        values = row.values
        record_figure(
            region, row.indicator, meta.year, values["month"],
            Provenance(reason=f"Excel 导入：{filename}", by_name=values.get("reported_by") or meta.party,
                       source_document=filename),
            value=values.get("value"), growth_pct=values.get("growth_pct"), note=values.get("note") or "",
        )
    return len(rows)

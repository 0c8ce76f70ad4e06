"""The monthly figures form a department fills: one row per indicator it is responsible for in the region,
with what is recorded beside it (read-only) and the month's inputs; read back as rows for the one door."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook

from devplan.collection.excel.form import Column, RowReader, header_problems, write_form, write_instructions
from devplan.collection.excel.measures_form import INSTRUCTIONS as MEASURE_INSTRUCTIONS
from devplan.collection.excel.measures_form import has_measures, write_measures
from devplan.collection.excel.meta import TemplateMeta
from devplan.collection.excel.problems import Problem
from devplan.collection.models import Submission
from devplan.indicators.models import Figure, Indicator, Responsibility
from devplan.lib.errors import NotFound
from devplan.lib.numbers import stated
from devplan.lib.periods import month_span
from devplan.recording.carry import ESTIMATE_KEYS, last_estimate, only_the_last_estimate, with_last_estimate
from devplan.recording.rows import FigureRow
from devplan.regions.models import Region

SHEET = "指标月度数据"
COLUMNS = [
    Column("code", "指标代码", "key", 22),
    Column("name", "指标名称", "readonly", 28),
    Column("unit", "单位", "readonly", 8),
    Column("official", "本月正式数据（累计，增长%）", "readonly", 18),
    Column("pending", "待审核的填报", "readonly", 16),
    Column("previous", "上期正式数据", "readonly", 16),
    Column("last_year", "去年同期", "readonly", 16),
    Column("month", "截至月份", "month", 8),
    Column("value", "1至本月累计值", "number", 14),
    Column("growth_pct", "同比增长（%）", "signed", 12),
    # No number validation on the estimates: "清除" clears one (`CLEAR_WORDS`); the door checks the numbers.
    Column("estimate_value", "全年预计值", "estimate", 12),
    Column("estimate_growth_pct", "全年预计增长（%）", "estimate", 12),
    Column("note", "备注（累计值减少等须写明原因）", "text", 30),
]
INSTRUCTIONS = [
    "指标月度数据填报说明",
    "1. 只填黄色单元格；表头和灰色列（指标代码、名称、单位，以及已记录的正式数据、待审核填报、上期、去年同期）已锁定，请勿改动或增删列。",
    "2. “1至本月累计值”按“单位”列填写，不能为负数；比率类指标（单位为%）不能超过100；“同比增长”“全年预计增长”填百分数（如 7.9），下降填负数。数字单元格为文本格式，按报表上的小数位填写（如 9.0、152.0），系统原样保留；也可粘贴数字。",
    "3. “截至月份”填 1 至模板所属月份之间的整数；按季度核算的指标（如地区生产总值）只在 3、6、9、12 月的模板中列出。",
    "4. 累计值比上期小时，须在“备注”中写明原因（如统计口径调整），否则不能导入。",
    "5. 请勿填写公式：含公式的单元格不会被执行，整份文件会被退回。",
    "6. 本月没有数据的指标可整行留空（指标代码除外）。“全年预计值”“全年预计增长”留空表示沿用本月已记录的全年预计（与数据接口省略该项相同）；要删除已记录的全年预计，请填“清除”。12月的累计即全年数，12月的模板不填全年预计。",
    "7. 只要有一处错误，整份文件都不会导入，并列出每一处错误；部门上传的数据经发改局审核通过后成为正式数据，原有数据保留可查。",
]
INPUTS = ("value", "growth_pct", "estimate_value", "estimate_growth_pct", "note")
CLEAR_WORDS = ("清除", "—")


def _responsibilities(region: Region, department: str) -> dict[str, Indicator]:
    found = Responsibility.objects.filter(region=region, department__name=department).select_related("indicator")
    return {r.indicator.code: r.indicator for r in found.order_by("indicator__sort_order", "indicator__code")}


def _figure_text(figure: Figure | None) -> str | None:
    if figure is None:
        return None
    value = stated(figure.value, figure.precision.get("value")) if figure.value is not None else "—"
    growth = f"，{stated(figure.growth_pct, figure.precision.get('growth_pct'))}%" if figure.growth_pct is not None else ""
    return f"{month_span(figure.month)} {value}{growth}"


def _pending_text(pending: Submission | None) -> str | None:
    """"待审核：188.2，7.8%，预计增长8.0%": the open submission's numbers as the entry page shows them, each as
    stated (the value alone hid a growth or an estimate the submission changes)."""
    if pending is None:
        return None
    parts = [pending.stated("value") or "—"]
    if (growth := pending.stated("growth_pct")) is not None:
        parts.append(f"{growth}%")
    if (estimate := pending.stated("estimate_value")) is not None:
        parts.append(f"全年预计{estimate}")
    if (estimate_growth := pending.stated("estimate_growth_pct")) is not None:
        parts.append(f"预计增长{estimate_growth}%")
    return f"{pending.get_status_display()}：{'，'.join(parts)}"


def _latest(region: Region, indicator: Indicator, year: int, month: int) -> Figure | None:
    return (Figure.objects.filter(region=region, indicator=indicator, year=year, month=month)
            .order_by("-revision").first())


def _record(region: Region, indicator: Indicator, meta: TemplateMeta) -> dict[str, Any]:
    """What is recorded for the indicator, shown read-only so nobody enters it twice."""
    earlier = (Figure.objects.filter(region=region, indicator=indicator, year=meta.year, month__lt=meta.month)
               .order_by("-month", "-revision").first())
    pending = (Submission.objects.filter(region=region, indicator=indicator, year=meta.year, month=meta.month)
               .exclude(status=Submission.Status.APPROVED).first())
    official = _latest(region, indicator, meta.year, meta.month)
    estimate = last_estimate(region, indicator, meta.year, meta.month)
    return {
        "official": _figure_text(official),
        "pending": _pending_text(pending),
        "previous": _figure_text(earlier),
        "last_year": _figure_text(_latest(region, indicator, meta.year - 1, meta.month)),
        # The official values prefill the inputs (a file sent back unchanged changes nothing), and a month
        # without any figure yet the year's last estimate, as on the web form (`carry.last_estimate`).
        # As text, with its stated places (the cells are Text: "9.0" stays 9.0).
        **(_stated(official) if official is not None else with_last_estimate({}, estimate)),
        "note": official.note if official is not None else None,
    }


def _stated(official: Figure | None) -> dict[str, str]:
    if official is None:
        return {}
    return {key: text for key in INPUTS[:-1] if (text := official.stated(key))}


def write_figures(workbook: Workbook, region: Region, meta: TemplateMeta) -> None:
    """The indicators' sheet, then the department's measures (争资争项, 招商引资, 主要任务) on a sheet of their own."""
    indicators = _responsibilities(region, meta.party)
    measures = has_measures(region, meta)
    if not indicators and not measures:
        raise NotFound(f"{region.name}的“{meta.party}”没有负责的指标：请检查部门名称")
    rows = []
    for indicator in indicators.values():
        # A quarterly or annual indicator has no figure this month: left out, as the web form asks none.
        if indicator.reported_in(meta.month):
            rows.append({"code": indicator.code, "name": indicator.name, "unit": indicator.unit, "month": meta.month,
                         **_record(region, indicator, meta)})
    write_form(workbook, SHEET, COLUMNS, rows, meta.month)
    if measures:
        write_measures(workbook, region, meta)
    write_instructions(workbook, INSTRUCTIONS + (MEASURE_INSTRUCTIONS[1:] if measures else []))


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


def _raw(values: dict[str, Any]) -> dict[str, Any]:
    """The row's inputs for the door. An empty estimate cell is left out, so the month keeps its recorded
    estimate (`carry.with_previous`, as for a key the API omits); "清除" clears it."""
    raw = {key: values.get(key) for key in INPUTS}
    for key in ESTIMATE_KEYS:
        if raw[key] in (None, ""):
            del raw[key]
        elif str(raw[key]).strip() in CLEAR_WORDS:
            raw[key] = ""
    return raw


def read_figures(workbook: Workbook, region: Region, meta: TemplateMeta
                 ) -> tuple[list[FigureRow], list[RowReader], list[Problem]]:
    """The rows that hold figures, the reader of each (for placing the rules' problems in cells), and the
    problems that make cells unreadable."""
    if SHEET not in workbook.sheetnames:
        return [], [], [Problem(SHEET, None, None, "工作表", f"缺少工作表“{SHEET}”：请勿改动工作表名称")]
    sheet = workbook[SHEET]
    problems = header_problems(sheet, COLUMNS)
    owned = _responsibilities(region, meta.party)
    seen: dict[str, int] = {}
    rows, readers = [], []
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
        if all(values.get(key) in (None, "") for key in INPUTS):
            continue
        if values.get("month") is None:
            if "month" in values:
                reader.problem("month", f"请填写截至月份（1 到 {meta.month}）")
            continue
        figure = FigureRow(region, indicator, meta.year, values["month"], _raw(values))
        if only_the_last_estimate(figure):  # left as the template opened: not a report of the month
            continue
        rows.append(figure)
        readers.append(reader)
    return rows, readers, problems

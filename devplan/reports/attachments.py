"""The report's attachment tables (附件1–8): the main indicators against plan, and the project tables by
attachment category, for the report year (progress) and the next (plan)."""

from __future__ import annotations

from decimal import Decimal

from devplan.arithmetic.numbers import HUNDRED, round_half_up
from devplan.regions.models import Region
from devplan.reports import projects
from devplan.reports.content import Attachment, Cell, Column, Num, Row, Run, Table
from devplan.reports.sentences import target_runs
from devplan.reports.states import IndicatorState, figure_num

NO_PROJECTS = "（暂无项目数据）"
# The attachment categories of the seed's list, in its order.
PROJECT_CATEGORIES = ("国省湘潭市投资项目", "本级政府投资项目", "市属国有企业投资项目", "重点建设项目")
NEXT_YEAR_CATEGORIES = PROJECT_CATEGORIES[:3]


def build(region: Region, year: int, states: list[IndicatorState]) -> list[Table]:
    """The eight attachment tables of the seed, in order."""
    progress = [progress_table(region, year, name) for name in PROJECT_CATEGORIES]
    plans = [plan_table(region, year + 1, name) for name in NEXT_YEAR_CATEGORIES]
    return [indicator_table(year, states), *progress, *plans]


def pages(tables: list[Table]) -> list[Attachment]:
    """The attachment pages; the project tables (附件2–8) are wide, so they go on landscape pages."""
    return [Attachment(number, table, landscape=number > 1) for number, table in enumerate(tables, 1)]


def _plan_cell(state: IndicatorState, which: str) -> Cell:
    target = state.target if which == "this" else state.next_target
    if target is None:
        return None
    runs: list[Run] = target_runs(target, planned=False)
    name = state.indicator.name
    first = runs[0]
    if isinstance(first, str):
        runs = [first.removeprefix(name).removeprefix("达到").removeprefix("保持"), *runs[1:]]
    return [run for run in runs if run != ""]


def indicator_table(year: int, states: list[IndicatorState]) -> Table:
    columns = [
        Column("序号", width=5), Column("指标名称", width=22), Column("单位", width=6),
        Column(f"{year}年计划", width=16), Column("数据截至", width=9),
        Column("累计完成", width=11, numeric=True), Column("累计增长", "%", width=10, numeric=True),
        Column("全年预计", width=11, numeric=True), Column("预计增长", "%", width=10, numeric=True),
        Column("完成年计划", "%", width=11, numeric=True), Column(f"{year + 1}年计划", width=16),
    ]
    rows = []
    for number, state in enumerate(states, 1):
        figure = state.figure
        through = (f"1—{figure.month}月" if figure.month > 1 else "1月") if figure else None
        rows.append(Row([
            str(number), state.indicator.name, state.indicator.unit, _plan_cell(state, "this"), through,
            figure_num(figure, "value") if figure else None,
            figure_num(figure, "growth_pct") if figure else None,
            figure_num(figure, "estimate_value") if figure else None,
            figure_num(figure, "estimate_growth_pct") if figure else None,
            state.completion, _plan_cell(state, "next"),
        ]))
    note = "完成年计划：总量目标按全年预计/计划；增速目标按指数比 (1+增速)/(1+目标增速)；空格为未录入的数据。"
    return Table(f"{year}年主要指标完成情况及{year + 1}年计划", columns, rows, note)


def _money(value: Decimal | None, ref_of: projects.Sourced | None, field: str) -> Num | None:
    if value is None or ref_of is None:
        return None
    text = format(round_half_up(value, 2), "f")
    return Num(text, value, 2, ref_of.ref(field))


def _total_row(rows: list[Row], columns: list[Column], summed: set[int]) -> Row:
    cells: list[Cell] = ["合计"] + [None] * (len(columns) - 1)
    for index in summed:
        parts = [cell for row in rows if isinstance(cell := row.cells[index], Num)]
        if parts:
            total = sum((part.value for part in parts), Decimal(0))
            cells[index] = Num(format(round_half_up(total, 2), "f"), total, 2)
    return Row(cells, kind="total")


def _with_total(title: str, columns: list[Column], rows: list[Row], summed: set[int],
                lines: list[projects.ProjectLine]) -> Table:
    note, illustrative = projects.note(lines), any(line.illustrative for line in lines)
    if not rows:
        return Table(title, columns, [Row([NO_PROJECTS] + [None] * (len(columns) - 1), kind="note")], note)
    return Table(title, columns, [*rows, _total_row(rows, columns, summed)], note, illustrative)


def progress_table(region: Region, year: int, category: str) -> Table:
    lines = projects.progress_lines(region, year, category)
    through = max((line.month for line in lines if line.month), default=None)
    done = f"1—{through}月完成投资" if through else "完成投资"
    columns = [
        Column("序号", width=5), Column("项目名称", width=26), Column("年度建设目标", width=26),
        Column("建设年限", width=16), Column("总投资", "亿元", width=11, numeric=True),
        Column(f"{year}年计划投资", "亿元", width=12, numeric=True), Column(done, "亿元", width=12, numeric=True),
        Column("完成年计划", "%", width=10, numeric=True), Column("形象进度", width=26), Column("责任单位", width=18),
    ]
    rows = []
    for number, line in enumerate(lines, 1):
        pct = None
        if line.completed is not None and line.planned:
            value = round_half_up(line.completed / line.planned * HUNDRED, 1)
            pct = Num(format(value, "f"), value, 1, line.progress.ref("completion") if line.progress else None)
        rows.append(Row([
            str(number), line.name, line.goal, line.years,
            _money(line.total, line.project, "total_investment"), _money(line.planned, line.plan, "planned_investment"),
            _money(line.completed, line.progress, "completed_investment"), pct, line.narrative, line.department,
        ]))
    return _with_total(f"{year}年{category}进展情况表", columns, rows, {4, 5, 6}, lines)


def plan_table(region: Region, year: int, category: str) -> Table:
    lines = projects.plan_lines(region, year, category)
    columns = [
        Column("序号", width=5), Column("项目名称", width=30), Column("年度建设目标", width=36),
        Column("建设年限", width=14), Column("总投资", "亿元", width=12, numeric=True),
        Column(f"{year}年计划投资", "亿元", width=13, numeric=True), Column("责任单位", width=18),
    ]
    rows = [
        Row([str(number), line.name, line.goal, line.years, _money(line.total, line.project, "total_investment"),
             _money(line.planned, line.plan, "planned_investment"), line.department])
        for number, line in enumerate(lines, 1)
    ]
    return _with_total(f"{year}年{category}计划表", columns, rows, {4, 5}, lines)

"""The report's attachment tables (附件1–8): the main indicators against plan, and the project tables by
attachment category, for the report year (progress) and the next (plan)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from devplan.arithmetic.numbers import HUNDRED
from devplan.indicators.assessment import Basis
from devplan.lib.numbers import in_column, stated
from devplan.lib.periods import through_months
from devplan.regions.models import Region
from devplan.reports import projects
from devplan.reports.content import Attachment, Cell, Column, Num, Ref, Row, Run, Table
from devplan.reports.sentences import target_runs
from devplan.reports.states import IndicatorState, figure_num

# The 合计 of a progress table whose rows report different months: it adds each project's latest report.
LATEST_TOTAL = "合计（各项目最新报送数）"
# The attachment categories of the seed's list, in its order.
PROJECT_CATEGORIES = ("国省湘潭市投资项目", "本级政府投资项目", "市属国有企业投资项目", "重点建设项目")
NEXT_YEAR_CATEGORIES = PROJECT_CATEGORIES[:3]


def build(region: Region, year: int, states: list[IndicatorState]) -> list[Table]:
    """The eight attachment tables of the seed, in order. Where the year's registered projects do not add
    up to what the plan states, each of that year's tables says so instead of printing a 合计."""
    progress = projects.progress_lines(region, year, PROJECT_CATEGORIES)
    plans = projects.plan_lines(region, year + 1, NEXT_YEAR_CATEGORIES)
    progress_gap = projects.registry_gap(region, year, [line for lines in progress.values() for line in lines])
    plan_gap = projects.registry_gap(region, year + 1, [line for lines in plans.values() for line in lines])
    first = 2  # 附件2: the first project table
    progress_gaps = _gap_notes(progress_gap, list(progress.values()), first)
    plan_gaps = _gap_notes(plan_gap, list(plans.values()), first + len(progress))
    return [
        indicator_table(year, states),
        *(progress_table(year, name, lines, gap)
          for (name, lines), gap in zip(progress.items(), progress_gaps, strict=True)),
        *(plan_table(year + 1, name, lines, gap) for (name, lines), gap in zip(plans.items(), plan_gaps, strict=True)),
    ]


def _gap_notes(gap: str | None, tables: list[list[projects.ProjectLine]], first: int) -> list[str | None]:
    """What each of a year's project tables (附件`first`…) says in place of its 合计 when the registry does not
    add up: the comparison once, under the year's last table with projects, and a pointer to it under the
    others (the year's totals printed under every table made one missing project nine warnings)."""
    listed = [number for number, lines in enumerate(tables) if lines]
    if gap is None or not listed:
        return [None] * len(tables)
    last = listed[-1]
    span = f"附件{first}—{first + len(tables) - 1}" if len(tables) > 1 else f"附件{first}"
    said = f"{gap}。项目登记尚不完整，{span}不列合计。"
    pointer = f"项目登记尚不完整，本表不列合计（见附件{first + last}注）。"
    return [said if number == last else pointer for number in range(len(tables))]


def pages(tables: list[Table]) -> list[Attachment]:
    """The attachment pages, all landscape: the project tables are wide, and 附件1's eleven columns on a
    portrait page broke its names into four lines and its targets inside their numbers."""
    return [Attachment(number, table, landscape=True) for number, table in enumerate(tables, 1)]


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


def basis_note(states: list[IndicatorState]) -> str:
    """How 完成年计划 was worked out, in words, for the indicators that have one, grouped by the assessment's
    basis in the order they first appear ("地区生产总值、地方一般公共预算收入按全年预计数计算；…")."""
    grouped: dict[Basis, list[str]] = {}
    for state in states:
        basis = state.assessment.basis
        if basis is not None and state.completion is not None:
            grouped.setdefault(basis, []).append(state.indicator.name)
    return "；".join("、".join(names) + basis.words for basis, names in grouped.items())


def indicator_table(year: int, states: list[IndicatorState]) -> Table:
    columns = [
        # Widths in parts of the landscape type area (225 mm; a part about 1 mm), for 五号 (3.7 mm a
        # character) and the cells' padding: each indicator's name on one line ("城乡居民人均可支配收入",
        # eleven characters), each plan ("16.34亿元（调整后）") and figure on one line, headers broken
        # between words ("累计/增长/（%）", "完成/年计划/（%）").
        Column("序号", width=10), Column("指标名称", width=43), Column("单位", width=10),
        Column(f"{year}年计划", width=38), Column("数据截至", width=15),
        Column("累计完成", width=14, numeric=True), Column("累计增长", "%", width=14, numeric=True),
        Column("全年预计", width=14, numeric=True), Column("预计增长", "%", width=14, numeric=True),
        Column("完成年计划", "%", width=18, numeric=True), Column(f"{year + 1}年计划", width=28),
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
    basis = basis_note(states)
    note = (f"注：完成年计划，{basis}。" if basis else "注：") + "表中空格为该项不适用或材料未提供。"
    kept, rows = _without_empty_columns(columns, rows)
    left_out = [column.header for column in columns if column not in kept]
    if left_out:  # a year not yet reported: its figure columns would stand empty
        note = f"注：{year}年尚无报送数据，{'、'.join(left_out)}本表不列。" + note.removeprefix("注：")
    return Table(f"{year}年主要指标完成情况及{year + 1}年计划", kept, rows, note)


def _money(value: Decimal | None, ref_of: projects.Sourced | None, field: str, places: int | None = None
           ) -> Num | None:
    """An amount as `devplan projects` and the pages print it (`lib.numbers.stated`): a reported amount with
    the places it was reported with (1.20 stays 1.20), a registry or plan amount, whose places are not
    recorded, without trailing zeros (18 stays 18, 0.1 stays 0.1)."""
    if value is None or ref_of is None:
        return None
    return _num(stated(value, places), value, ref_of.ref(field))


def _num(text: str, value: Decimal, ref: Ref | None = None) -> Num:
    return Num(text, value, len(text.partition(".")[2]), ref)


def _number(cell: Cell) -> Num | None:
    """The number of a cell: a `Num`, or the one that leads a number with its own data month
    ("0.41（1—10月）")."""
    if isinstance(cell, Num):
        return cell
    if isinstance(cell, list) and cell and isinstance(cell[0], Num):
        return cell[0]
    return None


def _total_row(rows: list[Row], columns: list[Column], summed: set[int], label: str = "合计") -> Row:
    """`label` ("合计") in the name column (the 序号 column is too narrow for it) and the sums of `summed`."""
    cells: list[Cell] = [None, label, *([None] * (len(columns) - 2))]
    for index in summed:
        parts = [number for row in rows if (number := _number(row.cells[index])) is not None]
        if parts:
            # A sum keeps the most places any of its parts was printed with: 18 + 0.1 + 1.20 = 19.30.
            total = sum((part.value for part in parts), Decimal(0))
            latest = "（各项目最新报送数）" if label == LATEST_TOTAL else ""
            text = stated(total, max(part.places for part in parts))
            cells[index] = Num(text, total, len(text.partition(".")[2]),
                               tooltip=f"合计：本表所列{len(parts)}个项目的{columns[index].header}之和{latest}")
    return Row(cells, kind="total")


def _without_empty_columns(columns: list[Column], rows: list[Row], ending: Row | None = None
                           ) -> tuple[list[Column], list[Row]]:
    """Leave out a column nobody filled in (年度建设目标 or 形象进度 with no entry at all, 完成投资 and 完成年计划
    in a year without progress yet, 附件1's figures in a year not yet reported); the 序号 and name columns
    stay. `ending` (the 合计 or the registry's note) follows the rows."""
    empty = {index for index in range(2, len(columns)) if all(row.cells[index] in (None, "") for row in rows)}
    kept = [index for index in range(len(columns)) if index not in empty]
    every = [*rows, ending] if ending is not None else rows
    return [columns[i] for i in kept], [Row([row.cells[i] for i in kept], row.kind) for row in every]


def _with_total(title: str, columns: list[Column], rows: list[Row], summed: set[int],
                lines: list[projects.ProjectLine], gap: str | None, empty: str, total: str = "合计") -> Table:
    """The table with its 合计 row, or, where the registry does not add up to the plan's stated totals,
    with the sentence saying so in its place; a table without projects is `empty`, the sentence saying why,
    printed under the title without a header of columns nobody fills."""
    note, illustrative = projects.note(lines), any(line.illustrative for line in lines)
    if not rows:
        return Table(title, columns, [], empty + note.removeprefix("注："))
    rows = _aligned(rows, summed)
    if gap is not None:
        ending = Row([gap] + [None] * (len(columns) - 1), kind="note")
    else:
        ending = _total_row(rows, columns, summed, total)
    kept, all_rows = _without_empty_columns(columns, rows, ending)
    left_out = [column.header for column in columns if column.numeric and column not in kept]
    if left_out:  # a year without progress: say why its completion columns are not there
        said = f"尚无项目报送{'、'.join(left_out)}，本表不列。"
        note = f"{note}{said}" if note else f"注：{said}"
    return Table(title, kept, all_rows, note, illustrative, unit="亿元")


def _aligned(rows: list[Row], columns: set[int]) -> list[Row]:
    """The amounts of each money column with as many decimals as the most any of them was stated with (18.00
    beside 1.75, never fewer than stated), so a column of a Congress document lines up: padded, not rounded."""
    aligned = [Row(list(row.cells), row.kind) for row in rows]
    for index in columns:
        places = max((number.places for row in rows if (number := _number(row.cells[index])) is not None), default=0)
        for row in aligned:
            cell = row.cells[index]
            if isinstance(cell, Num):
                row.cells[index] = _padded(cell, places)
            elif isinstance(cell, list) and cell and isinstance(cell[0], Num):
                row.cells[index] = [_padded(cell[0], places), *cell[1:]]
    return aligned


def _padded(number: Num, places: int) -> Num:
    return Num(stated(number.value, places), number.value, places, number.ref, number.tooltip)


def _completed(line: projects.ProjectLine, through: int | None) -> Cell:
    """A project's completed investment; where its latest report is of an earlier month than the table's
    column, that month beside it ("0.41（1—10月）"), so no figure passes for a month it does not report."""
    money = _money(line.completed, line.progress, "completed_investment", line.completed_places)
    if money is None or line.month in (None, through):
        return money
    dated: list[Run] = [money, f"（{through_months(line.month)}）"]
    return dated


def _usual_month(lines: list[projects.ProjectLine]) -> int | None:
    """The month most projects' latest reports are of (the later of two as common); None without any."""
    counts = Counter(line.month for line in lines if line.month and line.completed is not None)
    return max(counts, key=lambda month: (counts[month], month)) if counts else None


def progress_table(year: int, category: str, lines: list[projects.ProjectLine], gap: str | None = None) -> Table:
    """A year's progress of one category's projects, each through its latest reported month: the column is
    headed by the month most of them report ("1—10月完成投资"), a row of another month carries its own
    ("0.41（1—11月）"), and the 合计 of a table with rows of different months says it adds each project's
    latest report."""
    through = _usual_month(lines)
    done = f"{through_months(through)}完成投资" if through else "完成投资"
    months = {line.month for line in lines if line.completed is not None}
    columns = [
        # 建设年限 holds "2023—2025" on one line (18.5 mm of 五号 and the padding); the investment columns
        # "计划投资" and "完成投资" (16.9 mm), their headers broken after the period ("2023年/计划投资").
        # 完成投资 holds "0.41（1—10月）" on two lines, the month's 5½ characters of 五号 inside the column.
        Column("序号", width=6), Column("项目名称", width=24), Column("年度建设目标", width=19),
        Column("建设年限", width=13), Column("总投资", "亿元", width=8, numeric=True),
        Column(f"{year}年计划投资", "亿元", width=10, numeric=True), Column(done, "亿元", width=13, numeric=True),
        Column("完成年计划", "%", width=8, numeric=True), Column("形象进度", width=16), Column("责任单位", width=12),
    ]
    rows = []
    for number, line in enumerate(lines, 1):
        pct = None
        if line.completed is not None and line.planned:
            text = in_column(line.completed / line.planned * HUNDRED)
            pct = Num(text, Decimal(text), 1, line.progress.ref("completion") if line.progress else None)
        rows.append(Row([
            str(number), line.name, line.goal, line.years,
            _money(line.total, line.project, "total_investment"), _money(line.planned, line.plan, "planned_investment"),
            _completed(line, through), pct, line.narrative, line.department,
        ]))
    return _with_total(f"{year}年{category}进展情况表", columns, rows, {4, 5, 6}, lines, gap,
                       f"{year}年未登记{category}。", LATEST_TOTAL if len(months) > 1 else "合计")


def plan_table(year: int, category: str, lines: list[projects.ProjectLine], gap: str | None = None) -> Table:
    columns = [
        Column("序号", width=6), Column("项目名称", width=36), Column("年度建设目标", width=30),
        Column("建设年限", width=12), Column("总投资", "亿元", width=10, numeric=True),
        Column(f"{year}年计划投资", "亿元", width=11, numeric=True), Column("责任单位", width=14),
    ]
    rows = [
        Row([str(number), line.name, line.goal, line.years, _money(line.total, line.project, "total_investment"),
             _money(line.planned, line.plan, "planned_investment"), line.department])
        for number, line in enumerate(lines, 1)
    ]
    return _with_total(f"{year}年{category}计划表", columns, rows, {4, 5}, lines, gap,
                       f"{year}年计划项目尚未登记：本表列{year}年计划（草案）的项目，登记后列出。")

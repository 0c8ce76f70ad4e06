"""The monthly briefing (经济运行简报): the lights of the main indicators as known at the end of a month, what
changed since the month before, the lagging indicators and projects, and the growth the rest of the year
needs. It stays within two pages: at most `MAX_PROJECTS` lagging projects are listed, the rest counted."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings

from devplan.arithmetic.numbers import round_half_up
from devplan.arithmetic.progress import required_growth_pct
from devplan.indicators.models import Figure, Target
from devplan.indicators.services import figure_as_of
from devplan.lib.periods import end_of_month
from devplan.projects.summary import ProjectView, project_views
from devplan.regions.models import Region
from devplan.reports.content import (
    Block,
    Column,
    DashList,
    Document,
    Heading,
    Num,
    Paragraph,
    Ref,
    Row,
    Run,
    Table,
    Title,
)
from devplan.reports.projects import ILLUSTRATIVE_MARK, Sourced
from devplan.reports.sentences import main_indicator_runs
from devplan.reports.states import IndicatorState, figure_num, figure_ref, indicator_states

LIGHT_WORDS = {"green": "绿灯", "yellow": "黄灯", "red": "红灯", "none": "—"}
MAX_PROJECTS = 4


def _previous(year: int, month: int) -> tuple[int, int]:
    return (year, month - 1) if month > 1 else (year - 1, 12)


def _lights(states: list[IndicatorState]) -> Table:
    columns = [Column("指标", width=20), Column("数据截至", width=9), Column("累计完成", width=11, numeric=True),
               Column("同比增长", "%", width=10, numeric=True), Column("完成年计划", "%", width=11, numeric=True),
               Column("序时进度", "%", width=10, numeric=True), Column("预警", width=8)]
    rows = []
    for state in states:
        figure = state.figure
        expected = round_half_up(state.assessment.expected_pct, 0)
        rows.append(Row([
            state.indicator.name, f"1—{figure.month}月" if figure else None,
            figure_num(figure, "value") if figure else None, figure_num(figure, "growth_pct") if figure else None,
            state.completion, Num(format(expected, "f"), expected, 0), LIGHT_WORDS[state.assessment.light.value],
        ]))
    return Table("主要指标运行情况", columns, rows, "预警：完成年计划与序时进度相比，落后不超过"
                 f"{settings.DEVPLAN_INDICATOR_GREEN_GAP}个百分点为绿灯，不超过{settings.DEVPLAN_INDICATOR_YELLOW_GAP}个百分点为黄灯，否则为红灯。")


def _changes(now: list[IndicatorState], before: list[IndicatorState]) -> list[list[Run]]:
    earlier = {state.indicator.pk: state.figure for state in before}
    items: list[list[Run]] = []
    for state in now:
        figure, old = state.figure, earlier.get(state.indicator.pk)
        if figure is None or (old is not None and (old.pk == figure.pk)):
            continue
        what = "修订" if old is not None and (old.month, old.year) == (figure.month, figure.year) else "新增"
        items.append([f"{state.indicator.name}：{what}1—{figure.month}月数据，", *main_indicator_runs(state)])
    return items


def _rest_of_year(region: Region, figure: Figure) -> Decimal | None:
    """Last year's value for the months after the figure's: full year less the same months."""
    full = figure_as_of(region, figure.indicator, figure.year - 1, 12)
    part = figure_as_of(region, figure.indicator, figure.year - 1, figure.month)
    if full is None or part is None or full.value is None or part.value is None:
        return None
    return full.value - part.value


def _required(region: Region, state: IndicatorState) -> list[Run] | str | None:
    """The growth the rest of the year needs, or why it cannot be worked out (a sentence)."""
    target, figure = state.target, state.figure
    if target is None or figure is None or target.kind != Target.Kind.LEVEL or target.value is None:
        return None
    name = state.indicator.name
    if figure.value is None or figure.month == 12:
        return None
    rest_of_last_year = _rest_of_year(region, figure)
    if rest_of_last_year is None:
        return "缺上年同期数据，无法测算所需增速。"
    needed = required_growth_pct(target.value, figure.value, rest_of_last_year)
    if needed is None:
        return "上年同期基数不为正，无法测算所需增速。"
    value = round_half_up(needed, 1)
    return [f"{name}：{figure.month + 1}—12月须同比增长", Num(format(value, "f"), value, 1,
                                                        figure_ref(figure, "required_growth")), "%，方能完成年计划。"]


def _required_items(region: Region, states: list[IndicatorState]) -> list[list[Run]]:
    """One item per indicator with a required growth; indicators without one share an item per reason (the
    briefing keeps to two pages)."""
    items: list[list[Run]] = []
    reasons: dict[str, list[str]] = {}
    for state in states:
        result = _required(region, state)
        if isinstance(result, str):
            reasons.setdefault(result, []).append(state.indicator.name)
        elif result:
            items.append(result)
    items += [[f"{'、'.join(names)}：{reason}"] for reason, names in reasons.items()]
    return items or [["没有总量目标需测算。"]]


def _pct(value: float | int | None, ref: Ref | None) -> Num | None:
    """A percentage of the projects service (a JSON number) as printed, with its record."""
    if value is None:
        return None
    number = Decimal(str(value))
    return Num(format(number, "f"), number, max(0, -int(number.as_tuple().exponent)), ref)


def _project_row(region: Region, year: int, view: ProjectView) -> Row:
    row = view.json(year)
    name = row["name"] + (ILLUSTRATIVE_MARK if row["illustrative"] else "")
    progress = view.progress
    if row["not_started"] or progress is None:
        return Row([name, None, "尚未开工" if row["not_started"] else None, None, LIGHT_WORDS[row["light"]]])
    ref = Sourced("progress", progress.pk, progress.revision, row["ref"], region.code, year, progress.month)
    return Row([name, f"1—{progress.month}月", _pct(row["completion_pct"], ref.ref("completion")),
                _pct(row["time_progress_pct"], None), LIGHT_WORDS[row["light"]]])


def _lagging_projects(region: Region, year: int, month: int) -> Table | DashList:
    """The lagging key projects as a compact table (a list in 3号 would not leave the briefing two pages)."""
    _through, views = project_views(region, year, month)
    lagging = [view for view in views if view.json(year)["lagging"]]
    if not lagging:
        return DashList([["重点项目均达到序时进度。"]])
    columns = [Column("滞后项目", width=46), Column("数据截至", width=10),
               Column("完成年计划投资", "%", width=14, numeric=True), Column("序时进度", "%", width=10, numeric=True),
               Column("预警", width=8)]
    rows = [_project_row(region, year, view) for view in lagging[:MAX_PROJECTS]]
    notes = [f"另有{len(lagging) - MAX_PROJECTS}个项目滞后，详见项目调度表。"] if len(lagging) > MAX_PROJECTS else []
    if any(view.illustrative_fields for view in lagging[:MAX_PROJECTS]):
        notes.append(f"标“{ILLUSTRATIVE_MARK}”的项目含示意数据。")
    return Table("滞后项目", columns, rows, "注：" + "".join(notes) if notes else "")


def build_brief(region: Region, year: int, month: int) -> Document:
    zone = settings.TIME_ZONE
    states = indicator_states(region, year, end_of_month(year, month, zone))
    before = indicator_states(region, year, end_of_month(*_previous(year, month), zone))
    changes = _changes(states, before) or [["与上月相比，主要指标没有新的数据。"]]
    lagging = [main_indicator_runs(state) for state in states if state.lagging] or [["主要指标均达到序时进度。"]]
    required = _required_items(region, states)
    title = f"{region.name}经济运行简报"
    blocks: list[Block] = [
        Title(title), Paragraph([f"（{year}年{month}月，截至当月底已知数据）"], indent=False),
        Heading(1, ["一、主要指标运行情况"]), _lights(states),
        Heading(1, ["二、与上月相比的变化"]), DashList(changes),
        Heading(1, ["三、滞后指标和项目"]), DashList(lagging), _lagging_projects(region, year, month),
        Heading(1, ["四、完成全年目标所需增速"]), DashList(required),
    ]
    return Document("brief", title, f"{region.name}{year}年{month}月", blocks)


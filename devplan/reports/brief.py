"""The monthly briefing (经济运行简报) for month M: every main indicator's latest figure through M as known
when the brief is written (a month's figures arrive in the following month, so the brief is never cut at
M's last day), judged by the one assessment; what changed since the previous brief (new figures, revisions,
full-year estimates, the completion's basis, lights); the lagging indicators and projects (each project against the time progress of its own data
month); and the growth the rest of the year needs for the level targets. It prints the thresholds it used
and stays within two pages: at most `MAX_PROJECTS` lagging projects are listed, the rest counted."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.db.models import Min
from django.utils import timezone

from devplan.arithmetic.numbers import round_half_up
from devplan.arithmetic.progress import required_growth_pct
from devplan.indicators.assessment import indicator_thresholds
from devplan.indicators.models import Figure, Target
from devplan.indicators.services import figure_as_of
from devplan.lib.numbers import in_column, rounded, stated
from devplan.lib.periods import through_months
from devplan.projects.rules import ProjectRules, project_rules
from devplan.projects.summary import ProjectView, lagging_views
from devplan.regions.models import Region
from devplan.reports.content import (
    Block,
    Column,
    DashList,
    Distribution,
    Document,
    Heading,
    Masthead,
    Num,
    Ref,
    Row,
    Run,
    Table,
    Title,
)
from devplan.reports.offices import brief_distribution, reporting_office
from devplan.reports.projects import ILLUSTRATIVE_MARK, Sourced
from devplan.reports.scope import check_brief
from devplan.reports.states import IndicatorState, figure_num, figure_ref, indicator_states
from devplan.supervision.summary import brief_lines as supervision_lines

LIGHT_WORDS = {"green": "绿灯", "yellow": "黄灯", "red": "红灯", "none": "—"}
MAX_PROJECTS = 4


def _previous(year: int, month: int) -> tuple[int, int]:
    return (year, month - 1) if month > 1 else (year - 1, 12)


def _expected(state: IndicatorState) -> Num | None:
    if state.assessment.completion is None:
        return None
    expected = round_half_up(state.assessment.expected_pct, 1)
    return Num(rounded(expected), expected, 1)


def _lights(states: list[IndicatorState], projects: ProjectRules) -> Table:
    """Every main indicator, with or without data (an indicator without one says so in its row)."""
    columns = [Column("指标", width=14), Column("截至", width=8), Column("累计", width=8, numeric=True),
               Column("增长", "%", width=7, numeric=True), Column("完成率", "%", width=7, numeric=True),
               Column("依据", width=21), Column("应达", "%", width=7, numeric=True), Column("预警", width=6)]
    rows = []
    for state in states:
        figure = state.figure
        if figure is None:
            rows.append(Row([state.indicator.name, None, None, None, None, "尚无数据（见下）", None,
                             LIGHT_WORDS["none"]]))
            continue
        rows.append(Row([
            state.indicator.name, through_months(figure.month), figure_num(figure, "value"),
            figure_num(figure, "growth_pct"), state.completion, state.basis, _expected(state),
            LIGHT_WORDS[state.assessment.light.value],
        ]))
    rules = states[0].assessment.thresholds if states else indicator_thresholds()
    note = (f"预警：完成率与应达进度（按累计÷年目标时为该数据所属月份的序时进度，其余为100%）相比，{rules.sentence()}；"
            f"重点项目{projects.sentence()}。")
    return Table("主要指标运行情况", columns, rows, note)


def _missing(states: list[IndicatorState], month: int) -> list[list[Run]]:
    """A sentence for each main indicator without a figure through the month."""
    items: list[list[Run]] = []
    for state in states:
        if state.figure is not None:
            continue
        indicator = state.indicator
        due = next((m for m in range(month, 0, -1) if indicator.reported_in(m)), None)
        kind = "" if indicator.frequency == indicator.Frequency.MONTHLY else f"（{indicator.get_frequency_display()[:2]}指标）"
        if due is None:
            items.append([f"{indicator.name}{kind}：本年尚无应报数据。"])
        else:
            items.append([f"{indicator.name}{kind}：尚未收到{through_months(due)}及以前的数据，本表不作评价。"])
    return items


def _figure_runs(state: IndicatorState) -> list[Run]:
    """"1—9月428.3亿元，增长2.2%" (the level, the growth, or both, as stated)."""
    figure = state.figure
    if figure is None:
        return []
    return [through_months(figure.month), *_level_and_growth(state, "value", "growth_pct")]


def _level_and_growth(state: IndicatorState, level: str, growth: str) -> list[Run]:
    """"428.3亿元，增长2.2%" of the figure's `level` and `growth` fields (either, or both, as stated)."""
    assert state.figure is not None
    value, rate = figure_num(state.figure, level), figure_num(state.figure, growth)
    runs: list[Run] = []
    if value is not None:
        runs += [value, state.indicator.unit]
    if rate is not None:
        runs += ["，增长" if value is not None else "增长", rate, "%"]
    return runs


def _revision_runs(state: IndicatorState, old: Figure) -> list[Run]:
    """"188.2→190.5亿元，增长7.8%→8.1%": each stated field of a revised figure, old→new where it changed."""
    assert state.figure is not None
    runs: list[Run] = []
    for field, lead, unit, between in (("value", "", state.indicator.unit, ""), ("growth_pct", "增长", "%", "%")):
        new, before = figure_num(state.figure, field), figure_num(old, field)
        if new is None and before is None:
            continue
        changed = (before.text if before else None) != (new.text if new else None)
        pair: list[Run] = [before or "—", between, "→", new or "—"] if changed else [new or "—"]
        runs += ["，" if runs else "", lead, *pair, unit]
    return runs


def _restated(figure: Figure, old: Figure) -> bool:
    """Whether a later revision of the month states another level or growth: one that changes only its note
    or source says nothing new about the figure, and a changed estimate has words of its own."""
    return figure.revision != old.revision and any(
        figure.stated(field) != old.stated(field) for field in ("value", "growth_pct"))


def _estimate(figure: Figure | None) -> tuple[str | None, str | None]:
    return (None, None) if figure is None else (figure.stated("estimate_value"), figure.stated("estimate_growth_pct"))


def _estimate_change(state: IndicatorState, old: IndicatorState | None) -> list[Run]:
    """"新报全年预计16.50亿元" / "全年预计改为…" / "本期未报全年预计": the full-year estimate when it is not
    the previous brief's."""
    now, before = _estimate(state.figure), _estimate(old.figure if old else None)
    if now == before:
        return []
    if now == (None, None):
        # December's year-to-date figure is the year's own: no estimate is asked (estimate_not_whole_year).
        return [] if state.figure is not None and state.figure.month == 12 else ["本期未报全年预计"]
    return ["新报全年预计" if before == (None, None) else "全年预计改为",
            *_level_and_growth(state, "estimate_value", "estimate_growth_pct")]


def _basis_change(state: IndicatorState, old: IndicatorState | None) -> list[Run]:
    """"完成率依据由全年预计÷年目标改为累计÷年目标" when the completion divides something else (named as the
    table's 依据 column names it)."""
    basis, old_basis = state.assessment.basis, old.assessment.basis if old else None
    if basis is None or old_basis is None or basis == old_basis:
        return []
    return [f"完成率依据由{old_basis.value}改为{basis.value}"]


def _judged_runs(state: IndicatorState) -> list[Run]:
    """"按1—9月数据，完成年计划的97%（全年预计÷年目标），应达100%，黄灯": the judgement only, the figure
    itself being the table's (and section 二's when it is new)."""
    figure = state.figure
    runs: list[Run] = [f"按{through_months(figure.month)}数据" if figure is not None else "尚无数据"]
    if state.completion is not None:
        runs += ["，完成年计划的", state.completion, f"%（{state.basis}），应达", _expected(state) or "", "%"]
    return [*runs, f"，{_light_word(state.assessment.light.value)}"]


def _light_word(light: str) -> str:
    return LIGHT_WORDS[light].replace("—", "无灯")


def _changes(now: list[IndicatorState], before: list[IndicatorState]) -> list[list[Run]]:
    """What is new since the previous brief, and only that: new figures, revised figures (with the stated
    level and growth), a full-year estimate reported, changed or no longer reported, a completion now worked
    out on another basis, and changed lights. The judgement itself is in the table of section 一 and, for the
    lagging, in section 三 — not restated here."""
    earlier = {state.indicator.pk: state for state in before}
    items: list[list[Run]] = []
    for state in now:
        figure, old_state = state.figure, earlier.get(state.indicator.pk)
        old = old_state.figure if old_state else None
        parts: list[Run] = []
        if figure is not None and (old is None or old.month < figure.month):
            parts = ["新增", *_figure_runs(state)[:1], "数据（", *_figure_runs(state)[1:], "）"]
        elif figure is not None and old is not None and _restated(figure, old):
            parts = [through_months(figure.month), "数据修订（", *_revision_runs(state, old), "）"]
        for change in (_estimate_change(state, old_state), _basis_change(state, old_state)):
            if change:
                parts += ["，" if parts else "", *change]
        light, old_light = state.assessment.light.value, old_state.assessment.light.value if old_state else "none"
        if light != old_light:
            parts += ["，" if parts else "", f"预警由{_light_word(old_light)}转为{_light_word(light)}"]
        if parts:
            items.append([f"{state.indicator.name}：", *parts, "。"])
    return items


def _rest_of_year(region: Region, figure: Figure) -> Decimal | None:
    """Last year's value for the months after the figure's: full year less the same months."""
    full = figure_as_of(region, figure.indicator, figure.year - 1, 12)
    part = figure_as_of(region, figure.indicator, figure.year - 1, figure.month)
    if full is None or part is None or full.value is None or part.value is None:
        return None
    return full.value - part.value


def _required(region: Region, state: IndicatorState) -> list[Run] | str | None:
    """The growth the rest of the year needs for a level target (地区生产总值617亿元, 社零165亿元), or why
    it cannot be worked out (a sentence)."""
    target, figure = state.target, state.figure
    if target is None or target.kind != Target.Kind.LEVEL or target.value is None:
        return None
    name = state.indicator.name
    if figure is None or figure.value is None:
        return "尚无累计数据，无法测算所需增速。"
    if figure.month == 12:
        return None
    rest_of_last_year = _rest_of_year(region, figure)
    if rest_of_last_year is None:
        return "缺上年同期数据，无法测算所需增速。"
    needed = required_growth_pct(target.value, figure.value, rest_of_last_year)
    if needed is None:
        return "上年同期基数不为正，无法测算所需增速。"
    value = round_half_up(needed, 1)
    return [f"{name}：{figure.month + 1}—12月须同比增长", Num(stated(value, 1), value, 1,
                                                        figure_ref(figure, "required_growth")), "%，方能完成年计划。"]


def _required_items(region: Region, states: list[IndicatorState]) -> list[list[Run]]:
    """One item per indicator with a required growth, and then the indicators without one, a line per reason;
    nothing when no growth can be worked out at all (section 四 is then left out rather than repeat the same
    reason every month)."""
    items: list[list[Run]] = []
    reasons: dict[str, list[str]] = {}
    for state in states:
        result = _required(region, state)
        if isinstance(result, str):
            reasons.setdefault(result, []).append(state.indicator.name)
        elif result:
            items.append(result)
    if not items:
        return []
    return items + [[f"{'、'.join(names)}（总量目标）：{reason}"] for reason, names in reasons.items()]


def _required_section(required: list[list[Run]]) -> list[Block]:
    return [Heading(1, ["四、完成全年目标所需增速"]), DashList(required)] if required else []


def _data_month_note(month: int, data_month: int, states: list[IndicatorState]) -> list[Block]:
    """"11月数据尚未报送，本期各指标为截至1—10月的最新数据。" when no main indicator has a figure of the
    brief's month yet (nothing when none has any figure: the table says so)."""
    if data_month >= month or not any(state.figure for state in states):
        return []
    return [DashList([[f"{month}月数据尚未报送，本期各指标为截至{through_months(data_month)}的最新数据。"]])]


def _pct(value: float | int | None, ref: Ref | None) -> Num | None:
    """A percentage of the projects service (a JSON number, 53 for 53.0) to one decimal, as the attachments'
    完成年计划 column prints a project's: a column of 52.2 and 53.0, not 52.2 and 53."""
    if value is None:
        return None
    text = in_column(Decimal(str(value)))
    return Num(text, Decimal(text), 1, ref)


def _project_row(region: Region, year: int, view: ProjectView) -> Row:
    row = view.json(year)
    name = row["name"] + (ILLUSTRATIVE_MARK if row["illustrative"] else "")
    progress = view.progress
    light, reason = LIGHT_WORDS[row["light"]], row["light_reason"] or "进度落后"
    if row["not_started"] or progress is None:
        return Row([name, None, "尚未开工" if row["not_started"] else None, None, light, reason])
    ref = Sourced("progress", progress.pk, progress.revision, row["ref"], region.code, year, progress.month)
    return Row([name, through_months(progress.month), _pct(row["completion_pct"], ref.ref("completion")),
                _pct(row["time_progress_pct"], None), light, reason])


def _lagging_projects(region: Region, year: int, month: int, lagging: list[ProjectView] | None) -> Table | DashList:
    """The lagging key projects, the worst first as on the dashboard, as a compact table (a list in 3号 would
    not leave the briefing two pages): each on its latest progress through the month as known, against the
    time progress of its own month (`lagging_views`)."""
    if lagging is None:
        return DashList([[f"截至{month}月尚无重点项目报送进度。"]])
    if not lagging:
        return DashList([["已报送进度的重点项目均达到序时进度。"]])
    # 原因: the light's reason where the progress gap is not it ("节点逾期：用地"), as the footnote's rule says.
    columns = [Column("滞后项目", width=32), Column("数据截至", width=10),
               Column("完成年计划投资", "%", width=12, numeric=True), Column("序时进度", "%", width=10, numeric=True),
               Column("预警", width=6), Column("原因", width=18)]
    rows = [_project_row(region, year, view) for view in lagging[:MAX_PROJECTS]]
    notes = [f"另有{len(lagging) - MAX_PROJECTS}个项目滞后，未逐一列出。"] if len(lagging) > MAX_PROJECTS else []
    if any(view.illustrative_fields for view in lagging[:MAX_PROJECTS]):
        notes.append(f"标“{ILLUSTRATIVE_MARK}”的项目含示意数据。")
    return Table("滞后项目", columns, rows, "注：" + "".join(notes) if notes else "")


def _names(views: list[ProjectView]) -> str:
    shown = "、".join(view.project.name for view in views[:MAX_PROJECTS])
    return shown + ("等" if len(views) > MAX_PROJECTS else "")


def _project_changes(region: Region, year: int, month: int, lagging: list[ProjectView] | None,
                     previous: datetime) -> list[list[Run]]:
    """The key projects that turned lagging since the previous brief and those that caught up, judged by the
    same rule as section 三's table (`lagging_views`) on month M as known now and month M−1 as known then."""
    now = lagging or []
    before = lagging_views(region, year, month - 1, previous) or []
    earlier, later = {view.project.pk for view in before}, {view.project.pk for view in now}
    turned = [view for view in now if view.project.pk not in earlier]
    recovered = [view for view in before if view.project.pk not in later]
    items: list[list[Run]] = []
    if turned:
        items.append([f"新转为滞后的重点项目{len(turned)}个：{_names(turned)}。"])
    if recovered:
        items.append([f"不再滞后的重点项目{len(recovered)}个：{_names(recovered)}。"])
    return items


def previous_brief_time(region: Region, year: int, month: int, written: datetime) -> datetime:
    """When the previous brief (month M−1) was written: when the last of the main indicators' figures of month
    M−1 first became known (each indicator's first revision of M−1; the latest of those instants) — the
    month's main data was complete then, and a later revision of it is news to the brief on M ("修订").
    Figures of other indicators (an annual indicator's December figure, dated early) and projects' progress do
    not move it. The instant itself is included: data loaded together with the last of M−1 (the demo loads
    every month at once) was in the previous brief too, so two consecutive briefs never contradict each other.
    When no main figure of M−1 is known by `written`, the previous brief is month M−1 as known now
    (`written`)."""
    previous_year, previous_month = _previous(year, month)
    firsts = (Figure.objects.filter(region=region, year=previous_year, month=previous_month,
                                    indicator__is_main=True, known_at__lte=written)
              .values("indicator").annotate(first=Min("known_at")))
    return max((row["first"] for row in firsts), default=written)


def _supervision(region: Region, year: int, written: datetime) -> list[Block]:
    """The 督办 items as known when the brief is written: counts, then those not closed, overdue first."""
    lines = supervision_lines(region, year, written)
    return [DashList([[line] for line in lines])] if lines else []


def build_brief(region: Region, year: int, month: int, as_of: datetime | None = None) -> Document:
    """The brief on month M's data (each indicator's latest figure through M) as known at `as_of` (now when
    None), against the previous brief: month M−1's data as known just before month M's first data was
    recorded (`previous_brief_time`)."""
    check_brief(region, year, month, as_of)
    written = as_of or timezone.now()
    lagging_now = lagging_views(region, year, month, as_of)
    states = indicator_states(region, year, as_of, month=month, every=True)
    states = [state for state in states if state.indicator.is_main]
    if month > 1:
        previous = previous_brief_time(region, year, month, written)
        before = indicator_states(region, year, previous, month=month - 1, every=True)
        changes = (_changes(states, before) or [[f"与上期简报（{month - 1}月）相比，主要指标没有新的或修订的数据，预警未变。"]])
        changes += _project_changes(region, year, month, lagging_now, previous)
    else:
        changes = [["本期为年度第一期简报。"]]
    lagging = ([[f"{state.indicator.name}：", *_judged_runs(state), "。"] for state in states if state.lagging]
               or [["有数据的主要指标均达到应达进度。" if any(state.figure for state in states)
                    else "尚无主要指标数据，无法判断是否滞后。"]])
    required = _required_items(region, states)
    data_month = max((state.figure.month for state in states if state.figure is not None), default=month)
    title = f"{region.name}经济运行简报"
    known = timezone.localtime(written).strftime("%Y年%m月%d日").replace("年0", "年").replace("月0", "月")
    # One brief a data month: the brief on month M is the year's M-th issue.
    masthead = Masthead(title, f"{year}年第{month}期", f"{reporting_office(region)}编", known)
    missing = _missing(states, month)
    blocks: list[Block] = [
        # The masthead's date is when the brief's data was known (its --as-of); the title names the data month.
        # The title names the months the figures cover; a month whose figures have not arrived says so.
        masthead, Title(f"{year}年{through_months(data_month)}{region.name}经济运行情况"),
        Heading(1, ["一、主要指标运行情况"]), *_data_month_note(month, data_month, states),
        _lights(states, project_rules()), *([DashList(missing)] if missing else []),
        Heading(1, ["二、与上期简报相比的变化"]), DashList(changes),
        Heading(1, ["三、滞后指标和项目"]), DashList(lagging), _lagging_projects(region, year, month, lagging_now),
        *_supervision(region, year, written),
        *_required_section(required),
        Distribution(brief_distribution(region)),
    ]
    return Document("brief", title, f"{region.name}{year}年{month}月", blocks)

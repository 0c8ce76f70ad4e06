"""Each kind of row checked against the rules (rules.py): first by itself (`static`), then against what is
stored (`in_context`: last month's figure, the project's plan and total). A check never writes."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings

from devplan.indicators.models import Figure, Indicator, Target
from devplan.lib.numbers import rounded, stated
from devplan.lib.periods import month_span
from devplan.projects.models import AnnualPlan, Progress, Project
from devplan.recording import parse
from devplan.recording.clock import current_month
from devplan.recording.periods import locked_months
from devplan.recording.rows import FigureRow, Measure, ProgressRow, RecordRow, Row, TargetRow
from devplan.recording.rules import Broken, Problem, Severity

HUNDRED = Decimal(100)
TREND_TOLERANCE_POINTS = Decimal(10)
# A value this many times the last one carried forward by months (or a third of it) is most likely a unit typed
# wrong (万元 as 亿元): it needs a reason.
JUMP_FACTOR = Decimal(3)
RECENT_MONTHS = 3

FIGURE_NUMBERS = {
    "value": "累计值", "growth_pct": "同比增长", "estimate_value": "全年预计值",
    "estimate_growth_pct": "全年预计增长", "stated_completion_pct": "材料所述完成率", "stated_rank": "材料所述排名",
}
FIGURE_TEXTS = {"note": ("备注", 1000), "estimate_method": ("预计方法", 200), "rank_scope": ("排名范围", 50),
                "source": ("出处原文", 5000), "qualifier": ("限定词", 4)}
PROGRESS_TEXTS = {"narrative": ("形象进度", 1000), "problems": ("存在问题", 1000),
                  "help_requested": ("需协调解决事项", 1000), "reported_by": ("填报人", 50),
                  "explanation": ("偏差说明", 1000), "source": ("出处原文", 5000)}
TARGET_TEXTS = {"unit": ("单位", 20), "source": ("出处原文", 5000)}


@dataclass
class Checked:
    """A row's stored fields, its values as stated (text, for a submission), and what the checks found."""

    row: Row
    fields: dict[str, Any] = field(default_factory=dict)
    stated: dict[str, str] = field(default_factory=dict)
    precision: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Deviations a confirm rule finds that the row explains: accepted, and shown to the reviewer as warnings.
    confirmed: list[Problem] = field(default_factory=list)

    @property
    def warnings(self) -> list[Problem]:
        """What the reviewer should look at twice: the notices and the explained deviations."""
        return [*self.confirmed, *(p for p in self.problems if p.severity is Severity.NOTICE)]

    def take(self, parse_one: Callable[[], Any]) -> Any:
        """Run one parse; a broken rule is kept as a problem and the field left out."""
        try:
            return parse_one()
        except Broken as broken:
            self.problems.append(broken.problem)
            return None

    def number(self, key: str, label: str) -> Decimal | None:
        found = self.take(lambda: parse.number(self.row.raw.get(key), key, label))
        if found is None:
            return None
        self.fields[key] = found.value
        self.precision[key] = found.places
        self.stated[key] = found.text
        return found.value

    def text(self, key: str, label: str, limit: int) -> str:
        value = self.take(lambda: parse.text(self.row.raw.get(key), key, label, limit)) or ""
        self.fields[key] = value
        if value:
            self.stated[key] = value
        return value

    def problem(self, rule: str, key: str, message: str) -> None:
        self.problems.append(Problem(rule, key, message))

    def deviation(self, rule: str, key: str, message: str, why_key: str, why_label: str, ask: str = "") -> None:
        """A confirm rule's finding: accepted when the row says why in `why_key` (then kept as a warning),
        refused otherwise with `ask` (by default: say why in `why_label`)."""
        why = str(self.fields.get(why_key) or "")
        if why:
            self.confirmed.append(Problem(rule, key, f"{message}（{why_label}：{why}）"))
        else:
            self.problem(rule, key, message + (ask or f"：如情况属实，请在{why_label}中写明原因"))


MIN_EXPLANATION = 4


def meaningful(text: str) -> bool:
    """An explanation says something: at least 4 letters, digits or Chinese characters (not "x" or ".")."""
    return sum(c.isalnum() for c in text) >= MIN_EXPLANATION


def check_explanation(checked: Checked, key: str, label: str) -> None:
    text = str(checked.fields.get(key) or "")
    said = any(p.rule == "explanation_meaningful" and p.field == key for p in checked.problems)
    if text and not meaningful(text) and not said:  # once, however many deviations it is asked to explain
        checked.problem("explanation_meaningful", key, f"{label}“{text}”说明不了原因：请用至少 {MIN_EXPLANATION} 个字写明"
                                                     "（如 统计口径调整、项目提前完工）")


def year_problem(year: int) -> str | None:
    """Why no door takes `year` (outside DEVPLAN_YEAR_MIN—MAX), or None: the documents refuse the same years."""
    low, high = settings.DEVPLAN_YEAR_MIN, settings.DEVPLAN_YEAR_MAX
    return None if low <= year <= high else f"年份应在 {low} 到 {high} 之间，而不是 {year}"


def check_period(checked: Checked, year: int, month: int | None) -> None:
    problem = year_problem(year)
    if problem is not None:
        checked.problem("year_in_range", "year", problem)
    if month is not None and not 1 <= month <= 12:
        checked.problem("month_in_range", "month", f"月份应在 1 到 12 之间，而不是 {month}")


def future_month_message(year: int, month: int) -> str | None:
    """Why a month cannot take figures yet (it is after the current month where the server is), or None."""
    now = current_month()
    if (year, month) > now:
        return (f"{year}年{month}月还没有到（现在是{now[0]}年{now[1]}月）：只能填报已经过去或正在进行的月份的数据，"
                "请检查年份和月份")
    return None


def check_not_future(checked: Checked) -> None:
    """A figure or progress report of a month that has not come is refused. Checked by `service.write`,
    `preview` and the bulk door (`bulk._recheck`, for devplan import-csv and synth)."""
    row = checked.row
    message = future_month_message(row.year, row.month) if isinstance(row, FigureRow | ProgressRow) else None
    if message and 1 <= row.month <= 12:  # type: ignore[operator]
        checked.problem("month_not_future", "month", message)


def _growth_bounds(checked: Checked, key: str, name: str, growth: Decimal | None) -> None:
    if growth is None:
        return
    ceiling = settings.DEVPLAN_MAX_GROWTH_PCT
    if growth <= -HUNDRED:
        checked.problem("growth_in_bounds", key, f"{name}不能低于或等于 −100%（填写的是 {parse.Stated(growth, parse.places_of(growth)).text}%）")
    elif growth > ceiling:
        checked.problem("growth_in_bounds", key, f"{name} {growth}% 超过 {ceiling}%，请核实（增速填百分数，如 7.9）")


def _figure(checked: Checked, row: FigureRow) -> None:
    indicator = row.indicator
    name = indicator.name
    numbers = {key: checked.number(key, f"{name}的{label}") for key, label in FIGURE_NUMBERS.items()}
    for key, (label, limit) in FIGURE_TEXTS.items():
        checked.text(key, f"{name}的{label}", limit)
    checked.fields["estimate_status"] = checked.take(lambda: parse.choice(
        row.raw.get("estimate_status"), "estimate_status", f"{name}的预计值状态",
        tuple(v for v in Figure.EstimateStatus.values if v))) or ""
    if checked.fields["estimate_status"]:
        checked.stated["estimate_status"] = checked.fields["estimate_status"]
    if numbers["stated_rank"] is not None:
        checked.fields["stated_rank"] = int(numbers["stated_rank"])
    main = ("value", "growth_pct", "estimate_value", "estimate_growth_pct")
    if all(numbers[key] is None for key in main) and not any(p.field in main for p in checked.problems):
        checked.problem("figure_has_number", "value", f"{name}：请至少填写累计值、同比增长或全年预计中的一项")
    is_rate = indicator.quantity == Indicator.Quantity.RATE
    for key in ("value", "estimate_value"):
        value = numbers[key]
        if value is not None and value < 0 and not is_rate:
            checked.problem("value_not_negative", key, f"{name}的{FIGURE_NUMBERS[key]}不能为负数（填写的是 {checked.stated[key]}）")
        if value is not None and is_rate and indicator.unit == "%" and value > HUNDRED:
            checked.problem("rate_at_most_100", key, f"{name}是比率，不能超过100（填写的是 {checked.stated[key]}）")
    _growth_bounds(checked, "growth_pct", f"{name}的同比增长", numbers["growth_pct"])
    _growth_bounds(checked, "estimate_growth_pct", f"{name}的全年预计增长", numbers["estimate_growth_pct"])
    if row.month == 12:
        for key in ("estimate_value", "estimate_growth_pct"):
            if numbers[key] is not None:
                checked.problem("estimate_not_whole_year", key, f"{name}{month_span(12)}的累计即全年数，"
                                f"不再填{FIGURE_NUMBERS[key]}（填写的是 {checked.stated[key]}）：请删去")
    if 1 <= row.month <= 12 and not indicator.reported_in(row.month):
        checked.problem("reported_in_month", "month", f"{name}按{indicator.get_frequency_display()}核算，"
                        f"{row.month}月没有这项数据：请填在{_months_of(indicator)}的累计数中")


def _months_of(indicator: Indicator) -> str:
    return "、".join(f"{m}月" for m in range(1, 13) if indicator.reported_in(m))


def _progress(checked: Checked, row: ProgressRow) -> None:
    project = row.project
    completed = checked.number("completed", f"{project.name}的累计完成投资")
    if completed is None and "completed" not in {p.field for p in checked.problems}:
        checked.problem("figure_has_number", "completed", f"{project.name}：请填写1至本月累计完成投资（亿元）")
    elif completed is not None and completed < 0:
        checked.problem("value_not_negative", "completed", f"{project.name}的累计完成投资不能为负数（填写的是 {checked.stated['completed']}）")
    for key, (label, limit) in PROGRESS_TEXTS.items():
        checked.text(key, f"{project.name}的{label}", limit)
    check_explanation(checked, "explanation", f"{project.name}的偏差说明")
    status = checked.take(lambda: parse.choice(row.raw.get("status"), "status", f"{project.name}的项目状态",
                                               tuple(Project.Status.values))) or ""
    checked.fields["status"] = status
    if status:
        checked.stated["status"] = status
    dates = {key: _day(checked, key, f"{project.name}的{label}")
             for key, label in (("actual_start", "实际开工日期"), ("actual_completion", "实际竣工日期"))}
    if 1 <= row.month <= 12:
        end = date(row.year, row.month, calendar.monthrange(row.year, row.month)[1]) if 1 <= row.year <= 9999 else None
        for key, value in dates.items():
            if value is not None and end is not None and value > end:
                checked.problem("dates_in_order", key, f"{project.name}的日期 {value} 晚于填报期末 {end}")
    start, end_day = dates["actual_start"], dates["actual_completion"]
    if start is not None and end_day is not None and end_day < start:
        checked.problem("dates_in_order", "actual_completion", f"{project.name}的竣工日期 {end_day} 早于开工日期 {start}")
    checked.fields["completed_investment"] = checked.fields.pop("completed", None)
    if row.raw.get("illustrative"):
        checked.fields["illustrative"] = True


def _day(checked: Checked, key: str, label: str) -> date | None:
    """An actual date of a project's report (started, completed): not after today, as on every door."""
    day: date | None = checked.take(lambda: parse.actual_day(checked.row.raw.get(key), key, label))
    checked.fields[key] = day
    if day is not None:
        checked.stated[key] = day.isoformat()
    return day


def _target(checked: Checked, row: TargetRow) -> None:
    name = row.indicator.name
    raw = row.raw
    kind = checked.take(lambda: parse.choice(raw.get("kind"), "kind", f"{name}的目标类型", tuple(Target.Kind.values))) or ""
    value = checked.number("value", f"{name}的目标值")
    for key, (label, limit) in TARGET_TEXTS.items():
        checked.text(key, f"{name}的{label}", limit)
    qualifier = checked.take(lambda: parse.choice(raw.get("qualifier"), "qualifier", f"{name}的限定词",
                                                  tuple(v for v in Target.Qualifier.values if v))) or ""
    step_with = raw.get("step_with")
    checked.fields.update({"kind": kind, "qualifier": qualifier, "step_with": step_with,
                           "adjusted": bool(raw.get("adjusted"))})
    checked.stated.update({k: str(v) for k, v in (("kind", kind), ("qualifier", qualifier)) if v})
    if step_with is not None:
        checked.stated["step_with"] = step_with.code
    if not kind and "kind" not in {p.field for p in checked.problems}:
        checked.problem("target_complete", "kind", f"{name}：请填写目标类型（{'/'.join(Target.Kind.values)}）")
    elif kind == Target.Kind.IN_STEP and step_with is None:
        checked.problem("target_complete", "step_with", f"{name}的“同步”目标须指明与哪个指标同步")
    elif kind and kind != Target.Kind.IN_STEP and value is None and "value" not in {p.field for p in checked.problems}:
        checked.problem("target_complete", "value", f"{name}的{Target.Kind(kind).label}目标须有目标值")
    if kind == Target.Kind.GROWTH:
        _growth_bounds(checked, "value", f"{name}的增速目标", value)  # the bound of growth figures


def _record(checked: Checked, row: RecordRow) -> None:
    """The fields a record's row holds: those named in `numbers` and `texts` checked as such, others as given.
    A measure's month figure (funds, attraction, a task) states at least one number, and counts are whole."""
    measure = row.subject if isinstance(row.subject, Measure) else None
    for key, label in row.numbers.items():
        if key not in row.raw:
            continue
        value = checked.number(key, f"{row.label()}的{label}")
        if value is not None and key not in row.raw.get("_signed", ()) and value < 0:
            checked.problem("value_not_negative", key, f"{row.label()}的{label}不能为负数（填写的是 {checked.stated[key]}）")
        elif value is not None and measure is not None and key in measure.whole and value != value.to_integral_value():
            checked.problem("count_whole", key, f"{row.label()}的{label}是个数，应为整数（填写的是 {checked.stated[key]}）")
    if (measure is not None and not any(checked.fields.get(key) is not None for key in row.numbers)
            and not {p.field for p in checked.problems} & set(row.numbers)):
        checked.problem("figure_has_number", "value",
                        f"{row.label()}：请至少填写一个数（{'、'.join(row.numbers.values())}）")
    for key, label in row.texts.items():
        if key in row.raw:
            checked.text(key, f"{row.label()}的{label}", 5000 if key in ("source", "source_text", "text") else 1000)
    for key, value in row.raw.items():
        if key not in row.numbers and key not in row.texts and not key.startswith("_"):
            checked.fields[key] = value
    if row.subject is not None and row.subject.chain:
        # A measure's industry chain is typed by the department: a free text like any other.
        checked.take(lambda: parse.text(row.subject.chain if row.subject else "", "chain", f"{row.label()}的产业链", 50))


def static(row: Row) -> Checked:
    """The row's fields and the problems visible in the row itself."""
    checked = Checked(row)
    check_period(checked, row.year, row.month)
    if isinstance(row, FigureRow):
        _figure(checked, row)
    elif isinstance(row, ProgressRow):
        _progress(checked, row)
    elif isinstance(row, TargetRow):
        _target(checked, row)
    else:
        _record(checked, row)
    return checked


# ---- against what is stored -------------------------------------------------------------------------------


def latest_figure(region: Any, indicator: Indicator, year: int, month: int) -> Figure | None:
    return (Figure.objects.filter(region=region, indicator=indicator, year=year, month=month)
            .order_by("-revision").first())


def previous_figure(row: FigureRow) -> Figure | None:
    """The latest figure of an earlier month of the same year that has a value (quarterly indicators skip
    the months they have none)."""
    rows = Figure.objects.filter(region=row.region, indicator=row.indicator, year=row.year, month__lt=row.month)
    latest: dict[int, Figure] = {}
    for figure in rows.order_by("-month", "-revision"):
        latest.setdefault(figure.month, figure)
    return next((f for f in latest.values() if f.value is not None), None)


def next_figure(row: FigureRow) -> Figure | None:
    """The latest figure of the nearest later month of the same year that has a value, when it was there
    before the row: a cumulative value written after a later month (a month filled in or corrected) must not
    exceed it. One the row's own write stored (`written_with`) judges itself against the row instead."""
    rows = Figure.objects.filter(region=row.region, indicator=row.indicator, year=row.year, month__gt=row.month)
    latest: dict[int, Figure] = {}
    for figure in rows.order_by("month", "-revision"):
        latest.setdefault(figure.month, figure)
    after = next((f for f in latest.values() if f.value is not None), None)
    return None if after is None or _written_together(after, row) else after


def recent_growths(row: FigureRow) -> dict[int, Decimal]:
    growths: dict[int, Decimal] = {}
    rows = Figure.objects.filter(region=row.region, indicator=row.indicator, year=row.year, month__lt=row.month)
    seen: set[int] = set()
    for figure in rows.order_by("-month", "-revision"):
        if figure.month in seen:
            continue
        seen.add(figure.month)
        if figure.growth_pct is not None:
            growths[figure.month] = figure.growth_pct
    return dict(list(growths.items())[:RECENT_MONTHS])



def _figure_context(checked: Checked, row: FigureRow) -> None:
    value, growth = checked.fields.get("value"), checked.fields.get("growth_pct")
    name = row.indicator.name
    if row.indicator.quantity == Indicator.Quantity.FLOW and value is not None:
        before = previous_figure(row)
        _value_near_previous(checked, row, before)
        if before is not None and before.value is not None and value < before.value:
            check_explanation(checked, "note", f"{name}的备注")
            checked.deviation("cumulative_not_decreasing", "value",
                              f"{name}{month_span(row.month)}累计 {checked.stated['value']} 小于{month_span(before.month)}累计 "
                              f"{stated(before.value, before.precision.get('value'))}：累计值不应减少", "note", "备注",
                              "；如确因统计口径调整等原因，请在备注中写明原因")
        _not_above_later(checked, row)
    _estimate_reaches_cumulative(checked, row)
    _estimate_near_pace(checked, row)
    _estimate_growth_near_growth(checked, row)
    recent = recent_growths(row)
    if growth is not None and recent:
        trend = sum(recent.values(), Decimal(0)) / len(recent)
        if abs(growth - trend) > TREND_TOLERANCE_POINTS:
            months = "、".join(f"{m}月" for m in sorted(recent))
            checked.problem("growth_near_trend", "growth_pct",
                            f"{name}的同比增长 {checked.stated['growth_pct']}% 与近{len(recent)}期（{months}）的平均 "
                            f"{trend:.1f}% 相差 {abs(growth - trend):.1f} 个百分点，请核实")


def _not_above_later(checked: Checked, row: FigureRow) -> None:
    """The cumulative rule looking forward: a month written after a later one (Aug after Sep) is not above it."""
    value, after = checked.fields["value"], next_figure(row)
    if after is None or after.value is None or value <= after.value:
        return
    name = row.indicator.name
    check_explanation(checked, "note", f"{name}的备注")
    checked.deviation("cumulative_not_decreasing", "value",
                      f"{name}{month_span(row.month)}累计 {checked.stated['value']} 大于已报的{month_span(after.month)}累计 "
                      f"{stated(after.value, after.precision.get('value'))}：累计值不应减少", "note", "备注",
                      "；如确因统计口径调整等原因，请在备注中写明原因")


def _value_near_previous(checked: Checked, row: FigureRow, before: Figure | None) -> None:
    """A flow's cumulative value more than three times the year's last one carried forward by months (1—10月
    × 11/10 for 1—11月) needs a reason: most likely a unit typed wrong."""
    value = checked.fields.get("value")
    if value is None or before is None or before.value is None or before.value <= 0:
        return
    expected = before.value * row.month / before.month
    if value <= expected * JUMP_FACTOR:
        return
    name, unit = row.indicator.name, row.indicator.unit
    check_explanation(checked, "note", f"{name}的备注")
    checked.deviation("value_near_previous", "value",
                      f"{name}{month_span(row.month)}累计 {checked.stated['value']}{unit} 是{month_span(before.month)}累计 "
                      f"{stated(before.value, before.precision.get('value'))}{unit}按月推算值的 "
                      f"{rounded(value / expected, 1)} 倍，多半是单位或小数点填错",
                      "note", "备注", "；请核实，如确实如此，请在备注中写明原因")


def _estimate_reaches_cumulative(checked: Checked, row: FigureRow) -> None:
    """A flow's full-year estimate cannot be below what the year has already reached: the row's own cumulative
    value, or else the latest earlier month's (a year's flow only grows)."""
    estimate = checked.fields.get("estimate_value")
    if row.indicator.quantity != Indicator.Quantity.FLOW or estimate is None:
        return
    value, month, text = checked.fields.get("value"), row.month, checked.stated.get("value")
    if value is None:
        before = previous_figure(row)
        if before is None or before.value is None:
            return
        value, month, text = before.value, before.month, stated(before.value, before.precision.get("value"))
    if estimate < value:
        checked.problem("estimate_not_below_cumulative", "estimate_value",
                        f"{row.indicator.name}的全年预计值 {checked.stated['estimate_value']} 小于{month_span(month)}累计 "
                        f"{text}：全年预计不能少于已完成的累计值，请核实")


def _reached(checked: Checked, row: FigureRow, key: str) -> tuple[Decimal, int, str] | None:
    """The year-to-date `key` (value or growth) the row gives, else the latest earlier month's: the number, its
    month and its text as stated."""
    given = checked.fields.get(key)
    if given is not None:
        return given, row.month, checked.stated[key]
    before = previous_figure(row)
    if before is None or getattr(before, key) is None:
        return None
    return getattr(before, key), before.month, stated(getattr(before, key), before.precision.get(key))


def _estimate_near_pace(checked: Checked, row: FigureRow) -> None:
    """A full-year estimate more than three times the year its cumulative value points to (a flow's 1—10月
    × 12/10; a stock's or a rate's value itself) needs a reason: most likely a unit or decimal point typed
    wrong (16.34 typed 1634)."""
    estimate = checked.fields.get("estimate_value")
    reached = _reached(checked, row, "value")
    if estimate is None or reached is None or reached[0] <= 0:
        return
    value, month, text = reached
    pace = value * 12 / month if row.indicator.quantity == Indicator.Quantity.FLOW else value
    if estimate <= pace * JUMP_FACTOR:
        return
    name, unit = row.indicator.name, row.indicator.unit
    check_explanation(checked, "note", f"{name}的备注")
    checked.deviation("estimate_near_pace", "estimate_value",
                      f"{name}的全年预计值 {checked.stated['estimate_value']}{unit} 是按{month_span(month)}累计 {text}{unit}"
                      f"推算的全年数的 {rounded(estimate / pace, 1)} 倍，多半是单位或小数点填错",
                      "note", "备注", "；请核实，如确实如此，请在备注中写明原因")


def _estimate_growth_near_growth(checked: Checked, row: FigureRow) -> None:
    """A full-year estimated growth far from the year-to-date growth is worth a second look."""
    estimate = checked.fields.get("estimate_growth_pct")
    reached = _reached(checked, row, "growth_pct")
    if estimate is None or reached is None:
        return
    growth, month, text = reached
    if abs(estimate - growth) > TREND_TOLERANCE_POINTS:
        checked.problem("estimate_growth_near_growth", "estimate_growth_pct",
                        f"{row.indicator.name}的全年预计增长 {checked.stated['estimate_growth_pct']}% 与{month_span(month)}累计增长 "
                        f"{text}% 相差 {abs(estimate - growth):.1f} 个百分点，请核实")


def previous_progress(row: ProgressRow) -> Progress | None:
    return (Progress.objects.filter(project=row.project, year=row.year, month__lt=row.month)
            .order_by("-month", "-revision").first())


def _written_together(stored: Figure | Progress, row: FigureRow | ProgressRow) -> bool:
    return row.written_with is not None and stored.change_set_id == row.written_with


def next_progress(row: ProgressRow) -> Progress | None:
    """The latest report of the nearest later month of the same year, when it was there before the row (as
    `next_figure`)."""
    after = (Progress.objects.filter(project=row.project, year=row.year, month__gt=row.month)
             .order_by("month", "-revision").first())
    return None if after is None or _written_together(after, row) else after


def _progress_context(checked: Checked, row: ProgressRow) -> None:
    completed = checked.fields.get("completed_investment")
    if completed is None:
        return
    project = row.project
    shown = checked.stated.get("completed", stated(completed))
    found: list[tuple[str, str]] = []
    if project.total_investment is not None and completed > project.total_investment:
        found.append(("progress_within_total", f"{project.name}本年累计完成投资 {shown}亿元超过项目总投资 "
                                               f"{stated(project.total_investment)}亿元"))
    plan = AnnualPlan.objects.filter(project=project, year=row.year).first()
    margin = settings.DEVPLAN_PROJECT_PLAN_MARGIN_PCT
    if plan is not None and plan.planned_investment and completed > plan.planned_investment * (HUNDRED + margin) / HUNDRED:
        found.append(("progress_within_plan", f"{project.name}本年累计完成投资 {shown}亿元超过年计划投资 "
                                              f"{stated(plan.planned_investment)}亿元的 {stated(HUNDRED + margin)}%"))
    before = previous_progress(row)
    if before is not None and before.completed_investment is not None and completed < before.completed_investment:
        found.append(("progress_not_decreasing", f"{project.name}{month_span(row.month)}累计完成投资 {shown}亿元小于"
                                                 f"{month_span(before.month)}已报的 {stated(before.completed_investment)}亿元"))
    after = next_progress(row)
    if after is not None and after.completed_investment is not None and completed > after.completed_investment:
        found.append(("progress_not_decreasing", f"{project.name}{month_span(row.month)}累计完成投资 {shown}亿元大于"
                                                 f"已报的{month_span(after.month)} {stated(after.completed_investment)}亿元"))
    if before is not None and row.month > 1 and before.month < row.month - 1:
        found.append(("progress_no_gap", f"{project.name}{row.month - 1}月没有填报进度（上次填报为{month_span(before.month)}）"))
    for rule, message in found:
        checked.deviation(rule, "completed", message, "explanation", "偏差说明")


def in_context(checked: Checked) -> None:
    """Add the problems that need what is stored; rows whose own values are already wrong are skipped."""
    if any(p.severity.value == "error" for p in checked.problems):
        return
    if isinstance(checked.row, FigureRow):
        _figure_context(checked, checked.row)
    elif isinstance(checked.row, ProgressRow):
        _progress_context(checked, checked.row)
    elif isinstance(checked.row, TargetRow):
        _target_context(checked, checked.row)
    elif isinstance(checked.row.subject, Measure) and checked.row.subject.cumulative:
        _measure_context(checked, checked.row)


def _measure_context(checked: Checked, row: RecordRow) -> None:
    """A measure's year-to-date figure below the latest earlier month's of the same series and stage, or above
    the nearest later month's (a month filled in or corrected after a later one): like a flow indicator's,
    refused unless the 备注 says why."""
    if row.month is None:
        return
    series = {key: val for key, val in row.identity().items() if key != "month"}
    for name, label in MEASURE_YEAR_TO_DATE.items():
        value = checked.fields.get(name)
        if value is None:
            continue
        stored = row.model.objects.filter(**series).exclude(**{name: None})
        earlier = stored.filter(month__lt=row.month).order_by("-month", "-revision").first()
        later = stored.filter(month__gt=row.month).order_by("month", "-revision").first()
        if earlier is not None and value < getattr(earlier, name):
            compared = f"小于{month_span(earlier.month)}累计 {stated(getattr(earlier, name))}"  # type: ignore[attr-defined]
        elif later is not None and value > getattr(later, name):
            compared = f"大于已报的{month_span(later.month)}累计 {stated(getattr(later, name))}"  # type: ignore[attr-defined]
        else:
            continue
        check_explanation(checked, "note", f"{row.label()}的备注")
        checked.deviation("cumulative_not_decreasing", name,
                          f"{row.label()}累计{label} {checked.stated.get(name, stated(value))} {compared}：累计数不应减少",
                          "note", "备注", "；如确因统计口径调整等原因，请在备注中写明原因")
        return


# A year-to-date measure's numbers: each is a running total of the year (the amount, the number of projects
# and their total investment), so none may fall from one month to the next without a reason.
MEASURE_YEAR_TO_DATE = {"value": "", "count": "个数", "total": "总额"}


def _months_text(months: list[int]) -> str:
    """"1—10月" for a run of months, "3、6、9月" otherwise."""
    if len(months) > 2 and months == list(range(months[0], months[-1] + 1)):
        return f"{months[0]}—{months[-1]}月"
    return "、".join(str(m) for m in months) + "月"


def _target_context(checked: Checked, row: TargetRow) -> None:
    """A revised target does not change how a locked month is judged (`assessment.target_time`): say so,
    naming the months."""
    months = sorted(locked_months(row.region, row.year))
    if not months or not Target.objects.filter(region=row.region, indicator=row.indicator, year=row.year).exists():
        return
    checked.problem("target_locked_months", "value",
                    f"{row.region.name}{row.year}年{_months_text(months)}已锁定：这些月份仍按锁定时的{row.indicator.name}"
                    "目标评价，修改后的目标只用于未锁定的月份（重新开启某月后，该月按新目标评价）")

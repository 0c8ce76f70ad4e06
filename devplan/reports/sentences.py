"""The sentences the report writes from data, in the seed's patterns:

"——年计划完成地区生产总值617亿元以上，1—9月完成428.3亿元，同比增长2.2%，全年预计完成600亿元，完成年计划的97%。"

The completion is stated as the percentage only, as a document for the People's Congress states it; what it
divides (全年预计÷年目标, 增速指数比, …) is said by the sentence's own words and kept in the number's record.
"——地区生产总值增长6.8%以上；"

Each clause appears only when its number is recorded: a missing number is left out, never written as 0.
"""

from __future__ import annotations

from devplan.indicators.models import Figure, Indicator, Target
from devplan.lib.periods import through_months
from devplan.reports.content import Run
from devplan.reports.states import IndicatorState, figure_num, target_num

DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (ranks and section numbers up to 99)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else DIGITS[tens] + "十")
    return head + (DIGITS[ones] if ones else "")


def target_runs(target: Target, *, planned: bool) -> list[Run]:
    """The target as a phrase: "完成地区生产总值617亿元以上", "固定资产投资增长9%以上". `planned` uses the
    execution report's wording ("年计划完成…"), otherwise the plan draft's ("地区生产总值达到…")."""
    name = target.indicator.name
    number = target_num(target, absolute=True)
    qualifier = target.qualifier
    if target.kind == Target.Kind.IN_STEP:
        keep = "" if planned else "保持"
        return [f"{name}{keep}{target.in_step_words}"]
    if number is None:
        return [name]
    if target.kind == Target.Kind.GROWTH:
        word = "下降" if target.value is not None and target.value < 0 else "增长"
        return [f"{name}{word}", number, f"%{qualifier}"]
    unit = target.unit or target.indicator.unit
    if target.kind == Target.Kind.CEILING:
        return [f"{name}控制在", number, f"{unit}{qualifier or '以内'}"]
    adjusted = "（调整后）" if target.adjusted else ""
    lead = f"完成{name}" if planned else f"{name}达到"
    return [lead, number, f"{unit}{qualifier}{adjusted}"]


def _growth_clause(figure: Figure, field: str, lead: str) -> list[Run]:
    number = figure_num(figure, field, absolute=True)
    if number is None:
        return []
    value = getattr(figure, field)
    return [f"{lead}{'下降' if value < 0 else '增长'}", number, "%"]


def _actual_runs(state: IndicatorState, figure: Figure) -> list[Run]:
    indicator = state.indicator
    period = "全年" if figure.month == 12 else through_months(figure.month)
    value = figure_num(figure, "value")
    runs: list[Run] = []
    if value is not None:
        in_step = state.target is not None and state.target.kind == Target.Kind.IN_STEP
        verb = indicator.name if in_step else ("为" if indicator.quantity != Indicator.Quantity.FLOW else "完成")
        runs += [f"{period}{verb}", value, f"{indicator.unit}{figure.qualifier}"]
    growth = _growth_clause(figure, "growth_pct", "同比" if runs else f"{period}同比")
    if growth:
        runs += (["，"] if runs else []) + growth
    if figure.stated_rank is not None and figure.rank_scope:
        runs.append(f"，排{figure.rank_scope}第{chinese_number(figure.stated_rank)}")
    return runs


def _estimate_runs(state: IndicatorState, figure: Figure) -> list[Run]:
    value = figure_num(figure, "estimate_value")
    verb = "达到" if state.target is not None and state.target.kind == Target.Kind.IN_STEP else "完成"
    if value is not None:
        growth = _growth_clause(figure, "estimate_growth_pct", "，同比")
        return [f"全年预计{verb}", value, state.indicator.unit, *growth]
    return _growth_clause(figure, "estimate_growth_pct", "全年预计同比")


def main_indicator_runs(state: IndicatorState) -> list[Run]:
    """One item of the main-indicator list, without the leading dash."""
    clauses: list[list[Run]] = []
    if state.target is not None:
        clauses.append(["年计划", *target_runs(state.target, planned=True)])
    figure = state.figure
    if figure is not None:
        clauses += [_actual_runs(state, figure), _estimate_runs(state, figure)]
    completion = state.completion
    if completion is not None:
        clauses.append(["完成年计划的", completion, "%"])
    runs: list[Run] = []
    for clause in (c for c in clauses if c):
        runs += (["，"] if runs else []) + clause
    return [*runs, "。"] if runs else []


def join_names(names: list[str]) -> str:
    """"甲" / "甲与乙" / "甲、乙与丙"."""
    if len(names) <= 1:
        return "".join(names)
    return "、".join(names[:-1]) + "与" + names[-1]


def lagging_lead(states: list[IndicatorState]) -> str | None:
    """"其中，地区生产总值与固定资产投资离年度计划目标有一定差距，主要原因有：" or None when none lags."""
    names = [state.indicator.name for state in states if state.lagging]
    if not names:
        return None
    return f"其中，{join_names(names)}离年度计划目标有一定差距，主要原因有："


def next_year_targets(states: list[IndicatorState]) -> list[list[Run]]:
    """The plan draft's target list: "地区生产总值增长6.8%以上；" …, the last item ending with "。"."""
    targets = [state.next_target for state in states if state.next_target is not None]
    items = [target_runs(target, planned=False) for target in targets]
    return [[*item, "。" if i == len(items) - 1 else "；"] for i, item in enumerate(items)]

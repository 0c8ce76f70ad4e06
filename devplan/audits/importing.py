"""Taking a report's main-indicator facts into devplan, with the report as their source.

The choice (`plan_import`) is plain Python over facts: only a main indicator's own year-to-date value, own
growth, full-year estimate, stated completion and rank are taken — never a share (占比、比重), a contribution
(贡献率), a pull (拉动…个百分点), a change in points, a gap against another place (比全省高2.1%) or a quantity
per unit of the indicator (人均GDP, 单位GDP能耗) — and a figure's month is the one its sentence states (1—6月 → June); a sentence that names no months
is not imported. Everything left out is listed with its reason. `submit_drafts` writes through the one
door (`devplan.recording`) as submissions that a planner approves or returns, like a department's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from devplan.indicators.models import Indicator
from devplan.indicators.services import find_indicator
from devplan.reader import AuditResult, Fact, default_lexicon
from devplan.reader.segments import unwrapped
from devplan.reader.units import POINT_UNITS, parse_unit
from devplan.recording.actors import Actor
from devplan.recording.rows import FigureRow
from devplan.recording.service import Outcome, Upload, write
from devplan.regions.models import Region

MAIN_INDICATORS = ("gdp", "fiscal_revenue", "fai", "retail_sales", "disposable_income")

# Words in a fact's subject or text that make its number something other than the indicator's own value.
_OTHER_QUANTITY = (
    ("贡献", "是对增长的贡献率，不是指标本身的数值或增速"),
    ("拉动", "是拉动增长的百分点，不是指标本身的增速"),
    ("比重", "是占比（比重），不是指标本身的数值"),
    ("占比", "是占比（比重），不是指标本身的数值"),
    ("比例", "是比例，不是指标本身的数值"),
    ("之比", "是比率，不是指标本身的数值"),
    ("比率", "是比率，不是指标本身的数值"),
)
# Right before the indicator's name (人均GDP, 万元GDP能耗) or after it (GDP能耗): another quantity.
_PER_UNIT_BEFORE = ("人均", "万元", "单位", "每")
_PER_UNIT_AFTER = ("耗", "用水", "强度", "密度", "排放")
_PER_UNIT = "是按指标折算的另一个量（人均、单位产出等），不是指标本身的数值"
# A gap against another place or an average, right before the number (增速比全省高2.1%, 高于全国平均1.5%):
# the difference of two growths, not the indicator's own. A comparison with a time (比上年提高, 较同期快) is
# the indicator's own change; 同比 and 环比 are not comparisons with anything named.
_GAP = re.compile(r"(?:(?<![同环])比|较)(?P<than>[^\d，,；;。较]{1,12}?)(?:高出|高|低|快|慢|多|少)了?(?=[\d.]+\D*$)"
                  r"|(?:高于|低于|快于|慢于|领先于?|落后于?)(?P<over>[^\d，,；;。]{1,12}?)(?=[\d.]+\D*$)")
_TIME = re.compile(r"上年|去年|前年|同期|上月|上季|年初|今年|本年|往年|上半年|[0-9]{4}年")
_GAP_REASON = "是与其他地区或平均水平相比的差距，不是指标本身的增速"
_NO_MONTHS = "句中没有写明是哪几个月的数据（如“1—6月”），不能确定月份"


@dataclass
class FigureDraft:
    """What one sentence says about one main indicator: the year-to-date figure through `month`."""

    indicator: str
    month: int
    values: dict[str, Any]
    facts: list[Fact]


# What a draft's fields are called where a user reads them; a field not named here (how an estimate stands) is the
# importer's own and is not shown, nor is an empty one (no qualifier).
FIELD_WORDS = {"value": "累计数", "qualifier": "限定词", "growth_pct": "累计增速（%）", "estimate_value": "全年预计数",
               "estimate_growth_pct": "全年预计增速（%）", "stated_completion_pct": "完成年计划（%）", "stated_rank": "排位"}


def described(values: dict[str, Any]) -> str:
    """A draft's values as a user reads them: 累计数 290.5，累计增速（%） 5.1."""
    shown = ((FIELD_WORDS[k], format(v, "f") if isinstance(v, Decimal) else str(v)) for k, v in values.items()
             if k in FIELD_WORDS and v not in ("", None))
    return "，".join(f"{word} {value}" for word, value in shown)


@dataclass(frozen=True)
class Skipped:
    """A number about a main indicator of the year that is not imported, and why (in Chinese)."""

    fact: Fact
    reason: str

    def line(self, names: dict[str, str]) -> str:
        """The number, the indicator it is of (by its name in `names`, else its code) and why it is left out."""
        indicator = self.fact.indicator or ""
        return f"“{unwrapped(self.fact.text)}”（{names.get(indicator, indicator)}）：{self.reason}"


@dataclass
class ImportPlan:
    """The drafts to submit and the numbers left out."""

    drafts: list[FigureDraft] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _in_unit(fact: Fact, unit_text: str) -> Decimal | None:
    """The fact's value in the indicator's unit (万元 into 亿元), or None when the units differ in kind."""
    if fact.unit is None:
        return None
    own, wanted = parse_unit(fact.unit), parse_unit(unit_text)
    if own.base != wanted.base:
        return None
    return fact.value * Decimal(own.magnitude) / Decimal(wanted.magnitude)


def _names(code: str) -> tuple[str, ...]:
    found = default_lexicon().indicators.get(code)
    names = (found.name, *found.aliases) if found else ()
    return tuple(sorted(names, key=len, reverse=True))


def _other_quantity(fact: Fact) -> str | None:
    """Why the fact's number is not the indicator's own (a share, a contribution, a per-unit quantity), or None."""
    subject = fact.subject or ""
    words = subject + unwrapped(fact.text)
    for word, reason in _OTHER_QUANTITY:
        if word in words:
            return reason
    if fact.measure == "share" or fact.kind == "share":
        return "是占比（比重），不是指标本身的数值"
    gap = _GAP.search(unwrapped(fact.text))
    if gap and not _TIME.search(gap.group("than") or gap.group("over")):
        return _GAP_REASON
    name = next((n for n in _names(fact.indicator or "") if n in subject), None)
    if name:
        before, _, after = subject.partition(name)
        if (before.endswith(_PER_UNIT_BEFORE) and not name.startswith("人均")) or any(w in after for w in _PER_UNIT_AFTER):
            return _PER_UNIT
    return None


def _fields(fact: Fact, unit: str) -> dict[str, Any] | str:
    """The figure fields the fact fills in, or why it fills in none."""
    if fact.unit in POINT_UNITS:
        return "是百分点的增减（增速或占比的变化），不是指标本身的增速"
    estimate_status = "初步核算" if "初步核算" in unwrapped(fact.text) else "预计"
    if fact.measure in {"actual", "estimate"} and fact.kind == "level":
        value = _in_unit(fact, unit)
        if value is None:
            return f"单位（{fact.unit or '无'}）与指标的单位（{unit}）不是同一类"
        if fact.measure == "actual":
            return {"value": value, "qualifier": fact.qualifier or ""}
        return {"estimate_value": value, "estimate_status": estimate_status}
    if fact.measure in {"growth", "estimate"} and fact.kind == "growth":
        if fact.unit != "%":
            return f"增速的单位（{fact.unit or '无'}）不是 %"
        if fact.measure == "growth":
            return {"growth_pct": fact.value}
        return {"estimate_growth_pct": fact.value, "estimate_status": estimate_status}
    if fact.measure == "completion":
        return {"stated_completion_pct": fact.value}
    if fact.measure == "rank":
        return {"stated_rank": int(fact.value)}
    return "是比上年的增减量，不是指标本身的数值或增速" if fact.kind == "change" else "不是指标本身的数值或增速"


def _month_of(fact: Fact) -> int | str:
    """The month through which a year-to-date fact runs, or why it has none."""
    if not fact.period_stated or fact.period is None:
        return _NO_MONTHS
    if fact.period.first != 1:
        return f"是{fact.period.first}—{fact.period.last}月的数据，不是自年初起的累计数"
    return fact.period.last


def _sentence_drafts(code: str, facts: list[Fact], unit: str, plan: ImportPlan) -> None:
    """The drafts of one sentence about one indicator: its values and growth by the months they state,
    with its estimates, completion and rank joined to the latest of those months."""
    by_month: dict[int, dict[str, Any]] = defaultdict(dict)
    sources: dict[int, list[Fact]] = defaultdict(list)
    joining: list[tuple[Fact, dict[str, Any]]] = []
    for fact in facts:
        reason = _other_quantity(fact)
        values = _fields(fact, unit) if reason is None else reason
        if isinstance(values, str):
            plan.skipped.append(Skipped(fact, values))
            continue
        if fact.measure in {"actual", "growth"}:
            stated = _month_of(fact)
            if isinstance(stated, str):
                plan.skipped.append(Skipped(fact, stated))
                continue
            by_month[stated].update(values)
            sources[stated].append(fact)
        else:
            joining.append((fact, values))
    for fact, values in joining:
        month: int | None = max(by_month, default=None)
        if month is None and fact.measure == "estimate":
            month = 12 if _month_of(fact) == 12 else None  # a full-year estimate on its own
        if month is None:
            why = _NO_MONTHS if fact.measure == "estimate" else "同一句中没有写明月份的累计数，不能确定是哪个月的"
            plan.skipped.append(Skipped(fact, why))
            continue
        by_month[month].update(values)
        sources[month].append(fact)
    for month in sorted(by_month):
        plan.drafts.append(FigureDraft(code, month, by_month[month], sorted(sources[month], key=lambda f: f.index)))


def plan_import(result: AuditResult, year: int, units: dict[str, str]) -> ImportPlan:
    """What to import of `year`'s main-indicator facts (targets aside) and what is left out, sentence by
    sentence; `units` maps indicator codes to their units."""
    grouped: dict[tuple[int, str], list[Fact]] = defaultdict(list)
    for fact in result.facts:
        if fact.indicator in MAIN_INDICATORS and fact.period and fact.period.year == year and fact.measure != "target":
            grouped[(fact.sentence, fact.indicator)].append(fact)
    plan = ImportPlan()
    for (_, code), facts in grouped.items():
        _sentence_drafts(code, facts, units.get(code, ""), plan)
    return plan


def drafts_from(result: AuditResult, year: int, units: dict[str, str]) -> list[FigureDraft]:
    """The drafts of `plan_import`."""
    return plan_import(result, year, units).drafts


def import_plan(result: AuditResult, year: int) -> ImportPlan:
    """`plan_import` with the main indicators' units as recorded in devplan."""
    units = dict(Indicator.objects.filter(code__in=MAIN_INDICATORS).values_list("code", "unit"))
    return plan_import(result, year, units)


def submit_drafts(plan: ImportPlan, result: AuditResult, region: Region, year: int, actor: Actor) -> Outcome:
    """Submit the plan's drafts through the one door as submissions waiting for a planner's approval (the
    report is their source, its file their upload); a problem's row number indexes `plan.drafts`. The door's
    errors (Rejected with every problem, WorkflowError, Forbidden) pass through: nothing is stored then."""
    rows = [
        FigureRow(region, find_indicator(draft.indicator), year, draft.month,
                  {**{k: (format(v, "f") if isinstance(v, Decimal) else v) for k, v in draft.values.items()},
                   "source": "；".join(unwrapped(f.text) for f in draft.facts)})
        for draft in plan.drafts
    ]
    path = Path(result.source)
    upload = Upload.of(path) if path.is_file() else Upload(path.name, "")
    return write(actor, rows, reason=f"从计划报告导入：{path.name}", upload=upload, as_submission=True)

"""Taking a report's main-indicator facts into devplan, with the report as their source.

The grouping (`drafts_from`) is plain Python over facts; `import_main_figures` writes through the one door
(`devplan.recording`) as submissions that a planner approves or returns, like a department's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from devplan.indicators.models import Indicator
from devplan.indicators.services import find_indicator
from devplan.reader import AuditResult, Fact
from devplan.reader.units import parse_unit
from devplan.recording.actors import Actor
from devplan.recording.rows import FigureRow
from devplan.recording.service import Outcome, Upload, write
from devplan.regions.lookup import find_region

MAIN_INDICATORS = ("gdp", "fiscal_revenue", "fai", "retail_sales", "disposable_income")


@dataclass
class FigureDraft:
    """What one sentence says about one main indicator: the year-to-date figure through `month`."""

    indicator: str
    month: int
    values: dict[str, Any]
    facts: list[Fact]


def _in_unit(fact: Fact, unit_text: str) -> Decimal | None:
    """The fact's value in the indicator's unit (万元 into 亿元), or None when the units differ in kind."""
    if fact.unit is None:
        return None
    own, wanted = parse_unit(fact.unit), parse_unit(unit_text)
    if own.base != wanted.base:
        return None
    return fact.value * Decimal(own.magnitude) / Decimal(wanted.magnitude)


def drafts_from(result: AuditResult, year: int, units: dict[str, str]) -> list[FigureDraft]:
    """One draft per sentence and main indicator of `year`; `units` maps indicator codes to their units."""
    grouped: dict[tuple[int, str], list[Fact]] = defaultdict(list)
    for fact in result.facts:
        if fact.indicator in MAIN_INDICATORS and fact.period and fact.period.year == year and fact.measure != "target":
            grouped[(fact.sentence, fact.indicator)].append(fact)
    drafts = []
    for (_, code), facts in grouped.items():
        values: dict[str, Any] = {}
        months = [f.period.last for f in facts if f.period and f.measure in {"actual", "growth"}]
        for fact in facts:
            _place(fact, values, units.get(code, ""))
        if values:
            drafts.append(FigureDraft(code, max(months, default=12), values, facts))
    return drafts


def _place(fact: Fact, values: dict[str, Any], unit: str) -> None:
    if fact.measure == "actual" and fact.kind == "level" and (value := _in_unit(fact, unit)) is not None:
        values["value"] = value
        values["qualifier"] = fact.qualifier or ""
    elif fact.measure == "growth" and fact.unit == "%":
        values["growth_pct"] = fact.value
    elif fact.measure == "estimate" and fact.kind == "level" and (value := _in_unit(fact, unit)) is not None:
        values["estimate_value"] = value
        values["estimate_status"] = "初步核算" if "初步核算" in fact.text else "预计"
    elif fact.measure == "estimate" and fact.kind == "growth" and fact.unit == "%":
        values["estimate_growth_pct"] = fact.value
        values.setdefault("estimate_status", "初步核算" if "初步核算" in fact.text else "预计")
    elif fact.measure == "completion":
        values["stated_completion_pct"] = fact.value
    elif fact.measure == "rank":
        values["stated_rank"] = int(fact.value)


def import_main_figures(result: AuditResult, region_name: str, year: int, actor: Actor, *, write_them: bool
                        ) -> tuple[list[FigureDraft], Outcome | None]:
    """The drafts of `result` for the region and year; with `write_them`, also submitted through the one door
    as submissions waiting for a planner's approval (the report is their source, its file their upload)."""
    region = find_region(region_name)
    units = dict(Indicator.objects.filter(code__in=MAIN_INDICATORS).values_list("code", "unit"))
    drafts = drafts_from(result, year, units)
    if not write_them or not drafts:
        return drafts, None
    rows = [
        FigureRow(region, find_indicator(draft.indicator), year, draft.month,
                  {**{k: (format(v, "f") if isinstance(v, Decimal) else v) for k, v in draft.values.items()},
                   "source": "；".join(f.text for f in draft.facts)})
        for draft in drafts
    ]
    path = Path(result.source)
    upload = Upload.of(path) if path.is_file() else Upload(path.name, "")
    return drafts, write(actor, rows, reason=f"从计划报告导入：{path.name}", upload=upload, as_submission=True)

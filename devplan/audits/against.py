"""`devplan audit FILE --against REGION`: the document's own main-indicator figures compared with devplan's
records of the region as they were known at a moment (`--as-of`, else now), naming the record and its
revision.

What is compared is what `--import` would take (`importing.plan_import`: a main indicator's own
year-to-date value, growth, estimate and stated completion, by the months its sentence states — never a
share, a contribution or a change); a stated number agrees with a record when some number rounds to both
(428 agrees with 428.3, 428.3 with 428.30). A stated completion (完成年计划的97%) is compared with the record's
own stated completion, or where it has none (figures entered through a door never do), with the completion
devplan computes by its one rule for that month as known then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from devplan.audits.importing import FigureDraft, import_plan
from devplan.indicators.assessment import Assessment
from devplan.indicators.judged import judge_region
from devplan.indicators.models import Figure, Indicator
from devplan.indicators.services import figure_as_of, find_indicator
from devplan.lib import numbers
from devplan.lib.numbers import stated
from devplan.reader import AuditResult
from devplan.reader.facts import json_number
from devplan.reader.interval import rounded
from devplan.regions.models import Region

FIELDS = {"value": "累计数", "growth_pct": "累计增速", "estimate_value": "全年预计数",
          "estimate_growth_pct": "全年预计增速", "stated_completion_pct": "完成年计划比例"}
PERCENT_FIELDS = ("growth_pct", "estimate_growth_pct", "stated_completion_pct")


@dataclass(frozen=True)
class Comparison:
    """One number of the document against the record of the same indicator, month and field."""

    indicator: Indicator
    month: int
    field: str
    stated: Decimal
    figure: Figure | None
    computed: Assessment | None = None  # for a completion the record does not state: devplan's own

    @property
    def recorded(self) -> Decimal | None:
        if self.figure is None:
            return None
        own = getattr(self.figure, self.field)
        if own is None and self.field == "stated_completion_pct" and self.computed is not None:
            return self.computed.completion_pct
        return own

    @property
    def _computed_note(self) -> str:
        """How devplan got a completion the record does not state (one rule, `indicators.assessment`)."""
        if self.field != "stated_completion_pct" or self.figure is None or self.figure.stated_completion_pct \
                is not None or self.computed is None or self.computed.basis is None:
            return ""
        return f"，按 devplan 的完成率（{self.computed.basis.value}）"

    @property
    def agrees(self) -> bool:
        recorded = self.recorded
        return recorded is not None and rounded(self.stated).overlaps(rounded(recorded.normalize()))

    @property
    def state(self) -> str:
        """agrees, differs, or unrecorded (devplan holds no such number then: not a disagreement)."""
        if self.recorded is None:
            return "unrecorded"
        return "agrees" if self.agrees else "differs"

    @property
    def mark(self) -> str:
        return {"agrees": "✓", "differs": "✗", "unrecorded": "○"}[self.state]

    def _shown(self, value: Decimal) -> str:
        number = numbers.rounded(value) if self._computed_note else stated(value)
        return number + ("%" if self.field in PERCENT_FIELDS else self.indicator.unit)

    def sentence(self) -> str:
        what = f"{self.indicator.name}{FIELDS[self.field]}（1—{self.month}月数据）"
        if self.figure is None:
            return f"{what}：文中 {self._shown(self.stated)}，devplan 在此时没有这个月的记录"
        if self.recorded is None:
            return (f"{what}：文中 {self._shown(self.stated)}，devplan 的记录（第 {self.figure.revision} 次修订）"
                    "没有这一项")
        figure = self.figure
        verdict = "一致" if self.agrees else "不一致"
        return (f"{what}：文中 {self._shown(self.stated)}，记录为 {self._shown(self.recorded)}（第 {figure.revision} 次"
                f"修订，{figure.who or '—'}，{figure.recorded_at:%Y-%m-%d}{self._computed_note}）{verdict}")

    def to_json(self) -> dict[str, Any]:
        return {"indicator": self.indicator.code, "month": self.month, "field": self.field,
                "stated": json_number(self.stated),
                "recorded": None if self.recorded is None else json_number(self.recorded.normalize()),
                "revision": None if self.figure is None else self.figure.revision, "agrees": self.agrees,
                "state": self.state,
                "message": self.sentence()}


_DATE = re.compile(r"([0-9〇零一二三四五六七八九]{4})\s*年\s*([0-9一二三四五六七八九十]{1,3})\s*月\s*"
                   r"([0-9一二三四五六七八九十]{1,3})\s*日")
_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
TITLE_BLOCK = 600  # characters at the head of a report where its date stands (——2024年1月20日在…会议上)


def _number(text: str) -> int:
    """12, 一二 (in a year), 十二 or 二十 (in a month or day) as a number."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
    return int("".join(str(_DIGITS[c]) for c in text))


def document_date(text: str) -> date | None:
    """The date a report states in its title block (its first lines), or None: what the document could know
    is what was known then."""
    for match in _DATE.finditer(text[:TITLE_BLOCK]):
        try:
            return date(*(_number(part) for part in match.groups()))
        except (KeyError, ValueError):
            continue
    return None


def document_year(result: AuditResult) -> int | None:
    """The year most of the document's main-indicator figures are of (targets aside)."""
    years: dict[int, int] = {}
    for fact in result.facts:
        if fact.indicator and fact.measure != "target" and fact.period and fact.period.year:
            years[fact.period.year] = years.get(fact.period.year, 0) + 1
    return max(years, key=lambda year: years[year]) if years else None


def _compared(draft: FigureDraft, region: Region, year: int, as_of: datetime | None) -> list[Comparison]:
    indicator = find_indicator(draft.indicator)
    figure = figure_as_of(region, indicator, year, draft.month, as_of)
    computed = None
    if "stated_completion_pct" in draft.values and figure is not None:
        (judged,) = judge_region(region, year, draft.month, as_of, only=indicator)
        computed = judged.assessment
    return [Comparison(indicator, draft.month, field, value, figure, computed)
            for field, value in draft.values.items() if field in FIELDS and isinstance(value, Decimal)]


def compare_with_records(result: AuditResult, region: Region, year: int,
                         as_of: datetime | None = None) -> list[Comparison]:
    """Each main-indicator number the document states for `year`, against the region's record as known at
    `as_of` (now when None)."""
    return [comparison for draft in import_plan(result, year).drafts
            for comparison in _compared(draft, region, year, as_of)]

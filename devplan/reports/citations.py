"""Citations in narrative text: `{indicator_code.field}` for an indicator's latest figure, and
`{kind.key.field}` for the other records the report cites — funds won, investment attraction and the plan's
project totals. Each becomes the recorded number, linked to its record; a citation the database cannot
answer prints a gap marker, never a number.

| citation | record | key | fields |
|---|---|---|---|
| `{gdp.value}` | latest figure of the indicator | — | `value`, `growth_pct`, `estimate_value`, `estimate_growth_pct`, `stated_completion_pct` |
| `{funds.total.amount}` | latest fund figure of the year | source (`total`, `loans`, …) | `amount`, `project_count`, `project_investment`, `month` |
| `{attraction.top500_firms.value}` | latest attraction figure of the year | measure | `value`, `month` |
| `{projects.all.project_count}` | the plan's project total for the year | `all` or a category code | `project_count`, `total_investment`, `planned_investment`, `completed_investment`, `through_month` |
| `{next_projects.social.total_investment}` | the same for the next year | as above | as above |
| `{next_attraction.fdi.value}` | the next year's attraction target | measure | `value` |
| `{lights.lagging}` | the main indicators behind their expected progress (yellow or red), by the one assessment | — | `lagging`, `on_pace` |

`{lights.…}` prints names, not a number: a paragraph that says which indicators lag ("按现发展趋势，
{lights.lagging}等主要经济指标难以完成目标任务") then agrees with the lights on every page.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from devplan.attraction.services import attraction_status
from devplan.funds.services import funds_status
from devplan.indicators.models import Figure, Indicator
from devplan.indicators.services import latest_figures
from devplan.lib.periods import with_document_dashes
from devplan.projects.models import PlanTotal
from devplan.regions.models import Region
from devplan.reports.content import Num, Ref, Run
from devplan.reports.sentences import join_names
from devplan.reports.states import IndicatorState, figure_num

CITATION = re.compile(r"\{([a-z0-9_]+(?:\.[a-z0-9_]+){1,2})\}")
INDICATOR_FIELDS: tuple[str, ...] = ("value", "growth_pct", "estimate_value", "estimate_growth_pct", "stated_completion_pct")
TOTAL_FIELDS = ("project_count", "total_investment", "planned_investment", "completed_investment", "through_month")
RECORD_FIELDS = {
    "funds": ("amount", "project_count", "project_investment", "month"),
    "attraction": ("value", "month"),
    "projects": TOTAL_FIELDS,
    "next_projects": TOTAL_FIELDS,
    "next_attraction": ("value",),
}
# The record kind a citation's Ref names (and its page in the web app, see `Ref.href`).
REF_KIND = {"funds": "fund", "attraction": "attraction", "projects": "plan_total", "next_projects": "plan_total",
            "next_attraction": "attraction_target"}
GAP_NAMES = {"funds": "争取资金", "attraction": "招商引资", "projects": "重点项目合计",
             "next_projects": "下年重点项目合计", "next_attraction": "下年招商引资目标"}
FIELD_NAMES = {"amount": "金额", "project_count": "项目个数", "project_investment": "项目总投资", "month": "月份",
               "value": "数值", "total_investment": "总投资", "planned_investment": "年计划投资",
               "completed_investment": "完成投资", "through_month": "截至月份"}


def _subject_name(kind: str, subject: str, record: Any) -> str:
    """The Chinese name of what a record counts: a fund source (中长期贷款), an attraction measure (引进“三类500强”
    企业) or a project category (社会投资类; 全部重点项目 for `all`)."""
    if kind in ("funds", "attraction", "next_attraction"):
        return str(record.name)
    category = getattr(record, "category", None)
    return category.name if category is not None else "全部重点项目"


LIGHT_FIELDS = ("lagging", "on_pace")


def citation_problem(key: str) -> str | None:
    """Why a citation `{key}` cannot be resolved by any database (an unknown kind or field), or None."""
    parts = key.split(".")
    if parts[0] == "lights":
        allowed: tuple[str, ...] = LIGHT_FIELDS if len(parts) == 2 else ()
    elif len(parts) == 2:
        allowed = INDICATOR_FIELDS
    elif parts[0] in RECORD_FIELDS:
        allowed = RECORD_FIELDS[parts[0]]
    else:
        return f"段落引用“{{{key}}}”的种类应为 {'/'.join(RECORD_FIELDS)} 之一"
    if parts[-1] not in allowed:
        return f"段落引用“{{{key}}}”的字段应为 {'/'.join(allowed)} 之一"
    return None


def _measures(status: dict[str, Any], part: str, fields: dict[str, str]) -> dict[str, SimpleNamespace]:
    """Per measure of a measure kind's status: its figure (`part` "actual") or target as the record a citation
    names, its numbers under the citation's field names."""
    cited = {}
    for row in status["rows"]:
        record = row[part]
        if record is None or "id" not in record:
            continue
        values = {name: None if record[key] is None else Decimal(str(record[key])) for name, key in fields.items()}
        month = int(record["through"][5:]) if "through" in record else None
        cited[row["measure"]] = SimpleNamespace(
            **values, month=month, name=row["name"], pk=record["id"], revision=record["revision"],
            who=record["recorded_by"], recorded_at=datetime.fromisoformat(record["recorded_at"]))
    return cited


def _plan_totals(region: Region, year: int) -> dict[str, PlanTotal]:
    totals = PlanTotal.objects.filter(region=region, year=year).select_related("category")
    return {total.category.code if total.category else "all": total for total in totals}


class Citations:
    """Resolves citations against the records of the region and year known at `as_of` (plan totals, which
    keep no history, as they are)."""

    def __init__(self, region: Region, year: int, as_of: datetime | None = None,
                 states: list[IndicatorState] | None = None) -> None:
        self.region, self.year = region, year
        self.states = states or []
        by_id = latest_figures(region, year, as_of)
        codes = dict(Indicator.objects.filter(pk__in=by_id).values_list("pk", "code"))
        self.figures: dict[str, Figure] = {codes[pk]: figure for pk, figure in by_id.items()}
        self.names = dict(Indicator.objects.values_list("code", "name"))
        self.records: dict[str, dict[str, Any]] = {
            "funds": _measures(funds_status(region, year, as_of=as_of), "actual",
                               {"amount": "value", "project_count": "count", "project_investment": "total"}),
            "attraction": _measures(attraction_status(region, year, as_of=as_of), "actual", {"value": "value"}),
            "projects": _plan_totals(region, year),
            "next_projects": _plan_totals(region, year + 1),
            "next_attraction": _measures(attraction_status(region, year + 1, as_of=as_of), "target",
                                         {"value": "value"}),
        }

    def runs(self, text: str) -> list[Run]:
        """The text with each citation replaced by its number or, where the database lacks it, by a gap
        marker naming what is missing."""
        runs: list[Run] = []
        position = 0
        text = with_document_dashes(text)  # "1-10月" as the seed wrote it prints as the tables do, "1—10月"
        for match in CITATION.finditer(text):
            runs.append(text[position:match.start()])
            runs.append(self._cite(match.group(1)))
            position = match.end()
        runs.append(text[position:])
        return [run for run in runs if run != ""]

    def _cite(self, key: str) -> Run:
        parts = key.split(".")
        if parts[0] == "lights":
            return self._lights(parts[1])
        if len(parts) == 2:
            figure = self.figures.get(parts[0])
            number = figure_num(figure, parts[1]) if figure is not None else None
            return number if number is not None else f"（缺数：{self.names.get(parts[0], parts[0])}）"
        kind, subject, field = parts
        record = self.records.get(kind, {}).get(subject)
        number = self._record_num(kind, subject, record, field) if record is not None else None
        return number if number is not None else f"（缺数：{GAP_NAMES.get(kind, kind)} {subject}）"

    def _lights(self, which: str) -> str:
        """The names of the main indicators lagging (a yellow or red light) or on pace (green), as every page
        judges them ("地区生产总值与固定资产投资")."""
        judged = [state for state in self.states if state.completion is not None]
        names = [state.indicator.name for state in judged if state.lagging == (which == "lagging")]
        if names:
            return join_names(names)
        return "（当前无滞后的主要指标）" if which == "lagging" else "（当前无达到序时进度的主要指标）"

    def _record_num(self, kind: str, subject: str, record: Any, field: str) -> Num | None:
        value = getattr(record, field, None)
        if value is None:
            return None
        text = str(value) if isinstance(value, int) else format(Decimal(value).normalize(), "f")
        places = len(text.split(".")[1]) if "." in text else 0
        year = self.year + 1 if kind.startswith("next_") else self.year
        month = getattr(record, "month", None) or getattr(record, "through_month", None)
        name = f"{_subject_name(kind, subject, record)}（{FIELD_NAMES.get(field, field)}）"
        ref = Ref(REF_KIND[kind], record.pk, getattr(record, "revision", 1), subject, self.region.code, year, month,
                  field, name, getattr(record, "who", "") or "", getattr(record, "recorded_at", None))
        return Num(text, Decimal(text), places, ref)

"""Recording funds won and reading their status: each source against its target and the time elapsed, and
the parts the report lists under the total ("其中……") against that total."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from devplan.funds.models import PARTS_OF_TOTAL, FundFigure, FundTarget, Source
from devplan.lib.jsonnum import to_number
from devplan.lib.periods import format_month
from devplan.projects.services import tracked
from devplan.projects.sums import Check, Severity, parts_against_total, pct
from devplan.regions.models import Region


def _parts_check(total: FundFigure | None, parts: list[FundFigure]) -> list[Check]:
    if total is None or total.amount is None or not parts:
        return []
    stated = Decimal(total.amount).normalize()
    values = [Decimal(p.amount).normalize() for p in parts if p.amount is not None]
    check = parts_against_total("funds_parts_sum", "其中所列各类资金", stated, values, "亿元")
    computed = check.computed or Decimal(0)
    if check.severity is Severity.ERROR and computed < stated:
        # "其中" need not list every source: a shortfall means an unlisted part, not a mistake.
        message = f"其中所列各类资金合计{computed}亿元，少于所述合计{stated}亿元{stated - computed}亿元：可能有未列出的资金来源"
        return [Check("funds_parts_sum", Severity.INFO, message, stated, computed)]
    return [check]


def funds_status(region: Region, year: int, month: int | None = None) -> dict[str, Any]:
    """Each source's latest figure up to `month` (default: all) against its target, and the parts check."""
    series = tracked(FundFigure.objects.filter(region=region, year=year),
                     FundTarget.objects.filter(region=region, year=year), "source", Source.values, "amount", month)
    figures = {row.key: row.figure for row in series if row.figure is not None}
    through = max((f.month for f in figures.values()), default=None)
    rows = []
    for row in series:
        source, figure, target = Source(row.key), row.figure, row.target
        rows.append({
            "source": source.value,
            "name": source.label,
            "part_of_total": source in PARTS_OF_TOTAL,
            "target": to_number(target.amount) if target else None,
            "through": format_month(year, figure.month) if figure else None,
            "amount": to_number(figure.amount) if figure else None,
            "project_count": figure.project_count if figure else None,
            "project_investment": to_number(figure.project_investment) if figure else None,
            "completion_pct": pct(row.pace.completion_pct),
            "time_progress_pct": pct(row.pace.time_progress_pct),
            "light": row.pace.light.value,
            "note": figure.note or None if figure else None,
            "source_text": figure.source_text or None if figure else None,
        })
    parts = [figures[s.value] for s in PARTS_OF_TOTAL if s.value in figures]
    checks = _parts_check(figures.get(Source.TOTAL.value), parts)
    return {
        "region": region.name,
        "year": year,
        "through": format_month(year, through) if through else None,
        "unit": "亿元",
        "sources": rows,
        "checks": [c.as_json() for c in checks],
    }

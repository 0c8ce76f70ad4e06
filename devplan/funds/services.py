"""Funds won: the measure kind's declaration, and the parts the report lists under the total ("其中……")
checked against that total."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from devplan.funds.models import PARTS_OF_TOTAL, FundFigure, FundTarget, Source, Stage
from devplan.measures.status import Declaration, Series, status
from devplan.projects.sums import Check, Severity, parts_against_total
from devplan.regions.models import Region

SERIES = [Series(s.value, s.label, "亿元", extra={"part_of_total": s in PARTS_OF_TOTAL}) for s in Source]
FUNDS = Declaration("争资争项", FundFigure, FundTarget,
                    {"value": "金额（亿元）", "count": "项目个数", "total": "项目总投资（亿元）"}, dict(Stage.choices),
                    key="funds", series=lambda region, year: SERIES)


def _parts_check(total: Decimal | None, parts: list[Decimal]) -> list[Check]:
    if total is None or not parts:
        return []
    check = parts_against_total("funds_parts_sum", "其中所列各类资金", total, parts, "亿元")
    computed = check.computed or Decimal(0)
    if check.severity is Severity.ERROR and computed < total:
        # "其中" need not list every source: a shortfall means an unlisted part, not a mistake.
        message = f"其中所列各类资金合计{computed}亿元，少于所述合计{total}亿元{total - computed}亿元：可能有未列出的资金来源"
        return [Check("funds_parts_sum", Severity.INFO, message, total, computed)]
    return [check]


def funds_status(region: Region, year: int, month: int | None = None, as_of: datetime | None = None) -> dict[str, Any]:
    """Each source's funds won up to `month` against its target, the pipeline by stage, and the parts check."""
    result = status(FUNDS, region, year, SERIES, month, as_of)
    won = {row["measure"]: Decimal(str(row["actual"]["value"])).normalize()
           for row in result["rows"] if row["actual"] and row["actual"]["value"] is not None}
    parts = [won[s.value] for s in PARTS_OF_TOTAL if s.value in won]
    return {**result, "checks": [c.as_json() for c in _parts_check(won.get(Source.TOTAL.value), parts)]}

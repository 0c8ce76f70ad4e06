"""Totals of key projects: as the plan states them, as the registry adds up, and beside fixed-asset investment."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from devplan.arithmetic.numbers import HUNDRED, round_half_up
from devplan.indicators.models import Indicator
from devplan.indicators.services import figure_as_of
from devplan.lib.jsonnum import to_number
from devplan.lib.periods import format_month
from devplan.projects.models import PlanTotal
from devplan.regions.models import Region

if TYPE_CHECKING:
    from devplan.projects.summary import ProjectView

SCOPE_CAUTION = (
    "口径不同：重点项目完成投资按项目业主填报口径汇总（跨年度、跨区域项目及土地购置费等全额计入），"
    "固定资产投资按统计部门入库项目口径核算；二者之比只作参考，不是重点项目占固定资产投资的比重。"
)


def stated_total(total: PlanTotal | None) -> dict[str, Any] | None:
    if total is None:
        return None
    return {
        "project_count": total.project_count,
        "total_investment": to_number(total.total_investment),
        "planned_investment": to_number(total.planned_investment),
        "completed_investment": to_number(total.completed_investment),
        "through": format_month(total.year, total.through_month) if total.through_month else None,
        "source": total.source or None,
    }


def _sum(values: list[Decimal | None]) -> Decimal | None:
    known = [v for v in values if v is not None]
    return sum(known, Decimal(0)) if known else None


def registry_total(views: list[ProjectView]) -> dict[str, Any]:
    """What the registry's projects add up to; illustrative when any figure in the sums is."""
    return {
        "project_count": len(views),
        "total_investment": to_number(_sum([v.project.total_investment for v in views])),
        "planned_investment": to_number(_sum([v.plan.planned_investment for v in views])),
        "completed_investment": to_number(_sum([v.completed for v in views])),
        "illustrative": any(v.illustrative_fields for v in views),
    }


def fai_comparison(
    region: Region, year: int, overall: PlanTotal | None, views: list[ProjectView], through: int | None
) -> dict[str, Any] | None:
    """Key projects' completed investment beside the region's fixed-asset investment (`fai`) for the same
    months, with the caution that the scopes differ. The month is the one the plan's stated completion is
    for, else the view's."""
    stated = overall if overall is not None and overall.completed_investment is not None else None
    month = stated.through_month if stated is not None else through
    indicator = Indicator.objects.filter(code="fai").first()
    if month is None or indicator is None:
        return None
    figure = figure_as_of(region, indicator, year, month)
    fai = figure.value if figure is not None else None
    key_stated = stated.completed_investment if stated is not None else None
    registry = _sum([v.completed for v in views]) if month == through else None
    basis = key_stated if key_stated is not None else registry
    ratio = basis / fai * HUNDRED if basis is not None and fai else None
    return {
        "indicator": "fai",
        "name": indicator.name,
        "through": format_month(year, month),
        "fai_value": to_number(fai),
        "fai_source": figure.source if figure is not None and figure.source else None,
        "key_projects_completed_stated": to_number(key_stated),
        "key_projects_completed_registry": to_number(registry),
        "registry_illustrative": registry is not None and any(v.illustrative_fields for v in views),
        "ratio_pct": to_number(round_half_up(ratio)) if ratio is not None else None,
        "caution": SCOPE_CAUTION,
    }

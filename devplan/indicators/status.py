"""The indicator status table of `devplan status` and `GET /api/status` (contract: docs/contract.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Q

from devplan.arithmetic.numbers import round_half_up
from devplan.indicators.judged import judge_region
from devplan.indicators.models import Figure, Target
from devplan.indicators.outlook import projection, required_growth
from devplan.indicators.services import target_history
from devplan.lib.jsonnum import to_number, with_text
from devplan.lib.periods import format_month, parse_month
from devplan.regions.models import Region


def _target_json(target: Target | None, history: list[Target]) -> dict[str, Any] | None:
    if target is None:
        return None
    adjusted = any(t.adjusted for t in history if t.revision <= target.revision)
    original = next((t for t in history if not t.adjusted), None)
    return {
        "kind": target.kind,
        "value": to_number(target.value),
        "unit": target.unit or None,
        "qualifier": target.qualifier or None,
        "adjusted": adjusted,
        "original_value": to_number(original.value) if adjusted and original is not None else None,
        "step_with": target.step_with.code if target.step_with else None,
        "revision": target.revision,
        "source": target.source or None,
    }


def _actual_json(figure: Figure | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    return {
        "through": format_month(figure.year, figure.month),
        **with_text("value", figure.stated("value")),
        **with_text("growth_pct", figure.stated("growth_pct")),
        "revision": figure.revision,
        "stated_rank": figure.stated_rank,
        "rank_scope": figure.rank_scope or None,
        "source": figure.source or None,
    }


def _estimate_json(figure: Figure | None) -> dict[str, Any] | None:
    if figure is None or (figure.estimate_value is None and figure.estimate_growth_pct is None):
        return None
    return {
        **with_text("value", figure.stated("estimate_value")),
        **with_text("growth_pct", figure.stated("estimate_growth_pct")),
        "status": figure.estimate_status or None,
    }


def _outlook_json(region: Region, target: Target | None, figure: Figure | None, as_of: datetime | None) -> dict[
    str, Any
]:
    if figure is None:
        return {"required_growth_pct": None, "projection": None}
    needed = required_growth(region, target, figure, as_of) if target is not None else None
    projected = projection(region, figure, as_of)
    return {
        "required_growth_pct": None if needed is None else to_number(round_half_up(needed)),
        "projection": None
        if projected is None
        else {
            "value": to_number(round_half_up(projected.value, 2)),
            "method": "seasonal share",
            "share_pct": to_number(round_half_up(projected.share * 100)),
            "years_used": projected.years_used,
        },
    }


def indicator_status(
    region: Region, year: int, as_of: datetime | None = None, *, month: int = 12, main_only: bool = True
) -> list[dict[str, Any]]:
    """One row per indicator with a target or figure for the region and year: the latest figure through
    `month` as known at `as_of`, judged by the one rule (`devplan.indicators.assessment`)."""
    rows = []
    for item in judge_region(region, year, month, as_of, main_only=main_only):
        indicator, target, figure, assessment = item.indicator, item.target, item.figure, item.assessment
        if target is None and figure is None:
            continue
        completion = assessment.completion
        rows.append(
            {
                "indicator": indicator.code,
                "name": indicator.name,
                "unit": indicator.unit,
                "target": _target_json(target, target_history(region, indicator, year) if target else []),
                "actual": _actual_json(figure),
                "estimate": _estimate_json(figure),
                "completion_pct": (
                    to_number(round_half_up(completion.pct))
                    if completion is not None and completion.pct is not None
                    else None
                ),
                "completion_basis": completion.basis if completion else None,
                "expected_pct": to_number(round_half_up(assessment.expected_pct)),
                "stated_completion_pct": to_number(figure.stated_completion_pct) if figure else None,
                "light": assessment.light.value,
                **_outlook_json(region, target, figure, as_of),
            }
        )
    return rows


def stated_figures(region: Region, rows: list[dict[str, Any]]) -> dict[str, Figure]:
    """The figure revision each status row names (its `through` month and revision), by indicator code: pages
    and the terminal print its numbers through `Figure.stated`, since a JSON number cannot keep the places
    it was stated with (12.60 is 12.6 in JSON)."""
    wanted = Q(pk__in=[])
    for row in rows:
        if row["actual"] is not None:
            year, month = parse_month(row["actual"]["through"])
            wanted |= Q(indicator__code=row["indicator"], year=year, month=month, revision=row["actual"]["revision"])
    found = Figure.objects.filter(region=region).filter(wanted).select_related("indicator")
    return {figure.indicator.code: figure for figure in found}

"""Recording investment attraction (招商引资) and reading each measure against its target and the time elapsed."""

from __future__ import annotations

from typing import Any

from devplan.attraction.models import UNITS, AttractionFigure, AttractionTarget, Measure
from devplan.lib.jsonnum import to_number
from devplan.lib.periods import format_month
from devplan.projects.services import tracked
from devplan.projects.sums import pct
from devplan.regions.models import Region


def attraction_status(region: Region, year: int, month: int | None = None) -> list[dict[str, Any]]:
    """One row per measure with a target or a figure: target, year to date, completion, time progress, light."""
    series = tracked(AttractionFigure.objects.filter(region=region, year=year),
                     AttractionTarget.objects.filter(region=region, year=year), "measure", Measure.values, "value",
                     month)
    rows = []
    for row in series:
        measure, figure, target = Measure(row.key), row.figure, row.target
        rows.append({
            "measure": measure.value,
            "name": measure.label,
            "unit": UNITS[measure],
            "target": (
                {"value": to_number(target.value), "qualifier": target.qualifier or None,
                 "source": target.source_text or None}
                if target else None
            ),
            "actual": (
                {"through": format_month(year, figure.month), "value": to_number(figure.value),
                 "note": figure.note or None, "source": figure.source_text or None}
                if figure else None
            ),
            "completion_pct": pct(row.pace.completion_pct),
            "time_progress_pct": pct(row.pace.time_progress_pct),
            "light": row.pace.light.value,
        })
    return rows

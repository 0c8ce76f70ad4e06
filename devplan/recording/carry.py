"""A revision of the same month that leaves a field out keeps the previous revision's value for it.

A door that can tell "not given" from "cleared" leaves an unmentioned field out of the row's raw values
(the API: a key absent from the JSON body) and gives a cleared one as empty (JSON null; the web form and the
Excel template, which open filled with the recorded values, send every field, so an emptied field or cell
is cleared). Without this, a planner correcting only the cumulative value through the API erased the
full-year estimate the department had stated, and the month was judged on 累计÷年目标 again."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from devplan.indicators.models import Figure
from devplan.recording.rows import FigureRow, Row

NUMBERS = ("value", "growth_pct", "estimate_value", "estimate_growth_pct")
# The fields a department states for the month; a note, a source sentence or a rank quoted from a document
# belong to the revision that stated them and are not carried.
CARRIED = (*NUMBERS, "estimate_status", "estimate_method")


def _kept(figure: Figure, key: str) -> Any:
    return figure.stated(key) if key in NUMBERS else getattr(figure, key)


def with_previous(row: Row) -> Row:
    """The row with every carried field it does not mention taken from the month's latest revision."""
    if not isinstance(row, FigureRow):
        return row
    missing = [key for key in CARRIED if key not in row.raw]
    if not missing:
        return row
    latest = (Figure.objects.filter(region=row.region, indicator=row.indicator, year=row.year, month=row.month)
              .order_by("-revision").first())
    if latest is None:
        return row
    kept = {key: value for key in missing if (value := _kept(latest, key)) not in (None, "")}
    return replace(row, raw={**kept, **row.raw}) if kept else row

"""What a month's entry carries from what is recorded.

A revision of the same month that leaves a field out keeps the previous revision's value for it (a figure's
numbers and estimate, a project's completed investment, status, 形象进度, problems and requests) — except a
full-year estimate below the cumulative value the revision now gives, which can no longer stand (a flow's
year cannot end below what it has reached): it is dropped, for the department to restate.

A door that can tell "not given" from "cleared" leaves an unmentioned field out of the row's raw values
(the API: a key absent from the JSON body) and gives a cleared one as empty (JSON null). The web form opens
filled with the recorded values, so an emptied field is cleared; an empty estimate cell of the Excel template
is left out like an omitted API key (the month keeps its estimate) and "清除" in it clears the estimate.
Without this, a planner correcting only the cumulative value through the API erased the full-year estimate the department had stated, and the month was judged on 累计÷年目标 again.

A month without any figure yet opens with the year's last full-year estimate — the latest earlier month's,
if it states one (the web form and the Excel template alike, `last_estimate`), for the department to confirm or change: an estimate is restated every month, and a blank
one would judge the month on 累计÷年目标. December's year-to-date figure is the year's own: no earlier
estimate fills it in. An entry holding nothing but that pre-filled estimate is not a report of the month
(`only_the_last_estimate`)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from devplan.indicators.models import Figure, Indicator
from devplan.projects.models import Progress
from devplan.recording.rows import FigureRow, ProgressRow, Row
from devplan.regions.models import Region

NUMBERS = ("value", "growth_pct", "estimate_value", "estimate_growth_pct")
# The fields a department states for the month; a note, a source sentence or a rank quoted from a document
# belong to the revision that stated them and are not carried.
CARRIED = (*NUMBERS, "estimate_status", "estimate_method")
# A project's month: what the owner states of it; the explanation of a warning belongs to its revision.
PROGRESS_CARRIED = {"completed": "completed_investment", "status": "status", "narrative": "narrative",
                    "problems": "problems", "help_requested": "help_requested"}
ESTIMATE_KEYS = ("estimate_value", "estimate_growth_pct")


def _kept(figure: Figure, key: str) -> Any:
    return figure.stated(key) if key in NUMBERS else getattr(figure, key)


def _progress_with_previous(row: ProgressRow) -> ProgressRow:
    missing = [key for key in PROGRESS_CARRIED if key not in row.raw]
    if not missing:
        return row
    latest = (Progress.objects.filter(project=row.project, year=row.year, month=row.month)
              .order_by("-revision").first())
    if latest is None:
        return row
    kept = {key: value for key in missing
            if (value := latest.stated(PROGRESS_CARRIED[key]) if key == "completed"
                else getattr(latest, PROGRESS_CARRIED[key])) not in (None, "")}
    return replace(row, raw={**kept, **row.raw}) if kept else row


def with_previous(row: Row) -> Row:
    """The row with every carried field it does not mention taken from the month's latest revision."""
    if isinstance(row, ProgressRow):
        return _progress_with_previous(row)
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
    if _outdated(kept.get("estimate_value"), row.raw.get("value")):
        for key in ESTIMATE_KEYS:  # an estimate below the new cumulative cannot stand: restated, not carried
            kept.pop(key, None)
    return replace(row, raw={**kept, **row.raw}) if kept else row


def _outdated(estimate: Any, value: Any) -> bool:
    """Whether a kept full-year estimate is below the cumulative value the row now gives."""
    try:
        return estimate is not None and value not in (None, "") and Decimal(str(estimate)) < Decimal(str(value))
    except InvalidOperation:
        return False



def last_estimate(region: Region, indicator: Indicator, year: int, month: int) -> Figure | None:
    """The year's last full-year estimate before `month`: the one the latest earlier month's latest revision
    states, or None when that month states none (it was judged without one, and so is the next month until
    the department states one again); None for December."""
    if month >= 12:
        return None
    latest = (Figure.objects.filter(region=region, indicator=indicator, year=year, month__lt=month)
              .order_by("-month", "-revision").first())
    if latest is None or (latest.estimate_value is None and latest.estimate_growth_pct is None):
        return None
    return latest


def estimate_texts(estimate: Figure | None) -> dict[str, str]:
    """The estimate's fields as stated, those it has."""
    if estimate is None:
        return {}
    return {key: text for key in ESTIMATE_KEYS if (text := estimate.stated(key)) is not None}


def with_last_estimate(values: dict[str, str], estimate: Figure | None) -> dict[str, str]:
    """The entry's values, with the year's last estimate when they hold no estimate of their own."""
    if any(values.get(key) not in (None, "") for key in ESTIMATE_KEYS):
        return values
    return {**values, **estimate_texts(estimate)}


def _same(given: Any, text: str) -> bool:
    try:
        return Decimal(str(given).strip()) == Decimal(text)
    except InvalidOperation:
        return False


def only_the_last_estimate(row: FigureRow) -> bool:
    """Whether the row holds nothing but the estimate its month was pre-filled with, in a month without an
    official figure: left as it opened, it is not a report of the month."""
    given = {key: value for key, value in row.raw.items() if value not in (None, "")}
    if not given or not set(given) <= set(ESTIMATE_KEYS):
        return False
    if Figure.objects.filter(region=row.region, indicator=row.indicator, year=row.year, month=row.month).exists():
        return False
    prefilled = estimate_texts(last_estimate(row.region, row.indicator, row.year, row.month))
    return set(given) == set(prefilled) and all(_same(given[key], prefilled[key]) for key in given)

"""Levels checked against each other: a prefecture's or province's own stated figure (its statistics bureau's
published total, entered or imported like any figure) against the sum of its counties' levels, and its own
growth against the growth of the summed levels (`rollups.area_totals`, counties with both years only).

Only levels are summed — an indicator that is not additive never reaches here (`area_totals` refuses it), and
shares and rates are never compared. A gap beyond DEVPLAN_LEVEL_CHECK_PCT percent of the stated level, or
DEVPLAN_LEVEL_CHECK_POINTS percentage points of growth, is flagged; an area whose counties have not all
reported is shown but never flagged (its sum is not the whole).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.conf import settings

from devplan.arithmetic.numbers import HUNDRED
from devplan.indicators.models import Figure, Indicator
from devplan.lib.numbers import rounded, stated
from devplan.revisions import latest_as_of
from devplan.scale.rollups import AreaTotal


@dataclass(frozen=True)
class LevelCheck:
    """One area's own figure against its counties' sum: the gaps (sum − own), whether the sum is whole,
    and whether a gap is beyond the tolerance."""

    total: AreaTotal
    own: Figure
    value_gap_pct: Decimal | None
    growth_gap_points: Decimal | None

    @property
    def counties_under(self) -> int:
        return self.total.counties_under

    @property
    def complete(self) -> bool:
        return self.total.complete

    @property
    def flagged(self) -> bool:
        if not self.complete:
            return False
        level = self.value_gap_pct is not None and abs(self.value_gap_pct) > settings.DEVPLAN_LEVEL_CHECK_PCT
        growth = (self.growth_gap_points is not None
                  and abs(self.growth_gap_points) > settings.DEVPLAN_LEVEL_CHECK_POINTS)
        return level or growth

    @property
    def mark(self) -> str:
        """✗ beyond the tolerance, ✓ within it, ○ not judged (the sum is not the whole)."""
        return "✗" if self.flagged else ("✓" if self.complete else "○")

    def sentence(self) -> str:
        """The finding in one Chinese sentence, as the command and the page print it."""
        own = self.own
        parts = [f"本级数 {own.stated('value') or '—'}，所辖县汇总 {self.total.stated()}"]
        if self.value_gap_pct is not None:
            parts[0] += f"（差 {_signed(self.value_gap_pct)}%）"
        if own.growth_pct is not None and self.total.growth_pct is not None and self.growth_gap_points is not None:
            parts.append(f"本级增速 {own.stated('growth_pct')}%，由汇总数推算 {_plain(self.total.growth_pct, 1)}%"
                         f"（差 {_signed(self.growth_gap_points)} 个百分点）")
        if not self.complete:
            verdict = f"所辖 {self.counties_under} 个县只有 {self.total.counties} 个有数据，汇总不完整，不作判断"
        elif self.flagged:
            verdict = (f"超出容差（总量 {_plain(settings.DEVPLAN_LEVEL_CHECK_PCT)}%、"
                       f"增速 {_plain(settings.DEVPLAN_LEVEL_CHECK_POINTS)} 个百分点），请核实")
        else:
            verdict = "在容差之内"
        return f"{self.total.name}：{'；'.join(parts)}；{verdict}。"


def _plain(value: Decimal, places: int | None = None) -> str:
    return stated(value) if places is None else rounded(value, places)


def _signed(value: Decimal) -> str:
    text = _plain(value, 2)
    return text if text.startswith("-") else f"+{text}"


def _own_figures(level: str, indicator: Indicator, year: int, month: int, as_of: datetime | None) -> dict[str, Figure]:
    """Per area code of `level`: its own figure for the month, in its latest revision known at `as_of`."""
    rows = Figure.objects.filter(region__level=level, indicator=indicator, year=year, month=month)
    latest: dict[str, Figure] = {}
    for figure in latest_as_of(rows.select_related("region", "change_set"), as_of):
        latest.setdefault(figure.region.code, figure)
    return latest


def level_checks(level: str, totals: list[AreaTotal], indicator: Indicator, year: int,
                 as_of: datetime | None = None) -> dict[str, LevelCheck]:
    """Per area code: the check of each area among `totals` (all of `level`, for one month) that has a figure
    of its own with a level."""
    if not totals:
        return {}
    own = _own_figures(level, indicator, year, totals[0].month, as_of)
    checks = {}
    for total in totals:
        figure = own.get(total.code)
        if figure is None or figure.value is None:
            continue
        value_gap = (total.value - figure.value) / figure.value * HUNDRED if figure.value else None
        growth_gap = (total.growth_pct - figure.growth_pct
                      if total.growth_pct is not None and figure.growth_pct is not None else None)
        checks[total.code] = LevelCheck(total, figure, value_gap, growth_gap)
    return checks

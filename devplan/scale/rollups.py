"""Roll-ups and rankings over many regions, in SQL that runs the same on SQLite and PostgreSQL.

Only the latest revision of each figure counts (a correlated MAX over the figure table's unique index).
Prefecture totals are sums of county levels, and their growth is recomputed from the summed levels of this
year and last — never an average of county growth rates. Indicators that are not additive (rates,
per-capita figures) are refused for totals rather than summed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection

from devplan.arithmetic.growth import growth_pct
from devplan.indicators.assessment import FigureValues, TargetValues, assess
from devplan.indicators.models import Indicator, Target
from devplan.lib.errors import UsageError
from devplan.regions.models import Region

LATEST_FIGURE = """
    f.revision = (SELECT MAX(g.revision) FROM indicators_figure g WHERE g.region_id = f.region_id
                  AND g.indicator_id = f.indicator_id AND g.year = f.year AND g.month = f.month)
"""
LATEST_TARGET = """
    t.revision = (SELECT MAX(u.revision) FROM indicators_target u WHERE u.region_id = t.region_id
                  AND u.indicator_id = t.indicator_id AND u.year = t.year)
"""

RANKING_SQL = f"""
    SELECT c.id, c.code, c.name, f.value, f.growth_pct, t.kind, t.value,
           RANK() OVER (ORDER BY f.growth_pct DESC) AS place
    FROM regions_region c
    JOIN regions_region p ON p.id = c.parent_id
    JOIN indicators_figure f ON f.region_id = c.id AND f.indicator_id = %s AND f.year = %s AND f.month = %s
    LEFT JOIN indicators_target t ON t.region_id = c.id AND t.indicator_id = %s AND t.year = %s AND {LATEST_TARGET}
    WHERE p.parent_id = %s AND {LATEST_FIGURE}
    ORDER BY place, c.code
"""

ROLLUP_SQL = f"""
    SELECT p.code, p.name, COUNT(f.value), SUM(f.value),
           SUM(CASE WHEN l.value IS NOT NULL THEN f.value END), SUM(l.value)
    FROM regions_region p
    JOIN regions_region c ON c.parent_id = p.id
    JOIN indicators_figure f ON f.region_id = c.id AND f.indicator_id = %s AND f.year = %s AND f.month = %s
    LEFT JOIN indicators_figure l ON l.region_id = c.id AND l.indicator_id = %s AND l.year = %s AND l.month = %s
        AND l.revision = (SELECT MAX(h.revision) FROM indicators_figure h WHERE h.region_id = l.region_id
                          AND h.indicator_id = l.indicator_id AND h.year = l.year AND h.month = l.month)
    WHERE p.level = 'prefecture' AND {LATEST_FIGURE}
    GROUP BY p.code, p.name
    ORDER BY p.code
"""


@dataclass(frozen=True)
class RankedCounty:
    code: str
    name: str
    value: Decimal | None
    growth_pct: Decimal | None
    place: int
    completion_pct: Decimal | None
    light: str


@dataclass(frozen=True)
class PrefectureTotal:
    code: str
    name: str
    counties: int
    value: Decimal
    growth_pct: Decimal | None


STORED = Decimal("0.0001")


def _decimal(value: Any) -> Decimal | None:
    """SQLite sums NUMERIC columns as floats; back to the four places figures are stored with."""
    return None if value is None else Decimal(str(value)).quantize(STORED).normalize()


def province_ranking(province: Region, indicator: Indicator, year: int, month: int) -> list[RankedCounty]:
    """Every county of the province on one indicator and month: ranked by growth, with completion and light."""
    with connection.cursor() as cursor:
        cursor.execute(RANKING_SQL, [indicator.pk, year, month, indicator.pk, year, province.pk])
        rows = cursor.fetchall()
    ranked = []
    for _id, code, name, value, growth, kind, target_value, place in rows:
        figure = FigureValues(month, _decimal(value), _decimal(growth))
        target = None if kind is None else TargetValues(kind, _decimal(target_value))
        # An in-step target needs the reference indicator's figure; ranking leaves it unjudged.
        assessment = assess(indicator, target, figure, None) if kind != Target.Kind.IN_STEP else None
        ranked.append(
            RankedCounty(
                code, name, figure.value, figure.growth_pct, place,
                assessment.completion.pct if assessment and assessment.completion else None,
                assessment.light.value if assessment else "none",
            )
        )
    return ranked


def prefecture_rollup(indicator: Indicator, year: int, month: int) -> list[PrefectureTotal]:
    """Every prefecture's total of its counties' levels, with growth from the summed levels of both years.

    Growth compares only counties that have both years' figures, so a county missing last year does not
    inflate the rate."""
    if not indicator.additive:
        raise UsageError(f"{indicator.name}是比率或人均指标，不能跨地区加总")
    with connection.cursor() as cursor:
        cursor.execute(ROLLUP_SQL, [indicator.pk, year, month, indicator.pk, year - 1, month])
        rows = cursor.fetchall()
    totals = []
    for code, name, counties, total, matched_now, matched_before in rows:
        now, before = _decimal(matched_now), _decimal(matched_before)
        growth = growth_pct(now, before) if now is not None and before is not None else None
        totals.append(PrefectureTotal(code, name, counties, _decimal(total) or Decimal(0), growth))
    return totals

"""Roll-ups and rankings over many regions, in SQL that runs the same on SQLite and PostgreSQL.

Only the latest revision of each figure counts (a correlated MAX over the figure table's primary key).
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

# The counties under an area: a prefecture's children, or a province's grandchildren.
AREA_COUNTIES = {
    Region.Level.PREFECTURE: "JOIN regions_region c ON c.parent_id = a.id",
    Region.Level.PROVINCE: "JOIN regions_region m ON m.parent_id = a.id JOIN regions_region c ON c.parent_id = m.id",
}
ROLLUP_SQL = """
    SELECT a.id, a.code, a.name, COUNT(f.value), SUM(f.value),
           SUM(CASE WHEN l.value IS NOT NULL THEN f.value END), SUM(l.value),
           SUM(CASE WHEN t.kind = 'level' OR (t.kind = 'growth' AND d.value IS NOT NULL) THEN 1 ELSE 0 END),
           SUM(CASE WHEN t.kind = 'level' THEN t.value
                    WHEN t.kind = 'growth' AND d.value IS NOT NULL THEN d.value * (100 + t.value) / 100 END),
           SUM(CASE WHEN t.kind = 'growth' AND l.value IS NOT NULL THEN 1 ELSE 0 END),
           SUM(CASE WHEN t.kind = 'growth' AND l.value IS NOT NULL THEN l.value * t.value END),
           SUM(CASE WHEN t.kind = 'growth' AND l.value IS NOT NULL THEN l.value END)
    FROM regions_region a
    {counties}
    JOIN indicators_figure f ON f.region_id = c.id AND f.indicator_id = %s AND f.year = %s AND f.month = %s
    LEFT JOIN indicators_figure l ON l.region_id = c.id AND l.indicator_id = %s AND l.year = %s AND l.month = %s
        AND l.revision = (SELECT MAX(h.revision) FROM indicators_figure h WHERE h.region_id = l.region_id
                          AND h.indicator_id = l.indicator_id AND h.year = l.year AND h.month = l.month)
    LEFT JOIN indicators_figure d ON d.region_id = c.id AND d.indicator_id = %s AND d.year = %s AND d.month = 12
        AND d.revision = (SELECT MAX(k.revision) FROM indicators_figure k WHERE k.region_id = d.region_id
                          AND k.indicator_id = d.indicator_id AND k.year = d.year AND k.month = d.month)
    LEFT JOIN indicators_target t ON t.region_id = c.id AND t.indicator_id = %s AND t.year = %s AND {latest_target}
    WHERE a.level = %s AND {latest_figure} {within}
    GROUP BY a.id, a.code, a.name
    ORDER BY a.code
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
class AreaTotal:
    """A prefecture's or province's total of its counties, judged against its own target where it has one,
    else against the target its counties' targets add up to (`target_basis` says which)."""

    code: str
    name: str
    counties: int
    value: Decimal
    growth_pct: Decimal | None
    target_kind: str | None
    target_value: Decimal | None
    target_basis: str | None
    completion_pct: Decimal | None
    light: str


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


def area_totals(level: str, indicator: Indicator, year: int, month: int, within: Region | None = None
                ) -> list[AreaTotal]:
    """Every prefecture's (or province's) total of its counties' levels, with growth from the summed levels
    of both years, completion and light.

    Growth compares only counties that have both years' figures, so a county missing last year does not
    inflate the rate. Without a target of its own, an area is judged against its counties' targets: their growth
    targets weighted by last year's levels when every county has a growth target; otherwise the sum of their
    full-year level targets, a growth target counting as last year's full-year level × (1 + target), when every
    county has one or the other. `within` keeps the areas directly under one region (a province's
    prefectures)."""
    if not indicator.additive:
        raise UsageError(f"{indicator.name}是比率或人均指标，不能跨地区加总")
    sql = ROLLUP_SQL.format(counties=AREA_COUNTIES[Region.Level(level)], latest_target=LATEST_TARGET,
                            latest_figure=LATEST_FIGURE, within="" if within is None else "AND a.parent_id = %s")
    params: list[int | str] = [indicator.pk, year, month, indicator.pk, year - 1, month, indicator.pk, year - 1, indicator.pk, year,
              level, *([] if within is None else [within.pk])]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    own = _own_targets(level, indicator, year)
    return [_area_total(indicator, month, row, own.get(row[0])) for row in rows]


def prefecture_rollup(indicator: Indicator, year: int, month: int) -> list[AreaTotal]:
    return area_totals(Region.Level.PREFECTURE, indicator, year, month)


def _own_targets(level: str, indicator: Indicator, year: int) -> dict[int, Target]:
    latest: dict[int, Target] = {}
    for target in Target.objects.filter(region__level=level, indicator=indicator, year=year).order_by("-revision"):
        latest.setdefault(target.region_id, target)
    return latest


def _summed_target(counties: int, levels: int, level_sum: Any, growths: int, weighted: Any,
                   weights: Any) -> tuple[TargetValues | None, str | None]:
    if counties and growths == counties and weights:
        rate = (Decimal(str(weighted)) / Decimal(str(weights))).quantize(Decimal("0.01"))
        return TargetValues(Target.Kind.GROWTH, rate), "county growth targets weighted by last year's levels"
    if counties and levels == counties:
        return TargetValues(Target.Kind.LEVEL, _decimal(level_sum)), "sum of county targets"
    return None, None


def _area_total(indicator: Indicator, month: int, row: tuple[Any, ...], own: Target | None) -> AreaTotal:
    _id, code, name, counties, total, matched_now, matched_before, *target_sums = row
    now, before = _decimal(matched_now), _decimal(matched_before)
    growth = growth_pct(now, before) if now is not None and before is not None else None
    growth = None if growth is None else growth.quantize(STORED)
    value = _decimal(total) or Decimal(0)
    if own is not None and own.kind in (Target.Kind.LEVEL, Target.Kind.GROWTH, Target.Kind.CEILING):
        target: TargetValues | None = TargetValues(own.kind, own.value)
        basis: str | None = "own target"
    else:
        target, basis = _summed_target(counties, *target_sums)
    assessment = assess(indicator, target, FigureValues(month, value, growth), None) if target else None
    return AreaTotal(
        code, name, counties, value, growth,
        target.kind if target else None, target.value if target else None, basis,
        assessment.completion.pct if assessment and assessment.completion else None,
        assessment.light.value if assessment else "none",
    )

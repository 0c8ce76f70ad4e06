"""Roll-ups and rankings over many regions, in SQL that runs the same on SQLite and PostgreSQL.

Only the latest revision of each figure known at the time asked about counts (a correlated MAX over the
figure table's primary key), each county's target is the one its own dashboard judges the month by (for a
locked month, as known when it was locked: `LATEST_TARGET`), and every completion and light is the one
rule's, `indicators.assessment.assess`.
Prefecture totals are sums of county levels, and their growth is recomputed from the summed levels of this
year and last — never an average of county growth rates. Indicators that are not additive (rates,
per-capita figures) are refused for totals rather than summed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from django.db import connection

from devplan.arithmetic.growth import growth_pct
from devplan.indicators.assessment import Assessment, FigureValues, Light, TargetValues, assess, target_time
from devplan.indicators.judged import locked_at
from devplan.indicators.models import Indicator, Target
from devplan.indicators.services import target_as_of
from devplan.lib.errors import UsageError
from devplan.lib.numbers import stated
from devplan.regions.models import Region
from devplan.replicas.routing import reading
from devplan.revisions import latest_as_of

# Revisions known at the time asked about (a far-future time for "now"): the `%s` is that time.
LATEST_FIGURE = """
    f.revision = (SELECT MAX(g.revision) FROM indicators_figure g WHERE g.region_id = f.region_id
                  AND g.indicator_id = f.indicator_id AND g.year = f.year AND g.month = f.month
                  AND g.known_at <= %s)
"""
# The target a county's month is judged by, by the rule of `indicators.assessment.target_time` as
# `indicators.judged.judge_region` reads it for the county's own dashboard: the latest revision known at the
# time asked about, or, for a month locked then, the latest known when it was locked (the lock in force: the
# county's latest lock event of the month by that time, if it is a lock); a target first set after the lock
# judges the month too. The `%s`: the month asked about, the time asked about (twice).
LOCKED_AT = """(SELECT CASE WHEN e.event = 'lock' THEN e.at END FROM collection_periodlock e
                 WHERE e.region_id = t.region_id AND e.year = t.year AND e.month = %s AND e.at <= %s
                 ORDER BY e.at DESC, e.id DESC LIMIT 1)"""
LATEST_TARGET = f"""
    t.revision = COALESCE(
        (SELECT MAX(u.revision) FROM indicators_target u WHERE u.region_id = t.region_id
         AND u.indicator_id = t.indicator_id AND u.year = t.year AND u.known_at <= {LOCKED_AT}),
        (SELECT MAX(u.revision) FROM indicators_target u WHERE u.region_id = t.region_id
         AND u.indicator_id = t.indicator_id AND u.year = t.year AND u.known_at <= %s))
"""
# A county's latest month through the month asked about, as a single region's dashboard shows it.
LATEST_MONTH = """
    f.month = (SELECT MAX(m.month) FROM indicators_figure m WHERE m.region_id = f.region_id
               AND m.indicator_id = f.indicator_id AND m.year = f.year AND m.month <= %s AND m.known_at <= %s)
"""

# The counties `c` of the province named by the `%s`, through their parent `p`: a prefecture's, or the
# province's own (省直管县) — what `Region.counties` gives.
PROVINCE_COUNTY = "c.level = 'county' AND %s IN (p.id, p.parent_id)"
RANKING_SQL = f"""
    SELECT c.id, c.code, c.name, f.month, f.value, f.growth_pct, f.estimate_value, f.estimate_growth_pct,
           f.stated_completion_pct, t.kind, t.value, t.step_with_id, s.name, f.precision,
           RANK() OVER (ORDER BY f.growth_pct DESC) AS place
    FROM regions_region c
    JOIN regions_region p ON p.id = c.parent_id
    JOIN indicators_figure f ON f.region_id = c.id AND f.indicator_id = %s AND f.year = %s
    LEFT JOIN indicators_target t ON t.region_id = c.id AND t.indicator_id = %s AND t.year = %s AND {LATEST_TARGET}
    LEFT JOIN indicators_indicator s ON s.id = t.step_with_id
    WHERE {PROVINCE_COUNTY} AND {LATEST_MONTH} AND {LATEST_FIGURE}
    ORDER BY place, c.code
"""
# The figures of the counties of a province for an in-step target's reference indicator.
REFERENCE_SQL = f"""
    SELECT c.id, f.month, f.value, f.growth_pct, f.estimate_value, f.estimate_growth_pct, f.stated_completion_pct
    FROM regions_region c
    JOIN regions_region p ON p.id = c.parent_id
    JOIN indicators_figure f ON f.region_id = c.id AND f.indicator_id = %s AND f.year = %s
    WHERE {PROVINCE_COUNTY} AND {LATEST_MONTH} AND {LATEST_FIGURE}
"""

# The counties under an area, as `Region.counties` gives them: a prefecture's children, or a province's
# grandchildren and the counties it administers itself.
AREA_COUNTIES = {
    Region.Level.PREFECTURE: "JOIN regions_region c ON c.parent_id = a.id",
    Region.Level.PROVINCE: "JOIN regions_region m ON m.id = a.id OR m.parent_id = a.id "
                           "JOIN regions_region c ON c.parent_id = m.id AND c.level = 'county'",
}
# How many counties lie under the area, with figures or without (a total of fewer is a part's).
COUNTIES_UNDER = {
    Region.Level.PREFECTURE: "(SELECT COUNT(*) FROM regions_region u WHERE u.parent_id = a.id AND u.level = 'county')",
    Region.Level.PROVINCE: """(SELECT COUNT(*) FROM regions_region u JOIN regions_region v ON v.id = u.parent_id
                              WHERE a.id IN (v.id, v.parent_id) AND u.level = 'county')""",
}
ROLLUP_SQL = """
    SELECT a.id, a.code, a.name, COUNT(f.value), SUM(f.value), COUNT(f.estimate_value), SUM(f.estimate_value),
           SUM(CASE WHEN l.value IS NOT NULL THEN f.value END), SUM(l.value),
           SUM(CASE WHEN t.kind = 'level' OR (t.kind = 'growth' AND d.value IS NOT NULL) THEN 1 ELSE 0 END),
           SUM(CASE WHEN t.kind = 'level' THEN t.value
                    WHEN t.kind = 'growth' AND d.value IS NOT NULL THEN d.value * (100 + t.value) / 100 END),
           SUM(CASE WHEN t.kind = 'growth' AND l.value IS NOT NULL THEN 1 ELSE 0 END),
           SUM(CASE WHEN t.kind = 'growth' AND l.value IS NOT NULL THEN l.value * t.value END),
           SUM(CASE WHEN t.kind = 'growth' AND l.value IS NOT NULL THEN l.value END),
           {places}, {under}
    FROM regions_region a
    {counties}
    JOIN indicators_figure f ON f.region_id = c.id AND f.indicator_id = %s AND f.year = %s AND f.month = %s
    LEFT JOIN indicators_figure l ON l.region_id = c.id AND l.indicator_id = %s AND l.year = %s AND l.month = %s
        AND l.revision = (SELECT MAX(h.revision) FROM indicators_figure h WHERE h.region_id = l.region_id
                          AND h.indicator_id = l.indicator_id AND h.year = l.year AND h.month = l.month
                          AND h.known_at <= %s)
    LEFT JOIN indicators_figure d ON d.region_id = c.id AND d.indicator_id = %s AND d.year = %s AND d.month = 12
        AND d.revision = (SELECT MAX(k.revision) FROM indicators_figure k WHERE k.region_id = d.region_id
                          AND k.indicator_id = d.indicator_id AND k.year = d.year AND k.month = d.month
                          AND k.known_at <= %s)
    LEFT JOIN indicators_target t ON t.region_id = c.id AND t.indicator_id = %s AND t.year = %s AND {latest_target}
    WHERE a.level = %s AND {latest_figure} {scope}
    GROUP BY a.id, a.code, a.name
    ORDER BY a.code
"""
# The most decimals any county stated its value with (the figure's JSON `precision`), which the sum keeps.
STATED_PLACES = {
    "postgresql": "MAX((f.precision ->> 'value')::integer)",
    "sqlite": "MAX(CAST(json_extract(f.precision, '$.value') AS INTEGER))",
}
NOW = datetime(9999, 12, 31, tzinfo=UTC)


def _moment(as_of: datetime | None) -> Any:
    """The time asked about as the database compares it (SQLite keeps naive UTC text)."""
    return connection.ops.adapt_datetimefield_value(as_of or NOW)


def rollup_month(indicator: Indicator, month: int) -> int | None:
    """The month an area's total adds up: the latest month through `month` the indicator is reported in
    (September for a quarterly indicator asked about October) — a total never mixes counties' months."""
    return next((m for m in range(month, 0, -1) if indicator.reported_in(m)), None)


@dataclass(frozen=True)
class RankedCounty:
    code: str
    name: str
    month: int
    value: Decimal | None
    growth_pct: Decimal | None
    place: int
    assessment: Assessment
    # Decimal places of the county's figure as stated (`Figure.precision`): 9.0 prints 9.0, 12.61 prints 12.61.
    precision: dict[str, int] = field(default_factory=dict)

    @property
    def completion_pct(self) -> Decimal | None:
        return self.assessment.completion_pct

    @property
    def light(self) -> str:
        return self.assessment.light.value

    def stated(self, name: str) -> str | None:
        """The county's value or growth as it was stated, like `Figure.stated`."""
        value = getattr(self, name)
        return None if value is None else stated(value, self.precision.get(name))


@dataclass(frozen=True)
class AreaTotal:
    """A prefecture's or province's total of its counties, judged against its own target where it has one,
    else against the target its counties' targets add up to (`target_basis` says which). A total of only some
    of its counties (`complete` False) is shown but not judged: its completion would be a part's.
    `value_places`: the decimals the counties stated their figures with (the most any used), kept by the sum."""

    code: str
    name: str
    month: int
    counties: int
    value: Decimal
    growth_pct: Decimal | None
    target_kind: str | None
    target_value: Decimal | None
    target_basis: str | None
    assessment: Assessment
    counties_under: int = 0
    value_places: int | None = None

    @property
    def complete(self) -> bool:
        return self.counties >= self.counties_under

    def stated(self, name: str = "value") -> str | None:
        """The sum printed with the decimals its parts were stated with (76.0 + 76.0 = 152.0), and so is a
        target the counties' targets add up to, whose growth targets turned into levels would otherwise print
        every decimal of last year's level × (1 + target): 352.2298 beside a total of 352.2. Any other target as
        it was set."""
        value = getattr(self, name)
        summed = name == "value" or (name == "target_value" and self.target_basis == "sum of county targets")
        return None if value is None else stated(value, self.value_places if summed else None)

    @property
    def completion_pct(self) -> Decimal | None:
        return self.assessment.completion_pct

    @property
    def light(self) -> str:
        return self.assessment.light.value


STORED = Decimal("0.0001")


def _decimal(value: Any) -> Decimal | None:
    """SQLite sums NUMERIC columns as floats; back to the four places figures are stored with."""
    return None if value is None else Decimal(str(value)).quantize(STORED).normalize()


def _figure(month: int, *numbers: Any) -> FigureValues:
    return FigureValues(month, *(_decimal(n) for n in numbers))


def _precision(places: Any) -> dict[str, int]:
    """A figure's stated decimal places as the database hands the JSON column over (text on SQLite)."""
    if isinstance(places, str | bytes):
        places = json.loads(places or "{}")
    return places if isinstance(places, dict) else {}


def _references(province: Region, indicator_id: int, year: int, month: int, moment: Any) -> dict[int, FigureValues]:
    with reading().cursor() as cursor:
        cursor.execute(REFERENCE_SQL, [indicator_id, year, province.pk, month, moment, moment])
        return {row[0]: _figure(row[1], *row[2:]) for row in cursor.fetchall()}


def province_ranking(province: Region, indicator: Indicator, year: int, month: int,
                     as_of: datetime | None = None) -> list[RankedCounty]:
    """Every county of the province on one indicator: its latest figure through `month` known at `as_of`,
    ranked by growth, judged by the one rule as the county's own dashboard judges it."""
    moment = _moment(as_of)
    with reading().cursor() as cursor:
        cursor.execute(RANKING_SQL, [indicator.pk, year, indicator.pk, year, month, moment, moment, province.pk,
                                     month, moment, moment])
        rows = cursor.fetchall()
    references: dict[int, dict[int, FigureValues]] = {}
    ranked = []
    for county_id, code, name, data_month, *numbers, kind, target_value, step_id, step_name, places, place in rows:
        figure = _figure(data_month, *numbers)
        target = None if kind is None else TargetValues(kind, _decimal(target_value), step_name)
        reference = None
        if step_id is not None:
            if step_id not in references:
                references[step_id] = _references(province, step_id, year, month, moment)
            reference = references[step_id].get(county_id)
        ranked.append(RankedCounty(code, name, data_month, figure.value, figure.growth_pct, place,
                                   assess(indicator, target, figure, reference), _precision(places)))
    return ranked


def area_totals(level: str, indicator: Indicator, year: int, month: int, within: Region | None = None,
                as_of: datetime | None = None, only: Region | None = None) -> list[AreaTotal]:
    """Every prefecture's (or province's) total of its counties' levels for `rollup_month(month)` known at
    `as_of`, with growth from the summed levels of both years, completion and light.

    Growth compares only counties that have both years' figures, so a county missing last year does not
    inflate the rate. Without a target of its own, an area is judged against its counties' targets: their growth
    targets weighted by last year's levels when every county has a growth target; otherwise the sum of their
    full-year level targets, a growth target counting as last year's full-year level × (1 + target), when every
    county has one or the other. The full-year estimate is the sum of the counties' when every county has
    one. `within` keeps the areas directly under one region (a province's prefectures); `only` keeps one area (a
    province's own total, without summing every other province's counties)."""
    if not indicator.additive:
        raise UsageError(f"{indicator.name}是比率或人均指标，不能跨地区加总")
    data_month = rollup_month(indicator, month)
    if data_month is None:
        return []
    moment = _moment(as_of)
    scope = {"AND a.parent_id = %s": within, "AND a.id = %s": only}
    sql = ROLLUP_SQL.format(counties=AREA_COUNTIES[Region.Level(level)], under=COUNTIES_UNDER[Region.Level(level)],
                            latest_target=LATEST_TARGET, latest_figure=LATEST_FIGURE,
                            places=STATED_PLACES[connection.vendor],
                            scope=" ".join(clause for clause, region in scope.items() if region is not None))
    params: list[Any] = [indicator.pk, year, data_month, indicator.pk, year - 1, data_month, moment,
                         indicator.pk, year - 1, moment, indicator.pk, year, month, moment, moment, level, moment,
                         *(region.pk for region in scope.values() if region is not None)]
    with reading().cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    own = _own_targets(level, indicator, year, month, as_of)
    return [_area_total(indicator, data_month, row, own.get(row[0])) for row in rows]


def prefecture_rollup(indicator: Indicator, year: int, month: int) -> list[AreaTotal]:
    return area_totals(Region.Level.PREFECTURE, indicator, year, month)


def _own_targets(level: str, indicator: Indicator, year: int, month: int, as_of: datetime | None
                 ) -> dict[int, Target]:
    """Each area's own target for the month, by the counties' rule (`LATEST_TARGET`): for a month the area
    locked, the target known when it was locked, where there was one then."""
    latest: dict[int, Target] = {}
    rows = Target.objects.filter(region__level=level, indicator=indicator, year=year).select_related("region")
    for target in latest_as_of(rows, as_of):
        latest.setdefault(target.region_id, target)
    for region_id, target in list(latest.items()):
        at = target_time(as_of, locked_at(target.region, year, month, as_of))
        if at != as_of:
            latest[region_id] = target_as_of(target.region, indicator, year, at) or target
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
    _id, code, name, counties, total, estimates, estimate_sum, matched_now, matched_before, *target_sums, places, under = row
    now, before = _decimal(matched_now), _decimal(matched_before)
    growth = growth_pct(now, before) if now is not None and before is not None else None
    growth = None if growth is None else growth.quantize(STORED)
    value = _decimal(total) or Decimal(0)
    estimate = _decimal(estimate_sum) if counties and estimates == counties else None
    if own is not None and own.kind in (Target.Kind.LEVEL, Target.Kind.GROWTH, Target.Kind.CEILING):
        target: TargetValues | None = TargetValues(own.kind, own.value)
        basis: str | None = "own target"
    else:
        target, basis = _summed_target(counties, *target_sums)
    assessment = assess(indicator, target, FigureValues(month, value, growth, estimate), None)
    if counties < under:  # a part of the area: its completion is not the area's
        assessment = replace(assessment, completion=None, light=Light.NONE)
    return AreaTotal(
        code, name, month, counties, value, growth,
        target.kind if target else None, target.value if target else None, basis, assessment, under,
        None if places is None else int(places),
    )

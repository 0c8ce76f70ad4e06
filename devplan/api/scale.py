"""Roll-ups and rankings over many regions: the province's and the nation's view, public like /api/status."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import Query, Router, Schema

from devplan.api.errors import errors
from devplan.api.payloads import Text
from devplan.indicators.services import find_indicator
from devplan.lib.errors import UsageError
from devplan.lib.periods import parse_as_of, parse_month
from devplan.recording.clock import check_past
from devplan.regions.lookup import find_region
from devplan.regions.models import Region
from devplan.scale.level_checks import level_checks
from devplan.scale.present import area_json, ranked_json
from devplan.scale.rollups import area_totals, province_ranking

router = Router(tags=["汇总与排名"])

INDICATOR = Query(..., description="指标代码", example="gdp")
PERIOD = Query(..., description="1月至该月，YYYY-MM", example="2023-09")
LEVEL = Query(Region.Level.PREFECTURE, description="prefecture（地级，默认）或 province（省级）")
PROVINCE = Query(..., description="省级行政区名称或代码", example="901")
AS_OF = Query(None, description="按某日（YYYY-MM-DD）或某月月底（YYYY-MM）已知的数据；默认现在")


class AreaTarget(Schema):
    """`basis`: where the target comes from, a stable English key ("own target", "sum of county targets",
    "county growth targets weighted by last year's levels"); `basis_words`: the same in Chinese, as the pages
    say it."""

    kind: str
    value: int | float | None
    basis: str | None
    basis_words: str | None


class LevelCheckOut(Schema):
    """The area's own stated figure against the sum of its counties (devplan rollup --check)."""

    own_value: int | float | None
    own_growth_pct: int | float | None
    revision: int
    value_gap_pct: int | float | None
    growth_gap_points: int | float | None
    counties_under: int
    complete: bool
    flagged: bool
    message: str


class AreaRow(Schema):
    region: str
    name: str
    through: str
    counties: int
    counties_under: int
    complete: bool
    value: int | float | None
    value_text: str | None
    growth_pct: int | float | None
    target: AreaTarget | None
    completion_pct: int | float | None
    completion_basis: str | None
    expected_pct: int | float | None
    light: str
    check: LevelCheckOut | None


class RankedRow(Schema):
    place: int
    region: str
    name: str
    through: str
    value: int | float | None
    value_text: str | None
    growth_pct: int | float | None
    growth_pct_text: str | None
    completion_pct: int | float | None
    completion_basis: str | None
    expected_pct: int | float | None
    light: str


@router.get("/rollup", response={200: list[AreaRow], **errors(404, 422)},
            summary="各市（州）或各省由所辖县级数据汇总：累计值、增速（由汇总值计算）、完成率和预警")
def rollup(request: HttpRequest, indicator: Text = INDICATOR, period: Text = PERIOD,
           level: Text = LEVEL, as_of: Text | None = AS_OF) -> list[dict[str, Any]]:
    if level not in (Region.Level.PREFECTURE, Region.Level.PROVINCE):
        raise UsageError("level 应为 prefecture 或 province")
    year, month = parse_month(period, field="period")
    moment = parse_as_of(as_of, settings.TIME_ZONE, field="as_of") if as_of else None
    check_past(year, month, moment, field="period")
    subject = find_indicator(indicator)
    totals = area_totals(level, subject, year, month, as_of=moment)
    checks = level_checks(level, totals, subject, year, moment)
    return [area_json(t, year, checks.get(t.code)) for t in totals]


@router.get("/ranking", response={200: list[RankedRow], **errors(404, 422)},
            summary="某省所有县（市、区）某指标的增速排名，含完成率和预警")
def ranking(request: HttpRequest, province: Text = PROVINCE,
            indicator: Text = INDICATOR, period: Text = PERIOD, as_of: Text | None = AS_OF) -> list[dict[str, Any]]:
    place = find_region(province)
    if place.level != Region.Level.PROVINCE:
        raise UsageError(f"{place.name}不是省级行政区：province 应为省的名称或代码")
    year, month = parse_month(period, field="period")
    moment = parse_as_of(as_of, settings.TIME_ZONE, field="as_of") if as_of else None
    check_past(year, month, moment, field="period")
    return [ranked_json(r, year) for r in province_ranking(place, find_indicator(indicator), year, month, moment)]

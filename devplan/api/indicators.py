"""Read endpoints: the indicators a user may see, and one indicator's targets and figures with history."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Path, Query, Router, Schema, Status

from devplan.accounts.access import indicator_access
from devplan.api.errors import FORBIDDEN, SESSION, errors
from devplan.api.payloads import (
    FIRST_YEAR,
    LAST_YEAR,
    FigureOut,
    TargetOut,
    Text,
    Whole,
    figure_payload,
    figures_by_month,
    target_payload,
)
from devplan.api.security import session
from devplan.indicators.models import Indicator, Responsibility
from devplan.indicators.services import find_indicator, target_history
from devplan.lib.periods import format_month
from devplan.regions.lookup import find_region

router = Router(tags=["指标"], auth=session)

REGION = Query(..., description="行政区代码或名称", example="湘乡市")
CODE = Path(..., description="指标代码", example="gdp")
YEAR = Query(..., ge=FIRST_YEAR, le=LAST_YEAR, description="年度", example=2023)


class IndicatorRow(Schema):
    code: str
    name: str
    unit: str
    quantity: str
    is_main: bool
    department: str | None
    can_submit: bool


class MonthFigures(Schema):
    through: str
    revisions: list[FigureOut]


class IndicatorFigures(Schema):
    indicator: str
    name: str
    unit: str
    region: str
    year: int
    targets: list[TargetOut]
    figures: list[MonthFigures]


@router.get("/indicators", response={200: list[IndicatorRow], **errors(*SESSION, 404, 422)},
            summary="当前用户可查看的指标（某行政区）")
def list_indicators(request: HttpRequest, region: Text = REGION) -> Any:
    place = find_region(region)
    owners = {
        r.indicator_id: r.department.name
        for r in Responsibility.objects.filter(region=place).select_related("department")
    }
    rows = []
    for indicator in Indicator.objects.all():
        access = indicator_access(request.user, place, indicator)
        if access.read:
            rows.append({
                "code": indicator.code, "name": indicator.name, "unit": indicator.unit,
                "quantity": indicator.quantity, "is_main": indicator.is_main,
                "department": owners.get(indicator.pk), "can_submit": access.write,
            })
    return rows


@router.get(
    "/indicators/{code}/figures",
    response={200: IndicatorFigures, **errors(*SESSION, 404, 422)},
    summary="某指标某年度的目标（含调整）与各月数据的全部修订",
)
def indicator_figures(
    request: HttpRequest, code: Text = CODE, region: Text = REGION, year: Whole = YEAR
) -> Any:
    place = find_region(region)
    indicator = find_indicator(code)
    if not indicator_access(request.user, place, indicator).read:
        return Status(403, {"detail": FORBIDDEN})
    months = figures_by_month(place, indicator, year)
    return {
        "indicator": indicator.code,
        "name": indicator.name,
        "unit": indicator.unit,
        "region": place.code,
        "year": year,
        "targets": [target_payload(t) for t in target_history(place, indicator, year)],
        "figures": [
            {"through": format_month(year, month), "revisions": [figure_payload(f) for f in revisions]}
            for month, revisions in months.items()
        ],
    }

"""The JSON API (django-ninja); OpenAPI at /openapi.json (and /api/openapi.json), docs at /api/docs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI, Query, Schema

from devplan.api import (
    accounts,
    indicators,
    measures,
    observations,
    progress,
    projects,
    replicas,
    reporting,
    scale,
    submissions,
    supervision,
    targets,
)
from devplan.api.docs import LocalDocs
from devplan.api.errors import errors, install_error_handlers
from devplan.api.parser import StrictJSON
from devplan.api.payloads import FIRST_YEAR, LAST_YEAR, Text, Whole
from devplan.indicators.status_cache import cached_status_json
from devplan.lib.periods import parse_as_of
from devplan.recording.clock import check_past

api = NinjaAPI(
    title="devplan API",
    version="1",
    description="县级发改局计划监测系统的 JSON 接口。写操作须先 POST /api/login，并带 X-CSRFToken 请求头。",
    urls_namespace="api",
    docs=LocalDocs(),
    parser=StrictJSON(),
)
install_error_handlers(api)
api.add_router("", accounts.router)
api.add_router("", observations.router)
api.add_router("", submissions.router)
api.add_router("", progress.router)
api.add_router("", measures.router)
api.add_router("", indicators.router)
api.add_router("", targets.router)
api.add_router("", projects.router)
api.add_router("", scale.router)
api.add_router("", reporting.router)
api.add_router("", replicas.router)
api.add_router("", supervision.router)


STATUS_YEAR = Query(..., ge=FIRST_YEAR, le=LAST_YEAR)
STATUS_MONTH = Query(None, ge=1, le=12, description="评估到该月（取截至该月的最新数据），默认12")


class Health(Schema):
    status: str


@api.get(
    "/status",
    response={200: list[dict[str, Any]], **errors(404, 422)},
    summary="某地区某年度主要指标完成情况（同 devplan status --json）",
    description="actual 和 estimate 的 value、growth_pct 各有一个 *_text 字段（如 value_text: \"12.70\"），"
                "按报送时的小数位给出，与页面、命令和文档的显示一致（JSON 数字无法保留末尾的 0）。",
    tags=["指标"],
)
def status(
    request: HttpRequest, region: Text, year: Whole = STATUS_YEAR, as_of: Text | None = None,
    month: Whole | None = STATUS_MONTH,
) -> HttpResponse:
    moment = parse_as_of(as_of, settings.TIME_ZONE, field="as_of") if as_of else None
    check_past(year, month, moment, field="month" if month is not None else "year")
    # Served from the cache as ready JSON: the dashboards of a whole province poll this.
    return HttpResponse(cached_status_json(region, year, moment, month or 12), content_type="application/json")


@api.get("/health", response=Health, summary="服务是否在运行（固定返回 ok）", tags=["系统"])
def health(request: HttpRequest) -> dict[str, str]:
    """A constant answer: for load balancers, and the bare endpoint the API benchmark compares against."""
    return {"status": "ok"}


def openapi_json(request: HttpRequest) -> JsonResponse:
    """`GET /openapi.json` (contract): the full API description."""
    return JsonResponse(api.get_openapi_schema(), json_dumps_params={"ensure_ascii": False})

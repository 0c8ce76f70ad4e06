"""The status table for busy readers (dashboards, the API): cached per region, year and "as of", keyed by a
version of the region's data. Targets and figures are append-only, so the count and highest id of a region's
rows change exactly when something was recorded; a short expiry bounds staleness after master-data edits
(an indicator renamed in the admin)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db import connection

from devplan.indicators.status import indicator_status
from devplan.regions.lookup import find_region
from devplan.regions.models import Region

EXPIRY_SECONDS = 60
VERSION_SQL = """
    SELECT f.n, f.top, t.n, t.top
    FROM (SELECT COUNT(*) AS n, MAX(id) AS top FROM indicators_figure WHERE region_id = %s) f,
         (SELECT COUNT(*) AS n, MAX(id) AS top FROM indicators_target WHERE region_id = %s) t
"""


def data_version(region_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(VERSION_SQL, [region_id, region_id])
        return ":".join(str(part) for part in cursor.fetchone())


def _key(region_id: int, year: int, as_of: datetime | None, form: str) -> str:
    moment = as_of.isoformat() if as_of else "latest"
    return f"status:{form}:{region_id}:{year}:{moment}:{data_version(region_id)}"


def cached_status(region: Region, year: int, as_of: datetime | None = None) -> list[dict[str, Any]]:
    """The same rows as `indicator_status`, computed at most once per data version and minute."""
    key = _key(region.pk, year, as_of, "rows")
    rows = cache.get(key)
    if rows is None:
        rows = indicator_status(region, year, as_of)
        cache.set(key, rows, EXPIRY_SECONDS)
    return rows


def _region_id(name_or_code: str) -> int:
    key = f"region-id:{name_or_code}"
    region_id = cache.get(key)
    if region_id is None:
        region_id = find_region(name_or_code).pk
        cache.set(key, region_id, EXPIRY_SECONDS)
    return int(region_id)


def cached_status_json(name_or_code: str, year: int, as_of: datetime | None = None) -> bytes:
    """`GET /api/status` as bytes: one small query (the data version) when nothing has changed."""
    region_id = _region_id(name_or_code)
    key = _key(region_id, year, as_of, "json")
    body = cache.get(key)
    if body is None:
        rows = cached_status(Region.objects.get(pk=region_id), year, as_of)
        body = json.dumps(rows, ensure_ascii=False).encode()
        cache.set(key, body, EXPIRY_SECONDS)
    return bytes(body)

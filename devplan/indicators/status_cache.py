"""The status table for busy readers (dashboards, the API): cached per region, year and "as of", keyed by a
version of the region's data. Targets and figures are append-only, so the count and highest id of a region's
rows change exactly when something was recorded; a short expiry bounds staleness after master-data edits
(an indicator renamed in the admin)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db import connection

from devplan.indicators.status import indicator_status
from devplan.regions.models import Region

EXPIRY_SECONDS = 60
VERSION_SQL = """
    SELECT (SELECT COUNT(*) FROM indicators_figure WHERE region_id = %s),
           (SELECT MAX(id) FROM indicators_figure WHERE region_id = %s),
           (SELECT COUNT(*) FROM indicators_target WHERE region_id = %s),
           (SELECT MAX(id) FROM indicators_target WHERE region_id = %s)
"""


def data_version(region: Region) -> str:
    with connection.cursor() as cursor:
        cursor.execute(VERSION_SQL, [region.pk] * 4)
        return ":".join(str(part) for part in cursor.fetchone())


def cached_status(region: Region, year: int, as_of: datetime | None = None) -> list[dict[str, Any]]:
    """The same rows as `indicator_status`, computed at most once per data version and minute."""
    key = f"status:{region.pk}:{year}:{as_of.isoformat() if as_of else 'latest'}:{data_version(region)}"
    rows = cache.get(key)
    if rows is None:
        rows = indicator_status(region, year, as_of)
        cache.set(key, rows, EXPIRY_SECONDS)
    return rows

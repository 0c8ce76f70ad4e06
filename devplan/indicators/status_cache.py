"""The status table for busy readers (dashboards, the API): cached per region, year and "as of", keyed by a
version of the region's data. Every write is a change set (`devplan.recording`), so the highest change set
that can touch the region — its own, or one spanning several regions — changes exactly when something was
recorded; a short expiry bounds staleness after master-data edits (an indicator renamed in the admin)."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_save
from django.dispatch import receiver

from devplan.indicators.status import indicator_status
from devplan.regions.lookup import find_region
from devplan.regions.models import Region
from devplan.replicas.routing import pinned_to_primary, read_alias, reading

EXPIRY_SECONDS = 60
REGION_AND_VERSION_SQL = """
    SELECT r.id,
           (SELECT MAX(c.id) FROM recording_changeset c WHERE c.region_id = r.id),
           (SELECT MAX(c.id) FROM recording_changeset c WHERE c.region_id IS NULL)
    FROM regions_region r WHERE r.code = %s OR r.name = %s
"""


def _region_and_version(name_or_code: str) -> tuple[int, str]:
    """The region's id and its data version in one query; the lookup's own error when the name is unknown
    or ambiguous. Looked up every time: a restore or a re-initialised database may reuse ids."""
    with reading().cursor() as cursor:  # the same database as the rows it versions
        cursor.execute(REGION_AND_VERSION_SQL, [name_or_code, name_or_code])
        rows = cursor.fetchall()
    if len(rows) != 1:
        region = find_region(name_or_code)  # raises for an unknown or ambiguous name; a code wins over a name
        rows = [row for row in rows if row[0] == region.pk]
    region_id, *version = rows[0]
    return int(region_id), hashlib.sha1(repr(version).encode()).hexdigest()


def _key(region_id: int, version: str, year: int, month: int, as_of: datetime | None, form: str) -> str:
    moment = as_of.isoformat() if as_of else "latest"
    return f"status:{form}:{region_id}:{year}-{month}:{moment}:{version}"


def cached_status(region: Region, year: int, as_of: datetime | None = None, month: int = 12
                  ) -> list[dict[str, Any]]:
    """The same rows as `indicator_status`, computed at most once per data version and minute."""
    region_id, version = _region_and_version(region.code)
    key = _key(region_id, version, year, month, as_of, "rows")
    rows = cache.get(key)
    if rows is None:
        rows = indicator_status(region, year, as_of, month=month)
        cache.set(key, rows, EXPIRY_SECONDS)
    return rows


def cached_status_json(name_or_code: str, year: int, as_of: datetime | None = None, month: int = 12) -> bytes:
    """`GET /api/status` as bytes. Within DEVPLAN_STATUS_FRESH_SECONDS of the last answer no query at all
    (a province's dashboards poll this every few seconds); after that one small query for the region and
    its data version, and the computation only when the data changed."""
    fresh_key = _fresh_key(name_or_code, year, month, as_of)
    # A client that has just written (read replicas: it reads from the primary) never gets a copy another
    # process made before its write.
    body = None if pinned_to_primary() else cache.get(fresh_key)
    if body is not None:
        return bytes(body)
    region_id, version = _region_and_version(name_or_code)
    key = _key(region_id, version, year, month, as_of, "json")
    body = cache.get(key)
    if body is None:
        rows = cached_status(Region.objects.get(pk=region_id), year, as_of, month)
        body = json.dumps(rows, ensure_ascii=False).encode()
        cache.set(key, body, EXPIRY_SECONDS)
    if settings.DEVPLAN_STATUS_FRESH_SECONDS:
        cache.set(fresh_key, body, settings.DEVPLAN_STATUS_FRESH_SECONDS)
    return bytes(body)


WRITES_KEY = "status:writes"


def _fresh_key(name_or_code: str, year: int, month: int, as_of: datetime | None) -> str:
    """Keyed by this process's count of writes, so a write made here is never answered with an older copy, and
    by the database read (a replica's copy may be older than the primary's)."""
    moment = as_of.isoformat() if as_of else "latest"
    # Hashed: the region arrives as typed, and cache backends refuse keys with spaces or control characters.
    region = hashlib.sha1(name_or_code.encode()).hexdigest()
    return f"status:fresh:{cache.get(WRITES_KEY, 0)}:{read_alias()}:{region}:{year}-{month}:{moment}"


def data_changed() -> None:
    """Tell this process's fresh copies that figures or targets were written (bulk imports call it; saves
    through the ORM call it by signal)."""
    try:
        cache.incr(WRITES_KEY)
    except ValueError:
        cache.set(WRITES_KEY, 1, None)


@receiver(post_save, sender="indicators.Figure")
@receiver(post_save, sender="indicators.Target")
def _count_write(**_kwargs: Any) -> None:
    data_changed()

"""Months as users write them on the command line and in the API: "2023-09"."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, datetime, time, tzinfo
from zoneinfo import ZoneInfo

from devplan.lib.errors import UsageError

_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")  # ASCII digits only, as every door reads numbers


def parse_month(text: str, *, field: str = "month") -> tuple[int, int]:
    """"2023-09" → (2023, 9); anything else is a usage error naming the field."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise UsageError(f"{field} 应为 YYYY-MM 格式的年月（如 2023-09），而不是“{text}”")
    return int(match.group(1)), int(match.group(2))


def format_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def end_of_month(year: int, month: int, zone: tzinfo | str = "Asia/Shanghai") -> datetime:
    """The last instant of the month in the given time zone, as an aware datetime in UTC."""
    tz = ZoneInfo(zone) if isinstance(zone, str) else zone
    last_day = calendar.monthrange(year, month)[1]
    return datetime.combine(datetime(year, month, last_day).date(), time.max, tzinfo=tz).astimezone(UTC)

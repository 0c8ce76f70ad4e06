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


def month_span(month: int) -> str:
    """The months a year-to-date figure through `month` covers, as pages and documents print them: 1月, 1—11月."""
    return "1月" if month == 1 else f"1—{month}月"


def end_of_month(year: int, month: int, zone: tzinfo | str = "Asia/Shanghai") -> datetime:
    """The last instant of the month in the given time zone, as an aware datetime in UTC."""
    tz = ZoneInfo(zone) if isinstance(zone, str) else zone
    last_day = calendar.monthrange(year, month)[1]
    return datetime.combine(datetime(year, month, last_day).date(), time.max, tzinfo=tz).astimezone(UTC)


_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_as_of(text: str, zone: tzinfo | str = "Asia/Shanghai", *, field: str = "--as-of") -> datetime:
    """"2023-11" → the end of November, "2023-11-15" → the end of 15 November (in `zone`), as UTC: what was
    known by then."""
    day = _DAY.match(text.strip())
    if day is None:
        return end_of_month(*parse_month(text, field=field), zone)
    tz = ZoneInfo(zone) if isinstance(zone, str) else zone
    try:
        date = datetime(int(day.group(1)), int(day.group(2)), int(day.group(3))).date()
    except ValueError:
        raise UsageError(f"{field} 中的日期“{text}”不存在") from None
    return datetime.combine(date, time.max, tzinfo=tz).astimezone(UTC)

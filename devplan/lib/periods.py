"""Months as users write them on the command line and in the API: "2023-09"."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, datetime, time, tzinfo
from zoneinfo import ZoneInfo

from devplan.lib.env import envint
from devplan.lib.errors import UsageError, shown

_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")  # ASCII digits only, as every door reads numbers


def year_range() -> tuple[int, int]:
    """The years a plan, a target or a figure can belong to (DEVPLAN_YEAR_MIN—MAX, default 2000—2100): every
    door, page and command accepts exactly these (settings.py reads them here)."""
    first = envint("DEVPLAN_YEAR_MIN", 2000, minimum=1900)
    return first, envint("DEVPLAN_YEAR_MAX", 2100, minimum=first)


def _named(field: str) -> str:
    """An option's or parameter's name set off by a space ("--year 应为…"), a page's own word not ("报告期的…")."""
    return f"{field} " if field.isascii() else field


def _check_year(year: int, text: str, field: str) -> None:
    first, last = year_range()
    if not first <= year <= last:
        raise UsageError(f"{_named(field)}的年份应在 {first} 到 {last} 之间，而不是“{shown(text)}”")


def parse_year(text: str, *, field: str = "--year") -> int:
    """"2023" → 2023: ASCII digits (not ２０２３) within `year_range`, as the API and every data door take a year."""
    stripped = text.strip()
    if not (stripped.isascii() and stripped.isdigit()):
        raise UsageError(f"{field} 应为四位半角数字的年份（如 2023），而不是“{shown(text)}”")
    _check_year(int(stripped), text, field)
    return int(stripped)


def parse_month(text: str, *, field: str = "month", any_year: bool = False) -> tuple[int, int]:
    """"2023-09" → (2023, 9); anything else, or a year outside `year_range`, is a usage error naming the
    field. `any_year`: a door that hands the month to the one write door leaves the year to its rule
    (year_in_range), so every door refuses it in the same sentence."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise UsageError(f"{_named(field)}应为 YYYY-MM 格式的年月（如 2023-09），而不是“{shown(text)}”")
    if not any_year:
        _check_year(int(match.group(1)), text, field)
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


_DAY = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")  # ASCII digits, as _MONTH


def parse_as_of(text: str, zone: tzinfo | str = "Asia/Shanghai", *, field: str = "--as-of") -> datetime:
    """"2023-11" → the end of November, "2023-11-15" → the end of 15 November (in `zone`), as UTC: what was
    known by then."""
    day = _DAY.match(text.strip())
    if day is None:
        if not _MONTH.match(text.strip()):
            raise UsageError(f"{field} 应为 YYYY-MM-DD 格式的日期（如 2023-12-15）或 YYYY-MM 格式的年月"
                             f"（如 2023-11，指该月月底），而不是“{shown(text)}”")
        return end_of_month(*parse_month(text, field=field), zone)
    tz = ZoneInfo(zone) if isinstance(zone, str) else zone
    _check_year(int(day.group(1)), text, field)
    try:
        date = datetime(int(day.group(1)), int(day.group(2)), int(day.group(3))).date()
    except ValueError:
        raise UsageError(f"{field} 中的日期“{text}”不存在") from None
    return datetime.combine(date, time.max, tzinfo=tz).astimezone(UTC)


_ASCII_THROUGH = re.compile(r"(?<![\d.])1-(?=(?:\d{1,2}|\{[a-z0-9_.]+\})月)")


def through_months(month: int) -> str:
    """The months from January: "1月", "1—10月" (with the dash 一字线 documents print, never "1-10月")."""
    return "1月" if month == 1 else f"1—{month}月"


def with_document_dashes(text: str) -> str:
    """Text written with an ASCII hyphen between months ("1-10月", "1-{funds.total.month}月") printed with the
    dash of `through_months`."""
    return _ASCII_THROUGH.sub("1—", text)


def year_and_month(year_text: str | None, text: str | None) -> tuple[int, int]:
    """The plan year and month from `--year` and `--month` (YYYY-MM, or a bare month number 1—12), as
    `devplan status` and `devplan projects` take them; the year is checked as every door checks it."""
    year = parse_year(year_text) if year_text is not None else None
    if text is not None and text.strip().isascii() and text.strip().isdigit():
        month = int(text)
        if not 1 <= month <= 12:
            raise UsageError(f"--month 应为 YYYY-MM 格式的年月（如 2023-10）或 1—12 的月份，而不是“{shown(text)}”")
    elif text is not None:
        stated_year, month = parse_month(text, field="--month")
        if year is not None and year != stated_year:
            raise UsageError(f"--month {text} 不在 --year {year} 年度内：请只写 --month {text}，或让两者一致")
        year = stated_year
    else:
        month = 12
    if year is None:
        raise UsageError("请用 --year 指明计划年度，或用 --month YYYY-MM 指明年月")
    return year, month

"""Which region and month a page shows when the address does not say: the user's region, and the month
of the latest deadline or, failing that, of the latest main-indicator figure."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied
from django.db.models import Q
from django.http import Http404

from devplan.accounts.access import regions_of
from devplan.collection.models import Deadline, PeriodState
from devplan.indicators.models import Figure, Indicator
from devplan.lib.errors import DevplanError
from devplan.lib.periods import parse_month
from devplan.recording.clock import check_past, current_month
from devplan.regions.lookup import find_region
from devplan.regions.models import Region

MONTHS = range(1, 13)


def region_by_code(code: str) -> Region:
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise Http404(f"没有行政区划代码为 {code} 的行政区")
    return region


def region_by_code_or_name(key: str) -> Region:
    """The region with this code or name (as the API and the commands accept); 404 with the lookup's sentence."""
    try:
        return find_region(key)
    except DevplanError as exc:
        raise Http404(exc.sentence()) from None


def indicator_by_code(code: str) -> Indicator:
    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None:
        raise Http404(f"没有代码为“{code}”的指标")
    return indicator


def home_region(user: Any) -> Region:
    """The first of the user's regions that has any figure (an administrator sees every county, most of them
    empty), else the first."""
    regions = regions_of(user)
    if not regions:
        raise PermissionDenied("您的账户还没有分配行政区和角色：请联系管理员")
    with_data = set(Figure.objects.filter(region__in=regions).values_list("region_id", flat=True).distinct()[:1000])
    return next((region for region in regions if region.pk in with_data), regions[0])


def default_period(region: Region) -> tuple[int, int]:
    """The month of the latest deadline, else of the latest main-indicator figure, else this month — never a
    month not yet come (a deadline may be set ahead), which no page that reads figures shows."""
    year, month = current_month()
    come = Q(year__lt=year) | Q(year=year, month__lte=month)
    deadline = Deadline.objects.filter(come, region=region).order_by("-year", "-month").first()
    if deadline is not None:
        return deadline.year, deadline.month
    latest = (
        Figure.objects.filter(come, region=region, indicator__is_main=True).order_by("-year", "-month").first()
    )
    if latest is not None:
        return latest.year, latest.month
    return year, month


def entry_period(region: Region) -> tuple[int, int]:
    """The month an entry page opens on: the default month, or the first month after it that is not locked
    (a locked month takes no entries)."""
    year, month = default_period(region)
    locked = PeriodState.objects.filter(region=region, locked=True)
    for _ in range(24):
        if not locked.filter(year=year, month=month).exists():
            break
        year, month = neighbours(year, month)["next"]
    return year, month


def chosen_month(text: str, field: str) -> tuple[int, int]:
    """The year and month a page's switcher sent (?period=YYYY-MM); a malformed one, or one of a year no door
    accepts, is the user's request to correct: 400 with the sentence naming the field (it was 404 "找不到页面")."""
    try:
        return parse_month(text, field=field)
    except DevplanError as exc:
        raise BadRequest(exc.sentence()) from None


def check_year(year: int) -> None:
    """404 for a year no page shows: the years every door accepts (DEVPLAN_YEAR_MIN—MAX)."""
    if not settings.DEVPLAN_YEAR_MIN <= year <= settings.DEVPLAN_YEAR_MAX:
        raise Http404(f"没有{year}年的数据：年份应在 {settings.DEVPLAN_YEAR_MIN}—{settings.DEVPLAN_YEAR_MAX} 之间")


def check_month(year: int, month: int) -> None:
    """404 for a month no page shows: a year of `check_year`, months 1—12."""
    check_year(year)
    if month not in MONTHS:
        raise Http404("没有这个月份")


def check_come(year: int, month: int, field: str = "月份") -> None:
    """404 for a month no page that reads figures shows: `check_month`'s, and a month not yet come, in the
    sentence of every read door (`recording.clock.check_past`), naming the page's `field`."""
    check_month(year, month)
    try:
        check_past(year, month, field=field)
    except DevplanError as exc:
        raise Http404(exc.sentence()) from None


def neighbours(year: int, month: int) -> dict[str, tuple[int, int]]:
    previous = (year, month - 1) if month > 1 else (year - 1, 12)
    following = (year, month + 1) if month < 12 else (year + 1, 1)
    return {"previous": previous, "next": following}

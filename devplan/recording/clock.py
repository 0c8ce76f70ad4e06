"""The month it is now, where the server is (settings.TIME_ZONE): the rules on future months and the pages
that show no month not yet come ask here, and every read door (`check_past`) refuses a month not yet come or
an as-of time in the future in the same sentence."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from devplan.lib.errors import DevplanError


def current_month() -> tuple[int, int]:
    """The year and month now in settings.TIME_ZONE."""
    today = timezone.localdate()
    return today.year, today.month


def _today() -> str:
    return f"今天是{timezone.localdate():%Y-%m-%d}"


def check_past(year: int, month: int | None, as_of: datetime | None = None, *, field: str = "month",
               as_of_field: str = "as_of") -> None:
    """Refuse what no one can know yet, as every read door does (/api/status, /api/ranking, /api/rollup,
    /api/reporting, `status`, `rank`, `rollup`, `projects`, `brief`): month M of `year` not yet come — with
    `month` None, the whole year, refused only before it has begun — or an as-of time after the end of today.
    `field` and `as_of_field` name the option or parameter as the door spells it."""
    if (year, month or 1) > current_month():
        asked = f"{year}年{month}月" if month is not None else f"{year}年"
        raise DevplanError(f"{field}：{asked}还没有到（{_today()}），没有数据可看：请选择已经过去或正在进行的月份")
    if as_of is not None and timezone.localtime(as_of).date() > timezone.localdate():
        raise DevplanError(f"{as_of_field}：{timezone.localtime(as_of):%Y-%m-%d}还没有到（{_today()}），"
                           f"没有那时已知的数据：请选择今天或以前的日期")

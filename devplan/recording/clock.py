"""The month it is now, where the server is (settings.TIME_ZONE): the rules on future months and the pages
that show no month not yet come ask here."""

from __future__ import annotations

from django.utils import timezone


def current_month() -> tuple[int, int]:
    """The year and month now in settings.TIME_ZONE."""
    today = timezone.localdate()
    return today.year, today.month

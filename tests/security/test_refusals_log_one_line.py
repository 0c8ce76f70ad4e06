"""Issue 17, item 9: a refused request (403) writes one line to the log, never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from devplan.lib.logs import RefusalsWithoutTraceback
from tests.security.conftest import client_of


def test_a_403_logs_its_line_without_a_traceback(cast: dict[str, Any]) -> None:
    handler = logging.Handler()
    records: list[logging.LogRecord] = []
    handler.emit = records.append  # type: ignore[method-assign]
    handler.addFilter(RefusalsWithoutTraceback())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        answer = client_of(cast["other"]).get("/indicator/430381/gdp/2023/")
    finally:
        logger.removeHandler(handler)
    assert answer.status_code == 403
    refused = [r for r in records if getattr(r, "status_code", None) == 403]
    assert refused and all(r.exc_info is None for r in refused)
    assert "Forbidden" in refused[0].getMessage()


def test_the_console_log_uses_the_filter() -> None:
    from django.conf import settings

    assert settings.LOGGING["handlers"]["console"]["filters"] == ["refusals_without_traceback"]

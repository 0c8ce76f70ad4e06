"""Log filters."""

from __future__ import annotations

import logging


class RefusalsWithoutTraceback(logging.Filter):
    """Keep a 403's one line ("Forbidden (Permission denied): /path") and drop its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True

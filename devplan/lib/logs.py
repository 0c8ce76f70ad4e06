"""Log filters."""

from __future__ import annotations

import logging


class RefusalsWithoutTraceback(logging.Filter):
    """Keep the one line of a refusal — a 403 ("Forbidden (Permission denied): /path"), a 400 for a malformed
    request or a foreign Host — and drop its traceback: anyone can send them, and the log would fill up."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) in {400, 403} or record.name.startswith("django.security"):
            record.exc_info = None
            record.exc_text = None
        return True

"""Model fields shared by the revisioned tables."""

from __future__ import annotations

from typing import Any

from django.db import models


class WrittenJSONField(models.JSONField):
    """A JSON column that only devplan writes, always through Django's encoder (the decimal places of a row's
    numbers). SQLite checks a JSONField with JSON_VALID on every row inserted: a tenth of the bulk load of
    millions of figures, for a column no one else writes. PostgreSQL's jsonb type validates as it parses."""

    def db_check(self, connection: Any) -> None:
        return None

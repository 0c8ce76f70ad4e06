"""The staging of the figures' CSV (a typed table on PostgreSQL, text elsewhere) and the few SQL spellings
that differ between PostgreSQL and SQLite."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import connection

from devplan.scale.stage_csv import stage_csv

COLUMNS = ("region", "indicator", "period", "value", "growth_pct", "note")
# A decimal written plainly (devplan.recording.parse): no sign but minus, no exponent, no thousands separator,
# no unit, at most 15 digits before the point and 4 after it.
NUMBER = r"^-?[0-9]{1,15}(\.[0-9]{1,4})?$"
UNSIGNED = r"^[0-9]{1,15}(\.[0-9]{1,4})?$"
# A control character that no text may hold (tabs and line breaks may).
CONTROL = r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]"
PERIOD = r"^[0-9]{4}-(0[1-9]|1[0-2])$"


def starts_like_formula(column: str) -> str:
    """SQL that is true when the text starts like a spreadsheet formula, which could run when someone
    opens an export in Excel."""
    return f"substr({column}, 1, 1) IN ('=', '+', '-', '@')"



@dataclass(frozen=True)
class Dialect:
    match: str  # regular-expression match operator
    year: str
    month: str


def dialect() -> Dialect:
    if connection.vendor == "postgresql":
        return Dialect("~", "CAST(substr(s.period, 1, 4) AS INTEGER)", "CAST(substr(s.period, 6, 2) AS INTEGER)")
    # Django registers REGEXP for SQLite connections.
    return Dialect("REGEXP", "CAST(substr(s.period, 1, 4) AS INTEGER)", "CAST(substr(s.period, 6, 2) AS INTEGER)")


def stage_text(path: Path) -> int:
    """Load the CSV file as text into the temporary table `stage`; returns the number of data rows staged."""
    return stage_csv(path, "stage", COLUMNS)

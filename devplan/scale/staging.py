"""The staging of the figures' CSV (a typed table on PostgreSQL, text elsewhere) and the few SQL spellings
that differ between PostgreSQL and SQLite."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import connection

from devplan.scale.stage_csv import copy_into, stage_csv

COLUMNS = ("region", "indicator", "period", "value", "growth_pct", "note")
# A decimal written plainly: no sign but minus, no exponent, no thousands separator, no unit.
NUMBER = r"^-?[0-9]+(\.[0-9]+)?$"
UNSIGNED = r"^[0-9]+(\.[0-9]+)?$"
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


# The checked stage lets PostgreSQL's CHECKs validate during COPY, by the same patterns as the diagnosis (the
# numbers stay text: the numeric type would also take 1e3, NaN and Infinity); the first bad row aborts it,
# and the text stage then finds every problem for the user.
CHECKED_STAGE = """
    CREATE TEMP TABLE stage (
        line BIGSERIAL,
        region TEXT NOT NULL, indicator TEXT NOT NULL,
        period TEXT NOT NULL CHECK (period ~ '{period}'),
        value TEXT NOT NULL CHECK (value = '' OR value ~ '{number}'),
        growth_pct TEXT NOT NULL CHECK (growth_pct = '' OR growth_pct ~ '{signed}'),
        note TEXT NOT NULL CHECK (length(note) <= 1000 AND NOT {formula}),
        CHECK (value <> '' OR growth_pct <> '')
    ) ON COMMIT DROP
""".format(period=PERIOD, number=UNSIGNED, signed=NUMBER, formula=starts_like_formula("note"))


def stage_checked(path: Path) -> int:
    """PostgreSQL only: stage with CHECKs on every column. Raises a database error at the first bad row."""
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS stage")
        cursor.execute(CHECKED_STAGE)
    return copy_into(path, "stage", COLUMNS)


def stage_text(path: Path) -> int:
    """Load the CSV file as text into the temporary table `stage`; returns the number of data rows staged."""
    return stage_csv(path, "stage", COLUMNS)

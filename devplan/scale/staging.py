"""The staging of the figures' CSV (a typed table on PostgreSQL, text elsewhere) and the few SQL spellings
that differ between PostgreSQL and SQLite."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import connection

from devplan.scale.stage_csv import copy_into, stage_csv

COLUMNS = ("region", "indicator", "period", "value", "growth_pct", "note")


def starts_like_formula(column: str) -> str:
    """SQL that is true when the text starts like a spreadsheet formula, which could run when someone
    opens an export in Excel."""
    return f"substr({column}, 1, 1) IN ('=', '+', '-', '@')"



@dataclass(frozen=True)
class Dialect:
    match: str  # regular-expression match operator
    year: str
    month: str
    empty_json: str


def dialect() -> Dialect:
    if connection.vendor == "postgresql":
        return Dialect("~", "CAST(substr(s.period, 1, 4) AS INTEGER)", "CAST(substr(s.period, 6, 2) AS INTEGER)", "'{}'::jsonb")
    # Django registers REGEXP for SQLite connections.
    return Dialect("REGEXP", "CAST(substr(s.period, 1, 4) AS INTEGER)", "CAST(substr(s.period, 6, 2) AS INTEGER)", "'{}'")


# The typed stage lets PostgreSQL's own input functions and CHECKs validate during COPY; the first bad
# value aborts it, and the text stage then finds every problem for the user.
TYPED_STAGE = """
    CREATE TEMP TABLE stage (
        line BIGSERIAL,
        region TEXT NOT NULL, indicator TEXT NOT NULL,
        period TEXT NOT NULL CHECK (length(period) = 7 AND substr(period, 5, 1) = '-'
                                    AND substr(period, 6, 2) BETWEEN '01' AND '12'),
        value NUMERIC CHECK (value >= 0),
        growth_pct NUMERIC,
        note TEXT NOT NULL CHECK (length(note) <= 1000 AND NOT {formula}),
        CHECK (value IS NOT NULL OR growth_pct IS NOT NULL)
    ) ON COMMIT DROP
""".format(formula=starts_like_formula("note"))


def stage_typed(path: Path) -> int:
    """PostgreSQL only: stage with numeric columns and CHECKs. Raises a database error at the first bad row."""
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS stage")
        cursor.execute(TYPED_STAGE)
    return copy_into(path, "stage", COLUMNS, not_null=("region", "indicator", "period", "note"))


def stage_text(path: Path) -> int:
    """Load the CSV file as text into the temporary table `stage`; returns the number of data rows staged."""
    return stage_csv(path, "stage", COLUMNS)

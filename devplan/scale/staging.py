"""The staging of the figures' CSV (a typed table on PostgreSQL, text elsewhere) and the few SQL spellings
that differ between PostgreSQL and SQLite."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection

from devplan.scale.stage_csv import stage_csv

COLUMNS = ("region", "indicator", "period", "value", "growth_pct", "note")
# A decimal written plainly, as `devplan.recording.parse.number` reads it: an optional sign, no exponent, no
# thousands separator, no unit, under 10¹⁵ (at most 15 digits after leading zeros) and at most 4 decimals.
NUMBER = r"^[+-]?0*[0-9]{1,15}(\.[0-9]{1,4})?$"
# A control character that no text may hold (tabs and line breaks may).
CONTROL = r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]"
PERIOD = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
# A period's form; its year and month are then judged by the rules (`year_in_range`, `month_in_range`).
PERIOD_FORM = r"[0-9]{4}-[0-9]{2}"
# What Python's str.strip() removes (str.isspace(): the ASCII blanks, \x1c—\x1f, U+0085, U+00A0, U+1680,
# U+2000—U+200A, U+2028, U+2029, U+202F, U+205F and U+3000, the last of them): `parse.number` and `parse.text`
# strip a value of these before any rule, and so is every staged cell (`strip_cells`).
BLANKS = "".join(c for c in map(chr, range(0x3001)) if c.isspace())


def period_problem(period: str) -> str | None:
    """Why a staged period is not of the form YYYY-MM, or None (its year and month are the rules' to judge)."""
    if re.fullmatch(PERIOD_FORM, period, re.ASCII):
        return None
    return f"期间应写作 YYYY-MM（四位年份和两位月份，如 2023-09），而不是“{period}”"


def strip_cells(table: str, columns: tuple[str, ...]) -> None:
    """Strip every cell of `columns` of the blanks `parse` strips, as every other door reads a value: a note
    " =1" is the formula "=1", a value " 50" the number 50, and a note is stored stripped."""
    trim = "btrim" if connection.vendor == "postgresql" else "trim"
    changed = " OR ".join(f"{column} <> {trim}({column}, %s)" for column in columns)
    sets = ", ".join(f"{column} = {trim}({column}, %s)" for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {sets} WHERE {changed}", [BLANKS] * (2 * len(columns)))


def starts_like_formula(column: str) -> str:
    """SQL that is true when the (stripped) text starts like a spreadsheet formula, which could run when
    someone opens an export in Excel."""
    return f"substr({column}, 1, 1) IN ('=', '+', '-', '@')"


def period_in_years(d: Dialect) -> str:
    """SQL true for a staged row whose period is YYYY-MM with the year in the configured range. The CAST comes
    only after the pattern matched: PostgreSQL may evaluate an AND's terms in any order, a CASE's in its own."""
    low, high = settings.DEVPLAN_YEAR_MIN, settings.DEVPLAN_YEAR_MAX
    return f"CASE WHEN s.period {d.match} '{PERIOD}' THEN {d.year} BETWEEN {int(low)} AND {int(high)} ELSE 0 = 1 END"


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

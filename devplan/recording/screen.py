"""The bulk door's look at plain new figures while they stream into the table (`devplan.scale.csv_direct`):
which rows may break a rule that needs the values or what is stored, and what the change set wrote. It
replaces a pass of SQL over the stored rows (a scan of the whole figure table, with a look-up of the
previous month for the cumulative rule) that took as long as the COPY itself.

The screen only has to find a superset of the rows that break a rule: every row it names is judged again by
the rules' own code (`devplan.recording.bulk.screened_problems`), as at every other door. The cumulative rules
(not decreasing, not three times the earlier month carried forward) compare a row with the latest earlier
value of its series (region, indicator, year) in the file when the file holds every month since that value
(a month with growth only is passed over, as the rule does); any other row of a cumulative indicator (a
series starting after January, a gap, rows out of order) is compared after the COPY with the earlier month
the table holds, which then includes the file's own rows. Looking forward (not above the nearest later
month stored before the file), a row whose next month is in the file needs nothing (that month compares
itself with the row); the last month of a series in the file before December and a row before a gap are
compared with the later month the table holds.
One loop in Python per row, kept short: it runs while the database inserts the previous block, and costs a
third of reading the line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection

from devplan.indicators.models import Figure, Indicator
from devplan.recording.checks import JUMP_FACTOR, meaningful
from devplan.recording.clock import current_month

# (region id, indicator id, year, month, value, growth, note): ids and the period as text ("2023", "09"), an
# empty value or growth as None.
Row = tuple[str, str, str, str, str | None, str | None, str]

NEXT_MONTH = {f"{m:02d}": f"{m + 1:02d}" for m in range(1, 12)}
NUMBER = {f"{m:02d}": m for m in range(1, 13)}  # a month's text as a number: a look-up is a third of int()
# Rows kept for the rules' own code to judge: far more than are ever listed (`bulk.LISTED`).
KEPT = 5000
LOOKED_UP = 500  # rows per query of the earlier months stored
JUMP = float(JUMP_FACTOR)  # `value_near_previous`: a cumulative value above this many times its earlier month's

# The value the cumulative rule compares figure `f` with: the latest revision of the latest earlier month of
# the year that has a value — the same figure `checks.previous_figure` finds.
EARLIER = """
    SELECT g.value FROM {figure} g WHERE g.region_id = f.region_id AND g.indicator_id = f.indicator_id
    AND g.year = f.year AND g.month < f.month AND g.value IS NOT NULL
    AND g.revision = (SELECT MAX(h.revision) FROM {figure} h WHERE h.region_id = g.region_id
                      AND h.indicator_id = g.indicator_id AND h.year = g.year AND h.month = g.month)
    ORDER BY g.month DESC LIMIT 1
"""


# The value the cumulative rule looking forward compares `f` with: the latest revision of the nearest later
# month of the year that has a value — the figure `checks.next_figure` finds — unless `f`'s own change set
# wrote it ({same} is NULL for rows not stored yet): that month then compares itself with `f`.
LATER = """
    SELECT CASE WHEN g.change_set_id = {same} THEN NULL ELSE g.value END FROM {figure} g
    WHERE g.region_id = f.region_id AND g.indicator_id = f.indicator_id
    AND g.year = f.year AND g.month > f.month AND g.value IS NOT NULL
    AND g.revision = (SELECT MAX(h.revision) FROM {figure} h WHERE h.region_id = g.region_id
                      AND h.indicator_id = g.indicator_id AND h.year = g.year AND h.month = g.month)
    ORDER BY g.month LIMIT 1
"""


@dataclass
class Written:
    """What a change set of plain new figures wrote: the summary its record keeps. The periods and regions are
    added by the reader of the lines as it reads them (`csv_direct.figure_blocks`), the rows counted by `see`."""

    rows: int = 0
    periods: set[tuple[str, str]] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)


class Screen:
    """Fed every block of the file in order (`see`), then `finish` after the COPY; `suspects` are then the
    rows that may break a rule."""

    def __init__(self) -> None:
        from devplan.collection.models import PeriodState

        low, high = settings.DEVPLAN_YEAR_MIN, settings.DEVPLAN_YEAR_MAX
        self.years = frozenset(f"{year:04d}" for year in range(low, high + 1))
        year, month = current_month()
        self.now = (f"{year:04d}", f"{month:02d}")  # a row after the current month is of a month not come
        self.ceiling = float(settings.DEVPLAN_MAX_GROWTH_PCT)
        indicators = list(Indicator.objects.all())
        self.flows = frozenset(str(i.pk) for i in indicators if i.quantity == Indicator.Quantity.FLOW)
        self.capped = frozenset(str(i.pk) for i in indicators
                                if i.quantity == Indicator.Quantity.RATE and i.unit == "%")
        self.months = {str(i.pk): frozenset(f"{m:02d}" for m in range(1, 13) if i.reported_in(m))
                       for i in indicators if i.frequency != Indicator.Frequency.MONTHLY}
        # Held for the whole write: the bulk door locks the month states (`bulk.open_change_set`).
        self.locked = frozenset((str(r), f"{y:04d}", f"{m:02d}") for r, y, m in
                                PeriodState.objects.filter(locked=True).values_list("region_id", "year", "month"))
        self.suspects: list[Row] = []
        self.lookups: list[Row] = []  # cumulative rows whose earlier month is looked up after the COPY
        self.written = Written()
        # The last cumulative row's series and month, the series' latest earlier value, and whether that value
        # is known from the file alone (no month the table may hold lies between).
        self._series = ("", "", "")
        self._month = ""
        self._earlier: str | None = None
        self._earlier_float = 0.0
        self._earlier_month = 1
        self._known = False
        # The series' last row with a value and no reason given, until the file shows its next month (written
        # with it, that month compares itself with the row); else (a gap, the series' end) the row is compared
        # with the later month the table holds.
        self._pending: Row | None = None

    def see(self, rows: list[Row]) -> None:
        """Screen the next rows of the file."""
        years, ceiling, capped, months, locked, flows = (self.years, self.ceiling, self.capped, self.months,
                                                         self.locked, self.flows)
        this_year, this_month = self.now
        number = NUMBER
        suspect, look_up = self.suspects.append, self.lookups.append
        (region, indicator, year), month = self._series, self._month
        earlier, earlier_float, earlier_month, known = (self._earlier, self._earlier_float, self._earlier_month,
                                                        self._known)
        pending = self._pending
        for row in rows:
            r, i, y, m, v, g, note = row
            if (y not in years or (y >= this_year and (y > this_year or m > this_month))
                    or (g is not None and not -100.0 < float(g) <= ceiling)
                    or (v is not None and i in capped and float(v) > 100.0)
                    or (i in months and m not in months[i]) or (locked and (r, y, m) in locked)):
                suspect(row)
            if i not in flows:
                continue
            if i == indicator and r == region and y == year and m > month:
                next_month = m == NEXT_MONTH[month]
                known_now = known and next_month
            else:
                region, indicator, year, earlier, known_now, next_month = r, i, y, None, m == "01", False
            if pending is not None and not next_month:
                look_up(pending)  # its nearest later month may be one the table holds
                pending = None
            if v is None:
                known = known_now
            else:
                value = float(v)
                pending = None  # its next month is this row, written with it: this row compares itself
                if not note or not meaningful(note):
                    if not known_now:
                        look_up(row)
                    elif earlier is not None and (value < earlier_float or (value == earlier_float and v != earlier)
                                                  or value > JUMP * earlier_float * number[m] / earlier_month):
                        suspect(row)
                    if m != "12":
                        pending = row
                earlier, earlier_float, earlier_month, known = v, value, number[m], True
            month = m
        self._series, self._month = (region, indicator, year), month
        self._earlier, self._earlier_float, self._earlier_month, self._known = (earlier, earlier_float, earlier_month,
                                                                                known)
        self._pending = pending
        self.written.rows += len(rows)
        del self.suspects[KEPT:]

    def finish(self) -> None:
        """After the COPY: the cumulative rows whose earlier or later month is in the table join the suspects
        when their value is not above the earlier one, or above three times it, or above the later one (the
        rules decide exactly)."""
        if self._pending is not None:
            self.lookups.append(self._pending)
            self._pending = None
        # The file's rows are in the table now, under no change set the screen knows: a later month of the
        # file is looked at too (a superset; the rules pass over it).
        earlier = EARLIER.format(figure=Figure._meta.db_table)
        later = LATER.format(figure=Figure._meta.db_table, same="NULL")
        lookups, named = list(dict.fromkeys(self.lookups)), set(self.suspects)
        for start in range(0, len(lookups), LOOKED_UP):
            chunk = lookups[start:start + LOOKED_UP]
            values = ", ".join(["(CAST(%s AS INTEGER), CAST(%s AS INTEGER), CAST(%s AS INTEGER), CAST(%s AS INTEGER))"]
                               * len(chunk))
            params: list[Any] = [int(part) for r, i, y, m, *_ in chunk for part in (r, i, y, m)]
            with connection.cursor() as cursor:
                cursor.execute(f"WITH f(region_id, indicator_id, year, month) AS (VALUES {values}) "
                               f"SELECT f.region_id, f.indicator_id, f.year, f.month, ({earlier}), ({later}) FROM f",
                               params)
                stored = {(str(r), str(i), f"{y:04d}", f"{m:02d}"): (before, after)
                          for r, i, y, m, before, after in cursor.fetchall()}
            # Above three times the earlier month (of any month: a superset of `value_near_previous`) too.
            self.suspects += [row for row in chunk if row not in named and _off(float(row[4] or 0), *stored[row[:4]])]
        self.lookups = []
        del self.suspects[KEPT:]


def _off(value: float, before: Any, after: Any) -> bool:
    """Whether a cumulative value may break the rules against its stored earlier and later months."""
    return ((before is not None and not float(before) < value <= JUMP * float(before))
            or (after is not None and value > float(after)))

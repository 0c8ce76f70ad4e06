"""The direct path of the figures' CSV import: a file whose every line is a plain new figure goes straight
into the figure table as first revisions, by the database's bulk path (PostgreSQL `COPY`, fed while the file
is read; SQLite `executemany`), with no staging table.

A plain line has no quoting, known codes (a region may be named by its name), a period YYYY-MM with month 01–12, a non-negative value and a
growth written as decimals of at most 15 integer and 4 decimal digits (at least one of them), and a note of
at most 1000 characters without a comma or control character that does not start like a formula: the
format rules of `devplan.recording.parse`, read by `_lines.c` (in C: a regular expression per line took
longer than the database's whole COPY of a national file). The rules that need the values or what is stored (years, growth
bounds, rates, frequency, cumulative values, locks) are screened while the rows stream in
(`devplan.recording.screen`), and the rows the screen names are judged by the rules' own code afterwards.
Any other line raises NotDirect; a row the database refuses (a figure that already has a revision meets the
primary key; a number too large) raises its DatabaseError. Either way the caller rolls back to its
savepoint and takes the staged path, which numbers revisions and names every problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.db import OperationalError, connection, transaction
from django.db.backends.utils import CursorWrapper
from django.utils import timezone

from devplan.indicators.models import Figure
from devplan.lib.collector import collector_paused
from devplan.recording.screen import Row, Screen, Written
from devplan.regions.lookup import codes_by_name
from devplan.scale import _lines

FIGURE_TABLE = Figure._meta.db_table
BLOCK = 1 << 20

class NotDirect(Exception):
    """The file holds a line the direct path cannot vouch for; the staged path judges it."""


@dataclass(frozen=True)
class Batch:
    """What every row of one import shares: the change set that wrote it, and when it became known."""

    change_set: int
    known_at: datetime | None  # None: known when stored


@dataclass(frozen=True)
class Loaded:
    """What a load wrote: its rows, and for plain new figures the screen that saw them go in (then nothing
    has to be read back from the table to check them or to close the change set)."""

    rows: int
    screen: Screen | None = None


def _codes(table: str) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT code, id FROM {table}")
        return {code: str(pk) for code, pk in cursor.fetchall()}


def _regions() -> dict[str, str]:
    """Region code → id, and each region's unique name (湘乡市) → the same id: a file may name its regions."""
    ids = _codes("regions_region")
    return {**ids, **{name: ids[code] for name, code in codes_by_name().items()}}


def _rows(block: str, regions: dict[str, str], indicators: dict[str, str], written: Written | None) -> list[Row]:
    """The block's lines (each ended by a newline) as rows, read by `_lines.rows` (in C: its comment says what a
    plain line is), their periods and regions added to `written`; NotDirect names the first line that is not
    plain."""
    found = (_lines.rows(block, regions, indicators) if written is None
             else _lines.rows(block, regions, indicators, written.periods, written.regions))
    if isinstance(found, int):
        raise NotDirect(block.split("\n")[found])
    return found


def figure_blocks(path: Path, regions: dict[str, str], indicators: dict[str, str],
                  written: Written | None = None) -> Iterator[list[Row]]:
    """The file's data rows in blocks of about a megabyte, the codes replaced by the ids of `regions` and
    `indicators` (code → id), the periods and regions they name added to `written`; raises NotDirect at the
    first line that is not a plain new figure. The header (line 1) was checked by the caller."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            handle.readline()
            rest = ""
            while block := handle.read(BLOCK):
                if '"' in block:
                    raise NotDirect("quoted field")
                block = rest + block
                cut = block.rfind("\n") + 1
                rest = block[cut:]
                yield _rows(block[:cut], regions, indicators, written)
            if rest:
                yield _rows(rest, regions, indicators, written)
    except UnicodeDecodeError:
        raise NotDirect("not UTF-8") from None


def _shared(batch: Batch) -> tuple[list[str], list[str]]:
    """The columns every row of the batch shares for COPY, and their values."""
    columns = ["change_set_id"]
    values = [str(batch.change_set)]
    if batch.known_at is not None:
        columns.append("known_at")
        values.append(batch.known_at.isoformat())
    return columns, values


def copy_sql(batch: Batch) -> str:
    """PostgreSQL: the COPY that takes `copy_text`'s lines as first revisions; the columns left out take the
    table's defaults (the time of the statement for known_at unless the batch names one)."""
    columns = ", ".join(["region_id", "indicator_id", "year", "month", "revision", "value", "growth_pct", "note",
                         *_shared(batch)[0]])
    return f"COPY {FIGURE_TABLE} ({columns}) FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL (note))"


def copy_text(path: Path, batch: Batch, screen: Screen | None = None) -> Iterator[str]:
    """PostgreSQL: the file's rows as `copy_sql`'s CSV, a block at a time, each block shown to `screen`
    first; the iterator raises NotDirect at the first line that is not a plain new figure. The codes are read
    now, before any COPY holds the connection."""
    tail = "," + ",".join(_shared(batch)[1]) + "\n"
    blocks = figure_blocks(path, _regions(), _codes("indicators_indicator"), None if screen is None else screen.written)

    def texts() -> Iterator[str]:
        for rows in blocks:
            if screen is not None:
                screen.see(rows)
            yield _lines.copy_text(rows, tail)  # r,i,y,m,1,v,g,note + tail, in C

    return texts()


@contextmanager
def key_built_after(cursor: CursorWrapper) -> Iterator[None]:
    """PostgreSQL: the figure table's primary key dropped for the statements of the block and built again
    after them, sorted, in one pass. DDL is transactional: if the block fails, the caller's savepoint or
    transaction rolling back restores the key; a figure stored twice fails the new key as it would have failed
    the old one."""
    constraints = connection.introspection.get_constraints(cursor, FIGURE_TABLE)
    name, columns = next((name, c["columns"]) for name, c in constraints.items() if c["primary_key"])
    cursor.execute(f"ALTER TABLE {FIGURE_TABLE} DROP CONSTRAINT {name}")
    yield
    cursor.execute(f"ALTER TABLE {FIGURE_TABLE} ADD CONSTRAINT {name} PRIMARY KEY ({', '.join(columns)})")


def stored_bytes(cursor: CursorWrapper) -> int:
    """PostgreSQL: the room the figure table's rows take (its heap, without the key)."""
    cursor.execute("SELECT pg_relation_size(%s)", [FIGURE_TABLE])
    return int(cursor.fetchone()[0])


def _rebuilds_key(cursor: CursorWrapper, path: Path) -> bool:
    """PostgreSQL: whether this load drops the figure table's key and builds it again after the COPY. It does
    when the table's rows take less room than the file (it is empty, or the file adds more than it holds) and
    no one else is using the table: sorting every row into a new index once is far cheaper than millions of
    single entries, each its own WAL record. The drop takes the table's ACCESS EXCLUSIVE lock until the import
    commits, so it is tried without waiting (NOWAIT): if anyone reads or writes figures, the key stays."""
    if stored_bytes(cursor) >= path.stat().st_size:
        return False
    try:
        with transaction.atomic():  # released, not rolled back: the lock stays until the import ends
            cursor.execute(f"LOCK TABLE {FIGURE_TABLE} IN ACCESS EXCLUSIVE MODE NOWAIT")
    except OperationalError:
        return False
    return True


def _copy(path: Path, batch: Batch, screen: Screen) -> None:
    texts = copy_text(path, batch, screen)
    # The socket's buffers let the server insert one block while Python reads the next (a queued writer
    # thread was no faster and held a hundred megabytes more).
    with (connection.cursor() as cursor,
          key_built_after(cursor) if _rebuilds_key(cursor, path) else nullcontext(),
          cursor.copy(copy_sql(batch)) as copy):
        for text in texts:
            copy.write(text)


def _literal(text: str) -> str:
    """`text` as an SQLite string literal."""
    if "\x00" in text:
        raise NotDirect("NUL in a shared field")
    return "'" + text.replace("'", "''") + "'"


LOAD_CACHE_KIB = -65536  # SQLite: a negative cache size is in KiB


def _executemany(path: Path, batch: Batch, screen: Screen) -> None:
    """SQLite: executemany the rows as first revisions; the columns left out take the table's defaults. What
    every row shares is written into the statement once: binding it per row cost a tenth of the load."""
    adapt = connection.ops.adapt_datetimefield_value
    shared = ", ".join((str(int(batch.change_set)), _literal(str(adapt(batch.known_at or timezone.now())))))
    sql = (
        f"INSERT INTO {FIGURE_TABLE} (region_id, indicator_id, year, month, revision, value, growth_pct, note,"
        f" change_set_id, known_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, {shared})"
    )
    connection.ensure_connection()
    raw = connection.connection
    blocks = figure_blocks(path, _regions(), _codes("indicators_indicator"), screen.written)
    # The figure table's key is a second B-tree beside its rows: with SQLite's default 2 MB of cache the pages
    # of both spill while the transaction grows (5 % of the load's time at a million rows). 64 MB for this
    # load only; durability is untouched (the journal and synchronous settings stay).
    (cache,) = raw.execute("PRAGMA cache_size").fetchone()
    raw.execute(f"PRAGMA cache_size = {LOAD_CACHE_KIB}")
    try:
        with connection.wrap_database_errors:
            for rows in blocks:
                screen.see(rows)
                # The columns' affinity stores the ids, year and month as integers and the numbers as numbers.
                raw.executemany(sql, rows)
    finally:
        raw.execute(f"PRAGMA cache_size = {int(cache)}")


def import_direct(path: Path, batch: Batch) -> Loaded:
    """Store every row of the file as a first revision, screened for the rules as it goes in. Raises
    NotDirect or a DatabaseError when the file is not for this path; the caller's savepoint undoes what was
    written."""
    screen = Screen()
    with collector_paused():
        (_copy if connection.vendor == "postgresql" else _executemany)(path, batch, screen)
    screen.finish()
    return Loaded(screen.written.rows, screen)


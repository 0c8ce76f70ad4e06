"""The demo fixture's rows, copied: `load_demo()` runs once per test process (0.7 s of CPU, through the one door
and the ORM), and each later test that asks for the demo gets the rows that first load wrote, put back in a few
statements (SQLite: the rows read back and inserted again; PostgreSQL: `COPY` out and in). Only where the
database looks as it did before that first load, table for table; anywhere else `load_demo()` runs again."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

from devplan.demo.loader import DEMO_REGION_CODE, load_demo
from devplan.regions.models import Region


def _counts(tables: list[str]) -> dict[str, int]:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT count(*) FROM {quote(table)})" for table in tables))
        return dict(zip(tables, cursor.fetchone(), strict=True))


class DemoRows:
    """What the first load of the demo wrote in this process, and the table counts it started from."""

    def __init__(self) -> None:
        self.before: dict[str, int] | None = None
        self.rows: dict[str, Any] = {}
        self.usable = True

    def load(self) -> Region:
        tables = sorted(connection.introspection.table_names())
        counts = _counts(tables)
        if self.before is not None and counts == self.before:
            self._put_back()
            return Region.objects.get(code=DEMO_REGION_CODE)
        region = load_demo()
        if self.before is None and self.usable:
            grown = [table for table, count in _counts(tables).items() if count > counts[table]]
            # Rows added to a table that already held some could depend on them: no copy then.
            self.usable = all(counts[table] == 0 for table in grown)
            if self.usable:
                self.before, self.rows = counts, {table: self._read(table) for table in grown}
        return region

    def _read(self, table: str) -> Any:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quote(table)} TO STDOUT") as copy:
                    return b"".join(bytes(block) for block in copy)
            cursor.execute(f"SELECT * FROM {quote(table)}")
            return cursor.fetchall()

    def _put_back(self) -> None:
        quote = connection.ops.quote_name
        # One transaction: the foreign keys are checked at its end, when every table is back (a test without a
        # transaction of its own would check each insert on its own).
        with transaction.atomic(), connection.cursor() as cursor:
            for table, rows in self.rows.items():
                if connection.vendor == "postgresql":
                    with cursor.cursor.copy(f"COPY {quote(table)} FROM STDIN") as copy:
                        copy.write(rows)
                elif rows:
                    places = ", ".join(["%s"] * len(rows[0]))
                    cursor.executemany(f"INSERT INTO {quote(table)} VALUES ({places})", rows)
            if connection.vendor == "postgresql":
                # The rows came with their ids: the sequences move past them, as the first load left them.
                models = [model for model in apps.get_models(include_auto_created=True)
                          if model._meta.db_table in self.rows]
                for statement in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(statement)

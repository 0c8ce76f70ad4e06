"""PostgreSQL: a file larger than the figure table holds is loaded the standard bulk way — the table's key
dropped, the rows COPYed, the key built again, all in the import's transaction — unless someone else is using
the table. Every rule and every refusal is as with the key in place."""

from __future__ import annotations

from decimal import Decimal as D

import psycopg
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from devplan.backup.hashing import database_state
from devplan.indicators.models import Figure
from devplan.scale import csv_direct
from devplan.scale.problems import ImportRejected
from devplan.scale.staging import COLUMNS
from tests.scale.csv_files import csv_writer
from tests.writing import import_figures_csv

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite keeps its key: it cannot drop it")

write = csv_writer(COLUMNS, "figures.csv")
FILE = "430381,gdp,2019-03,101.5,6.1,\n430381,gdp,2019-06,,5.9,初步核算\n430381,gdp,2019-09,300,,\n"


@pytest.fixture
def small_table(monkeypatch):  # type: ignore[no-untyped-def]
    """The figure table taken as empty: the demo's rows (and dead ones of earlier tests) hold more than a
    test's file."""
    monkeypatch.setattr(csv_direct, "stored_bytes", lambda cursor: 0)


def key() -> tuple[str, list[str]]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, csv_direct.FIGURE_TABLE)
    return next((name, c["columns"]) for name, c in constraints.items() if c["primary_key"])


def statements(queries: CaptureQueriesContext) -> str:
    return "\n".join(query["sql"] for query in queries.captured_queries)


def test_into_a_table_smaller_than_the_file_the_key_is_built_after_the_rows(demo, tmp_path, small_table):
    before = key()
    with CaptureQueriesContext(connection) as queries:
        assert import_figures_csv(write(tmp_path, FILE)) == 3
    assert "DROP CONSTRAINT" in statements(queries) and "PRIMARY KEY" in statements(queries)
    assert key() == before
    stored = Figure.objects.filter(region__code="430381", indicator__code="gdp", year=2019).order_by("month")
    assert [(f.month, f.revision, f.value, f.growth_pct) for f in stored] == [
        (3, 1, D("101.5"), D("6.1")), (6, 1, None, D("5.9")), (9, 1, D("300"), None)]


def test_a_figure_twice_in_the_file_fails_the_new_key_and_is_named_by_the_staged_path(demo, tmp_path, small_table):
    path = write(tmp_path, FILE + "430381,gdp,2019-03,1,1,\n")
    before, state = key(), database_state()
    with pytest.raises(ImportRejected) as refused:
        import_figures_csv(path)
    assert [(p.line, p.column) for p in refused.value.problems] == [(5, "period")]
    assert key() == before and database_state() == state


def test_a_rule_broken_in_the_file_refuses_it_with_the_key_rebuilt_as_with_it_kept(demo, tmp_path, small_table):
    path = write(tmp_path, "430381,gdp,2019-03,101.5,6.1,\n430381,gdp,2019-06,90,5.9,\n")
    with pytest.raises(ImportRejected) as refused:
        import_figures_csv(path)
    assert [p.line for p in refused.value.problems] == [3]
    assert key()[1] == ["region_id", "indicator_id", "year", "month", "revision"]


def test_while_someone_reads_figures_the_key_stays_and_the_import_waits_for_no_one(demo, tmp_path, small_table):
    settings = connection.settings_dict
    with psycopg.connect(dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"],
                         port=settings["PORT"] or 5432, password=settings["PASSWORD"] or None) as reader:
        reader.execute(f"SELECT 1 FROM {csv_direct.FIGURE_TABLE} LIMIT 1")  # holds ACCESS SHARE until rollback
        with CaptureQueriesContext(connection) as queries:
            assert import_figures_csv(write(tmp_path, FILE)) == 3
        reader.rollback()
    assert "NOWAIT" in statements(queries) and "DROP CONSTRAINT" not in statements(queries)

"""The migration that keys figures by identity and revision keeps every stored figure, both ways."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("indicators", "0002_bulk_load_defaults")]
AFTER = [("indicators", "0003_figure_key")]
FIELDS = ("region_id", "indicator_id", "year", "month", "revision", "value", "growth_pct", "reason")


def _migrate(target: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def _rows(apps) -> list[tuple]:  # type: ignore[no-untyped-def]
    figure = apps.get_model("indicators", "Figure")
    return list(figure.objects.order_by("region_id", "indicator_id", "year", "month", "revision").values_list(*FIELDS))


@pytest.mark.django_db(transaction=True)
def test_figures_survive_the_change_of_key_and_its_reversal():
    apps = _migrate(BEFORE)
    region = apps.get_model("regions", "Region").objects.create(code="430381", name="湘乡市", level="county")
    indicator = apps.get_model("indicators", "Indicator").objects.create(code="gdp", name="地区生产总值", unit="亿元",
                                                              quantity="flow")
    figure = apps.get_model("indicators", "Figure")
    for revision, value in ((1, "420.5"), (2, "428.3")):
        figure.objects.create(region=region, indicator=indicator, year=2023, month=9, revision=revision,
                              value=D(value), growth_pct=D("2.2"), reason="统计局修订" if revision == 2 else "")
    stored = _rows(apps)
    try:
        assert _rows(_migrate(AFTER)) == stored
        assert _rows(_migrate(BEFORE)) == stored
    finally:  # back to the latest schema of every app (the migrations above unapplied those that depend on them)
        executor = MigrationExecutor(connection)
        _migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db
def test_the_figure_key_is_the_figure_tables_only_index():
    """A second index (a surrogate id, a foreign-key index) would slow every bulk import of figures."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "indicators_figure")
    # SQLite lists a primary key's columns in the table's order, not the key's.
    indexed = [sorted(c["columns"]) for c in constraints.values() if c["index"] or c["primary_key"] or c["unique"]]
    assert indexed == [sorted(("region_id", "indicator_id", "year", "month", "revision"))]


def _figure_table_sql() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'indicators_figure'")
        return str(cursor.fetchone()[0])


@pytest.mark.django_db
def test_the_figure_table_takes_bulk_loads_without_per_row_work():
    """SQLite: the table is its key (WITHOUT ROWID: one B-tree, not a rowid table and a key beside it) and does
    not run JSON_VALID on each row's `precision` — a seventh of a load of millions of figures. A later
    migration that rebuilds the table (SQLite's way of altering a column) must make it so again."""
    if connection.vendor == "sqlite":
        sql = _figure_table_sql()
        assert sql.rstrip().endswith("WITHOUT ROWID") and "JSON_VALID" not in sql
    else:  # PostgreSQL's jsonb validates as it parses: no check constraint to drop
        with connection.cursor() as cursor:
            cursor.execute("SELECT data_type FROM information_schema.columns WHERE table_name = 'indicators_figure'"
                           " AND column_name = 'precision'")
            assert cursor.fetchone()[0] == "jsonb"


@pytest.mark.django_db(transaction=True)
def test_figures_survive_the_table_made_for_bulk_loads():
    before = [("indicators", "0004_change_sets")]
    apps = _migrate(before)
    region = apps.get_model("regions", "Region").objects.create(code="430381", name="湘乡市", level="county")
    indicator = apps.get_model("indicators", "Indicator").objects.create(code="gdp", name="地区生产总值", unit="亿元",
                                                                        quantity="flow")
    change_set = apps.get_model("recording", "ChangeSet").objects.create(actor_name="测试", door="cli")
    figure = apps.get_model("indicators", "Figure")
    for revision, value in ((1, "420.50"), (2, "428.3")):
        figure.objects.create(region=region, indicator=indicator, year=2023, month=9, revision=revision,
                              value=D(value), precision={"value": 2 if revision == 1 else 1}, change_set=change_set)
    fields = ("region_id", "indicator_id", "year", "month", "revision", "value", "precision", "change_set_id")
    stored = list(figure.objects.order_by("revision").values_list(*fields))
    try:
        after = _migrate([("indicators", "0005_figure_table_for_bulk_loads")]).get_model("indicators", "Figure")
        assert list(after.objects.order_by("revision").values_list(*fields)) == stored
        if connection.vendor == "sqlite":
            assert _figure_table_sql().rstrip().endswith("WITHOUT ROWID")
        back = _migrate(before).get_model("indicators", "Figure")
        assert list(back.objects.order_by("revision").values_list(*fields)) == stored
    finally:
        executor = MigrationExecutor(connection)
        _migrate(executor.loader.graph.leaf_nodes())

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

"""The migrations to the one measure shape keep every stored row: funds renamed, attraction widened, each task
progress row moved from its task to the task's region, year and code — and back."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("funds", "0004_change_sets"), ("attraction", "0004_change_sets"), ("tasks", "0004_change_sets")]
AFTER = [("funds", "0006_measure_fields"), ("attraction", "0006_measure_fields"), ("tasks", "0006_measure_fields")]


def _migrate(target: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_every_row_moves_to_the_measure_shape():
    apps = _migrate(BEFORE)
    try:
        region = apps.get_model("regions", "Region").objects.create(code="430381", name="湘乡市", level="county")
        department = apps.get_model("regions", "Department").objects.create(region=region, name="住建局")
        change = apps.get_model("recording", "ChangeSet").objects.create(actor_name="发改局", door="cli")
        common = {"region": region, "year": 2023, "revision": 1, "change_set": change}
        apps.get_model("funds", "FundFigure").objects.create(
            **common, month=11, source="loans", amount=D("26"), project_count=20, project_investment=D("42"))
        apps.get_model("funds", "FundTarget").objects.create(**common, source="total", amount=D("50"))
        apps.get_model("attraction", "AttractionFigure").objects.create(**common, month=12, measure="fdi", value=D("480"))
        task = apps.get_model("tasks", "Task").objects.create(
            region=region, year=2024, code="rural_dangerous_houses", title="农村危房改造", department=department,
            kind="cumulative", target=D("120"), unit="户")
        apps.get_model("tasks", "TaskProgress").objects.create(task=task, month=6, value=D("30"), revision=1,
                                                               change_set=change, note="已开工")

        apps = _migrate(AFTER)
        fund = apps.get_model("funds", "FundFigure").objects.get()
        assert (fund.measure, fund.stage, fund.value, fund.count, fund.total) == ("loans", "", 26, 20, 42)
        assert apps.get_model("funds", "FundTarget").objects.values_list("measure", "value").get() == ("total", 50)
        figure = apps.get_model("attraction", "AttractionFigure").objects.get()
        assert (figure.measure, figure.stage, figure.chain, figure.value) == ("fdi", "", "", 480)
        progress = apps.get_model("tasks", "TaskProgress").objects.get()
        assert (progress.region_id, progress.year, progress.month, progress.measure, progress.value, progress.note) == (
            region.pk, 2024, 6, "rural_dangerous_houses", 30, "已开工")

        apps = _migrate(BEFORE)
        assert apps.get_model("tasks", "TaskProgress").objects.values_list("task_id", "month", "value").get() == (
            task.pk, 6, 30)
        assert apps.get_model("funds", "FundFigure").objects.values_list("source", "amount").get() == ("loans", 26)
    finally:  # back to the latest schema of every app
        executor = MigrationExecutor(connection)
        _migrate(executor.loader.graph.leaf_nodes())

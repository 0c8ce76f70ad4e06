"""The 2024 plan tasks of the seed, by department, and their progress."""

import json
from decimal import Decimal as D

import pytest

from devplan.tasks.models import Task
from devplan.tasks.services import tasks_status
from tests.conftest import run_devplan
from tests.writing import Provenance, record_task_progress


@pytest.mark.django_db
def test_every_2024_task_of_the_seed_has_a_department_target_and_qualifier(demo):
    rows = {row["measure"]: row for row in tasks_status(demo, 2024)["rows"]}
    assert len(rows) == 16
    firms = rows["new_scale_industrial_firms"]
    assert (firms["target"]["value"], firms["unit"], firms["target"]["qualifier"]) == (20, "家", "以上")
    assert rows["new_scale_industrial_firms"]["department"] == "工信局"
    assert rows["old_estate_households"]["target"]["value"] == 4672
    assert (rows["hog_inventory"]["target"]["value"], rows["hog_inventory"]["unit"]) == (70, "万头")
    assert all(row["target"]["source"] for row in rows.values())


@pytest.mark.django_db
def test_cumulative_tasks_follow_time_progress_and_levels_wait_for_december(demo):
    provenance = Provenance(by_name="住建局")
    record_task_progress(Task.objects.get(code="rural_dangerous_houses"), 6, D("30"), provenance)
    record_task_progress(Task.objects.get(code="cloud_firms"), 6, D("450"), provenance)
    record_task_progress(Task.objects.get(code="services_revenue_growth"), 6, D("15.5"), provenance)
    rows = {row["measure"]: row for row in tasks_status(demo, 2024)["rows"]}
    assert (rows["rural_dangerous_houses"]["completion_pct"], rows["rural_dangerous_houses"]["light"]) == (25, "red")
    assert (rows["cloud_firms"]["completion_pct"], rows["cloud_firms"]["light"]) == (90, "none")
    assert rows["services_revenue_growth"]["light"] == "green"


def test_tasks_command_prints_json(demo_db_url):
    result = run_devplan("tasks", "--region", "湘乡市", "--year", "2024", "--json", db=demo_db_url)
    assert result.returncode == 0, result.stderr
    assert {row["name"] for row in json.loads(result.stdout)["rows"]} >= {"建设社区养老服务设施", "粮食种植面积"}

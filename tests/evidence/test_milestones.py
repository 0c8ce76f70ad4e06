"""Milestones: an overdue one turns a project's one light yellow, then red, whatever its money says — in the
summary every page, the dashboard and the brief read; dates are set through the one door (planners plan,
owners report what was done), recorded in a change set that can be reverted; the API reads and sets them."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from devplan.arithmetic.progress import Light
from devplan.projects.models import Milestone, Project
from devplan.projects.pace import pace
from devplan.projects.summary import project_summary
from devplan.recording.actors import Actor
from devplan.recording.changes import revert, rows_of
from devplan.recording.milestones import set_milestones
from devplan.recording.models import ChangeSet, Door
from devplan.recording.rules import Rejected
from devplan.recording.service import Forbidden

REF = "XX-003"  # 韶峰南方物流大道, owned by the personas' builder; 2023 progress reported through October


def _actor(user: Any) -> Actor:
    return Actor(user=user, name=user.get_username(), door=Door.WEB)


def _row(personas: Any) -> dict[str, Any]:
    return next(row for row in project_summary(personas.region, 2023)["projects"] if row["ref"] == REF)


def test_an_overdue_milestone_makes_a_green_project_yellow_then_red_and_none_is_not_green() -> None:
    on_pace = (Decimal("8"), Decimal("10"), 10, Decimal("10"), Decimal("30"))
    assert pace(*on_pace).light == Light.GREEN
    assert pace(*on_pace, overdue_days=30, red_days=30).light == Light.YELLOW
    assert pace(*on_pace, overdue_days=31, red_days=30).light == Light.RED
    # No money reported at all: the milestone alone still lights the project.
    assert pace(None, Decimal("10"), 10, Decimal("10"), Decimal("30"), overdue_days=3).light == Light.YELLOW
    # Red money stays red with a slightly late milestone.
    assert pace(Decimal("1"), Decimal("10"), 10, Decimal("10"), Decimal("30"), overdue_days=3).light == Light.RED


@pytest.mark.django_db
def test_an_overdue_permit_turns_the_project_yellow_then_red_in_the_one_summary(personas) -> None:  # type: ignore[no-untyped-def]
    before = _row(personas)
    assert before["milestones_overdue"] == [] and before["judged_on"] == "2023-10-31"
    project = Project.objects.get(ref=REF)
    # Permit planned for 20 October 2023 and not obtained: 11 days late on 31 October.
    set_milestones(_actor(personas.planner), project, {"permit": {"planned": "2023-10-20", "actual": None}})
    row = _row(personas)
    assert row["milestones_overdue"] == ["施工许可"] and row["overdue_days"] == 11
    assert row["light"] in (Light.YELLOW, Light.RED) and row["lagging"]
    if before["light"] == Light.GREEN:
        assert row["light"] == Light.YELLOW
    # The list and the project's page say why it lags.
    assert "施工许可逾期" in personas.client("viewer").get("/projects/430381/2023/").content.decode()
    assert "节点逾期：施工许可（最长 11 天）" in personas.client("viewer").get(f"/project/{REF}/2023/").content.decode()
    set_milestones(_actor(personas.planner), project, {"permit": {"planned": "2023-08-01"}})
    assert _row(personas)["light"] == Light.RED
    # Obtained (by its owner) before the end of the data month: nothing is overdue, the money light again.
    set_milestones(_actor(personas.builder), project, {"permit": {"actual": "2023-10-15"}})
    assert _row(personas)["light"] == before["light"] and _row(personas)["milestones_overdue"] == []


@pytest.mark.django_db
def test_owners_report_actual_dates_planners_plan_and_others_do_neither(personas) -> None:  # type: ignore[no-untyped-def]
    project = Project.objects.get(ref=REF)
    with pytest.raises(Forbidden, match="计划日期由本行政区的发改局"):
        set_milestones(_actor(personas.builder), project, {"eia": {"planned": "2022-12-01"}})
    with pytest.raises(Forbidden):
        set_milestones(_actor(personas.other), project, {"eia": {"actual": "2022-12-01"}})
    with pytest.raises(Rejected, match="不能晚于今天"):
        set_milestones(_actor(personas.builder), project,
                       {"eia": {"actual": (timezone.localdate() + timedelta(days=2)).isoformat()}})
    # 开工 and 竣工 are the registry's own dates, under its rules: start not after completion.
    with pytest.raises(Rejected, match="不能晚于"):
        set_milestones(_actor(personas.planner), project, {"start": {"planned": "2026-01-01"}})
    assert Project.objects.get(ref=REF).planned_start.isoformat() == "2023-03-01"  # type: ignore[union-attr]


@pytest.mark.django_db
def test_a_milestone_change_is_one_change_set_that_reverts(personas) -> None:  # type: ignore[no-untyped-def]
    project = Project.objects.get(ref=REF)
    old_permit = Milestone.objects.get(project=project, kind="permit").actual
    edited = set_milestones(_actor(personas.planner), project,
                            {"permit": {"actual": "2023-02-10"}, "completion": {"planned": "2025-12-31"}}, "补办")
    change_set = ChangeSet.objects.order_by("-pk").first()
    assert change_set is not None and change_set.reason == "补办" and change_set.rows == 2
    assert edited.version == project.version + 1
    shown, total = rows_of(change_set)
    assert total == 2 and ("施工许可实际完成日期", str(old_permit), "2023-02-10") in shown[0].fields
    revert(_actor(personas.planner), change_set, "填错了")
    assert Milestone.objects.get(project=project, kind="permit").actual == old_permit
    assert Project.objects.get(ref=REF).planned_completion.isoformat() == "2025-06-30"  # type: ignore[union-attr]


@pytest.mark.django_db
def test_the_api_reads_and_sets_milestones(personas) -> None:  # type: ignore[no-untyped-def]
    builder = personas.client("builder")
    read = builder.get(f"/api/projects/{REF}/milestones")
    assert read.status_code == 200
    assert [m["name"] for m in read.json()["milestones"]] == ["立项", "用地", "环评", "施工许可", "开工", "竣工"]
    sent = builder.post(f"/api/projects/{REF}/milestones", json.dumps({"dates": {"land": {"actual": "2022-10-09"}}}),
                        content_type="application/json")
    assert sent.status_code == 200, sent.content
    assert next(m for m in sent.json()["milestones"] if m["key"] == "land")["actual"] == "2022-10-09"
    refused = builder.post(f"/api/projects/{REF}/milestones", json.dumps({"dates": {"land": {"planned": "2022-10-09"}}}),
                           content_type="application/json")
    assert refused.status_code == 403 and "发改局" in refused.json()["detail"]
    unknown = personas.client("planner").post(f"/api/projects/{REF}/milestones",
                                              json.dumps({"dates": {"foundation": {"actual": "2022-10-09"}}}),
                                              content_type="application/json")
    assert unknown.status_code == 422 and "没有名为“foundation”的节点" in unknown.json()["detail"]
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    future = builder.post(f"/api/projects/{REF}/milestones", json.dumps({"dates": {"land": {"actual": tomorrow}}}),
                          content_type="application/json")
    assert future.status_code == 422 and future.json()["problems"][0]["field"] == "land.actual"

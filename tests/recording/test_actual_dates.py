"""A date something actually happened on is not after today, on every door that takes one: a project's
registry edit, its monthly report (the owners' template) and its milestones — one rule, `parse.actual_day`
(a tester stored a 2099 start through `PUT /api/projects`, which the owner's template then offered back and
every upload refused)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from devplan.projects.models import Project
from devplan.recording.actors import Actor
from devplan.recording.checks import static
from devplan.recording.milestones import set_milestones
from devplan.recording.models import Door
from devplan.recording.registry import edit_project
from devplan.recording.rows import ProgressRow
from devplan.recording.rules import Rejected

OPERATOR = Actor.of_system("测试", Door.CLI)


def _tomorrow() -> str:
    return (timezone.localdate() + timedelta(days=1)).isoformat()


def test_a_registry_edit_refuses_an_actual_date_after_today(demo: Any) -> None:
    project = Project.objects.get(ref="XX-012")
    with pytest.raises(Rejected, match=r"实际开工日期（.*）不能晚于今天"):
        edit_project(OPERATOR, project, project.version, {"actual_start": _tomorrow()})
    with pytest.raises(Rejected, match=r"实际竣工日期（.*）不能晚于今天"):
        edit_project(OPERATOR, project, project.version, {"actual_completion": "2099-01-01"})
    edit_project(OPERATOR, project, project.version, {"planned_completion": "2099-01-01"})  # a plan may be ahead


def test_a_progress_report_and_the_milestones_refuse_it_with_the_same_sentence(demo: Any) -> None:
    project = Project.objects.get(ref="XX-013")
    today = timezone.localdate()
    row = ProgressRow(project, today.year, today.month, {"completed": "0.1", "actual_start": "2099-01-01"})
    assert [p.message for p in static(row).problems] == [f"{project.name}的实际开工日期（2099-01-01）不能晚于今天"]
    with pytest.raises(Rejected, match="不能晚于今天"):
        set_milestones(OPERATOR, project, {"start": {"actual": "2099-01-01"}})

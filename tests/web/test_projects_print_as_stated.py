"""A project's completed investment stated 3.10 prints 3.10 on the project list page, the project's page and in
`devplan projects` (issue 16 trial: they printed 3.1, the JSON number without its stated zero)."""

from __future__ import annotations

import html

from devplan.projects.models import Project
from devplan.projects.summary import project_summary
from devplan.projects.text import render_summary
from devplan.recording.service import approve
from tests.collection_workflow.helpers import actor, send


def _approved(personas) -> Project:  # type: ignore[no-untyped-def]
    project = Project.objects.get(ref="XX-003")
    submission = send(personas.builder, personas.region, project, 2023, 11, completed="3.10",
                      explanation="设备提前到货安装")
    approve(actor(personas.planner), submission.pk)
    return project


def test_the_list_and_the_project_page_print_the_stated_zero(personas) -> None:  # type: ignore[no-untyped-def]
    project = _approved(personas)
    client = personas.client("planner")
    listing = html.unescape(client.get("/projects/430381/2023/").content.decode())
    assert '<td class="num">3.10</td>' in listing
    page = html.unescape(client.get(f"/project/{project.ref}/2023/").content.decode())
    assert "累计完成 <b>3.10</b> 亿元" in page


def test_the_projects_command_prints_the_stated_zero(personas) -> None:  # type: ignore[no-untyped-def]
    project = _approved(personas)
    summary = project_summary(personas.region, 2023, month=11)
    row = next(r for r in summary["projects"] if r["ref"] == project.ref)
    assert row["as_stated"]["completed_investment"] == "3.10" and row["completed_investment"] == 3.1
    line = next(line for line in render_summary(summary).splitlines() if project.ref in line)
    assert "3.10" in line.split()

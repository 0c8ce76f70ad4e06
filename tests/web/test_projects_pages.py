"""Key projects: the list with its filters, a project's page, the owner's progress entry and its approval,
and the owner units in the completeness table and reminders."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from devplan.accounts.access import Access, project_access
from devplan.collection.models import Submission
from devplan.projects.models import Progress, Project
from devplan.recording.periods import set_deadline
from tests.accounts.personas import BUILDER
from tests.collection_workflow.helpers import actor

LIST = "/projects/430381/2023/"
PROGRESS = "/progress/430381/2023/11/"


def test_project_access_lets_only_the_owner_unit_write(personas):
    project = Project.objects.get(ref="XX-003")
    assert project_access(personas.builder, project) == Access(read=True, write=True)
    assert project_access(personas.owner, project) == Access(read=True, write=False)
    assert project_access(personas.planner, project) == Access(read=True, write=False)
    from django.contrib.auth.models import AnonymousUser

    assert project_access(AnonymousUser(), project) == Access(read=False, write=False)


def test_projects_list_filters_by_light_and_status(personas):
    client = personas.client("planner")
    everything = client.get(LIST).content.decode()
    assert "湘乡市压缩空气储能项目" in everything
    red = client.get(LIST, {"light": "red"}).content.decode()
    assert red.count('<tr class="light-red">') == red.count("<tr class=")
    started = client.get(LIST, {"status": "新开工"}).content.decode()
    assert started.count("<tr class=") < everything.count("<tr class=")


@pytest.mark.parametrize(("who", "status"), [("owner", 200), ("other", 200), ("builder", 200), ("anonymous", 302)])
def test_project_pages_answer_each_persona(personas, who, status):
    assert personas.client(who).get(LIST).status_code == status
    assert personas.client(who).get("/project/XX-003/2023/").status_code == status


def test_project_page_shows_the_monthly_progress_history(personas):
    page = personas.client("planner").get("/project/XX-003/2023/").content.decode()
    assert "韶峰南方物流大道" in page and "1—10月" in page and "1.55" in page


@pytest.mark.parametrize(("who", "status"), [("builder", 200), ("owner", 403), ("planner", 403), ("anonymous", 302)])
def test_only_project_owners_open_the_progress_entry(personas, who, status):
    assert personas.client(who).get(PROGRESS).status_code == status


def test_owner_submits_progress_and_approval_adds_a_progress_revision(personas):
    client = personas.client("builder")
    page = client.get(PROGRESS).content.decode()
    assert 'name="invest_XX-003"' in page and "上月累计：1.55" in page
    client.post(PROGRESS, {"invest_XX-003": "1.6", "narrative_XX-003": "路基完成80%", "action": "submit"})
    submission = Submission.objects.get(project__ref="XX-003")
    assert submission.status == "submitted"
    planner = personas.client("planner")
    planner.post(f"/review/submission/{submission.pk}/", {"action": "approve"})
    progress = Progress.objects.get(project__ref="XX-003", year=2023, month=11)
    assert progress.completed_investment == Decimal("1.6") and progress.narrative == "路基完成80%"
    assert progress.recorded_by == personas.planner


def test_an_owner_cannot_post_another_owners_project(personas):
    answer = personas.client("builder").post(PROGRESS, {"invest_XX-001": "3", "action": "save"})
    assert answer.status_code == 403
    assert not Submission.objects.exists()


def test_the_dashboard_lists_lagging_projects(personas):
    page = personas.client("planner").get("/dashboard/430381/2023/10/").content.decode()
    assert "滞后的重点项目" in page and "/project/XX-" in page


def test_owner_units_appear_in_the_completeness_table_dashboard_and_their_home_page(personas):
    set_deadline(actor(personas.planner), personas.region, 2023, 11, date(2023, 12, 10))
    project = Project.objects.get(ref="XX-003")
    review = personas.client("planner").get("/review/430381/2023/11/").content.decode()
    assert BUILDER in review and project.name in review and "项目业主" in review
    dashboard = personas.client("planner").get("/dashboard/430381/2023/11/").content.decode()
    assert f"<b>{BUILDER}</b>" in dashboard and project.name in dashboard

    def reminders_panel() -> str:
        home = personas.client("builder").get("/").content.decode()
        return home.split("<h2>报送提醒</h2>")[1].split("</section>")[0]

    panel = reminders_panel()
    assert "2023年11月项目进度" in panel and project.name in panel and f'href="{PROGRESS}"' in panel
    personas.client("builder").post(PROGRESS, {"invest_XX-003": "1.6", "action": "submit"})
    assert project.name not in reminders_panel()

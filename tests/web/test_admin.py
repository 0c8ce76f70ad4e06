"""The admin in Chinese for master data; targets only ever gain revisions there (figures, keyed by their
identity, are read and revised in the web app and by imports)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from devplan.accounts.demo import ensure_demo_accounts
from devplan.indicators.models import Indicator, Target


@pytest.fixture
def admin_client(demo):  # type: ignore[no-untyped-def]
    ensure_demo_accounts()
    client = Client()
    client.force_login(User.objects.get(username="admin"))
    return client


def test_admin_speaks_chinese_and_lists_master_data(admin_client):
    page = admin_client.get("/admin/").content.decode()
    for words in ("devplan 管理后台", "行政区", "部门", "指标", "年度目标", "成员角色", "操作日志"):
        assert words in page


def test_adding_a_target_in_the_admin_appends_a_revision(admin_client, demo):
    gdp = Indicator.objects.get(code="gdp")
    stored = Target.objects.filter(region=demo, indicator=gdp, year=2023).count()
    answer = admin_client.post("/admin/indicators/target/add/", {
        "region": demo.pk, "indicator": gdp.pk, "year": 2023, "kind": "growth", "value": "6.5",
        "known_at_0": "2024-01-05", "known_at_1": "10:00:00", "reason": "人代会调整",
    })
    assert answer.status_code == 302, answer.content.decode()[:2000]
    revisions = Target.objects.filter(region=demo, indicator=gdp, year=2023).order_by("revision")
    assert [t.revision for t in revisions] == list(range(1, stored + 2))
    assert str(revisions.last().value.normalize()) == "6.5"


def test_a_stored_target_can_be_read_but_not_changed_or_deleted(admin_client):
    target = Target.objects.first()
    page = admin_client.get(f"/admin/indicators/target/{target.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert admin_client.post(f"/admin/indicators/target/{target.pk}/change/", {"value": "1"}).status_code == 403
    assert admin_client.post(f"/admin/indicators/target/{target.pk}/delete/", {"post": "yes"}).status_code == 403


def test_a_planner_without_staff_rights_cannot_open_the_admin(demo):
    ensure_demo_accounts()
    client = Client()
    client.force_login(User.objects.get(username="planner"))
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("model", ["projects/progress", "attraction/attractionfigure", "attraction/attractiontarget",
                                   "funds/fundfigure", "funds/fundtarget", "tasks/taskprogress",
                                   "collection/submission", "recording/changeset", "projects/plantotal",
                                   "tasks/task"])
def test_revisions_and_the_records_of_the_door_cannot_be_added_or_changed_in_the_admin(admin_client, model):
    """A tester once added progress into a locked month, revision 7, under an old change set, from here."""
    assert admin_client.get(f"/admin/{model}/").status_code == 200
    assert admin_client.get(f"/admin/{model}/add/").status_code == 403


def test_a_project_edited_in_the_admin_goes_through_the_registry_rules(admin_client):
    from devplan.projects.models import Project
    from devplan.recording.models import ChangeSet

    project = Project.objects.get(ref="XX-003")
    url = f"/admin/projects/project/{project.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name in form.fields}
    data |= {"categories": [c.pk for c in project.categories.all()], "plans-TOTAL_FORMS": 0,
             "plans-INITIAL_FORMS": 0}
    refused = admin_client.post(url, data | {"note": "+cmd"})
    assert refused.status_code == 200 and "不能以 = + - @ 开头" in refused.content.decode()
    assert Project.objects.get(pk=project.pk).version == project.version
    saved = admin_client.post(url, data | {"total_investment": "8.8"})
    assert saved.status_code == 302
    fresh = Project.objects.get(pk=project.pk)
    assert str(fresh.total_investment.normalize()) == "8.8" and fresh.version == project.version + 1
    change = ChangeSet.objects.filter(changes__project="XX-003").latest("pk")
    assert change.door == "admin" and "total_investment" in change.changes["fields"]


@pytest.mark.parametrize("model", ["projects/plantotal", "tasks/task"])
def test_the_plans_own_words_cannot_be_changed_or_deleted_in_the_admin(admin_client, model):
    """A tester once set a stated total to 999 through month 13 and a task's target to −99999999999 here."""
    from django.apps import apps

    stored = apps.get_model(*model.split("/")).objects.first()
    url = f"/admin/{model}/{stored.pk}/"
    page = admin_client.get(url + "change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert admin_client.post(url + "change/", {"year": "9999"}).status_code == 403
    assert admin_client.post(url + "delete/", {"post": "yes"}).status_code == 403


def test_a_projects_annual_plans_are_read_but_not_written_in_the_admin(admin_client):
    """A tester once stored year 9999, planned −5 and a formula goal, and deleted a plan, from the project page."""
    from devplan.projects.models import AnnualPlan, Project

    project = Project.objects.filter(plans__isnull=False).first()
    plans = list(AnnualPlan.objects.filter(project=project).values())
    url = f"/admin/projects/project/{project.pk}/change/"
    page = admin_client.get(url)
    form = page.context["adminform"].form
    assert str(plans[0]["planned_investment"].normalize()) in page.content.decode()
    data = {name: value for name, value in form.initial.items() if value is not None and name in form.fields}
    data |= {"categories": [c.pk for c in project.categories.all()], "plans-TOTAL_FORMS": 2,
             "plans-INITIAL_FORMS": 1, "plans-0-id": plans[0]["id"], "plans-0-project": project.pk,
             "plans-0-year": plans[0]["year"], "plans-0-planned_investment": "1", "plans-0-DELETE": "on",
             "plans-1-project": project.pk, "plans-1-year": "9999", "plans-1-planned_investment": "-5",
             "plans-1-goal": '=HYPERLINK("x")'}
    admin_client.post(url, data)
    assert list(AnnualPlan.objects.filter(project=project).values()) == plans
    assert admin_client.get("/admin/projects/project/add/").context["inline_admin_formsets"][0].has_add_permission is False

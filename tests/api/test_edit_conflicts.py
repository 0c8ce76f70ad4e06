"""Editing a target or a project through the API: read, change, and a 409 with both versions — never a
silent overwrite — when someone else changed it after one read it; 401/403/404/422 as for every endpoint."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import F
from django.test import Client

from devplan.accounts.models import AuditLog, Role
from devplan.accounts.services import add_user
from devplan.indicators.models import Target
from devplan.lib.jsonnum import to_number
from devplan.projects.models import Project
from devplan.recording import registry as project_edits
from devplan.recording import service
from devplan.recording.models import ChangeSet
from tests.accounts.personas import PASSWORD

GDP = "/api/targets/湘乡市/gdp/2023"
XX003 = "/api/projects/XX-003"


def session_client(username: str) -> Client:
    """A client that logged in through the API and sends the CSRF token, as a script would."""
    client = Client(enforce_csrf_checks=True)
    answer = client.post("/api/login", {"username": username, "password": PASSWORD}, content_type="application/json")
    client.defaults["HTTP_X_CSRFTOKEN"] = answer.json()["csrf_token"]
    return client


def put(client: Client, path: str, body: dict[str, Any]):  # type: ignore[no-untyped-def]
    return client.put(path, body, content_type="application/json")


def target_edit(base: int, value: Any = 620, **more: Any) -> dict[str, Any]:
    return {"base_revision": base, "kind": "level", "value": value, "unit": "亿元", "qualifier": "以上",
            "reason": "县政府常务会议调整", **more}


@pytest.fixture
def editors(personas):  # type: ignore[no-untyped-def]
    """Two planners of the county, each with a session of their own."""
    add_user("planner2", Role.PLANNER, PASSWORD, personas.region)
    return session_client("planner"), session_client("planner2")


def gdp_targets() -> list[Target]:
    return list(Target.objects.filter(region__code="430381", indicator__code="gdp", year=2023).order_by("revision"))


# Targets


def test_a_planner_reads_a_target_and_edits_it_into_a_new_revision(editors):
    planner, _ = editors
    read = planner.get(GDP)
    assert read.status_code == 200
    assert (read.json()["revision"], read.json()["value"], read.json()["kind"]) == (1, 617, "level")
    answer = put(planner, GDP, target_edit(read.json()["revision"], 620.5))
    assert answer.status_code == 200, answer.json()
    assert (answer.json()["revision"], answer.json()["value"], answer.json()["recorded_by"]) == (2, 620.5, "planner")
    assert [(t.revision, to_number(t.value)) for t in gdp_targets()] == [(1, 617), (2, 620.5)]
    assert gdp_targets()[1].reason == "县政府常务会议调整"
    logged = AuditLog.objects.get(action="changeset.write", username="planner")
    assert (logged.username, logged.detail["rows"], logged.detail["reason"]) == ("planner", 1, "县政府常务会议调整")


def test_the_second_editor_of_the_same_revision_gets_409_with_both_versions(editors):
    first, second = editors
    base = first.get(GDP).json()["revision"]
    assert second.get(GDP).json()["revision"] == base
    assert put(first, GDP, target_edit(base, 620)).status_code == 200
    conflict = put(second, GDP, target_edit(base, 630, reason="另一位的修改"))
    assert conflict.status_code == 409
    body = conflict.json()
    assert "未保存" in body["detail"] and "planner" in body["detail"] and "\n" not in body["detail"]
    assert body["yours"]["value"] == 630 and body["yours"]["base_revision"] == base
    assert body["theirs"]["revision"] == base + 1 and body["theirs"]["value"] == 620
    assert body["theirs"]["recorded_by"] == "planner" and body["theirs"]["recorded_at"]
    assert [to_number(t.value) for t in gdp_targets()] == [617, 620]  # nothing overwritten
    assert AuditLog.objects.filter(action="changeset.write", username="planner").count() == 1


def test_after_a_409_the_editor_rereads_and_the_retry_is_stored(editors):
    first, second = editors
    put(first, GDP, target_edit(1, 620))
    assert put(second, GDP, target_edit(1, 630)).status_code == 409
    base = second.get(GDP).json()["revision"]
    assert put(second, GDP, target_edit(base, 630)).status_code == 200
    assert [t.revision for t in gdp_targets()] == [1, 2, 3]


def test_a_base_ahead_of_the_latest_revision_is_a_conflict_and_leaves_no_gap(editors):
    planner, _ = editors
    answer = put(planner, GDP, target_edit(5))
    assert answer.status_code == 409
    assert answer.json()["theirs"]["revision"] == 1
    assert [t.revision for t in gdp_targets()] == [1]


def test_a_first_target_is_set_from_base_revision_0_and_only_once(editors):
    first, second = editors
    path = "/api/targets/湘乡市/gdp/2025"
    assert first.get(path).status_code == 404
    assert put(first, path, target_edit(0, value=7, kind="growth", unit="%")).json()["revision"] == 1
    conflict = put(second, path, target_edit(0, value=8, kind="growth", unit="%"))
    assert conflict.status_code == 409
    assert conflict.json()["theirs"]["value"] == 7


def test_a_writer_slipping_in_between_the_check_and_the_insert_meets_the_unique_constraint(editors, monkeypatch):
    """The race the transaction cannot exclude on PostgreSQL: another editor's revision lands after this
    editor saw revision 1 as the latest. The insert of revision 2 fails, and the answer is a 409."""
    planner, _ = editors
    read_latest = service._latest
    calls = []

    def latest_then_someone_else_writes(*args: Any) -> Any:
        latest = read_latest(*args)
        if not calls and isinstance(latest, Target):
            other = ChangeSet.objects.create(actor_name="另一位编辑", door="api")
            Target.objects.create(region=latest.region, indicator=latest.indicator, year=2023, revision=2,
                                  kind="level", value=625, change_set=other)
        calls.append(latest)
        return latest

    monkeypatch.setattr(service, "_latest", latest_then_someone_else_writes)
    answer = put(planner, GDP, target_edit(1, 620))
    assert answer.status_code == 409
    assert answer.json()["theirs"]["recorded_by"] == "另一位编辑"
    # The stand-in writer shares this test's connection, so the refused edit's rollback takes its row too;
    # what matters is that the edit itself was not stored under any number.
    assert [to_number(t.value) for t in gdp_targets()] == [617]


def test_an_in_step_target_names_its_indicator(editors):
    planner, _ = editors
    path = "/api/targets/湘乡市/disposable_income/2023"
    base = planner.get(path).json()["revision"]
    answer = put(planner, path, {"base_revision": base, "kind": "in_step", "step_with": "gdp", "reason": "重申"})
    assert answer.status_code == 200
    assert (answer.json()["step_with"], answer.json()["value"]) == ("gdp", None)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"value": "六百"}, "地区生产总值的目标值应为数字"),
        ({"value": None}, "须有目标值"),
        ({"kind": "total"}, "地区生产总值的目标类型应为"),
        ({"qualifier": "大约"}, "地区生产总值的限定词应为"),
        ({"reason": "  "}, "修改原因"),
        ({"base_revision": -1}, "base_revision"),
        ({"base_revision": "最新"}, "base_revision"),
        ({"kind": "in_step", "step_with": "no_such_code"}, "step_with：没有代码"),
        ({"value": 1e16}, "超过上限（绝对值应小于 10¹⁵），请检查单位"),
        ({"value": "1e16"}, "应为数字"),
    ],
)
def test_a_bad_target_is_422_with_one_sentence_and_nothing_is_stored(editors, change, message):
    planner, _ = editors
    answer = put(planner, GDP, {**target_edit(1), **change})
    assert answer.status_code == 422
    assert message in answer.json()["detail"]
    assert len(gdp_targets()) == 1


def test_a_target_edit_without_a_reason_is_422_naming_it(editors):
    planner, _ = editors
    body = target_edit(1)
    del body["reason"]
    answer = put(planner, GDP, body)
    assert answer.status_code == 422
    assert "reason" in answer.json()["detail"]


def test_a_year_out_of_range_is_422_not_a_database_error(editors):
    planner, _ = editors
    assert planner.get("/api/targets/湘乡市/gdp/99999").status_code == 422
    assert put(planner, "/api/targets/湘乡市/gdp/99999", target_edit(0)).status_code == 422


# Projects


def test_a_planner_reads_a_project_and_edits_it_to_the_next_version(editors):
    planner, _ = editors
    read = planner.get(XX003)
    assert read.status_code == 200
    before = read.json()
    assert (before["version"], before["changed_by"]) == (1, None)
    answer = put(planner, XX003, {"version": 1, "total_investment": "31.5", "planned_completion": "2025-06-30",
                                  "note": "调增总投资"})
    assert answer.status_code == 200, answer.json()
    after = answer.json()
    assert (after["version"], after["total_investment"], after["planned_completion"]) == (2, 31.5, "2025-06-30")
    assert after["changed_by"] == "planner" and after["changed_at"]
    assert {k: v for k, v in after.items() if k not in ("version", "total_investment", "planned_completion", "note",
                                                        "changed_by", "changed_at")} == \
        {k: v for k, v in before.items() if k not in ("version", "total_investment", "planned_completion", "note",
                                                      "changed_by", "changed_at")}  # the rest is left alone
    logged = AuditLog.objects.get(action="project.edit")
    assert (logged.detail["base_version"], logged.detail["version"]) == (1, 2)


def test_the_second_editor_of_the_same_project_version_gets_409_with_both_versions(editors):
    first, second = editors
    version = first.get(XX003).json()["version"]
    assert put(first, XX003, {"version": version, "status": "续建"}).status_code == 200
    conflict = put(second, XX003, {"version": version, "status": "竣工投产", "note": "已竣工"})
    assert conflict.status_code == 409
    body = conflict.json()
    assert "未保存" in body["detail"] and "planner" in body["detail"]
    assert body["yours"] == {"version": version, "status": "竣工投产", "note": "已竣工"}
    assert (body["theirs"]["version"], body["theirs"]["status"], body["theirs"]["changed_by"]) == (2, "续建", "planner")
    project = Project.objects.get(ref="XX-003")
    assert (project.version, project.status, project.note) == (2, "续建", "")  # nothing overwritten


def test_a_change_landing_between_the_read_and_the_update_makes_the_update_match_nothing(editors, monkeypatch):
    planner, _ = editors
    check = project_edits._problems

    def check_then_someone_else_updates(merged: dict[str, Any]) -> list[Any]:
        found = check(merged)
        Project.objects.filter(ref="XX-003").update(leader="他人", version=F("version") + 1)
        return found

    monkeypatch.setattr(project_edits, "_problems", check_then_someone_else_updates)
    answer = put(planner, XX003, {"version": 1, "leader": "我"})
    assert answer.status_code == 409
    assert (answer.json()["theirs"]["leader"], answer.json()["theirs"]["version"]) == ("他人", 2)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": "停工"}, "status：项目状态应为"),
        ({"name": " "}, "name：项目名称不能为空"),
        ({"start_year": 2026, "end_year": 2024}, "开始年度（2026）不能晚于结束年度"),
        ({"total_investment": -1}, "total_investment：总投资（亿元）不能为负数"),
        ({"total_investment": "三十亿"}, "total_investment：总投资（亿元）应为数字"),
        ({"department": "不存在局"}, "department：湘乡市没有名为"),
        ({"name": "湘乡市压缩空气储能项目"}, "已有名为"),
        ({"planned_start": "明年"}, "planned_start"),
        # The rule of every door for what actually happened (a tester's 2099 start was stored, then pre-filled
        # in the owner's template, whose every upload it made refused).
        ({"actual_start": "2099-01-01"}, "actual_start：实际开工日期（2099-01-01）不能晚于今天"),
        ({"version": None}, "version"),
    ],
)
def test_a_bad_project_edit_is_422_with_one_sentence_and_nothing_changes(editors, change, message):
    planner, _ = editors
    answer = put(planner, XX003, {"version": 1, **change})
    assert answer.status_code == 422
    assert message in answer.json()["detail"]
    assert Project.objects.get(ref="XX-003").version == 1


# Who may


@pytest.mark.parametrize("path", [GDP, XX003])
def test_without_a_session_reading_or_editing_is_401(personas, path):
    client = Client(enforce_csrf_checks=True)
    assert client.get(path).status_code == 401
    answer = put(client, path, {"version": 1, **target_edit(1)})
    assert answer.status_code == 401
    assert "请先登录" in answer.json()["detail"]


@pytest.mark.parametrize("who", ["tongji", "caizheng", "leader", "chengtou"])
def test_only_planners_and_admins_edit_and_nothing_changes_otherwise(personas, who):
    client = session_client(who)
    target = put(client, GDP, target_edit(1))
    project = put(client, XX003, {"version": 1, "note": "改"})
    assert (target.status_code, project.status_code) == (403, 403)
    assert "无权修改" in target.json()["detail"] and "无权修改" in project.json()["detail"]
    assert len(gdp_targets()) == 1 and Project.objects.get(ref="XX-003").version == 1


def test_reading_follows_the_indicator_and_project_access(personas):
    assert session_client("tongji").get(GDP).status_code == 200  # its own indicator
    assert session_client("caizheng").get(GDP).status_code == 403
    assert session_client("chengtou").get(GDP).status_code == 403
    assert session_client("chengtou").get(XX003).status_code == 200
    assert session_client("leader").get(XX003).status_code == 200


def test_an_edit_without_the_csrf_token_is_refused(editors):
    client = Client(enforce_csrf_checks=True)
    client.post("/api/login", {"username": "planner", "password": PASSWORD}, content_type="application/json")
    answer = put(client, GDP, target_edit(1))
    assert answer.status_code == 403
    assert "CSRF" in answer.json()["detail"]
    assert len(gdp_targets()) == 1


@pytest.mark.parametrize(
    "path",
    ["/api/targets/999999/gdp/2023", "/api/targets/湘乡市/no_such_code/2023", "/api/projects/XX-999"],
)
def test_unknown_regions_indicators_and_projects_are_404(editors, path):
    planner, _ = editors
    assert planner.get(path).status_code == 404
    body = {"version": 1, "note": "调增总投资"} if path.startswith("/api/projects/") else target_edit(1)
    answer = put(planner, path, body)
    assert answer.status_code == 404
    assert answer.json()["detail"].startswith("没有")

"""`POST /api/observations` per the contract: 401 without a session, 403 for another department's indicator,
422 with a clear message for a bad value, 409 in a locked month; a department's figure waits for approval
(202), a planner's is a new revision at once (201), never an overwrite."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from devplan.accounts.models import AuditLog
from devplan.indicators.models import Figure
from tests.accounts.personas import PASSWORD

GDP_DECEMBER = {"region": "湘乡市", "indicator": "gdp", "through": "2023-12", "value": 610.5, "growth_pct": 4.1,
                "note": "初步核算"}


def session_client(username: str) -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    answer = client.post("/api/login", {"username": username, "password": PASSWORD}, content_type="application/json")
    return client, answer.json()["csrf_token"]


def post(client: Client, token: str | None, body: dict[str, Any]):  # type: ignore[no-untyped-def]
    headers = {"X-CSRFToken": token} if token else {}
    return client.post("/api/observations", body, content_type="application/json", headers=headers)


def test_without_a_session_the_answer_is_401(personas):
    answer = post(Client(enforce_csrf_checks=True), None, GDP_DECEMBER)
    assert answer.status_code == 401
    assert "请先登录" in answer.json()["detail"]


def test_another_departments_indicator_is_403_and_nothing_is_stored(personas):
    client, token = session_client("caizheng")
    before = Figure.objects.count()
    answer = post(client, token, GDP_DECEMBER)
    assert answer.status_code == 403
    assert "不属于您所在的部门" in answer.json()["detail"]
    assert Figure.objects.count() == before


def test_a_session_without_the_csrf_token_is_refused(personas):
    client, _ = session_client("tongji")
    answer = post(client, None, GDP_DECEMBER)
    assert answer.status_code == 403
    assert "CSRF" in answer.json()["detail"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"value": "四百"}, "地区生产总值的累计值应为数字"),
        ({"value": -3}, "累计值不能为负数"),
        ({"value": None, "growth_pct": None}, "请至少填写累计值、同比增长或全年预计中的一项"),
        ({"growth_pct": -120}, "同比增长不能低于或等于 −100%"),
        ({"growth_pct": 1500}, "超过 1000%"),
        ({"growth_pct": 1e15}, "超过上限"),
        ({"through": "2023-13"}, "through 应为 YYYY-MM 格式"),
        ({"through": "9999-12"}, "年份应在 2000 到 2100 之间"),
        ({"through": "2023-11"}, "按季度"),
    ],
)
def test_a_bad_value_is_422_with_one_clear_sentence(personas, change, message):
    client, token = session_client("tongji")
    answer = post(client, token, {**GDP_DECEMBER, **change})
    assert answer.status_code == 422
    assert message in answer.json()["detail"]


def test_a_value_of_the_wrong_type_is_one_sentence_naming_the_field(personas):
    """Issue 16 trial #9: `"value": true` listed pydantic's union members ("observation.value.int：应为整数；
    observation.value.float：…；observation.value.function-after[_storable(), str]：应为文字")."""
    client, token = session_client("tongji")
    answer = post(client, token, {**GDP_DECEMBER, "value": True})
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert detail == "请求的内容不符合要求（value：应为数字（如 12.70）），请对照 /api/docs 修改后重试"


def test_a_missing_field_is_422_naming_it(personas):
    client, token = session_client("tongji")
    answer = post(client, token, {"region": "湘乡市", "through": "2023-12", "value": 1})
    assert answer.status_code == 422
    assert "indicator" in answer.json()["detail"]


def test_an_unknown_key_is_422_naming_it_and_writes_nothing(personas):
    """Issue 15 trial t15 L7: {"vaule": 612} was ignored — the call answered success having written none of
    what was meant."""
    client, token = session_client("planner")
    before = Figure.objects.count()
    body = {key: value for key, value in GDP_DECEMBER.items() if key != "value"} | {"vaule": 612.0}
    answer = post(client, token, body)
    assert answer.status_code == 422
    assert answer.json()["detail"] == ("请求的内容不符合要求（vaule：不是此接口的字段（是否拼错？可用的字段见 /api/docs）），"
                                       "请对照 /api/docs 修改后重试")
    assert Figure.objects.count() == before


def test_an_operation_without_a_body_refuses_one_and_does_nothing(personas):
    """Trial t15c: approve, accept and logout ignored their body — {"x": 1}, [1], even "not json" approved."""
    department, token = session_client("tongji")
    pk = post(department, token, GDP_DECEMBER).json()["submission"]
    planner, planner_token = session_client("planner")
    address = f"/api/submissions/{pk}/approve"
    headers = {"X-CSRFToken": planner_token}
    for body, status, said in [('{"x": 1}', 422, "x：不是此接口的字段"), ("[1]", 422, "此接口不需要请求内容"),
                               ("not json", 400, "不是有效的 JSON"), ('{"' + "k" * 5000 + '": 1}', 422, "k" * 40 + "…")]:
        answer = planner.post(address, body, content_type="application/json", headers=headers)
        assert answer.status_code == status and said in answer.json()["detail"], (body, answer.content[:300])
        assert len(answer.content) < 1000
    assert not Figure.objects.filter(indicator__code="gdp", year=2023, month=12).exists()
    assert planner.post(address, "{}", content_type="application/json", headers=headers).status_code == 200
    refused = planner.post("/api/logout", '{"zz": 1}', content_type="application/json", headers=headers)
    assert refused.status_code == 422 and planner.get("/api/submissions?region=湘乡市").status_code == 200


def test_every_request_body_refuses_unknown_keys(personas):
    """Every body an operation takes is declared closed in /openapi.json, so clients' generators know it too."""
    schema = Client().get("/api/openapi.json").json()
    bodies = {ref.rsplit("/", 1)[-1]
              for path in schema["paths"].values() for operation in path.values()
              for ref in [operation.get("requestBody", {}).get("content", {}).get("application/json", {})
                          .get("schema", {}).get("$ref", "")] if ref}
    assert len(bodies) >= 9
    components = schema["components"]["schemas"]
    assert {name for name in bodies if components[name].get("additionalProperties") is not False} == set()


def test_a_departments_call_waits_for_approval_and_a_planners_is_a_new_revision(personas):
    client, token = session_client("tongji")
    first = post(client, token, GDP_DECEMBER)
    assert first.status_code == 202 and first.json()["status"] == "submitted"
    assert post(client, token, GDP_DECEMBER).json() == {"submission": None, "status": "unchanged", "warnings": []}
    assert not Figure.objects.filter(indicator__code="gdp", year=2023, month=12).exists()
    planner, planner_token = session_client("planner")
    one = post(planner, planner_token, GDP_DECEMBER)
    two = post(planner, planner_token, {**GDP_DECEMBER, "value": 612.0})
    assert (one.status_code, two.status_code) == (201, 201)
    assert (one.json()["revision"], two.json()["revision"]) == (1, 2)
    revisions = Figure.objects.filter(indicator__code="gdp", year=2023, month=12).order_by("revision")
    assert [f.stated("value") for f in revisions] == ["610.5", "612.0"]
    assert revisions[0].recorded_by == personas.planner and revisions[0].change_set.door == "api"
    assert AuditLog.objects.filter(action="changeset.write", username="planner").count() == 2


def test_a_locked_month_takes_no_observation(personas):
    from devplan.recording.actors import Actor
    from devplan.recording.models import Door
    from devplan.recording.periods import lock_month

    lock_month(Actor.of_system("测试", Door.CLI), personas.region, 2023, 12)
    client, token = session_client("tongji")
    answer = post(client, token, GDP_DECEMBER)
    assert answer.status_code == 409
    assert "已锁定" in answer.json()["detail"]


def test_a_json_number_keeps_its_stated_places_and_a_huge_one_is_said_compactly(personas):
    """Issue 16 trial: "value": 12.70 was recorded as 12.7 (only strings kept the places), and 1e308 was
    printed back with 309 digits."""
    planner, token = session_client("planner")
    import json

    literal = json.dumps({**GDP_DECEMBER, "value": 0}).replace('"value": 0', '"value": 612.70')
    answer = planner.post("/api/observations", literal, content_type="application/json", headers={"X-CSRFToken": token})
    assert answer.status_code == 201, answer.content
    figure = Figure.objects.filter(indicator__code="gdp", year=2023, month=12).order_by("-revision").first()
    assert figure is not None and figure.stated("value") == "612.70"
    huge = post(planner, token, {**GDP_DECEMBER, "value": 1e308})
    said = json.dumps(huge.json(), ensure_ascii=False)
    assert huge.status_code == 422 and "超过上限" in said and "0000000000" not in said


def test_a_planners_correction_records_its_reason_in_the_change_set(personas):
    """As the web form's 修改原因 does: `reason`, else the note, is the change set's reason (修改记录, `devplan
    changes`), not only the figure's note."""
    from devplan.recording.models import ChangeSet

    client, token = session_client("planner")
    answer = post(client, token, {**GDP_DECEMBER, "note": "统计局反馈修订"})
    assert answer.status_code == 201
    assert ChangeSet.objects.get(pk=answer.json()["change_set"]).reason == "统计局反馈修订"
    answer = post(client, token, {**GDP_DECEMBER, "value": 611.2, "reason": "年报口径调整"})
    assert answer.status_code == 201
    assert ChangeSet.objects.get(pk=answer.json()["change_set"]).reason == "年报口径调整"


def test_a_refusal_does_not_repeat_a_megabyte_of_input(personas):
    """Issue 16 re-trial (t16b): "0.000…1" with 900,000 zeros was refused with a 900 KB sentence quoting it."""
    client, token = session_client("tongji")
    value = "0." + "0" * 900_000 + "1"
    answer = post(client, token, {"region": "430381", "indicator": "gdp", "through": "2023-09", "value": value})
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert len(answer.content) < 2_000 and "（共 900003 个字符）" in detail and "最多保留 4 位小数" in detail

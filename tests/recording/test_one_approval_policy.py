"""The approval policy of the one door, tried where it used to fail: what a department sends through the
web form, the web Excel upload or the API waits for a planner; what a planner or the command line's
operator writes is official at once; both record who; nothing is written twice; each row's own month must
be open; and every write is one change set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from devplan.accounts.models import AuditLog
from devplan.collection.models import Submission
from devplan.indicators.models import Figure
from devplan.lib.errors import DevplanError
from devplan.recording.actors import Actor
from devplan.recording.models import ChangeSet, Door
from devplan.recording.periods import lock_month
from tests.recording.doors import Case, WebExcel, _filled_template

RETAIL_NOVEMBER = Case("accepted", "retail_sales", 2023, 11, {"value": "152.6", "growth_pct": "8.8"}, True)


def _figures(region: Any, month: int) -> int:
    return Figure.objects.filter(region=region, indicator__code="retail_sales", year=2023, month=month).count()


def test_a_departments_excel_upload_waits_for_approval_and_names_the_uploader(personas: Any, tmp_path: Path) -> None:
    door = WebExcel(personas.client("owner"), personas.region, "统计局", tmp_path)
    assert door.send(RETAIL_NOVEMBER).accepted
    assert _figures(personas.region, 11) == 0  # not official: not on the public page either
    submission = Submission.objects.get(indicator__code="retail_sales", year=2023, month=11)
    assert submission.status == Submission.Status.SUBMITTED
    assert submission.submitted_by == personas.owner
    assert submission.door == Door.WEB_EXCEL and submission.file_name.endswith(".xlsx") and len(submission.file_sha256) == 64
    assert "152.6" not in personas.client("anonymous").get(f"/public/{personas.region.code}/2023/").content.decode()


def test_uploading_the_same_file_twice_writes_nothing_the_second_time(personas: Any, tmp_path: Path) -> None:
    door = WebExcel(personas.client("owner"), personas.region, "统计局", tmp_path)
    door.send(RETAIL_NOVEMBER)
    door.send(RETAIL_NOVEMBER)
    assert Submission.objects.filter(indicator__code="retail_sales", year=2023, month=11).count() == 1
    approve = personas.client("planner").post(
        f"/review/submission/{Submission.objects.get(indicator__code='retail_sales', month=11).pk}/", {"action": "approve"})
    assert approve.status_code == 302
    door.send(RETAIL_NOVEMBER)
    assert _figures(personas.region, 11) == 1
    assert Submission.objects.filter(indicator__code="retail_sales", year=2023, month=11).count() == 1


def test_an_approval_is_one_change_set_naming_submitter_approver_and_file(personas: Any, tmp_path: Path) -> None:
    WebExcel(personas.client("owner"), personas.region, "统计局", tmp_path).send(RETAIL_NOVEMBER)
    submission = Submission.objects.get(indicator__code="retail_sales", year=2023, month=11)
    personas.client("planner").post(f"/review/submission/{submission.pk}/", {"action": "approve"})
    figure = Figure.objects.get(indicator__code="retail_sales", year=2023, month=11)
    change_set = figure.change_set
    assert change_set.submission == submission and change_set.actor == personas.planner
    assert change_set.file_name == submission.file_name and change_set.periods == ["2023-11"]
    assert figure.stated("value") == "152.6" and figure.stated("growth_pct") == "8.8"
    assert AuditLog.objects.filter(action="changeset.write", object_id=str(change_set.pk)).count() == 1


def test_a_template_row_for_a_locked_month_is_refused_even_in_an_open_months_template(personas: Any,
                                                                                       tmp_path: Path) -> None:
    lock_month(Actor.of_system("测试", Door.CLI), personas.region, 2023, 10, "月报已发")
    path = _filled_template(personas.region, "统计局", Case("", "retail_sales", 2023, 12,
                                                           {"value": "150.1", "growth_pct": "9"}, False), tmp_path)
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook["指标月度数据"]
    headers = {cell.value: cell.column for cell in sheet[1]}
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == "retail_sales":
            sheet.cell(row=row, column=headers["截至月份"], value=10)
    workbook.save(path)
    with path.open("rb") as handle:
        answer = personas.client("owner").post(f"/excel/{personas.region.code}/2023/12/figures/upload/",
                                               {"workbook": handle}, follow=True)
    said = " ".join(str(m) for m in answer.context["messages"])
    assert "2023年10月的数据已锁定" in said
    assert not Submission.objects.filter(year=2023, month=10).exists()
    with pytest.raises(DevplanError, match="2023年10月的数据已锁定"):
        call_command("import", str(path))


def test_a_departments_api_figure_waits_and_a_planners_is_official(personas: Any) -> None:
    body = {"region": "湘乡市", "indicator": "retail_sales", "through": "2023-11", "value": 152.6, "growth_pct": 8.8}
    department = personas.client("owner").post("/api/observations", json.dumps(body), content_type="application/json")
    assert department.status_code == 202
    assert department.json()["status"] == "submitted" and department.json()["submission"]
    assert _figures(personas.region, 11) == 0
    planner = personas.client("planner").post("/api/observations", json.dumps({**body, "indicator": "fai",
                                              "value": 188.2, "growth_pct": 7.8}), content_type="application/json")
    assert planner.status_code == 201, planner.content
    figure = Figure.objects.get(indicator__code="fai", year=2023, month=11)
    assert figure.who == personas.planner.get_username() and figure.stated("value") == "188.2"


@pytest.mark.parametrize("through", ["9999-12", "0000-01", "２０２３-11", "2023-1１"])
def test_an_impossible_month_is_refused_by_the_api_and_the_default_period_survives(personas: Any, through: str) -> None:
    body = {"region": "湘乡市", "indicator": "retail_sales", "through": through, "value": 1}
    answer = personas.client("planner").post("/api/observations", json.dumps(body), content_type="application/json")
    assert answer.status_code == 422, answer.content
    assert personas.client("planner").get("/dashboard/", follow=True).status_code == 200


def test_submissions_are_listed_for_planners_and_decided_once(personas: Any) -> None:
    body = {"region": "湘乡市", "indicator": "retail_sales", "through": "2023-11", "value": 152.6}
    pk = personas.client("owner").post("/api/observations", json.dumps(body),
                                       content_type="application/json").json()["submission"]
    planner = personas.client("planner")
    listed = planner.get("/api/submissions?region=湘乡市&status=submitted").json()
    assert [s["id"] for s in listed] == [pk] and listed[0]["value"] == 152.6
    assert personas.client("owner").get("/api/submissions?region=湘乡市").status_code == 403
    empty = planner.post(f"/api/submissions/{pk}/return", json.dumps({"comment": " "}), content_type="application/json")
    assert empty.status_code == 422
    decided = planner.post(f"/api/submissions/{pk}/approve", "{}", content_type="application/json")
    assert decided.status_code == 200 and decided.json()["status"] == "approved" and decided.json()["revision"] == 1
    again = planner.post(f"/api/submissions/{pk}/return", json.dumps({"comment": "晚了"}), content_type="application/json")
    assert again.status_code == 409 and "已由" in again.json()["detail"]


def test_the_command_line_records_its_operator(demo: Any, tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("region,indicator,period,value,growth_pct,note\n430381,retail_sales,2023-11,152.6,8.8,\n",
                    encoding="utf-8")
    call_command("import-csv", str(path), "--by", "王科长")
    change_set = ChangeSet.objects.get(door=Door.CLI_CSV)
    assert change_set.actor_name == "王科长" and change_set.file_name == "f.csv" and change_set.rows == 1
    assert Figure.objects.get(indicator__code="retail_sales", month=11).who == "王科长"
    call_command("import-csv", str(path), "--by", "王科长")
    assert ChangeSet.objects.filter(door=Door.CLI_CSV).count() == 1  # the same file again changes nothing


def test_a_user_named_with_by_writes_with_that_users_rights_and_no_more(personas: Any, tmp_path: Path) -> None:
    """Issue 15 trial t15 L3: `--by tongji` (a department's member) made an official bulk write recorded as
    tongji's, which tongji could not have made through any page."""
    path = tmp_path / "f.csv"
    path.write_text("region,indicator,period,value,growth_pct,note\n430381,retail_sales,2023-11,152.6,8.8,\n",
                    encoding="utf-8")
    for name in ("tongji", "leader"):
        with pytest.raises(DevplanError, match="无权直接写入湘乡市的数据"):
            call_command("import-csv", str(path), "--by", name)
    assert _figures(personas.region, 11) == 0 and not ChangeSet.objects.filter(door=Door.CLI_CSV).exists()
    call_command("import-csv", str(path), "--by", "planner")
    official = ChangeSet.objects.get(door=Door.CLI_CSV)
    assert official.actor == personas.planner and _figures(personas.region, 11) == 1
    # The department's own template through `devplan import --by tongji` waits for a planner, as on the web.
    template = _filled_template(personas.region, "统计局", Case("", "retail_sales", 2023, 12,
                                                               {"value": "160.1", "growth_pct": "9"}, False), tmp_path)
    call_command("import", str(template), "--by", "tongji")
    assert _figures(personas.region, 12) == 0
    waiting = Submission.objects.get(indicator__code="retail_sales", year=2023, month=12)
    assert waiting.submitted_by == personas.owner and waiting.status == Submission.Status.SUBMITTED
    # Neither may a viewer revert a change set from the command line.
    with pytest.raises(DevplanError, match="只有本行政区的发改局（计划科）和系统管理员可以撤销修改"):
        call_command("changes", "--revert", str(official.pk), "--reason", "导错了", "--by", "leader")
    assert _figures(personas.region, 11) == 1


def test_a_by_name_that_looks_like_an_account_is_refused(personas: Any, tmp_path: Path) -> None:
    """Trial t15c: `--by 王五` (a viewer's full name), `--by LEADER` or a zero-width space before the username
    recorded an official write under a name printed as the account's."""
    personas.viewer.first_name = "王五"
    personas.viewer.save()
    path = tmp_path / "f.csv"
    path.write_text("region,indicator,period,value,growth_pct,note\n430381,retail_sales,2023-11,152.6,8.8,\n",
                    encoding="utf-8")
    for name in ("王五", "LEADER"):
        with pytest.raises(DevplanError, match=f"--by {name} 与系统账号 leader 的用户名或姓名相同"):
            call_command("import-csv", str(path), "--by", name)
    for name in ("\u200bleader", "planner\nleader"):
        with pytest.raises(DevplanError, match="不能含有换行、制表符或不可见字符"):
            call_command("import-csv", str(path), "--by", name)
    assert not ChangeSet.objects.filter(door=Door.CLI_CSV).exists()


def test_an_approved_upload_names_its_door_and_a_decided_january_says_1yue(personas: Any, tmp_path: Path) -> None:
    """Issue 16 trial: the change set of an Excel upload approved through the API said 途径 数据接口（API）, and
    the 409 on a decided January submission said "2024年1—1月"."""
    from devplan.recording.service import submission_label

    door = WebExcel(personas.client("owner"), personas.region, "统计局", tmp_path)
    assert door.send(RETAIL_NOVEMBER).accepted
    submission = Submission.objects.get(indicator__code="retail_sales", year=2023, month=11)
    personas.client("planner").post(f"/review/submission/{submission.pk}/", {"action": "approve"})
    figure = Figure.objects.get(indicator__code="retail_sales", year=2023, month=11, change_set__isnull=False,
                                revision=Figure.objects.filter(indicator__code="retail_sales", year=2023,
                                                               month=11).count())
    assert figure.change_set.door == Door.WEB_EXCEL
    submission.month = 1
    assert submission_label(submission).endswith("2023年1月的数据")


def test_a_row_repeating_a_locked_months_record_is_not_refused_and_writes_nothing(personas: Any) -> None:
    """Trials 16 and 20: a template sent back with a locked month's recorded values in rows nobody touched was
    refused for those rows. A row that repeats the record writes nothing; a changed one is still refused."""
    from devplan.indicators.models import Indicator
    from devplan.recording.rows import FigureRow
    from devplan.recording.service import write

    lock_month(Actor.of_system("测试", Door.CLI), personas.region, 2023, 10, "月报已发")
    retail = Indicator.objects.get(code="retail_sales")
    recorded = Figure.objects.filter(region=personas.region, indicator=retail, year=2023, month=10).order_by(
        "-revision").first()
    assert recorded is not None
    same = {"value": recorded.stated("value"), "growth_pct": recorded.stated("growth_pct")}
    planner = Actor(personas.planner, "planner", Door.WEB)
    outcome = write(planner, [FigureRow(personas.region, retail, 2023, 10, same)])
    assert outcome.unchanged == 1 and not outcome.revisions
    with pytest.raises(DevplanError, match="2023年10月的数据已锁定"):
        write(planner, [FigureRow(personas.region, retail, 2023, 10, {**same, "value": "150.1"})])


def test_a_planner_who_also_belongs_to_a_department_cannot_approve_what_they_submitted(personas: Any) -> None:
    """A tester holding both a department's and a planner's membership approved their own submission (200)."""
    from devplan.accounts.models import Membership, Role

    body = {"region": "湘乡市", "indicator": "retail_sales", "through": "2023-11", "value": 152.6}
    owner = personas.client("owner")
    pk = owner.post("/api/observations", json.dumps(body), content_type="application/json").json()["submission"]
    Membership.objects.create(user=personas.owner, role=Role.PLANNER, region=personas.region)
    refused = owner.post(f"/api/submissions/{pk}/approve", "{}", content_type="application/json")
    assert refused.status_code == 403
    assert "是您自己提交的，不能由您审核通过" in refused.json()["detail"]
    page = owner.post(f"/review/submission/{pk}/", {"action": "approve"}, follow=True)
    assert "是您自己提交的，不能由您审核通过" in page.content.decode()
    assert Submission.objects.get(pk=pk).status == Submission.Status.SUBMITTED
    approved = personas.client("planner").post(f"/api/submissions/{pk}/approve", "{}", content_type="application/json")
    assert approved.status_code == 200


def test_the_official_values_sent_again_after_a_return_are_unchanged_and_wait_for_nothing(personas: Any) -> None:
    """A tester re-sent October's official figure after a return and got a new pending submission."""
    official = {"region": "湘乡市", "indicator": "retail_sales", "through": "2023-10", "value": 138.3,
                "growth_pct": 9.0}
    owner = personas.client("owner")
    pk = owner.post("/api/observations", json.dumps({**official, "value": 139.9}),
                    content_type="application/json").json()["submission"]
    personas.client("planner").post(f"/api/submissions/{pk}/return", json.dumps({"comment": "请核实"}),
                                    content_type="application/json")
    again = owner.post("/api/observations", json.dumps(official), content_type="application/json")
    assert again.status_code == 200, again.content
    assert not Submission.objects.filter(status=Submission.Status.SUBMITTED).exists()

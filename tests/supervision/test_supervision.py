"""督办: a planner opens an item on what lags, the department answers, the planner sends it back or closes it
(销号) — on the pages, through the API and in the workflow itself; a main indicator red two months running gets
an item when its month is locked; the dashboard and the brief show the items; nobody acts out of turn."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from devplan.indicators.models import Indicator
from devplan.lib.errors import UsageError
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.periods import lock_month
from devplan.recording.rows import TargetRow
from devplan.recording.service import Forbidden, write
from devplan.regions.models import Department
from devplan.supervision import workflow
from devplan.supervision.models import Item, Step
from devplan.supervision.summary import brief_lines, counts

pytestmark = pytest.mark.django_db


def _actor(user: Any) -> Actor:
    return Actor(user=user, name=user.get_username(), door=Door.WEB)


def _open(personas: Any, **changes: Any) -> Item:
    values = {"kind": "indicator", "subject": "gdp", "subject_name": "地区生产总值",
              "reason": "地区生产总值连续两个月落后序时进度，请说明原因",
              "deadline": timezone.localdate() + timedelta(days=10),
              "department": Department.objects.get(region=personas.region, name="统计局"), **changes}
    return workflow.open_item(_actor(personas.planner), personas.region, 2023, 10, **values)


def test_the_loop_opens_answers_returns_and_closes_with_every_step_kept(personas) -> None:  # type: ignore[no-untyped-def]
    item = _open(personas)
    workflow.answer(_actor(personas.owner), item, "三季度工业增加值下滑，已约谈重点企业")
    workflow.send_back(_actor(personas.planner), item, "请补充具体措施和时间")
    workflow.answer(_actor(personas.owner), item, "11月底前两个技改项目投产，预计拉动增长0.3个百分点")
    closed = workflow.close(_actor(personas.planner), item, "措施可行，同意销号")
    assert closed.state == Item.State.CLOSED and closed.closed_at is not None
    assert list(Step.objects.filter(item=item).values_list("action", flat=True)) == [
        "open", "answer", "return", "answer", "close"]
    with pytest.raises(workflow.AlreadyDecided):
        workflow.close(_actor(personas.planner), closed, "再次销号")


def test_nobody_acts_out_of_turn(personas) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(Forbidden):
        workflow.open_item(_actor(personas.owner), personas.region, 2023, 10, kind="indicator", subject="gdp",
                           subject_name="地区生产总值", reason="部门不能自己提出督办",
                           deadline=timezone.localdate() + timedelta(days=3),
                           department=Department.objects.get(region=personas.region, name="统计局"))
    item = _open(personas)
    with pytest.raises(Forbidden):  # another department
        workflow.answer(_actor(personas.other), item, "不是我们的指标但想反馈")
    with pytest.raises(workflow.AlreadyDecided):  # nothing answered yet
        workflow.close(_actor(personas.planner), item, "未反馈就销号")
    with pytest.raises(Forbidden):
        workflow.close(_actor(personas.owner), item, "部门自己销号")
    with pytest.raises(workflow.AlreadyDecided):  # the same subject followed once
        _open(personas)
    with pytest.raises(UsageError, match="至少 4 个字"):
        workflow.answer(_actor(personas.owner), item, "好")
    with pytest.raises(UsageError, match="已经过去"):
        _open(personas, subject="fixed_asset", subject_name="固定资产投资",
              deadline=timezone.localdate() - timedelta(days=1))


def test_a_main_indicator_red_two_months_running_gets_an_item_when_its_month_is_locked(demo) -> None:  # type: ignore[no-untyped-def]
    operator = Actor.of_system("测试", Door.CLI)
    gdp = Indicator.objects.get(code="gdp")
    # A level target GDP cannot come near: 1—9月's figure is red in September and in October.
    write(operator, [TargetRow(demo, gdp, 2023, {"kind": "level", "value": "2000"})], reason="测试：提高目标")
    lock_month(operator, demo, 2023, 10, "月报已发")
    (item,) = Item.objects.filter(region=demo, subject="gdp")
    assert item.proposed and item.department is not None and item.department.name == "统计局"
    assert "连续两个月红灯（2023年9月、10月）" in item.reason
    assert item.steps.get().by_name.startswith("devplan")


def test_the_pages_carry_the_loop_and_the_dashboard_and_brief_count_it(personas) -> None:  # type: ignore[no-untyped-def]
    region = personas.region
    planner, owner, other = personas.client("planner"), personas.client("owner"), personas.client("other")
    page = f"/supervision/{region.code}/2023/"
    assert 'id="open-title"' in planner.get(page).content.decode()
    assert 'id="open-title"' not in owner.get(page).content.decode()
    deadline = (timezone.localdate() + timedelta(days=5)).isoformat()
    response = planner.post(page, {"subject": "indicator:gdp", "deadline": deadline,
                                   "reason": "地区生产总值落后序时进度，请说明原因并提出措施"})
    item = Item.objects.get(region=region, subject="gdp")
    assert response.status_code == 302 and response["Location"] == f"/supervision/item/{item.pk}/"
    assert item.department is not None and item.department.name == "统计局"  # the indicator's own department
    assert other.post(f"/supervision/item/{item.pk}/", {"action": "answer", "text": "越权反馈的内容"}).status_code == 403
    assert "提交反馈" in owner.get(f"/supervision/item/{item.pk}/").content.decode()
    owner.post(f"/supervision/item/{item.pk}/", {"action": "answer", "text": "工业增速回落，正推动技改项目投产"})
    item.refresh_from_db()
    assert item.state == Item.State.ANSWERED
    dashboard = planner.get(f"/dashboard/{region.code}/2023/10/").content.decode()
    assert "已反馈待销号 1 项" in dashboard
    lines = brief_lines(region, 2023, timezone.now())
    assert lines[0] == "督办事项：督办中0项，已反馈待销号1项，已销号0项。"
    assert lines[1].startswith("地区生产总值（统计局）：已反馈，待销号")
    planner.post(f"/supervision/item/{item.pk}/", {"action": "close", "text": "措施可行，同意销号"})
    assert counts(region, 2023).closed == 1
    # The brief written before the answer says what was known then.
    opened = item.steps.get(action="open").at
    assert brief_lines(region, 2023, opened)[0].startswith("督办事项：督办中1项")


def test_the_api_lists_items_and_answers_409_out_of_turn(personas) -> None:  # type: ignore[no-untyped-def]
    item = _open(personas)
    owner = personas.client("owner")
    listed = owner.get(f"/api/supervision?region={personas.region.code}&year=2023").json()
    assert [entry["subject"] for entry in listed["items"]] == ["gdp"]
    assert listed["items"][0]["steps"][0]["action"] == "open"
    body = json.dumps({"text": "已协调重点企业扩产，预计四季度回升"})
    answered = owner.post(f"/api/supervision/{item.pk}/answer", body, content_type="application/json")
    assert answered.status_code == 200 and answered.json()["state"] == "answered"
    again = owner.post(f"/api/supervision/{item.pk}/answer", body, content_type="application/json")
    assert again.status_code == 409 and "已反馈" in again.json()["detail"]
    refused = owner.post(f"/api/supervision/{item.pk}/close", body, content_type="application/json")
    assert refused.status_code == 403
    assert personas.client("anonymous").get(f"/api/supervision?region={personas.region.code}&year=2023").status_code in (401, 403)


def test_the_planner_can_give_a_project_item_to_its_owner_unit_and_only_a_project(personas) -> None:  # type: ignore[no-untyped-def]
    """Trial 20: a 督办 item could not be assigned to a project's owner when the project has a 责任单位."""
    from devplan.projects.models import Project

    region = personas.region
    project = Project.objects.filter(region=region, owner="湘乡市城市发展集团有限公司").first()
    assert project is not None
    planner = personas.client("planner")
    page = f"/supervision/{region.code}/2023/"
    deadline = (timezone.localdate() + timedelta(days=5)).isoformat()
    planner.post(page, {"subject": f"project:{project.ref}", "department": "owner", "deadline": deadline,
                        "reason": "项目投资进度滞后，请业主单位说明原因"})
    item = Item.objects.get(region=region, subject=project.ref)
    assert item.department is None and item.owner_unit == project.owner
    builder = personas.client("builder")
    assert builder.post(f"/supervision/item/{item.pk}/", {"action": "answer", "text": "征地已完成，下月加快施工"}).status_code == 302
    refused = planner.post(page, {"subject": "indicator:gdp", "department": "owner", "deadline": deadline,
                                  "reason": "地区生产总值落后序时进度"}, follow=True)
    assert "只有重点项目可以交由业主单位反馈" in refused.content.decode()
    far = planner.post(page, {"subject": "indicator:gdp", "deadline": "9999-12-31", "reason": "地区生产总值落后序时进度"},
                       follow=True)
    assert "反馈期限最长为 180 天" in far.content.decode()


def test_an_answer_carries_photos_and_documents_served_only_to_readers_of_the_item(personas, tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    """Issue 20 (trial): 督办 answers could not carry attachments (材料). A photo loses its EXIF; it is served
    to readers of the item only; a file that is neither photo nor PDF is refused with nothing saved."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from devplan.supervision.models import StepFile

    settings.DEVPLAN_FILES_DIR = str(tmp_path / "files")
    region = personas.region
    deadline = (timezone.localdate() + timedelta(days=5)).isoformat()
    personas.client("planner").post(f"/supervision/{region.code}/2023/", {
        "subject": "indicator:gdp", "deadline": deadline, "reason": "地区生产总值落后序时进度，请说明原因"})
    item = Item.objects.get(region=region, subject="gdp")
    photo = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    Image.new("RGB", (64, 48), "orange").save(photo, "JPEG", exif=exif.tobytes())
    owner = personas.client("owner")
    bad = owner.post(f"/supervision/item/{item.pk}/", {"action": "answer", "text": "工业增速回落，正推动技改",
                                                       "file": SimpleUploadedFile("x.jpg", b"<html>not a photo</html>")},
                     follow=True)
    assert "未保存" in bad.content.decode()
    item.refresh_from_db()
    assert item.state == Item.State.OPEN and not StepFile.objects.exists()
    owner.post(f"/supervision/item/{item.pk}/", {"action": "answer", "text": "工业增速回落，正推动技改",
                                                 "file": SimpleUploadedFile("现场.jpg", photo.getvalue())})
    kept = StepFile.objects.get()
    assert kept.step.action == "answer" and kept.name == "现场.jpg"
    served = personas.client("planner").get(f"/supervision/file/{kept.pk}")
    data = b"".join(served.streaming_content)  # type: ignore[attr-defined]
    assert served.status_code == 200 and not Image.open(io.BytesIO(data)).getexif()
    assert "现场.jpg" in personas.client("planner").get(f"/supervision/item/{item.pk}/").content.decode()
    assert personas.client("anonymous").get(f"/supervision/file/{kept.pk}").status_code == 302

"""Evidence: an owner uploads a photo of its project's month; it is re-encoded without its EXIF (camera and
GPS position) unless the project keeps the position, thumbnailed, stored once under its SHA-256 and served
only to those who may see it — a user of another department gets 403. Oversized files are refused with one
sentence; a document is recognised by its content, not its name."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.contrib.messages import get_messages
from PIL import ExifTags, Image

from devplan.evidence.models import Attachment
from devplan.evidence.service import attach
from devplan.lib.errors import DevplanError
from devplan.projects.models import Project
from devplan.recording.actors import Actor
from devplan.recording.models import Door

pytestmark = pytest.mark.django_db

REF = "XX-003"  # owned by the personas' builder (湘乡市城市发展集团有限公司); responsible: 湘乡市住建局
GPS = {1: "N", 2: (27.0, 44.0, 12.5), 3: "E", 4: (112.0, 31.0, 40.0)}


def _photo(colour: str = "orange", size: tuple[int, int] = (640, 480)) -> bytes:
    """A JPEG as a phone writes it: camera, time and GPS position in its EXIF."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "HUAWEI"
    exif[ExifTags.Base.DateTime] = "2023:10:28 09:12:00"
    exif[ExifTags.IFD.GPSInfo] = GPS
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _upload(client: Any, name: str, data: bytes, month: int = 10) -> Any:
    upload = io.BytesIO(data)
    upload.name = name
    return client.post(f"/project/{REF}/2023/evidence/", {"month": month, "file": upload, "caption": "路基施工"})


def _said(response: Any) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_an_owners_photo_loses_its_exif_and_another_department_gets_403(personas, files_dir: Path) -> None:  # type: ignore[no-untyped-def]
    builder = personas.client("builder")
    sent = _upload(builder, "IMG_2023.jpg", _photo())
    assert sent.status_code == 302 and _said(sent) == ["已上传“IMG_2023.jpg”。"]
    attachment = Attachment.objects.get(project__ref=REF)
    assert (attachment.year, attachment.month, attachment.kind) == (2023, 10, "photo")

    served = builder.get(f"/evidence/{attachment.pk}/")
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert served["Content-Disposition"] == "inline; filename*=UTF-8''IMG_2023.jpg"
    image = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert image.size == (640, 480)
    assert dict(image.getexif()) == {} and not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    thumbnail = Image.open(io.BytesIO(b"".join(builder.get(f"/evidence/{attachment.pk}/thumbnail/").streaming_content)))
    assert max(thumbnail.size) == 320 and dict(thumbnail.getexif()) == {}

    for who in ("other", "owner"):  # 财政局 and 统计局: departments of the region, not this project's
        assert personas.client(who).get(f"/evidence/{attachment.pk}/").status_code == 403
        assert personas.client(who).get(f"/evidence/{attachment.pk}/thumbnail/").status_code == 403
    assert personas.client("anonymous").get(f"/evidence/{attachment.pk}/").status_code == 302  # to the login page
    for who in ("planner", "viewer"):
        assert personas.client(who).get(f"/evidence/{attachment.pk}/").status_code == 200
    # The other department sees the project's page, but neither the photos nor the upload form.
    page = personas.client("other").get(f"/project/{REF}/2023/").content.decode()
    assert "审批与建设节点" in page and "形象进度照片与文件" not in page
    assert f"/evidence/{attachment.pk}/thumbnail/" in builder.get(f"/project/{REF}/2023/").content.decode()
    # Nothing under a public path: the file lives only in the private store, under its hash.
    assert (files_dir / attachment.sha256[:2] / attachment.sha256).exists()
    assert personas.client("other").post(f"/project/{REF}/2023/evidence/", {"month": 10}).status_code == 403


def test_a_project_that_keeps_location_keeps_only_the_gps_block(personas) -> None:  # type: ignore[no-untyped-def]
    version = Project.objects.get(ref=REF).version
    flagged = personas.client("planner").put(f"/api/projects/{REF}", json.dumps({"version": version, "keeps_location": True}),
                                             content_type="application/json")
    assert flagged.status_code == 200 and flagged.json()["keeps_location"] is True
    attachment, _ = attach(Actor(personas.builder, "chengtou", Door.WEB), Project.objects.get(ref=REF), 2023, 10,
                           "site.jpg", _photo())
    served = personas.client("planner").get(f"/evidence/{attachment.pk}/")
    exif = Image.open(io.BytesIO(b"".join(served.streaming_content))).getexif()
    assert exif.get_ifd(ExifTags.IFD.GPSInfo) == GPS
    assert ExifTags.Base.Make not in exif and ExifTags.Base.DateTime not in exif
    assert attachment.keeps_location


def test_an_oversized_file_is_refused_with_one_sentence_and_nothing_kept(personas, settings, files_dir: Path) -> None:  # type: ignore[no-untyped-def]
    settings.DEVPLAN_EVIDENCE_MAX_MB = 1
    sent = _upload(personas.client("builder"), "大照片.jpg", b"\xff\xd8" + b"0" * (3 * 1024 * 1024 // 2))
    assert _said(sent) == ["“大照片.jpg”有 1.5 MB，超过了照片和文件 1 MB 的上限：请压缩或缩小后再上传"]
    assert not Attachment.objects.exists() and not files_dir.exists()


def test_the_same_file_twice_is_stored_once(personas, files_dir: Path) -> None:  # type: ignore[no-untyped-def]
    builder = personas.client("builder")
    photo = _photo("green")
    _upload(builder, "a.jpg", photo)
    again = _upload(builder, "a-copy.jpg", photo)
    assert _said(again)[-1] == "“a.jpg”此前已上传到该月，未重复保存。"  # the first upload's message still waits
    _upload(builder, "a.jpg", photo, month=9)  # the same photo for September too: a second attachment, one file
    attachments = Attachment.objects.filter(project__ref=REF)
    assert attachments.count() == 2 and len({a.sha256 for a in attachments}) == 1
    stored = [p for p in files_dir.rglob("*") if p.is_file()]
    assert len(stored) == 2  # the photo and its thumbnail


def test_a_document_is_judged_by_its_content_not_its_name(personas) -> None:  # type: ignore[no-untyped-def]
    builder = personas.client("builder")
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    _upload(builder, "施工许可证.jpg", pdf)
    document = Attachment.objects.get(project__ref=REF)
    assert (document.kind, document.content_type, document.thumbnail) == ("document", "application/pdf", "")
    served = builder.get(f"/evidence/{document.pk}/")
    assert b"".join(served.streaming_content) == pdf and served["Content-Type"] == "application/pdf"
    assert served["Content-Disposition"].startswith("attachment;")
    refused = _upload(builder, "report.pdf", b"<html><script>alert(1)</script></html>")
    assert _said(refused)[-1:] == ["“report.pdf”不是 JPEG 或 PNG 照片，也不是 PDF 文件：请上传照片（JPEG、PNG）或 PDF 文件"]
    with pytest.raises(DevplanError, match="没有 2023 年 13 月这个月份"):
        attach(Actor(personas.builder, "chengtou", Door.WEB), Project.objects.get(ref=REF), 2023, 13, "a.pdf", pdf)


def test_a_locked_month_takes_no_evidence_and_a_caption_follows_the_text_rule(personas, files_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Trial 20: a photo was attached to a locked month; a caption `=cmd|…` was stored."""
    from devplan.recording.periods import lock_month

    owner = Actor(personas.builder, "chengtou", Door.WEB)
    project = Project.objects.get(ref=REF)
    with pytest.raises(DevplanError, match="不能以"):
        attach(owner, project, 2023, 10, "a.jpg", _photo(), caption="=cmd|' /C calc'!A0")
    lock_month(Actor.of_system("测试", Door.CLI), personas.region, 2023, 10)
    with pytest.raises(DevplanError, match="已锁定"):
        attach(owner, project, 2023, 10, "a.jpg", _photo())
    assert not Attachment.objects.exists()

"""Acceptance (issue 20, item 4): an owner uploads a photo of its project's month on the project page; the
photo it gets back has no EXIF (no GPS position), and a user of another department cannot fetch it (403)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import ExifTags, Image

from devplan.accounts.models import Role
from devplan.accounts.services import add_user
from devplan.regions.models import Region
from tests.browser.conftest import OUTPUT, PASSWORD, open_as

pytestmark = pytest.mark.browser
BUILDER = "湘乡市城市发展集团有限公司"  # the owner unit of XX-003


def test_an_owners_photo_loses_its_gps_and_another_department_gets_403(browser, demo_site, settings, tmp_path):  # type: ignore[no-untyped-def]
    server = demo_site
    settings.DEVPLAN_FILES_DIR = str(tmp_path / "files")
    add_user("chengtou", Role.OWNER, PASSWORD, Region.objects.get(code="430381"), owner=BUILDER)
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "HUAWEI"
    exif[ExifTags.IFD.GPSInfo] = {1: "N", 2: (27.0, 44.0, 12.5), 3: "E", 4: (112.0, 31.0, 40.0)}
    photo = tmp_path / "工地.jpg"
    Image.new("RGB", (800, 600), "orange").save(photo, "JPEG", exif=exif.tobytes())

    owner = open_as(browser, server, "chengtou", viewport={"width": 1366, "height": 900})
    owner.goto(f"{server.url}/project/XX-003/2023/")
    owner.select_option("#evidence select[name=month]", "10")
    owner.set_input_files("#evidence input[type=file]", str(photo))
    owner.fill("#evidence input[name=caption]", "路基施工")
    owner.click("#evidence button[type=submit]")
    assert "已上传“工地.jpg”" in owner.locator(".messages").inner_text()
    thumbnail = owner.locator("#evidence img").first
    thumbnail.scroll_into_view_if_needed()  # it loads lazily
    assert thumbnail.evaluate("img => img.decode().then(() => img.naturalWidth)") == 320
    href = owner.locator("#evidence a").first.get_attribute("href")
    assert href is not None
    owner.locator("#evidence").screenshot(path=str(OUTPUT / "project-evidence.png"))

    served = owner.request.get(f"{server.url}{href}")
    assert served.status == 200 and served.headers["content-type"] == "image/jpeg"
    image: Any = Image.open(io.BytesIO(served.body()))
    assert image.size == (800, 600) and dict(image.getexif()) == {}

    other = open_as(browser, server, "caizheng")
    assert other.request.get(f"{server.url}{href}").status == 403
    assert other.request.get(f"{server.url}{href}thumbnail/").status == 403
    other.goto(f"{server.url}/project/XX-003/2023/")
    assert other.locator("#milestones").is_visible() and other.locator("#evidence").count() == 0

"""Built downloads (issue 16): the report's HTML links to the site it was asked from, so a copy built for one
Host is never sent to a requester of another; and a second click on a document being built is told that this
document is being built — not that the server is busy for other users."""

from __future__ import annotations

import fcntl

import pytest

from devplan.reports import downloads
from devplan.web.views.reports import BUILDING

REPORT_HTML = "/reports/430381/2023/10/report.html"
BRIEF = "/reports/430381/2023/10/brief.docx"


@pytest.fixture
def private_dir(tmp_path, settings):
    settings.DEVPLAN_CACHE_DIR = str(tmp_path / "server")
    settings.DEVPLAN_SITE_URL = ""
    return tmp_path / "server"


def _get(client, path: str, host: str) -> str:  # type: ignore[no-untyped-def]
    answer = client.get(path, HTTP_HOST=host)
    assert answer.status_code == 200, answer.content
    return b"".join(answer.streaming_content).decode()


def test_each_host_gets_a_report_linking_to_itself(personas, private_dir):
    first = _get(personas.client("planner"), REPORT_HTML, "localhost")
    second = _get(personas.client("viewer"), REPORT_HTML, "127.0.0.1")
    assert 'href="http://localhost/' in first and "http://127.0.0.1/" not in first
    assert 'href="http://127.0.0.1/' in second and "http://localhost/" not in second


def test_a_second_click_while_the_document_is_built_says_so(personas, private_dir, settings):
    settings.DEVPLAN_EXPENSIVE_AT_ONCE = 1
    region = personas.region
    key = downloads._key(region, 2023, 10, True)
    private_dir.mkdir(parents=True, exist_ok=True)
    lock_path = downloads._folder() / f"{key}.lock"
    with lock_path.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the first click's build holds it
        assert downloads.is_building(region, 2023, 10, True)
        again = personas.client("planner").get(BRIEF)
    assert again.status_code == 429 and BUILDING in again.content.decode() and again["Retry-After"]
    assert "其他用户" not in again.content.decode()
    assert not downloads.is_building(region, 2023, 10, True)

"""Issue 17, item 3 (and the 3 MB body of item 8): what one request may cost. Uploads over the size limit
are refused by their length before they are read; a zip bomb (an .xlsx or .docx unpacking far beyond the
limit) is refused at every door before any parser opens it; the audit page refuses a text over its limit
and shows long ones in pages; reports are built once per data version; a user may run only so many
expensive requests at once."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from devplan.web.limits import expensive_slot, server_dir
from tests.api.test_observations import GDP_DECEMBER, post, session_client
from tests.conftest import run_devplan
from tests.pdf_bytes import flate_bomb_pdf
from tests.reliability.record import record

UPLOAD = "/excel/430381/2023/11/figures/upload/"
REPORT = "/reports/430381/2023/10/brief.docx"
REPORTS_PAGE = "/reports/430381/2023/10/"


def bomb(name: str, unpacked_mb: int) -> bytes:
    """A small zip whose one member unpacks to `unpacked_mb` MB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, b"\0" * (unpacked_mb << 20))
    return buffer.getvalue()


@pytest.fixture
def private_dir(tmp_path, settings):
    settings.DEVPLAN_CACHE_DIR = str(tmp_path / "server")
    return tmp_path / "server"


def _never_parsed(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a parser opened a file over the limits")

    monkeypatch.setattr("devplan.collection.excel.workbook.load_workbook", refuse)
    monkeypatch.setattr("devplan.web.views.audit.read_file", refuse)


@override_settings(DEVPLAN_UPLOAD_MAX_MB=1)
def test_an_upload_over_the_size_limit_is_refused_unread_on_every_web_door(personas, private_dir, monkeypatch):
    _never_parsed(monkeypatch)
    big = b"x" * (2 << 20)
    client = personas.client("owner")
    excel = client.post(UPLOAD, {"workbook": SimpleUploadedFile("f.xlsx", big)})
    audit = client.post("/audit/", {"report": SimpleUploadedFile("r.txt", big)})
    assert excel.status_code == audit.status_code == 413
    assert "超过 1 MB 的上限" in excel.content.decode() and "Traceback" not in audit.content.decode()
    assert not list((private_dir / "uploads").glob("*")) if (private_dir / "uploads").exists() else True
    record("hardening", "limits: upload over the size limit refused unread (web Excel, audit)", tried=2, held=2)


@override_settings(DEVPLAN_UNZIPPED_MAX_MB=5)
def test_a_zip_bomb_is_refused_before_any_parser_opens_it(personas, private_dir, monkeypatch, tmp_path, cli_db_url):
    _never_parsed(monkeypatch)
    client = personas.client("owner")
    excel = client.post(UPLOAD, {"workbook": SimpleUploadedFile("f.xlsx", bomb("xl/workbook.xml", 8))}, follow=True)
    audit = client.post("/audit/", {"report": SimpleUploadedFile("r.docx", bomb("word/document.xml", 8))})
    assert "解压后有 8 MB，超过 5 MB 的上限" in excel.content.decode()
    assert "解压后有 8 MB，超过 5 MB 的上限" in audit.content.decode()
    assert not any((private_dir / "uploads").iterdir())  # the temporary files are gone

    path = tmp_path / "bomb.xlsx"
    path.write_bytes(bomb("xl/workbook.xml", 120))
    done = run_devplan("import", str(path), db=cli_db_url)
    assert done.returncode == 1 and "解压后有 120 MB，超过 100 MB 的上限" in done.stderr, done.stderr
    record("hardening", "limits: zip bomb refused before parsing (web Excel, audit, devplan import)", tried=3, held=3)


def test_an_api_body_over_the_limit_is_a_json_413(personas):
    client, token = session_client("tongji")
    body = {**GDP_DECEMBER, "note": "长" * (1 << 20)}  # 3 MB of UTF-8
    answer = post(client, token, body)
    assert answer.status_code == 413 and answer["Content-Type"].startswith("application/json")
    assert "上限" in answer.json()["detail"]
    record("hardening", "limits: 3 MB API body answered JSON 413", tried=1, held=1)


@override_settings(DEVPLAN_AUDIT_MAX_CHARS=30_000)
def test_the_audit_page_refuses_a_text_over_its_limit_and_pages_a_long_one(personas, private_dir, seed_text):
    seed = seed_text
    planner = personas.client("planner")
    refused = planner.post("/audit/", {"report": SimpleUploadedFile("r.txt", (seed * 4).encode())})
    assert refused.status_code == 413 and "r.txt: 正文有" in refused.content.decode()
    assert "超过网页审核的上限 30000 字" in refused.content.decode()
    shown = planner.post("/audit/", {"report": SimpleUploadedFile("r.txt", (seed * 2 + seed[:1000]).encode())})
    page = shown.content.decode()
    assert shown.status_code == 200 and "第 1 / 2 页" in page and len(page) < 1_000_000
    doc = page.split("?doc=")[1].split("&")[0]
    second = planner.get(f"/audit/?doc={doc}&page=2").content.decode()
    assert "第 2 / 2 页" in second and "<mark" in second
    assert "已过期" in personas.client("viewer").get(f"/audit/?doc={doc}&page=2").content.decode()
    record("hardening", "limits: audit page bounded (text limit, pages, private)", tried=4, held=4)


def test_a_document_is_built_once_per_data_version(personas, private_dir, monkeypatch):
    import devplan.reports.downloads as reports

    builds = []
    real = reports.write_documents
    monkeypatch.setattr(reports, "write_documents", lambda *a, **k: (builds.append(1), real(*a, **k))[1])
    planner = personas.client("planner")
    first = b"".join(planner.get(REPORT).streaming_content)
    second = b"".join(personas.client("viewer").get(REPORT).streaming_content)
    assert first[:2] == b"PK" and first == second and len(builds) == 1
    client, token = session_client("tongji")
    assert post(client, token, GDP_DECEMBER).status_code in (201, 202)  # a write: a new change set
    planner2, token2 = session_client("planner")
    assert post(planner2, token2, {**GDP_DECEMBER, "value": 611.5}).status_code == 201
    b"".join(planner.get(REPORT).streaming_content)
    assert len(builds) == 2
    record("hardening", "limits: reports built once per data version", tried=3, held=3)


def test_a_document_built_by_another_devplan_is_built_anew(personas, private_dir, monkeypatch):
    """Trial t18b: after an upgrade the reports page sent the brief the old devplan had built (its note still
    parted "30个百分|点"), the data being the same."""
    import devplan.reports.cache as cache
    import devplan.reports.downloads as reports

    builds = []
    real = reports.write_documents
    monkeypatch.setattr(reports, "write_documents", lambda *a, **k: (builds.append(1), real(*a, **k))[1])
    planner = personas.client("planner")
    b"".join(planner.get(REPORT).streaming_content)
    b"".join(planner.get(REPORT).streaming_content)
    monkeypatch.setattr(cache, "code_version", lambda: "upgraded")
    b"".join(planner.get(REPORT).streaming_content)
    assert len(builds) == 2


def test_a_user_runs_only_so_many_expensive_requests_at_once(personas, private_dir, settings):
    settings.DEVPLAN_EXPENSIVE_PER_USER, settings.DEVPLAN_EXPENSIVE_AT_ONCE = 2, 3
    with expensive_slot(personas.planner), expensive_slot(personas.planner):
        busy = personas.client("planner").get(REPORT)
        other = personas.client("viewer").get("/audit/")
    assert busy.status_code == 429 and "请等它们完成后再试" in busy.content.decode()
    assert other.status_code == 200
    assert personas.client("planner").get("/audit/").status_code == 200  # the slots are free again
    record("hardening", "limits: expensive requests per user (429)", tried=3, held=3)


def test_the_server_keeps_a_worker_free_for_cheap_requests(personas, private_dir, settings):
    """The load test found /api/status at p95 3.5 s while every worker built or served reports."""
    settings.DEVPLAN_EXPENSIVE_AT_ONCE = 1
    with expensive_slot(personas.planner):
        busy = personas.client("viewer").get(REPORT)
        cheap = personas.client("viewer").get("/api/status?region=430381&year=2023")
    assert busy.status_code == 429 and "请几秒钟后再试" in busy.content.decode() and busy["Retry-After"]
    assert cheap.status_code == 200
    record("hardening", "limits: expensive requests on the whole server (429), cheap ones still answered",
           tried=2, held=2)


def test_a_document_already_built_is_not_an_expensive_request(personas, private_dir, settings):
    """The load test found half the downloads answered 429 while the server sent copies it had on disk."""
    settings.DEVPLAN_EXPENSIVE_AT_ONCE = 1
    viewer = personas.client("viewer")
    page = viewer.get(REPORTS_PAGE).content.decode()
    assert "首次下载时生成" in page and 'data-ready="0"' in page
    built = viewer.get(REPORT)
    assert built.status_code == 200
    b"".join(built.streaming_content)
    assert "已按最新数据生成" in viewer.get(REPORTS_PAGE).content.decode()
    with expensive_slot(personas.planner):
        again = viewer.get(REPORT)
    assert again.status_code == 200
    b"".join(again.streaming_content)
    record("hardening", "limits: a built copy is sent without an expensive slot; the page shows it is built",
           tried=3, held=3)


def test_the_server_folder_is_private(private_dir):
    assert oct(Path(server_dir("uploads")).stat().st_mode & 0o777) == "0o700"


@override_settings(DEVPLAN_PARSE_MAX_MB=64, DEVPLAN_PARSE_MAX_SECONDS=10)
def test_a_file_that_unpacks_without_end_is_refused_and_the_worker_lives(personas, private_dir, monkeypatch):
    """Issue 17 trial: a 1 MB PDF whose stream unpacks to 1 GB took 2.2 GB; a workbook under both size limits
    with 95 MB of cells held a worker until gunicorn killed it."""
    import devplan.collection.excel.workbook as workbook

    client = personas.client("owner")
    audit = client.post("/audit/", {"report": SimpleUploadedFile("r.pdf", flate_bomb_pdf(400))})
    text = audit.content.decode()
    # Out of its memory the reader stops: too large, or a stream it could not unpack (a broken PDF to it).
    # Out of memory is the file's fault (413, the bomb sentence); a damaged stream is a bad request (400).
    assert audit.status_code in {400, 413} and "Traceback" not in text and "r.pdf: " in text
    assert str(private_dir) not in text  # the user's name for the file, never the server's path
    from openpyxl import Workbook

    book = Workbook()
    for row in range(60):
        book.active.append([f"单元格{row}-{column}" for column in range(40)])
    packed = io.BytesIO()
    book.save(packed)
    monkeypatch.setattr(workbook, "MAX_CELLS", 1000)  # the child is forked after this: it sees the bound
    excel = client.post(UPLOAD, {"workbook": SimpleUploadedFile("f.xlsx", packed.getvalue())}, follow=True)
    assert "单元格超过 1000 个" in excel.content.decode()
    merged = Workbook()  # one merged range of 2,600 cells in a file of a few KB (the re-trial's A1:Z140000)
    merged.active.merge_cells("A1:Z100")
    packed = io.BytesIO()
    merged.save(packed)
    excel = client.post(UPLOAD, {"workbook": SimpleUploadedFile("m.xlsx", packed.getvalue())}, follow=True)
    assert "单元格超过 1000 个" in excel.content.decode()
    assert client.get("/api/status?region=430381&year=2023").status_code == 200
    record("hardening", "limits: a file that unpacks without end refused in a bounded child (PDF, workbook)",
           tried=2, held=2)


def test_head_and_pages_of_the_audit_are_bounded_and_the_form_is_free(personas, private_dir, settings):
    settings.DEVPLAN_EXPENSIVE_AT_ONCE = 1
    viewer = personas.client("viewer")
    with expensive_slot(personas.planner):
        assert viewer.get("/audit/").status_code == 200  # the empty form takes no slot
        assert viewer.head(REPORT).status_code == 429  # HEAD runs the view: it takes a slot like GET
        assert viewer.get("/audit/?doc=0123456789abcdef").status_code == 429
    odd = viewer.get("/audit/?doc=0123456789abcdef&page=%C2%B2")  # "²".isdigit() but int() fails
    assert odd.status_code == 404 and "已过期" in odd.content.decode()
    record("hardening", "limits: HEAD counted, the audit form free, odd page numbers harmless", tried=4, held=4)


def test_every_api_error_is_json(personas):
    client = personas.client("viewer")
    for method in ("delete", "put", "patch"):
        answer = getattr(client, method)("/api/status?region=430381&year=2023")
        assert answer.status_code == 405 and answer["Content-Type"].startswith("application/json"), method
        assert "不支持" in answer.json()["detail"]
    broken = client.post("/api/login", b"--x\r\n", content_type="multipart/form-data; boundary=")
    assert broken.status_code >= 400 and broken["Content-Type"].startswith("application/json")
    record("hardening", "API: 405 and malformed multipart answered JSON", tried=4, held=4)

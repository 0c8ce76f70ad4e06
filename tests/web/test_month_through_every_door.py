"""One month through every door and then every output (issue 16's goal): on the demo, November 2023 is
entered as the county lives it — 财政局 on the web form, 统计局 by downloading its Excel template and
uploading it filled and through `POST /api/observations`, the project owner on the progress page — and the
planner approves everything on the review page and through `POST /api/submissions/{id}/approve`. Then every
output for November states the same value, growth, completion, basis and light for every main indicator as
the one assessment: the dashboard, the indicator page, /compare/, /api/status, /api/ranking, /api/rollup,
`devplan status --month`, the brief and the report; the brief lists the new figures; and devplan's auditor
finds no error in report.docx, report.pdf and the brief, whose Word and PDF files read alike."""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from docx import Document as WordDocument
from openpyxl import load_workbook

from devplan.accounts.demo import DEMO_ACCOUNTS, ensure_demo_accounts
from devplan.cli import main
from devplan.collection.models import Submission
from devplan.indicators.assessment import Basis
from devplan.indicators.models import Indicator
from devplan.reader import AuditResult
from devplan.reader.findings import ERROR
from tests.outputs import (
    LIGHT_WORDS,
    assert_read_alike,
    card_matches,
    cards,
    compare_row_matches,
    indicator_page_matches,
    same,
    truth,
)

# `devplan.cli.main` closes the database connections when a command ends, as a command line does: the test
# cannot run inside a transaction that is rolled back.
pytestmark = pytest.mark.django_db(transaction=True)

REGION, YEAR, MONTH, PERIOD = "430381", 2023, 11, "2023-11"
# November as each door states it: (value, growth %) — the web form, the Excel template, the API.
FISCAL = ("12.58", "6.4")
FAI = (188.2, 7.8)  # typed into Excel cells: floats, to print as stated (188.2, not 188.2000)
RETAIL = (152.6, 9.1)
PROGRESS = "1.7"  # 韶峰南方物流大道 (XX-003), 1—10月 1.55
NEW = {"fiscal_revenue": FISCAL, "fai": FAI, "retail_sales": RETAIL}


def _password(username: str) -> str:
    return next(account.password for account in DEMO_ACCOUNTS if account.username == username)


def _web(username: str) -> Client:
    client = Client()
    answer = client.post("/login/", {"username": username, "password": _password(username)})
    assert answer.status_code == 302, f"{username} cannot log in"
    return client


def _api(username: str) -> tuple[Client, dict[str, str]]:
    client = Client(enforce_csrf_checks=True)
    answer = client.post("/api/login", {"username": username, "password": _password(username)},
                         content_type="application/json")
    assert answer.status_code == 200, answer.content
    return client, {"X-CSRFToken": answer.json()["csrf_token"]}


def _success(answer: Any) -> str:
    page = html.unescape(answer.content.decode())
    assert answer.status_code == 200 and "未保存任何数据" not in page and "未导入任何数据" not in page, page[-3000:]
    return page


def _enter_the_month() -> None:
    """Every door a department or an owner has, each ending as a submission waiting for the planner."""
    finance = _web("caizheng")
    _success(finance.post(f"/submit/{REGION}/{YEAR}/{MONTH}/", {
        "value_fiscal_revenue": FISCAL[0], "growth_fiscal_revenue": FISCAL[1], "estimate_fiscal_revenue": "16.34",
        "action": "submit"}, follow=True))

    statistics = _web("tongji")
    base = f"/excel/{REGION}/{YEAR}/{MONTH}/figures/"
    template = statistics.get(f"{base}template.xlsx")
    assert template.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(template.streaming_content)))  # type: ignore[attr-defined]
    sheet = workbook.worksheets[0]
    header = [str(cell.value or "") for cell in sheet[1]]
    column = {name: header.index(name) for name in ("指标代码", "1至本月累计值", "同比增长（%）")}
    (row,) = [row for row in sheet.iter_rows(min_row=2) if row[column["指标代码"]].value == "fai"]
    row[column["1至本月累计值"]].value, row[column["同比增长（%）"]].value = FAI
    buffer = io.BytesIO()
    workbook.save(buffer)
    page = _success(statistics.post(f"{base}upload/", {"workbook": SimpleUploadedFile("统计局11月.xlsx", buffer.getvalue())},
                                    follow=True))
    assert "等待发改局审核" in page

    api, token = _api("tongji")
    answer = api.post("/api/observations", {"region": REGION, "indicator": "retail_sales", "through": PERIOD,
                                            "value": RETAIL[0], "growth_pct": RETAIL[1]},
                      content_type="application/json", headers=token)
    assert answer.status_code == 202 and answer.json()["status"] == "submitted", answer.content

    _success(_web("owner").post(f"/progress/{REGION}/{YEAR}/{MONTH}/", {
        "invest_XX-003": PROGRESS, "narrative_XX-003": "路基基本完成，开始铺设路面", "action": "submit"}, follow=True))


def _approve_the_month() -> None:
    """The planner approves the queue: the web form for half of it, the API for the rest."""
    planner = _web("planner")
    queue = planner.get(f"/review/{REGION}/{YEAR}/{MONTH}/").content.decode()
    waiting = [int(pk) for pk in dict.fromkeys(re.findall(r'action="/review/submission/(\d+)/"', queue))]
    assert len(waiting) == 4 == Submission.objects.filter(status=Submission.Status.SUBMITTED).count()
    for pk in waiting[::2]:
        page = _success(planner.post(f"/review/submission/{pk}/", {"action": "approve"}, follow=True))
        assert "已通过" in page
    api, token = _api("planner")
    listed = api.get(f"/api/submissions?region={REGION}&status=submitted&period={PERIOD}").json()
    assert sorted(s["id"] for s in listed) == sorted(waiting[1::2])
    for submission in listed:
        answer = api.post(f"/api/submissions/{submission['id']}/approve", headers=token)
        assert answer.status_code == 200 and answer.json()["status"] == "approved", answer.content
    assert not Submission.objects.exclude(status=Submission.Status.APPROVED).exists()


def _devplan(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """A `devplan` command line run in this process; its standard output."""
    capsys.readouterr()
    main(list(args))
    return capsys.readouterr().out


def _pages_agree(rows: dict[str, dict[str, Any]]) -> str:
    """The pages judge every indicator as the assessment does; returns the dashboard."""
    leader = _web("leader")
    dashboard = html.unescape(leader.get(f"/dashboard/{REGION}/{YEAR}/{MONTH}/").content.decode())
    shown = cards(dashboard)
    for code, row in rows.items():
        card_matches(shown[row["name"]], row)
        page = html.unescape(leader.get(f"/indicator/{REGION}/{code}/{YEAR}/?month={MONTH}").content.decode())
        indicator_page_matches(page, row)
        if row["actual"] is not None:
            compare_row_matches(leader.get(f"/compare/430000/{code}/{YEAR}/{MONTH}/").content.decode(), REGION, row)
    return dashboard


def _api_agrees(rows: dict[str, dict[str, Any]]) -> None:
    public = Client()
    status = public.get(f"/api/status?region={REGION}&year={YEAR}&month={MONTH}").json()
    assert {row["indicator"]: row for row in status} == rows
    for code, row in rows.items():
        ranked = public.get(f"/api/ranking?province=430000&indicator={code}&period={PERIOD}").json()
        mine = [r for r in ranked if r["region"] == REGION]
        if row["actual"] is None:
            assert not mine, code
            continue
        (county,) = mine
        assert (county["through"], county["value"], county["growth_pct"]) == (
            row["actual"]["through"], row["actual"]["value"], row["actual"]["growth_pct"])
        same(row, county["completion_pct"], county["completion_basis"], county["light"])
        indicator = Indicator.objects.get(code=code)
        if indicator.additive and row["actual"]["through"] == PERIOD and row["target"]["kind"] == "level":
            areas = public.get(f"/api/rollup?indicator={code}&period={PERIOD}").json()
            (area,) = [a for a in areas if a["name"] == "湘潭市"]  # the demo's only county with figures
            assert area["value"] == row["actual"]["value"]
            # 湘潭市's other counties have no figures: the sum of a part is shown, never judged as the area's.
            assert area["complete"] is False and (area["completion_pct"], area["light"]) == (None, "none")


def _word_text(path: Path) -> tuple[str, list[list[list[str]]]]:
    """A Word file's paragraphs as one text, and its tables as rows of cell texts."""
    document = WordDocument(str(path))
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return "\n".join(p.text for p in document.paragraphs), tables


def _table(tables: list[list[list[str]]], header: str) -> dict[str, dict[str, str]]:
    """The first table with the column `header`: each row by its first cell naming an indicator or project,
    as column → text."""
    heads = [["".join(cell.split()) for cell in table[0]] for table in tables]  # headers may break into lines
    index = next(i for i, head in enumerate(heads) if header in head)
    rows, head = tables[index], heads[index]
    name = 1 if head[0] == "序号" else 0
    return {"".join(row[name].split()).rstrip("*"): dict(zip(head, row, strict=True)) for row in rows[1:]}


def _noted_bases(note: str) -> dict[str, str]:
    """The basis 附件1's note gives each indicator in words ("地区生产总值、…按全年预计数计算；…"), by
    indicator name, as the assessment names it (全年预计÷年目标)."""
    found = {}
    for clause in note.split("；"):
        basis = next(basis for basis in Basis if clause.endswith(basis.words))
        found.update(dict.fromkeys(clause.removesuffix(basis.words).split("、"), basis.value))
    return found


def _lagging_on_the_dashboard(page: str) -> tuple[int, list[str]]:
    """How many projects the dashboard's panel says lag, and the names it lists, the worst first."""
    count = int(re.search(r"滞后的重点项目（共(\d+)个）", page).group(1))  # type: ignore[union-attr]
    panel = re.search(r'<ul class="lagging">(.*?)</ul>', page, re.S).group(1)  # type: ignore[union-attr]
    return count, re.findall(r'<a href="/project/[^"]+">([^<]+)</a>', panel)


def _downloaded(client: Client, name: str, folder: Path) -> Path:
    """A document from the reports page, saved into `folder`."""
    answer = client.get(f"/reports/{REGION}/{YEAR}/{MONTH}/{name}")
    assert answer.status_code == 200
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(b"".join(answer.streaming_content))  # type: ignore[attr-defined]
    return folder / name


def _brief_agrees(path: Path, rows: dict[str, dict[str, Any]], dashboard: str) -> None:
    text, tables = _word_text(path)
    count, worst = _lagging_on_the_dashboard(dashboard)
    listed = list(_table(tables, "滞后项目"))
    assert listed and listed == worst[:len(listed)], (listed, worst)
    assert f"另有{count - len(listed)}个项目滞后" in "".join(text.split()), count
    table = _table(tables, "预警")
    for indicator in Indicator.objects.filter(is_main=True):
        cells, row = table[indicator.name], rows.get(indicator.code)
        if row is None or row["actual"] is None:
            assert cells["预警"] == LIGHT_WORDS["none"], indicator.code
            continue
        actual = row["actual"]
        assert (cells["累计"], cells["增长（%）"]) == (str(actual["value"]), str(actual["growth_pct"])), indicator.code
        same(row, cells["完成率（%）"] or None, cells["依据"] or None,
             {v: k for k, v in LIGHT_WORDS.items()}[cells["预警"]])
    for code, (value, growth) in NEW.items():
        name = Indicator.objects.get(code=code).name
        assert f"{name}：新增1—11月数据（{value}亿元，增长{growth}%）" in text, code


def _report_agrees(folder: Path, rows: dict[str, dict[str, Any]]) -> None:
    """The report's paragraphs and its 附件1 state the assessment's figures and judgements."""
    text, tables = _word_text(folder / "report.docx")
    for code, (value, growth) in NEW.items():
        assert f"1—11月完成{value}亿元，同比增长{growth}%" in text, code
    attachment = _table(tables, "完成年计划（%）")
    bases = _noted_bases(re.search(r"注：完成年计划，([^。]+)。", text).group(1))  # type: ignore[union-attr]
    for row in rows.values():
        cells, actual = attachment[row["name"]], row["actual"]
        assert (cells["数据截至"], cells["累计完成"], cells["累计增长（%）"]) == (
            f"1—{int(actual['through'][5:])}月", str(actual["value"]), str(actual["growth_pct"])), row["indicator"]
        same(row, cells["完成年计划（%）"], bases.get(row["name"]), row["light"])
        # The Congress text states the percentage only; its basis is 附件1's note (and the HTML tooltip's).
        said = re.search(rf"——年计划[^\n]*{row['name']}[^\n]*完成年计划的(\d+(?:\.\d)?)%。", text)
        assert said is not None, row["indicator"]
        same(row, said.group(1), bases.get(row["name"]), row["light"])


def _audited_clean(docx: Path, pdf: Path) -> AuditResult:
    word, _printed = assert_read_alike(docx, pdf)
    assert [f.message for f in word.findings if f.severity == ERROR] == []
    return word


def test_a_month_entered_through_every_door_reads_the_same_in_every_output(demo, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ensure_demo_accounts()
    leader = _web("leader")
    before = _downloaded(leader, "brief.docx", tmp_path / "before")
    assert "新增1—11月数据" not in _word_text(before)[0]  # the reports page keeps this copy until the data change
    _enter_the_month()
    _approve_the_month()

    rows = truth(demo, YEAR, MONTH)
    for code, (value, growth) in NEW.items():
        assert (rows[code]["actual"]["through"], str(rows[code]["actual"]["value"]),
                str(rows[code]["actual"]["growth_pct"])) == (PERIOD, str(value), str(growth))
    dashboard = _pages_agree(rows)
    _api_agrees(rows)
    printed = _devplan(capsys, "status", "--region", "湘乡市", "--month", PERIOD, "--json")
    assert {row["indicator"]: row for row in json.loads(printed)} == rows
    printed = _devplan(capsys, "status", "--region", "湘乡市", "--month", PERIOD)
    for code, (value, growth) in NEW.items():
        assert f"1—11月 {value}亿元，增长{growth}%" in printed, code

    said = _devplan(capsys, "brief", "--region", "湘乡市", "--month", PERIOD, "--out", str(tmp_path / "brief"))
    assert "审核：" in said
    _brief_agrees(tmp_path / "brief" / "brief.docx", rows, dashboard)
    _brief_agrees(_downloaded(leader, "brief.docx", tmp_path / "web"), rows, dashboard)
    said = _devplan(capsys, "report", "--region", "湘乡市", "--year", str(YEAR), "--out", str(tmp_path / "report"))
    assert "审核：" in said
    _report_agrees(tmp_path / "report", truth(demo, YEAR, 12))
    _audited_clean(tmp_path / "report" / "report.docx", tmp_path / "report" / "report.pdf")
    brief = _audited_clean(tmp_path / "brief" / "brief.docx", tmp_path / "brief" / "brief.pdf")
    # The brief is written years after 2023 (its masthead is dated 2026年…); its figures are still 2023's.
    assert {fact.period.year for fact in brief.facts if fact.period} == {YEAR}

"""`devplan audit`: the command line as a user runs it, and the management command called from Python."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from devplan.lib.errors import DevplanError

DEVPLAN = Path(sys.executable).parent / "devplan"
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "xiangxiang-2023-plan-report.txt"
TEXT = "2023年,全市完成科技型中小企业入库254家,同比增长33.9%。\n"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(DEVPLAN), "audit", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_json_on_the_seed_has_no_error() -> None:
    if not SEED.exists():
        pytest.skip(f"{SEED} is not there (../shared beside the repo)")
    done = run(str(SEED), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["source"] == str(SEED)
    assert len(data["facts"]) > 100
    assert [f for f in data["findings"] if f["severity"] == "error"] == []


def test_readable_report_by_default(report: Path) -> None:
    done = run(str(report))
    assert done.returncode == 0
    assert "[警告] 增速隐含的上年基数" in done.stdout
    assert "190家对应33.7%" in done.stdout


def test_html_file_is_written(report: Path, tmp_path: Path) -> None:
    page = tmp_path / "audit.html"
    done = run(str(report), "--html", str(page))
    assert done.returncode == 0
    assert '<mark id="f0"' in page.read_text(encoding="utf-8")


def test_html_to_standard_output(report: Path) -> None:
    done = run(str(report), "--html", "-")
    assert done.stdout.startswith("<!DOCTYPE html>")


def test_missing_file_is_one_sentence_and_exit_1(tmp_path: Path) -> None:
    done = run(str(tmp_path / "none.txt"))
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0
    assert "none.txt" in done.stderr and "Traceback" not in done.stderr


def test_unsupported_file_is_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "table.xlsx"
    path.write_bytes(b"\x00\x01\x02")
    done = run(str(path))
    assert (done.returncode, "table.xlsx" in done.stderr) == (1, True)


def test_no_file_is_bad_usage_exit_2() -> None:
    assert run().returncode == 2


def test_call_command_writes_json(report: Path) -> None:
    out = io.StringIO()
    call_command("audit", str(report), "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert [f["check"] for f in data["findings"]] == ["implied_base_not_whole"]


def test_call_command_raises_a_named_error(tmp_path: Path) -> None:
    with pytest.raises(DevplanError, match="文件不存在"):
        call_command("audit", str(tmp_path / "none.txt"), stdout=io.StringIO())


def test_auditing_a_file_touches_no_database(report: Path, tmp_path: Path) -> None:
    """Issue 19, item 15: `devplan audit FILE` in a folder wrote an empty devplan.db there."""
    import os

    folder = tmp_path / "elsewhere"
    folder.mkdir()
    env = {key: value for key, value in os.environ.items() if key != "DEVPLAN_DB"}
    done = subprocess.run([str(DEVPLAN), "audit", str(report)], capture_output=True, text=True, timeout=120,
                          cwd=folder, env=env)
    assert done.returncode == 0, done.stderr
    assert list(folder.iterdir()) == []


def test_a_word_file_gives_the_same_facts_with_and_without_html(tmp_path: Path) -> None:
    """--html reads the file whole and audits its text: a Word file's short paragraphs are still its paragraphs."""
    import docx

    from devplan.reader import audit_file, audit_text, read_file

    document = docx.Document()
    for line in ("全县完成固定资产投资86.4亿", "元，增长7.2%，其中工业投资", "31.5亿元，增长9.8%，民间投资", "40.2亿元，占全部投资比重46.5%"):
        document.add_paragraph(line)
    path = tmp_path / "short.docx"
    document.save(path)
    read = read_file(path)
    by_file = audit_file(path).to_json()
    assert audit_text(read.text, source=str(path), layout=read.kind == "text").to_json() == by_file
    assert audit_text(read.text, source=str(path)).to_json() != by_file  # as plain text its lines would be joined
    html = tmp_path / "out.html"
    call_command("audit", str(path), html=str(html), stdout=io.StringIO())
    marked = re.findall(r'<mark id="f[^>]*>(.*?)</mark>', html.read_text(encoding="utf-8"), flags=re.S)
    assert marked == [read.text[fact.start : fact.end] for fact in audit_file(path).facts]

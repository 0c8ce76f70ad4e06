"""`devplan report` and `devplan brief` as a user runs them."""

from __future__ import annotations

from pathlib import Path

from docx import Document as open_docx

from tests.conftest import run_devplan


def test_report_and_brief_write_their_files_and_errors_are_one_sentence(demo_db_url: str, tmp_path: Path) -> None:
    report = run_devplan("report", "--region", "湘乡市", "--year", "2023", "--out", str(tmp_path), db=demo_db_url)
    assert report.returncode == 0, report.stderr
    assert report.stderr == ""  # nothing for the user to wonder about (WeasyPrint once warned of CSS it ignores)
    # Every document devplan writes is audited by devplan: the summary is printed and the demo has no error.
    assert f"审核：{tmp_path / 'report.docx'}：找到 " in report.stdout and "发现 0 个错误、" in report.stdout
    for name in ("report.docx", "report.pdf", "report.html", "attachments.xlsx"):
        assert (tmp_path / name).stat().st_size > 0
    brief = run_devplan("brief", "--region", "430381", "--as-of", "2023-12", "--out", str(tmp_path), db=demo_db_url)
    assert brief.returncode == 0, brief.stderr
    text = [p.text for p in open_docx(str(tmp_path / "brief.docx")).paragraphs]
    assert "一、主要指标运行情况" in text and any("完成年计划的97.2%" in line for line in text)
    november = run_devplan("brief", "--region", "湘乡市", "--month", "2023-11", "--out", str(tmp_path), db=demo_db_url)
    assert november.returncode == 0, november.stderr
    assert f"审核：{tmp_path / 'brief.docx'}：找到 " in november.stdout and "发现 0 个错误、" in november.stdout
    unknown = run_devplan("report", "--region", "无此市", "--year", "2023", "--out", str(tmp_path), db=demo_db_url)
    assert unknown.returncode == 1
    assert "无此市" in unknown.stderr and "Traceback" not in unknown.stderr


def test_a_report_without_data_or_on_a_year_no_door_takes_is_refused_in_one_sentence(demo_db_url: str,
                                                                                       tmp_path: Path) -> None:
    """Issue 18: no pages of empty headings "generated" with exit 0 — for a year without data, a region without
    data, or a year outside DEVPLAN_YEAR_MIN—MAX (the write door's own check)."""
    cases = {("湘乡市", "2025"): "湘乡市2025年没有计划目标、指标数据", ("湘潭县", "2023"): "湘潭县2023年没有计划目标",
             ("湘潭市", "2023"): "湘潭市2023年没有", ("湘乡市", "-1"): "年份应在 2000 到 2100 之间，而不是 -1",
             ("湘乡市", "99999"): "而不是 99999"}
    for (region, year), says in cases.items():
        done = run_devplan("report", "--region", region, f"--year={year}", "--out", str(tmp_path), db=demo_db_url)
        assert done.returncode == 1 and says in done.stderr and "Traceback" not in done.stderr, (region, year)
        assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "report.docx").exists()
    early = run_devplan("brief", "--region", "湘乡市", "--month", "2023-11", "--as-of", "2023-10-01", "--out",
                        str(tmp_path), db=demo_db_url)
    assert early.returncode == 1 and "--as-of 应不早于2023-11-30" in early.stderr
    malformed = run_devplan("brief", "--region", "湘乡市", "--month", "2023-11", "--as-of", "2023/11", "--out",
                            str(tmp_path), db=demo_db_url)
    assert malformed.returncode == 2 and "YYYY-MM-DD" in malformed.stderr


def test_an_output_folder_that_cannot_take_the_files_is_one_sentence(demo_db_url: str, tmp_path: Path) -> None:
    """Trial t18b: a folder named report.docx in --out ended the whole build in an IsADirectoryError traceback;
    a file where the folder should be said "File exists" inside a Chinese sentence."""
    taken = tmp_path / "taken"
    (taken / "report.docx").mkdir(parents=True)
    done = run_devplan("report", "--region", "湘乡市", "--year", "2023", "--out", str(taken), db=demo_db_url)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.strip() == f"无法写入 {taken / 'report.docx'}：已有同名的目录；请换一个输出目录，或移走该目录"
    assert not (taken / "report.pdf").exists()
    (tmp_path / "file").write_text("")
    done = run_devplan("brief", "--region", "湘乡市", "--month", "2023-11", "--out", str(tmp_path / "file"),
                       db=demo_db_url)
    assert done.returncode == 1 and done.stderr.strip() == f"无法创建输出目录 {tmp_path / 'file'}：已有同名的文件；请换一个可写的目录"

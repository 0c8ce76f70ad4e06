"""The doors around the reader (`devplan audit` and the web audit page) after an outside trial: files it cannot
read (no permission, not a regular file, standard input), one unpacked-size rule for both doors, type by
content, memory and time told apart, nothing written when refusing, merged table cells."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command

from devplan.lib.bounded import TooSlow, bounded
from devplan.lib.errors import DevplanError
from devplan.lib.limits import TooLarge
from devplan.reader import read_file
from devplan.reader.sources import iter_lines
from tests.pdf_bytes import text_pdf

DEVPLAN = Path(sys.executable).parent / "devplan"
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "xiangxiang-2023-plan-report.txt"
TEXT = "2023年,全市完成科技型中小企业入库254家,同比增长33.9%。\n"


def run(*args: str, cwd: Path | None = None, stdin: str | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(DEVPLAN), "audit", *args], capture_output=True, text=True, timeout=300, cwd=cwd,
                          input=stdin, env=env)


def refusal(*args: str) -> DevplanError:
    with pytest.raises(DevplanError) as raised:
        call_command("audit", *args, stdout=io.StringIO())
    return raised.value


def _docx(paragraph: str = "", rows: list[list[str]] | None = None, merge: tuple[int, int] | None = None) -> bytes:
    import docx

    document = docx.Document()
    if paragraph:
        document.add_paragraph(paragraph)
    if rows:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        if merge:
            first, last = merge
            table.cell(0, first).merge(table.cell(0, last)).text = rows[0][first]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# 1. No permission to read: one sentence naming the file, exit 1, for text, .docx and .pdf alike.

@pytest.mark.parametrize("name", ["x.txt", "x.docx", "x.pdf"])
def test_a_file_without_read_permission_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    path = tmp_path / name
    path.write_bytes({"x.txt": TEXT.encode(), "x.docx": _docx("GDP 100"), "x.pdf": text_pdf("GDP 100")}[name])
    real_open = Path.open

    def denied(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", denied)  # as `chmod 000` for a user without CAP_DAC_OVERRIDE
    error = refusal(str(path))
    assert error.exit_code == 1
    assert error.sentence() == f"{path}: 没有读取权限：请检查文件及其所在文件夹的权限，或换一个能读它的用户运行。"


def test_a_file_in_a_folder_without_permission_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked" / "x.txt"
    real_stat = Path.stat

    def denied(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "stat", denied)
    assert "没有读取权限" in refusal(str(path)).sentence()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_chmod_000_as_an_ordinary_user(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0)
    done = run(str(path))
    assert done.returncode == 1 and "没有读取权限" in done.stderr and "Traceback" not in done.stderr


# 7. Not a regular file; standard input.

def test_a_device_or_a_pipe_is_not_a_regular_file(tmp_path: Path) -> None:
    assert "不是普通文件" in refusal("/dev/zero").sentence()
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "不是普通文件" in refusal(str(fifo)).sentence()  # refused without opening it (which would block)


def test_a_dash_reads_standard_input_as_plain_text() -> None:
    done = run("-", "--json", stdin=TEXT)
    assert done.returncode == 0, done.stderr
    assert '"source": "标准输入"' in done.stdout and "254" in done.stdout
    empty = run("-", stdin="")
    assert empty.returncode == 1 and empty.stderr.strip() == "标准输入: 是空的（0 字节），请给出报告全文。"


# 9. Two outputs on standard output.

def test_json_and_html_both_on_standard_output_is_bad_usage(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(TEXT, encoding="utf-8")
    error = refusal(str(path), "--json", "--html", "-")
    assert error.exit_code == 2 and "--json 和 --html -" in error.sentence()


# 6. Type by content, whatever the name says.

def test_a_pdf_named_docx_and_a_docx_named_pdf_are_read_by_content(tmp_path: Path) -> None:
    pdf_as_docx = tmp_path / "report.docx"
    pdf_as_docx.write_bytes(text_pdf("GDP 617"))
    docx_as_pdf = tmp_path / "report.pdf"
    docx_as_pdf.write_bytes(_docx("地区生产总值617亿元。"))
    assert read_file(pdf_as_docx).kind == "pdf" and "617" in read_file(pdf_as_docx).text
    assert read_file(docx_as_pdf).kind == "docx" and "617亿元" in read_file(docx_as_pdf).text


# 5. One sentence, no Python class names.

def test_a_damaged_word_file_names_no_python_class(tmp_path: Path) -> None:
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    sentence = refusal(str(path)).sentence()
    assert sentence == f"{path}: 无法作为 Word 文档打开，文件可能已损坏。"


@pytest.mark.parametrize("name", ["指标.xlsx", "指标.docx"])
def test_an_excel_workbook_is_named_for_what_it_is(tmp_path: Path, name: str) -> None:
    # An outside trial: a good .xlsx was called a damaged Word file.
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    sentence = refusal(str(path)).sentence()
    assert sentence == f"{path}: 这是 Excel 工作簿，不能直接审核：请把表格复制到 Word 文档或文本文件（.txt）中再审核。"


# 3. One unpacked-size limit for both doors.

def test_the_command_line_refuses_a_docx_unpacking_past_the_web_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (120 << 20))  # under the old 200 MB, over the 100 MB
    done = run(str(path))
    assert done.returncode == 1
    assert done.stderr.strip() == f"{path}: 解压后有 120 MB，超过 100 MB 的上限，不是正常的填报模板或报告，已拒绝读取"


# 4. Nothing written when refusing.

@pytest.mark.parametrize("options", [["--against", "湘乡市"], ["--import", "--region", "湘乡市", "--year", "2023"]])
def test_a_refusal_for_want_of_a_database_leaves_no_database_file(tmp_path: Path, options: list[str]) -> None:
    env = {key: value for key, value in os.environ.items() if key != "DEVPLAN_DB"}  # the default ./devplan.db
    done = run(str(SEED), *options, cwd=tmp_path, env=env)
    assert done.returncode == 1 and "数据库尚未初始化" in done.stderr, done.stderr
    assert list(tmp_path.iterdir()) == []


# 2. Out of memory and out of time are told apart.

def test_running_out_of_time_is_not_called_a_bomb() -> None:
    def spin() -> None:
        while True:
            pass

    started = time.monotonic()
    with pytest.raises(TooSlow) as slow:
        bounded(spin, "report.pdf", memory_mb=256, seconds=1, advice="请稍后再试")
    assert time.monotonic() - started < 10
    assert slow.value.sentence() == "report.pdf: 1 秒内没有读完（服务器正忙，或文件很长）：请稍后再试"


def test_running_out_of_memory_is_called_too_large() -> None:
    with pytest.raises(TooLarge) as large:
        bounded(lambda: bytearray(1 << 30), "bomb.pdf", memory_mb=64, seconds=10)
    assert large.value.sentence().startswith("bomb.pdf: 读取时需要的内存超过 64 MB：文件内容异常庞大")


# 10. Merged table cells, not cells that read alike.

def test_cells_alike_are_kept_and_merged_ones_read_once(tmp_path: Path) -> None:
    path = tmp_path / "table.docx"
    path.write_bytes(_docx(rows=[["合计", "", "", "", "395.61"], ["2023", "1.10", "1.10", "0.60", "54.5"]],
                           merge=(1, 2)))
    lines = list(iter_lines(path))
    assert lines[-2:] == ["合计,,,395.61\n", "2023,1.10,1.10,0.60,54.5\n"]

"""Reading reports from files: UTF-8 text, .docx (paragraphs and tables) and PDF with a text layer.

Text files are read line by line so that a long file never has to be in memory at once.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from devplan.reader.errors import NoTextLayer, UnreadableFile, UnsupportedFormat

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
MAX_UNZIPPED = 200 << 20  # a .docx that unpacks to more than this is refused before it is unpacked (zip bomb)


@dataclass(frozen=True, slots=True)
class Document:
    """A report as text: `source` is the name shown to users, `text` what offsets refer to."""

    source: str
    text: str
    kind: str


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return "docx"
    if suffix == ".pdf":
        return "pdf"
    if suffix == ".doc":
        raise UnsupportedFormat("这是旧版 Word (.doc) 文件，请在 Word 或 WPS 中另存为 .docx 后再审核。", where=str(path))
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK") and zipfile.is_zipfile(path):
        return "docx"
    if suffix in TEXT_SUFFIXES or suffix in {".csv", ".log"}:
        return "text"
    raise UnsupportedFormat(f"不支持 {suffix} 文件：请提供 UTF-8 文本、.docx 或带文字层的 PDF。", where=str(path))


def _check_exists(path: Path) -> None:
    if not path.exists():
        raise UnreadableFile("文件不存在，请检查路径。", where=str(path))
    if path.is_dir():
        raise UnreadableFile("这是一个文件夹，请给出报告文件。", where=str(path))
    if path.stat().st_size == 0:
        raise UnreadableFile("文件是空的（0 字节），请给出报告全文。", where=str(path))


def iter_lines(path: str | Path) -> Iterator[str]:
    """The lines of a report, line ends included; text files are streamed, .docx and PDF converted."""
    path = Path(path)
    _check_exists(path)
    kind = _kind(path)
    if kind == "docx":
        yield from _docx_lines(path)
    elif kind == "pdf":
        yield from _pdf_lines(path)
    else:
        yield from _text_lines(path)


def read_file(path: str | Path) -> Document:
    """The whole report as a Document; raises a ReaderError naming the file when it cannot be read."""
    path = Path(path)
    text = "".join(iter_lines(path))
    return Document(source=str(path), text=text, kind=_kind(path))


def _text_lines(path: Path) -> Iterator[str]:
    # Decoding line by line (UTF-8 never puts a newline byte inside a character) lets an error name its line.
    try:
        with path.open("rb") as handle:
            for line_number, raw in enumerate(handle, start=1):
                if b"\x00" in raw:
                    raise UnreadableFile(f"第{line_number}行含二进制内容，这不是文本文件：请提供 UTF-8 文本、.docx 或 PDF。", where=str(path))
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    raise UnreadableFile(
                        f"第{line_number}行不是 UTF-8 编码：请把文件另存为 UTF-8 编码的文本后再审核。", where=str(path)
                    ) from None
                yield line.removeprefix("\ufeff") if line_number == 1 else line
    except OSError as exc:
        raise UnreadableFile(f"无法读取文件（{exc.strerror or exc}）。", where=str(path)) from None


def _docx_lines(path: Path) -> Iterator[str]:
    import docx
    from docx.table import Table

    if zipfile.is_zipfile(path) and sum(i.file_size for i in zipfile.ZipFile(path).infolist()) > MAX_UNZIPPED:
        raise UnreadableFile(f"解压后超过 {MAX_UNZIPPED >> 20} MB，不像正常的报告文件，已拒绝读取。", where=str(path))
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds for damaged packages
        raise UnreadableFile(f"无法作为 Word 文档打开（{type(exc).__name__}），文件可能已损坏。", where=str(path)) from None
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                # Cells of a row become clauses of one line: "地区生产总值,617亿元,600亿元".
                cells = [cell.text.strip().replace("\n", " ") for cell in row.cells]
                yield ",".join(_dedupe_merged(cells)) + "\n"
        else:
            yield block.text + "\n"


def _dedupe_merged(cells: list[str]) -> list[str]:
    """Merged cells repeat their text once per grid column; keep it once."""
    kept: list[str] = []
    for cell in cells:
        if not kept or cell != kept[-1]:
            kept.append(cell)
    return kept


def _pdf_lines(path: Path) -> Iterator[str]:
    import pdfplumber

    any_text = False
    try:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                text = page.extract_text() or ""
                if text.strip():
                    any_text = True
                    yield from (line + "\n" for line in text.split("\n"))
    except Exception as exc:  # pdfminer raises many kinds for damaged files
        raise UnreadableFile(f"无法作为 PDF 打开（{type(exc).__name__}），文件可能已损坏或加密。", where=str(path)) from None
    if not any_text:
        raise NoTextLayer("这个 PDF 没有文字层（可能是扫描件）：请先做文字识别（OCR），或提供 Word/文本版。", where=str(path))

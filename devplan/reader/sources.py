"""Reading reports from files: UTF-8 text, .docx (paragraphs and tables) and PDF with a text layer.

Text files are read line by line so that a long file never has to be in memory at once.
"""

from __future__ import annotations

import errno
import itertools
import re
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from devplan.lib.errors import os_reason
from devplan.reader.errors import NoTextLayer, UnreadableFile, UnsupportedFormat
from devplan.reader.segments import ENDS_CLAUSE, PAGE_NUMBER_LINE, STARTS_ITEM, join_layout_text
from devplan.reader.units import UNIT_PATTERN

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


@dataclass(frozen=True, slots=True)
class Document:
    """A report as text: `source` is the name shown to users, `text` what offsets refer to."""

    source: str
    text: str
    kind: str


def _kind(path: Path) -> str:
    """What the file is by its first bytes, whatever its name says (a PDF saved as .docx is read as a PDF); a
    name promising .docx or .pdf over other bytes is read as that, and its reader says it is damaged."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK") and zipfile.is_zipfile(path):
        if _spreadsheet(path):
            raise UnsupportedFormat("这是 Excel 工作簿，不能直接审核：请把表格复制到 Word 文档或文本文件（.txt）中再审核。", where=str(path))
        return "docx"
    suffix = path.suffix.lower()
    if suffix in {".docx", ".pdf"}:
        return suffix[1:]
    if suffix == ".doc":
        raise UnsupportedFormat("这是旧版 Word (.doc) 文件，请在 Word 或 WPS 中另存为 .docx 后再审核。", where=str(path))
    if suffix in TEXT_SUFFIXES or suffix in {".csv", ".log"}:
        return "text"
    raise UnsupportedFormat(f"不支持 {suffix} 文件：请提供 UTF-8 文本、.docx 或带文字层的 PDF。", where=str(path))


def _spreadsheet(path: Path) -> bool:
    """An Excel or WPS workbook (.xlsx, .et saved as xlsx): a zip package holding a workbook part, not a document."""
    try:
        with zipfile.ZipFile(path) as package:
            return "xl/workbook.xml" in package.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def check_readable(path: Path) -> None:
    """Refuse, naming the file, what is no report to read: missing, a folder, a device or pipe (/dev/zero
    would never end, a pipe is consumed by the first look), empty, or not readable by this user."""
    try:
        info = path.stat()
    except OSError as exc:
        raise UnreadableFile(_unreadable_reason(exc), where=str(path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile("这是一个文件夹，请给出报告文件。", where=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile("这不是普通文件（而是设备、管道或套接字），请给出报告文件。", where=str(path))
    if info.st_size == 0:
        raise UnreadableFile("文件是空的（0 字节），请给出报告全文。", where=str(path))
    try:
        path.open("rb").close()
    except OSError as exc:
        raise UnreadableFile(_unreadable_reason(exc), where=str(path)) from None


def _unreadable_reason(exc: OSError) -> str:
    if exc.errno in {errno.ENOENT, errno.ENOTDIR}:
        return "文件不存在，请检查路径。"
    if exc.errno in {errno.EACCES, errno.EPERM}:
        return "没有读取权限：请检查文件及其所在文件夹的权限，或换一个能读它的用户运行。"
    return f"无法读取文件（{os_reason(exc)}）。"


def iter_lines(path: str | Path) -> Iterator[str]:
    """The lines of a report, line ends included; text files are streamed, .docx and PDF converted."""
    path = Path(path)
    check_readable(path)
    kind = _kind(path)
    if kind == "docx":
        yield from _docx_lines(path)
    elif kind == "pdf":
        yield from _pdf_lines(path)
    else:
        yield from _text_lines(path)


def is_plain_text(path: str | Path) -> bool:
    """The file is plain text (not .docx or PDF): its lines may be a layout's, not paragraphs. Raises the reader's
    error naming the file when there is none to read."""
    path = Path(path)
    check_readable(path)
    return _kind(path) == "text"


def read_file(path: str | Path) -> Document:
    """The whole report as a Document; raises a ReaderError naming the file when it cannot be read."""
    path = Path(path)
    text = "".join(iter_lines(path))
    return Document(source=str(path), text=text, kind=_kind(path))


def read_stream(handle: BinaryIO, source: str) -> Document:
    """A report handed as a stream of bytes (standard input) as plain text, decoded as a text file is."""
    text = "".join(_decoded_lines(handle, source))
    if not text:
        raise UnreadableFile("是空的（0 字节），请给出报告全文。", where=source)
    return Document(source=source, text=text, kind="text")


def _text_lines(path: Path) -> Iterator[str]:
    try:
        with path.open("rb") as handle:
            yield from _decoded_lines(handle, str(path))
    except OSError as exc:
        raise UnreadableFile(f"无法读取文件（{os_reason(exc)}）。", where=str(path)) from None


def _decoded_lines(handle: BinaryIO, where: str) -> Iterator[str]:
    # Decoding line by line (UTF-8 never puts a newline byte inside a character) lets an error name its line.
    for line_number, raw in enumerate(handle, start=1):
        if b"\x00" in raw:
            raise UnreadableFile(f"第{line_number}行含二进制内容，这不是文本文件：请提供 UTF-8 文本、.docx 或 PDF。", where=where)
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise UnreadableFile(
                f"第{line_number}行不是 UTF-8 编码：请把文件另存为 UTF-8 编码的文本后再审核。", where=where
            ) from None
        yield line.removeprefix("\ufeff") if line_number == 1 else line


def _docx_lines(path: Path) -> Iterator[str]:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except Exception:  # python-docx raises many kinds for damaged packages
        raise UnreadableFile("无法作为 Word 文档打开，文件可能已损坏。", where=str(path)) from None
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                # Cells of a row become clauses of one line: "地区生产总值,617亿元,600亿元".
                cells = [_cell_text(cell.text) for cell in _unmerged(row.cells)]
                yield ",".join(cells) + "\n"
        else:
            yield block.text + "\n"


# 数据\n截至, 累计\n增长\n（%）: a line break inside a cell between Chinese words is the cell's width, not a space — the
# same header read from the PDF the Word file prints has none.
_CELL_BREAK = re.compile(r"(?<=[\u4e00-\u9fff（）()%])\s*\n\s*(?=[\u4e00-\u9fff（）()%])")


def _cell_text(text: str) -> str:
    return _CELL_BREAK.sub("", text.strip()).replace("\n", " ")


def _unmerged(cells: tuple[Any, ...]) -> list[Any]:
    """A cell merged across columns (gridSpan) comes once per column it spans, as the same cell element:
    keep it once. Two cells that only read alike (1.10,1.10; empty ones) are two cells."""
    kept: list[Any] = []
    for cell in cells:
        if not kept or cell._tc is not kept[-1]._tc:
            kept.append(cell)
    return kept


def _pdf_lines(path: Path) -> Iterator[str]:
    import pdfplumber

    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = [_pdf_page_blocks(page) for page in pdf.pages]
    except Exception:  # pdfminer raises many kinds for damaged files
        raise UnreadableFile("无法作为 PDF 打开，文件可能已损坏或加密。", where=str(path)) from None
    if not any(block.text.strip() for page in pages for block in page):
        raise NoTextLayer("这个 PDF 没有文字层（可能是扫描件）：请先做文字识别（OCR），或提供 Word/文本版。", where=str(path))
    yield from (paragraph + "\n" for paragraph in _join_layout_lines(pages))


@dataclass(frozen=True, slots=True)
class _Block:
    """A line of a PDF page, or a table row already joined into clauses (`row`)."""

    text: str
    top: float
    starts_at_margin: bool = True
    room: float = 99.0  # characters left free before the right margin
    pitch: float = 0.0  # the page's usual distance from one line to the next
    row: bool = False

    @property
    def first_word(self) -> float:
        """How many characters wide the line's first unbreakable piece is (see `_unbreakable`)."""
        return _unbreakable(self.text)


_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])")
_LATIN_WORD = re.compile(r"[0-9A-Za-z.,%‰·:∶+\-]+")
# The unit a number keeps on its line ("30个百分点", "20多亿元"): devplan's PDFs never part them, nor do careful
# typesetters, so a line that ends short of such a piece was ended by the layout.
_UNIT_AFTER_NUMBER = re.compile(rf"(?:多|余)?{UNIT_PATTERN}")
_NO_LINE_START = "、，。；：！？）》”’%‰,.;:!?)"
_NO_LINE_END = "“‘（《(["


# A line ends at the margin when less than this many characters of room are left (half-width commas and digits leave up to
# two or three); a column is a column when it has at
# least this many lines and half of them end there.
_REACHES_MARGIN = 3.0
_COLUMN_LINES = 4


def _pdf_page_blocks(page: Any) -> list[_Block]:
    """The lines and table rows of a page, top to bottom, with where each line starts and ends."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside_tables(obj: dict[str, Any]) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    lines = [line for line in page.filter(outside_tables).extract_text_lines() if line["text"].strip()]
    lines = [line for line in lines if not PAGE_NUMBER_LINE.match(line["text"])]
    blocks: list[_Block] = []
    if lines:
        left = min(line["x0"] for line in lines)
        right = max(line["x1"] for line in lines)
        size = max(1.0, sorted(line["bottom"] - line["top"] for line in lines)[len(lines) // 2])
        steps = sorted(b["top"] - a["top"] for a, b in itertools.pairwise(lines)) or [0.0]
        pitch = steps[len(steps) // 2]
        # Room is measured in characters from the right margin; on a page of short lines there is no margin to reach. A
        # narrow column (a 9 cm text box, a phone-width export) has one all the same: most of its lines reach it.
        reaching = sum((right - line["x1"]) / size < _REACHES_MARGIN for line in lines)
        wide = (right - left) > page.width / 2 or (len(lines) >= _COLUMN_LINES and reaching * 2 >= len(lines))
        for line in lines:
            blocks.append(
                _Block(
                    _unspread(line["text"]),
                    line["top"],
                    starts_at_margin=line["x0"] - left < size / 2,
                    room=(right - line["x1"]) / size if wide else 99.0,
                    pitch=pitch,
                )
            )
    for table in tables:
        for top, cells in zip((row.bbox[1] for row in table.rows), table.extract(), strict=False):
            # Cells wrap inside their column; a merged cell is None beyond its first column.
            texts = [_CJK_SPACE.sub("", cell.replace("\n", "")).strip() for cell in cells if cell is not None]
            blocks.append(_Block(",".join(texts), top, row=True))
    return sorted(blocks, key=lambda block: block.top)


def _unbreakable(text: str) -> float:
    """The width in characters of the piece a line cannot be broken inside at the start of `text`: opening
    marks (“（《) with what follows them, a number with its unit or a Latin word (a digit is about half a
    character) or one character, the closing marks after it (、，。%）”), and again if an opening mark comes
    next (100%。“1+1+3”)."""
    width, i = 0.0, 0
    while True:
        while i < len(text) and text[i] in _NO_LINE_END:
            width, i = width + 1, i + 1
        word = _LATIN_WORD.match(text, i)
        if word:
            width, i = width + 0.55 * len(word.group()), word.end()
            unit = _UNIT_AFTER_NUMBER.match(text, i) if word.group()[-1].isdigit() else None
            if unit:
                width, i = width + len(unit.group()), unit.end()
        else:
            width, i = width + 1, i + 1
        while i < len(text) and text[i] in _NO_LINE_START:
            width, i = width + 1, i + 1
        if i >= len(text) or text[i] not in _NO_LINE_END:
            return width


def _unspread(text: str) -> str:
    """A justified line whose characters were spread apart ("行 动 ， 出 台") reads as it was written."""
    tokens = text.split(" ")
    if len(tokens) >= 6 and sum(len(token) <= 1 for token in tokens) >= 0.6 * len(tokens):
        return _CJK_SPACE.sub("", text)
    return text


def _join_layout_lines(pages: list[list[_Block]]) -> Iterator[str]:
    """Paragraphs again, as the Word file has them.

    A line continues into the next line when the layout ended it: it stops short of the right margin by
    less than the next line's first unbreakable piece needs, with one character and a half of slack (a
    number such as 31%。 or a character with the comma after it moves down whole); the next line starts at
    the left margin (no first-line indent) one line below (no paragraph spacing); and the next line is not
    a heading or numbered item after a finished sentence. Chinese joins without a space, and a page number
    between the two is already gone. Table rows stay lines of their own; a table header
    repeated at the top of the next page is kept once."""
    paragraph: str | None = None
    previous: _Block | None = None
    header: str | None = None
    for page in pages:
        first_row_on_page = True
        for block in page:
            if not block.row:
                first_row_on_page = False  # a table after text on the page is a new table
            else:
                if first_row_on_page and block.text == header:
                    first_row_on_page = False
                    continue
                if previous is None or not previous.row:
                    header = block.text
                first_row_on_page = False
            continues = (
                paragraph is not None
                and previous is not None
                and not previous.row
                and not block.row
                and previous.room < block.first_word + 1.5
                and (block.top <= previous.top or block.top - previous.top < 1.3 * max(previous.pitch, 1.0))
                and block.starts_at_margin
                # 中国第 / 一、世界第四: what looks like a numbered item goes on a line cut in mid-sentence.
                and not (STARTS_ITEM.match(block.text) and previous.text.rstrip().endswith(ENDS_CLAUSE))
            )
            if continues and paragraph is not None:
                paragraph = join_layout_text(paragraph, block.text)
            else:
                if paragraph is not None:
                    yield paragraph
                paragraph = block.text
            previous = block
    if paragraph is not None:
        yield paragraph

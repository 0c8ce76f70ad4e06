"""Writing the documents into a folder: what `devplan report` and `devplan brief` (and the web app) call."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from devplan.lib.errors import DevplanError
from devplan.reports.content import Document
from devplan.reports.docx_render import render_docx
from devplan.reports.html_render import render_html, write_pdf
from devplan.reports.xlsx_render import render_xlsx


def _folder(out: Path) -> Path:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DevplanError(f"无法创建输出目录 {out}：{exc.strerror}；请换一个可写的目录") from exc
    return out


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Renderers make millions of short-lived objects; in a process that already holds Django and the
    content tree, each automatic full collection walks all of it, which cost a region with 500 projects a
    sixth of its time. Collection resumes afterwards, once."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_documents(document: Document, out: Path, *, html: bool = True, xlsx: bool = True) -> list[Path]:
    """Write `<name>.docx`, `<name>.pdf`, optionally `<name>.html` and `attachments.xlsx`; return the paths."""
    with _collector_paused():
        return _write(document, _folder(out), html=html, xlsx=xlsx)


def _write(document: Document, folder: Path, *, html: bool, xlsx: bool) -> list[Path]:
    stem = folder / document.name
    written = [stem.with_suffix(".docx"), stem.with_suffix(".pdf")]
    render_docx(document, written[0])
    page = render_html(document)
    if html:
        written.append(stem.with_suffix(".html"))
        written[-1].write_text(page, encoding="utf-8")
    write_pdf(page, written[1])
    if xlsx:
        written.append(folder / "attachments.xlsx")
        render_xlsx(document.attachments, written[-1])
    return written

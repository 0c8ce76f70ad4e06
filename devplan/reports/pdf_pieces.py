"""A long PDF laid out in two processes at once.

WeasyPrint lays a document out on one core, and a report with hundreds of key projects spends most of its time
on the attachment tables (the demo: about 3 of its 4 seconds of PDF). The document is cut in two before an
attachment — each attachment starts a new page, so where a piece starts changes none of its pages — and the
later piece is laid out in a forked child while the first is written here and laid out in a second child once
this process has done its other work, both without page numbers (`print_in_pieces`).
The pieces are then bound in order and numbered from a document of empty pages of the same sizes that holds
nothing but page numbers (page-numbers.css, the same rules a one-piece PDF is printed with), laid over them:
no piece needs to know how many pages come before it. `tests/reports/test_pdf_pieces.py` shows the bound PDF
draws the same pages as the one printed in one go.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import os
import threading
from collections.abc import Callable, Sequence
from typing import cast

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject, StreamObject

from devplan.lib.bounded import Child, start

log = logging.getLogger(__name__)

# The child lays out what this process would; bounds that no report of thousands of projects comes near.
CHILD_MEMORY_MB = 2048
CHILD_SECONDS = 120


def may_fork() -> bool:
    """Only a process with one thread forks: a child inherits every lock another thread holds (a threaded
    development server, a test's live server) and could wait on one forever."""
    return hasattr(os, "fork") and threading.active_count() == 1


def cut(weights: Sequence[int], starts: Sequence[bool], minimum: int) -> int | None:
    """The index at which to cut a document's blocks in two: a block that may start a piece (`starts`) where
    the `weights` before and from it are nearest equal; None when the later piece would weigh less than
    `minimum` (forking and binding would cost more than they save)."""
    total = sum(weights)
    best: tuple[int, int] | None = None
    before = 0
    for index, (weight, may_start) in enumerate(zip(weights, starts, strict=True)):
        if may_start and index and total - before >= minimum:
            gap = abs(total - 2 * before)
            if best is None or gap < best[0]:
                best = (gap, index)
        before += weight
    return None if best is None else best[1]


def _laid_out(html: str) -> bytes:
    from devplan.reports.print_html import Page

    return Page(string=html).write_pdf()  # type: ignore[no-any-return]


def _laying_out(html: Callable[[], str]) -> Child:
    return start(lambda: _laid_out(html()), memory_mb=CHILD_MEMORY_MB, seconds=CHILD_SECONDS)


def print_apart(page: Callable[[], str], meanwhile: Callable[[], object] = lambda: None) -> bytes:
    """The PDF of a short HTML page (written by `page`), laid out whole in a forked child while this process
    does `meanwhile()`. The HTML is written here, where a paragraph's lines are set once per process
    (`pdf_render._set_lines`); a laid-out document leaves tens of thousands of objects in reference cycles,
    which die with the child instead of costing this process's collector. Should the child fail, this
    process lays it out."""
    html = page()
    child = _laying_out(lambda: html)
    meanwhile()
    return _piece(child, lambda: html)


def print_in_pieces(first: Callable[[], str], second: Callable[[], str], numbers_stylesheet: str,
                    meanwhile: Callable[[], object] = lambda: None) -> bytes:
    """The PDF of two HTML pages (each written by its function) printed one after the other, bound and
    numbered. The later piece is written and laid out in a forked child from the start; this process writes
    the earlier piece's HTML (as `print_apart`), does `meanwhile()`, then hands its layout to a second child
    (a laid-out piece of the demo leaves some 200,000 objects in reference cycles, a fifth of a second of
    this process's collector). Should a child fail, this process lays out its piece."""
    later = _laying_out(second)
    html = first()
    meanwhile()
    earlier = _laying_out(lambda: html)
    return bind([_piece(earlier, lambda: html), _piece(later, second)], numbers_stylesheet)


def _piece(child: Child, html: Callable[[], str]) -> bytes:
    kind, value = child.outcome()
    if kind == "ok" and isinstance(value, bytes):
        return value
    log.warning("PDF 排版的子进程未完成（%s），改在本进程排版", kind)
    return _laid_out(html())


@functools.lru_cache(maxsize=16)
def _numbers(landscape: tuple[bool, ...], stylesheet: str) -> bytes:
    """The page numbers of a sequence of portrait and landscape pages, laid out once per process: a report
    built again (another data version) mostly has the same sequence of pages, and its numbers cost a fifth
    of a second to lay out."""
    return _laid_out(_numbers_page(landscape, stylesheet))


def _numbers_page(landscape: Sequence[bool], stylesheet: str) -> str:
    pages = "".join(f'<div style="page: {"landscape" if turned else "auto"}; break-before: page"></div>'
                    for turned in landscape)
    return f"<!DOCTYPE html><html><head><style>{stylesheet}</style></head><body>{pages}</body></html>"


def _retag(reader: PdfReader, piece: int) -> None:
    """Each piece embeds its own subset of a font under the tag WeasyPrint derives from the font alone
    ("RZZULV+FandolSong-Bold"); two different subsets under one name confuse readers that key fonts by name,
    so the later pieces' subsets get tags of their own."""
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            named = [font, *(descendant.get_object() for descendant in font.get("/DescendantFonts", []))]
            named += [item["/FontDescriptor"].get_object() for item in list(named) if "/FontDescriptor" in item]
            for item in named:
                for key in ("/BaseFont", "/FontName"):
                    name = str(item.get(key, ""))
                    if len(name) > 8 and name[7] == "+":
                        tag = hashlib.sha1(f"{name}{piece}".encode()).digest()[:6]
                        item[NameObject(key)] = NameObject("/" + "".join(chr(65 + b % 26) for b in tag) + name[7:])


NUMBER = NameObject("/PageNumber")


def _lay_over(page: PageObject, number: PageObject, writer: PdfWriter) -> None:
    """Draw `number`'s page over `page`: as a form XObject with its own resources, called after the page's
    content, which is not parsed (`merge_page` parsed every operator of every page to rename resources, more
    than half of the binding's time). The page's content leaves its coordinates turned (WeasyPrint's first
    operator), so they are saved and restored around it. The pages of a piece share one resources
    dictionary: each page gets a copy of its own, naming its own number."""
    form = cast(StreamObject, number["/Contents"].get_object())  # WeasyPrint writes one stream a page
    form.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                 NameObject("/BBox"): number.mediabox, NameObject("/Resources"): number["/Resources"]})
    resources = DictionaryObject(cast(DictionaryObject, page["/Resources"].get_object()))
    xobjects = DictionaryObject(cast(DictionaryObject, resources.get("/XObject", DictionaryObject())))
    xobjects[NUMBER] = form.clone(writer).indirect_reference
    resources[NameObject("/XObject")] = xobjects
    page[NameObject("/Resources")] = resources
    drawn = cast(StreamObject, page["/Contents"].get_object()).get_data()
    content = DecodedStreamObject()
    content.set_data(b"q\n" + drawn + b"\nQ\n" + NUMBER.encode() + b" Do\n")
    page.replace_contents(content.flate_encode())


def bind(pieces: Sequence[bytes], numbers_stylesheet: str) -> bytes:
    """The pieces' pages in order, each with its page number laid over it; the first piece's title and
    producer."""
    readers = [PdfReader(io.BytesIO(piece)) for piece in pieces]
    writer = PdfWriter()
    for index, reader in enumerate(readers):
        _retag(reader, index)
        writer.append(reader)
    landscape = tuple(float(page.mediabox.width) > float(page.mediabox.height) for page in writer.pages)
    numbers = PdfReader(io.BytesIO(_numbers(landscape, numbers_stylesheet)))
    if len(numbers.pages) != len(writer.pages):
        raise RuntimeError(f"page numbers for {len(numbers.pages)} pages, the pieces have {len(writer.pages)}")
    for page, number in zip(writer.pages, numbers.pages, strict=True):
        _lay_over(page, number, writer)
    if readers[0].metadata:
        writer.add_metadata(dict(readers[0].metadata))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

"""The demo report's PDF, laid out in two processes and bound (devplan/reports/pdf_pieces.py), draws the same
pages as the PDF printed in one go, page numbers included; each piece's fonts keep names of their own."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from devplan.reports import pdf_render
from devplan.reports.content import Attachment, Byline, Column, Document, Paragraph, Row, Table, Title
from devplan.reports.pdf_pieces import cut, may_fork

pytestmark = pytest.mark.django_db


def _pages(pdf: Path, folder: Path) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-png", str(pdf), str(folder / "p")], check=True)
    return [Image.open(path).convert("L") for path in sorted(folder.glob("p-*.png"))]


def test_bound_pieces_draw_the_pages_printed_in_one_go(generated, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert may_fork(), "the test process has other threads: the PDF would not be printed in pieces"
    document = generated.document
    blocks = document.blocks
    at = cut([pdf_render._weight(block) for block in blocks],
             [isinstance(block, Attachment) for block in blocks], pdf_render.PIECE_MINIMUM)
    assert at is not None and isinstance(blocks[at], Attachment), "the demo's attachments are long enough to cut"

    pieces, whole = tmp_path / "pieces.pdf", tmp_path / "whole.pdf"
    pdf_render.write_pdf(document, pieces)
    pdf_render.write_pdf(document, whole, pieces=False)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    bound, printed = _pages(pieces, tmp_path / "a"), _pages(whole, tmp_path / "b")
    assert len(bound) == len(printed) > 40
    different = [number for number, (a, b) in enumerate(zip(bound, printed, strict=True), 1)
                 if a.size != b.size or ImageChops.difference(a, b).getbbox() is not None]
    assert different == []

    reader = PdfReader(pieces)
    for number, page in enumerate(reader.pages, 1):
        assert f"— {number} —" in page.extract_text(), f"page {number} carries its number"
    assert reader.metadata is not None and reader.metadata.title == document.title
    by_name: dict[str, set[int]] = {}
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for key in fonts:
            reference = fonts.raw_get(key)
            by_name.setdefault(str(reference.get_object()["/BaseFont"]), set()).add(reference.idnum)
    assert by_name and all(len(objects) == 1 for objects in by_name.values()), "one font object per subset name"


def test_a_short_document_laid_out_in_a_child_draws_the_pages_printed_here(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A document without long attachments (the brief) is laid out whole in one child (`print_apart`)."""
    assert may_fork(), "the test process has other threads: the PDF would be printed here"
    table = Table("滞后项目", [Column("序号", width=6), Column("项目名称", width=40), Column("建设年限", width=14)],
                  [Row(["1", "湘乡市第四中学提质改造及配套设施建设项目（一期）", "2023—2024"])])
    document = Document("brief", "简报", "湘乡市2023年10月", [
        Title("湘乡市2023年1—10月国民经济和社会发展计划执行情况简报"), Byline(["湘乡市发展和改革局"]),
        Paragraph(["1—10月，全市地区生产总值同比增长4.8%，完成年计划的97.2%。" * 6]), table])
    apart, here = tmp_path / "apart.pdf", tmp_path / "here.pdf"
    pdf_render.write_pdf(document, apart)
    pdf_render.write_pdf(document, here, pieces=False)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    laid, printed = _pages(apart, tmp_path / "a"), _pages(here, tmp_path / "b")
    assert laid and len(laid) == len(printed)
    assert all(a.size == b.size and ImageChops.difference(a, b).getbbox() is None
               for a, b in zip(laid, printed, strict=True))


def test_cut_halves_the_weight_at_a_block_that_may_start_a_piece() -> None:
    assert cut([10, 5, 5, 10], [False, True, True, True], minimum=1) == 2
    assert cut([10, 5, 5, 10], [False, False, False, True], minimum=1) == 3
    assert cut([10, 5, 5, 10], [False, True, True, True], minimum=100) is None
    assert cut([10, 5], [True, False], minimum=1) is None  # a piece never starts at the first block

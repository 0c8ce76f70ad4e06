"""The PDF is printed with WeasyPrint's user-agent stylesheet less six rules (devplan/reports/print_html.py):
the rules are still WeasyPrint's, the override still takes, and a document prints the same pages with it."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from weasyprint import HTML
from weasyprint.html import UA

from devplan.reports.content import Attachment, Byline, Column, Document, Num, Paragraph, Row, Table, Title
from devplan.reports.pdf_render import render_pdf_html
from devplan.reports.print_html import UNUSED, Page, user_agent_stylesheet

pytestmark = pytest.mark.django_db


def test_the_six_rules_are_weasyprints_and_the_override_takes() -> None:
    assert len(UNUSED.findall(UA)) == 6, "WeasyPrint's html5_ua.css changed: review print_html.py"
    assert "_ua_stylesheets" in vars(HTML), "WeasyPrint no longer returns its stylesheet from _ua_stylesheets"
    assert Page(string="<p>页</p>")._ua_stylesheets() == [user_agent_stylesheet()]


def _pages(pdf: bytes, folder: Path) -> list[Image.Image]:
    folder.mkdir()
    (folder / "d.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "50", "-gray", "-png", str(folder / "d.pdf"), str(folder / "p")], check=True)
    return [Image.open(path).convert("L") for path in sorted(folder.glob("p-*.png"))]


def test_a_document_prints_the_same_pages_without_the_six_rules(tmp_path) -> None:  # type: ignore[no-untyped-def]
    columns = [Column("序号", width=6), Column("项目名称", width=24), Column("建设年限", width=13),
               Column("总投资", "亿元", width=8, numeric=True)]
    rows = [Row([str(number), f"湘乡市第{number}号标准化厂房及配套设施建设项目（一期）", "2023—2025",
                 Num("1.20", Decimal("1.20"), 2)]) for number in range(1, 40)]
    document = Document("report", "报告", "湘乡市2023年", [
        Title("关于湘乡市2023年国民经济和社会发展计划执行情况的报告"), Byline(["湘乡市发展和改革局"]),
        Paragraph(["1—10月，全市地区生产总值同比增长4.8%，完成年计划的97.2%。" * 8]),
        Attachment(2, Table("2023年重点建设项目进展情况表", columns, rows, unit="亿元"), landscape=True)])
    page = render_pdf_html(document)
    trimmed, whole = _pages(Page(string=page).write_pdf(), tmp_path / "a"), _pages(
        HTML(string=page).write_pdf(), tmp_path / "b")
    assert len(trimmed) == len(whole) > 2
    assert all(a.size == b.size and ImageChops.difference(a, b).getbbox() is None
               for a, b in zip(trimmed, whole, strict=True))

"""The content tree as a Word document in the GB/T 9704-2012 format (page and styles: `docx_styles`)."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.shared import Mm, Pt
from docx.table import _Cell as WordCell
from docx.text.paragraph import Paragraph as WordParagraph

from devplan.reports.content import (
    Attachment,
    AttachmentList,
    Block,
    Cell,
    Chart,
    DashList,
    Document,
    Heading,
    Num,
    PageBreak,
    Paragraph,
    Row,
    Run,
    Table,
    Title,
    plain,
)
from devplan.reports.docx_styles import BODY_PT, add_styles, indent_chars, set_fonts, set_up_page
from devplan.reports.fonts import Role, word_font

TEXT_WIDTH_MM = 156
STYLE_ROLE: dict[str, Role] = {"Normal": "body", "公文标题": "title", "一级标题": "heading",
                               "二级标题": "subheading", "附件标记": "heading", "附件标题": "title",
                               "表格文字": "body", "图题": "body"}


def _run(paragraph: WordParagraph, text: str, role: Role, *, char_style: str | None = None) -> None:
    run = paragraph.add_run(text, style=char_style)
    set_fonts(run._r.get_or_add_rPr(), word_font(role))


def _runs(paragraph: WordParagraph, runs: list[Run]) -> None:
    role = STYLE_ROLE[paragraph.style.name if paragraph.style is not None else "Normal"]
    for run in runs:
        _run(paragraph, run.text if isinstance(run, Num) else run, role)


def _paragraph(document: WordDocument, style: str, runs: list[Run]) -> WordParagraph:
    paragraph = document.add_paragraph(style=style)
    _runs(paragraph, runs)
    return paragraph


def _body(document: WordDocument, block: Paragraph) -> None:
    paragraph = document.add_paragraph()
    if block.lead:
        _run(paragraph, block.lead, "subheading", char_style="小标题字符")
    _runs(paragraph, block.runs)
    if not block.indent:
        indent_chars(paragraph._p.get_or_add_pPr(), 0)


def _chart(document: WordDocument, block: Chart) -> None:
    paragraph = document.add_paragraph(style="图题")
    paragraph.paragraph_format.line_spacing = None
    paragraph.add_run().add_picture(io.BytesIO(block.png), width=Mm(140))
    _paragraph(document, "图题", [block.caption])


def _attachment_list(document: WordDocument, block: AttachmentList) -> None:
    document.add_paragraph()
    for number, title in enumerate(block.titles, 1):
        if number == 1:
            _paragraph(document, "Normal", [f"附件：{number}. {title}"])
        else:
            paragraph = _paragraph(document, "Normal", [f"{number}. {title}"])
            indent_chars(paragraph._p.get_or_add_pPr(), 0)
            paragraph.paragraph_format.left_indent = Pt(BODY_PT * 5)


def _repeat_header(row_element: CT_Row) -> None:
    properties = row_element.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Num):
        return cell.text
    return cell if isinstance(cell, str) else plain(cell)


def _fill_row(cells: list[WordCell], texts: list[str], widths: list[Mm], bold: bool = False) -> None:
    for cell, text, width in zip(cells, texts, widths, strict=True):
        cell.width = width
        paragraph = cell.paragraphs[0]
        paragraph.style = "表格文字"
        _run(paragraph, text, "heading" if bold else "body")


def _table(document: WordDocument, block: Table) -> None:
    total_width = sum(column.width for column in block.columns)
    widths = [Mm(TEXT_WIDTH_MM * column.width / total_width) for column in block.columns]
    table = document.add_table(rows=1 + len(block.rows), cols=len(block.columns))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    header, *rows = table.rows
    _fill_row(list(header.cells), [column.caption for column in block.columns], widths, bold=True)
    _repeat_header(header._tr)
    for word_row, row in zip(rows, block.rows, strict=True):
        _table_row(list(word_row.cells), row, widths)
    if block.note:
        _paragraph(document, "表格文字", [block.note]).alignment = WD_ALIGN_PARAGRAPH.LEFT


def _table_row(cells: list[WordCell], row: Row, widths: list[Mm]) -> None:
    texts = [_cell_text(cell) for cell in row.cells]
    if row.kind == "note":
        merged = cells[0].merge(cells[-1])
        merged.paragraphs[0].style = "表格文字"
        _run(merged.paragraphs[0], texts[0], "body")
        return
    _fill_row(cells, texts, widths, bold=row.kind == "total")


def _attachment(document: WordDocument, block: Attachment) -> None:
    mark = _paragraph(document, "附件标记", [f"附件{block.number}"])
    mark.paragraph_format.page_break_before = True
    document.add_paragraph(style="附件标记")
    _paragraph(document, "附件标题", [block.table.title])
    _table(document, block.table)


def _page_break(document: WordDocument) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _block(document: WordDocument, block: Block) -> None:
    if isinstance(block, Title):
        _paragraph(document, "公文标题", [block.text])
        document.add_paragraph()
    elif isinstance(block, Heading):
        _paragraph(document, "一级标题" if block.level == 1 else "二级标题", block.runs)
    elif isinstance(block, Paragraph):
        _body(document, block)
    elif isinstance(block, DashList):
        for item in block.items:
            _paragraph(document, "Normal", ["——", *item])
    elif isinstance(block, Chart):
        _chart(document, block)
    elif isinstance(block, Table):
        _table(document, block)
    elif isinstance(block, AttachmentList):
        _attachment_list(document, block)
    elif isinstance(block, Attachment):
        _attachment(document, block)
    elif isinstance(block, PageBreak):
        _page_break(document)


def render_docx(document: Document, path: Path) -> None:
    word = new_document()
    set_up_page(word)
    add_styles(word)
    word.core_properties.title = document.title
    word.core_properties.author = "devplan"
    for block in document.blocks:
        _block(word, block)
    word.save(str(path))

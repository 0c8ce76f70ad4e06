"""The content tree as a Word document in the GB/T 9704-2012 format (page and styles: `docx_styles`)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as WordParagraph

from devplan.reports.content import (
    Attachment,
    AttachmentList,
    Block,
    Byline,
    Chart,
    DashList,
    Distribution,
    Document,
    Heading,
    Masthead,
    Num,
    PageBreak,
    Paragraph,
    Run,
    Table,
    Title,
)
from devplan.reports.docx_styles import (
    BODY_PT,
    LANDSCAPE_TEXT_WIDTH_MM,
    TEXT_WIDTH_MM,
    add_landscape_section,
    add_styles,
    indent_chars,
    set_fonts,
    set_up_page,
)
from devplan.reports.docx_table import TableWriter
from devplan.reports.fonts import Role, word_font
from devplan.reports.pdf_render import title_lines

STYLE_ROLE: dict[str, Role] = {"Normal": "body", "公文标题": "title", "一级标题": "heading",
                               "二级标题": "subheading", "署名": "subheading", "附件标记": "heading", "附件标题": "title",
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


RED = "C00000"
MASTHEAD_PT = 30.0


def _rule(paragraph: WordParagraph, side: str, colour: str) -> None:
    """A line above (`top`) or below (`bottom`) the paragraph: the rules of a brief's 版头 and 版记."""
    borders = paragraph._p.get_or_add_pPr().find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        paragraph._p.get_or_add_pPr().append(borders)
    line = OxmlElement(f"w:{side}")
    for name, value in (("val", "single"), ("sz", "12"), ("space", "4"), ("color", colour)):
        line.set(qn(f"w:{name}"), value)
    borders.append(line)


def _masthead(document: WordDocument, block: Masthead) -> None:
    name = _paragraph(document, "公文标题", [block.name])
    for run in name.runs:
        run.font.size = Pt(MASTHEAD_PT)
        run.font.color.rgb = RGBColor.from_string(RED)
    name.paragraph_format.line_spacing = Pt(MASTHEAD_PT * 1.5)
    _paragraph(document, "署名", [block.issue])
    line = _paragraph(document, "Normal", [f"{block.office}\t{block.date}"])
    indent_chars(line._p.get_or_add_pPr(), 0)
    line.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    _rule(line, "bottom", RED)
    document.add_paragraph()


def _distribution(document: WordDocument, block: Distribution) -> None:
    document.add_paragraph()
    for number, text in enumerate(block.lines):
        line = _paragraph(document, "Normal", [text])
        indent_chars(line._p.get_or_add_pPr(), 0)
        line.paragraph_format.keep_with_next = number < len(block.lines) - 1  # 报送 and 抄送 on one page
        if number == 0:
            _rule(line, "top", "000000")
        if number == len(block.lines) - 1:
            _rule(line, "bottom", "000000")


def _chart(document: WordDocument, block: Chart) -> None:
    paragraph = document.add_paragraph(style="图题")
    # Single spacing of its own: an exact line height (the body's 28.95 pt) would cut the picture to one line.
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    paragraph.add_run().add_picture(io.BytesIO(block.png), width=Mm(140))
    _paragraph(document, "图题", [block.caption])


def _attachment_list(document: WordDocument, block: AttachmentList) -> None:
    """"附件：1. …" and the items under it on one page (each keeps with the next)."""
    document.add_paragraph()
    for number, title in enumerate(block.titles, 1):
        if number == 1:
            paragraph = _paragraph(document, "Normal", [f"附件：{number}. {title}"])
        else:
            paragraph = _paragraph(document, "Normal", [f"{number}. {title}"])
            indent_chars(paragraph._p.get_or_add_pPr(), 0)
            paragraph.paragraph_format.left_indent = Pt(BODY_PT * 5)
        paragraph.paragraph_format.keep_together = True
        paragraph.paragraph_format.keep_with_next = number < len(block.titles)


def _table(document: WordDocument, block: Table, tables: TableWriter, width_mm: float = TEXT_WIDTH_MM) -> None:
    if not block.rows:
        _paragraph(document, "表格文字", [block.note]).alignment = WD_ALIGN_PARAGRAPH.LEFT
        return
    if block.unit:
        _paragraph(document, "表格文字", [f"单位：{block.unit}"]).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    tables.add(document, block, width_mm)
    if block.note:
        _paragraph(document, "表格文字", [block.note]).alignment = WD_ALIGN_PARAGRAPH.LEFT


def _attachment(document: WordDocument, block: Attachment, tables: TableWriter) -> None:
    """A new page: in a landscape section of its own for a wide table, else after a page break."""
    if block.landscape:
        add_landscape_section(document)
    mark = _paragraph(document, "附件标记", [f"附件{block.number}"])
    mark.paragraph_format.page_break_before = not block.landscape
    document.add_paragraph(style="附件标记")
    _paragraph(document, "附件标题", [block.table.title])
    _table(document, block.table, tables, LANDSCAPE_TEXT_WIDTH_MM if block.landscape else TEXT_WIDTH_MM)


def _title(document: WordDocument, block: Title) -> None:
    """The title broken where the PDF breaks it, at a phrase ("…发展计划 / 执行情况与…"): left to itself, Word
    would break it wherever the line fills, inside a word."""
    paragraph = document.add_paragraph(style="公文标题")
    for number, line in enumerate(title_lines(block.text)):
        if number:
            paragraph.add_run().add_break()
        _run(paragraph, line, "title")


def _page_break(document: WordDocument) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _block(document: WordDocument, block: Block, tables: TableWriter) -> None:
    if isinstance(block, Title):
        _title(document, block)
    elif isinstance(block, Byline):
        for line in block.lines:
            _paragraph(document, "署名", [line])
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
        _table(document, block, tables)
    elif isinstance(block, AttachmentList):
        _attachment_list(document, block)
    elif isinstance(block, Attachment):
        _attachment(document, block, tables)
    elif isinstance(block, PageBreak):
        _page_break(document)
    elif isinstance(block, Masthead):
        _masthead(document, block)
    elif isinstance(block, Distribution):
        _distribution(document, block)


def render_docx(document: Document, path: Path) -> None:
    word = new_document()
    set_up_page(word)
    add_styles(word)
    properties = word.core_properties
    properties.title = document.title
    # python-docx's blank template says 2013 and "python-docx"; the file is the office's, written now.
    properties.author = properties.last_modified_by = document.author
    properties.created = properties.modified = datetime.now(UTC).replace(microsecond=0)
    properties.revision = 1
    tables = TableWriter(word)
    for block, following in zip(document.blocks, [*document.blocks[1:], None], strict=True):
        _block(word, block, tables)
        if isinstance(block, Title) and not isinstance(following, Byline):
            word.add_paragraph()  # a blank line under a title without a byline
    word.save(str(path))

"""The GB/T 9704-2012 page and styles of a Word document.

A4; margins top 37, bottom 35, left 28, right 26 mm (a 156 × 225 mm text block); a line grid of 22 lines
(exactly 28.95 pt, linePitch 579) and 28 characters a line, the body's characters set 0.25 pt closer (3号 is
16 pt, 28 × 16 pt is 5.8 pt more than the 442.2 pt line). Not a character grid (`linesAndChars` with a
negative `charSpace`, which Word uses to squeeze 3号 into 28 cells): LibreOffice gives a character larger
than its cell two cells, 14 to a line, and Word spreads any smaller text — tables, captions — to a cell a
character. Page numbers "— 1 —" in 4号 宋体, right on odd pages and left on even ones, one character in from the edge.

Styles (real Word styles, so a planner edits the document in Word or WPS as usual):
"Normal" 3号 body font, justified, first line indented two characters; "公文标题" 2号 title font centred;
"一级标题" 3号 黑体 and "二级标题" 3号 楷体 (outline levels 1 and 2, for the navigation pane);
"小标题字符" (character style, 楷体) for run-in "（一）…" leads; "附件标记", "附件标题", "表格文字", "图题".
Every style and every run names its East Asian font (`w:eastAsia`), without theme fonts that would
override it.
"""

from __future__ import annotations

import math

from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.section import CT_SectPr
from docx.oxml.text.font import CT_RPr
from docx.oxml.text.parfmt import CT_PPr
from docx.section import _Footer
from docx.shared import Mm, Pt
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.text.paragraph import Paragraph

from devplan.reports.fonts import LATIN, PAGE_NUMBER_FONT, Role, word_font

BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGE_NUMBER_PT = 14  # 4号
ATTACHMENT_TITLE_PT = 18  # 小2号
TABLE_PT = 10.5  # 5号
LINE_PT = 28.95  # 22 lines in 225 mm
FONT_ATTRIBUTES = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
TEXT_WIDTH_MM = 156  # 210 less the left and right margins
# A landscape page (GB/T 9704 §10.2) is the portrait sheet turned so that the table's head lies on its left
# edge, the binding side, as in the PDF (print.css): portrait left 28 becomes top, bottom 35 left, top 37
# right, right 26 bottom; its text block is 225 mm wide by 156 mm high.
LANDSCAPE_TEXT_WIDTH_MM = 225
CHARS_PER_LINE = 28
# The body's characters closer by this many twentieths of a point, the least that fits 28 on a line (−5:
# 15.75 pt a character, 441 of the 442.2 pt; justification spreads the rest).
BODY_TRACKING = math.floor((Mm(TEXT_WIDTH_MM).pt / CHARS_PER_LINE - BODY_PT) * 20)


def set_fonts(rpr: CT_RPr, east_asian: str, latin: str = LATIN) -> None:
    """Name the fonts of a run or style explicitly, removing theme fonts (which would win over names)."""
    fonts = rpr.get_or_add_rFonts()
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for name in FONT_ATTRIBUTES:
        fonts.set(qn(name), east_asian if name == "w:eastAsia" else latin)


def _paragraph_style(document: WordDocument, name: str, role: Role, size: float) -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.size = Pt(size)
    set_fonts(style.element.get_or_add_rPr(), word_font(role))
    style.quick_style = True
    return style


def _exact_lines(style: ParagraphStyle, points: float = LINE_PT) -> None:
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(points)
    fmt.space_before = fmt.space_after = Pt(0)


def _indent_chars(style: ParagraphStyle, chars: int) -> None:
    indent_chars(style.element.get_or_add_pPr(), chars)


def indent_chars(ppr: CT_PPr, chars: int) -> None:
    """First-line indent in characters (`w:firstLineChars`), as Word's "首行缩进 2 字符"; set on a paragraph
    it overrides its style's (a plain `firstLine` would not: Word prefers the style's character count)."""
    ind = ppr.get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(chars * BODY_PT * 20))


def _outline(style: ParagraphStyle, level: int) -> None:
    style.element.get_or_add_pPr().get_or_add_outlineLvl().set(qn("w:val"), str(level))


def _defaults(document: WordDocument) -> None:
    """The document defaults are the body's: 3号 and Chinese (python-docx's template says 11 pt and English:
    LibreOffice measured its character grid from that size, 20 characters a line, and Word breaks lines by
    the rules of the default East Asian language)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    for rpr in defaults.iter(qn("w:rPr")):
        set_fonts(rpr, word_font("body"))
        for name in ("w:sz", "w:szCs"):
            size = rpr.find(qn(name))
            if size is None:
                size = OxmlElement(name)
                rpr.append(size)
            size.set(qn("w:val"), str(BODY_PT * 2))
        language = rpr.find(qn("w:lang"))
        if language is not None:
            language.set(qn("w:eastAsia"), "zh-CN")


def tracking(rpr: CT_RPr, twentieths: int) -> None:
    """Character spacing (`w:spacing` of a run or style, in twentieths of a point; negative is closer)."""
    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        rpr.insert_element_before(spacing, *_AFTER_SPACING)
    spacing.set(qn("w:val"), str(twentieths))


# The elements a w:rPr may hold after w:spacing, in the schema's order.
_AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr",
                  "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                  "w:specVanish", "w:oMath")


def off_grid(ppr: CT_PPr) -> None:
    """The paragraph's lines keep their own height (`w:snapToGrid` off): on the line grid LibreOffice would
    give each line of 5号 table text, of a caption or of the 2号 title a grid line of 28.95 pt or two."""
    snap = ppr.find(qn("w:snapToGrid"))
    if snap is None:
        snap = OxmlElement("w:snapToGrid")
        ppr.insert_element_before(snap, *_AFTER_SNAP)
    snap.set(qn("w:val"), "0")


# The elements a w:pPr may hold after w:snapToGrid, in the schema's order.
_AFTER_SNAP = ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _normal(document: WordDocument) -> None:
    _defaults(document)
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    normal.font.size = Pt(BODY_PT)
    set_fonts(normal.element.get_or_add_rPr(), word_font("body"))
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _exact_lines(normal)
    _indent_chars(normal, 2)
    tracking(normal.element.get_or_add_rPr(), BODY_TRACKING)


def add_styles(document: WordDocument) -> None:
    _normal(document)
    title = _paragraph_style(document, "公文标题", "title", TITLE_PT)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _exact_lines(title, 36)
    _indent_chars(title, 0)
    levels: tuple[tuple[str, Role, int], ...] = (("一级标题", "heading", 0), ("二级标题", "subheading", 1))
    for name, role, level in levels:
        heading = _paragraph_style(document, name, role, BODY_PT)
        heading.paragraph_format.keep_with_next = True
        _outline(heading, level)
    byline = _paragraph_style(document, "署名", "subheading", BODY_PT)
    byline.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _indent_chars(byline, 0)
    lead = document.styles.add_style("小标题字符", WD_STYLE_TYPE.CHARACTER)
    assert isinstance(lead, CharacterStyle)
    set_fonts(lead.element.get_or_add_rPr(), word_font("subheading"))
    mark = _paragraph_style(document, "附件标记", "heading", BODY_PT)
    _indent_chars(mark, 0)
    attachment_title = _paragraph_style(document, "附件标题", "title", ATTACHMENT_TITLE_PT)
    attachment_title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _indent_chars(attachment_title, 0)
    cell = _paragraph_style(document, "表格文字", "body", TABLE_PT)
    _exact_lines(cell, 14)
    _indent_chars(cell, 0)
    cell.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption = _paragraph_style(document, "图题", "body", PAGE_NUMBER_PT)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _indent_chars(caption, 0)
    for style in (title, attachment_title, cell, caption):  # set by size, not to 28 a line
        off_grid(style.element.get_or_add_pPr())
        tracking(style.element.get_or_add_rPr(), 0)


def _grid(section_element: CT_SectPr) -> None:
    grid = section_element.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section_element.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PT * 20)))
    grid.attrib.pop(qn("w:charSpace"), None)


def _page_field(paragraph: Paragraph) -> None:
    """"— PAGE —": the page number as a field Word updates."""
    def run(text: str = "", field: str | None = None, instruction: str | None = None) -> None:
        element = paragraph.add_run(text)
        rpr = element._r.get_or_add_rPr()
        set_fonts(rpr, PAGE_NUMBER_FONT, PAGE_NUMBER_FONT)
        element.font.size = Pt(PAGE_NUMBER_PT)
        if field is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), field)
            element._r.append(char)
        if instruction is not None:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = instruction
            element._r.append(code)

    run("— ")
    run(field="begin")
    run(instruction=" PAGE ")
    run(field="separate")
    run("1")
    run(field="end")
    run(" —")


def _footer(paragraph: Paragraph, alignment: WD_ALIGN_PARAGRAPH) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = alignment
    indent_chars(paragraph._p.get_or_add_pPr(), 0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    off_grid(paragraph._p.get_or_add_pPr())
    if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = Pt(PAGE_NUMBER_PT)
    else:
        fmt.left_indent = Pt(PAGE_NUMBER_PT)
    _page_field(paragraph)


def set_up_page(document: WordDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(25)
    _grid(section._sectPr)
    document.settings.odd_and_even_pages_header_footer = True
    _footer(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _footer(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


EMU_PER_MM = 36000
NUMBER_BOX_MM = (PAGE_NUMBER_PT / 72 * 25.4, 40.0)  # across and along the turned line of "— N —"
_TURNED_NUMBER = (
    '<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" behindDoc="0" '
    'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
    '<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
    '<wp:docPr id="{id}" name="页码{id}"/><wp:cNvGraphicFramePr/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
    '<wps:txbx><w:txbxContent><w:p/></w:txbxContent></wps:txbx>'
    '<wps:bodyPr rot="0" vert="vert" wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"><a:noAutofit/>'
    '</wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent>'
    '</w:r>')
_NAMESPACES = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
               'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
               'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
               'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
               'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')


def _turned_number(footer: _Footer, odd: bool) -> None:
    """The page number of a landscape page where a portrait page has it (GB/T 9704 §10.2), turned with the
    sheet as the PDF draws it: a text box in the left margin (the portrait page's foot), its text running
    down the page with the tops of its characters towards the type area, 7 mm from it, and one character in
    from the type area's lower end on odd pages (the portrait right) or its upper end on even ones."""
    across, along = NUMBER_BOX_MM
    x = 35 - 7 - across  # the landscape left margin is 35 mm
    y = 210 - 26 - PAGE_NUMBER_PT / 72 * 25.4 - along if odd else 28 + PAGE_NUMBER_PT / 72 * 25.4
    run = parse_xml(_TURNED_NUMBER.format(ns=_NAMESPACES, x=round(x * EMU_PER_MM), y=round(y * EMU_PER_MM),
                                          cx=round(across * EMU_PER_MM), cy=round(along * EMU_PER_MM),
                                          id=9001 if odd else 9002))
    holder = footer.paragraphs[0]
    holder._p.append(run)
    number = Paragraph(run.find(".//" + qn("w:p")), holder._parent)
    number.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    indent_chars(number._p.get_or_add_pPr(), 0)
    off_grid(number._p.get_or_add_pPr())
    _page_field(number)


def add_landscape_section(document: WordDocument) -> None:
    """Start a new page in a landscape section of its own (for a wide attachment table); styles and the
    document grid carry over from the section before, and so do page numbers, turned in the margin from the
    first landscape section on (its footers, which the later ones inherit)."""
    first = document.sections[-1].orientation == WD_ORIENT.PORTRAIT
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(28), Mm(26)
    section.left_margin, section.right_margin = Mm(35), Mm(37)
    if first:
        for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
            footer.is_linked_to_previous = False
            _turned_number(footer, odd)

"""The Word report: GB/T 9704 page, styles with East Asian fonts, the seed's structure and numbers."""

from __future__ import annotations

import pytest
from docx import Document as open_docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Mm

from devplan.reports.attachments import PROJECT_CATEGORIES

ATTACHMENT_TITLES = [
    "2023年主要指标完成情况及2024年计划",
    *(f"2023年{name}进展情况表" for name in PROJECT_CATEGORIES),
    *(f"2024年{name}计划表" for name in PROJECT_CATEGORIES[:3]),
]
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def word(generated):  # type: ignore[no-untyped-def]
    return open_docx(str(generated.path("report.docx")))


@pytest.fixture(scope="module")
def paragraphs(word) -> list[str]:  # type: ignore[no-untyped-def]
    return [paragraph.text for paragraph in word.paragraphs]


def test_page_is_a4_with_gbt_9704_margins(word) -> None:  # type: ignore[no-untyped-def]
    section = word.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    for margin, mm in (("top_margin", 37), ("bottom_margin", 35), ("left_margin", 28), ("right_margin", 26)):
        assert abs(getattr(section, margin) - Mm(mm)) <= Mm(1), margin


def test_document_grid_gives_22_lines_of_28_characters(word) -> None:  # type: ignore[no-untyped-def]
    """A line grid and 3号 set 0.25 pt closer (28 × 15.75 pt in the 442.2 pt line), the document defaults the
    body's size; not a character grid, which LibreOffice lays out 14 characters a line and on which Word spreads
    5号 table text to a cell a character (tests/reports/test_docx_in_libreoffice.py prints the file)."""
    for section in word.sections:
        grid = section._sectPr.find(qn("w:docGrid"))
        assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"
    normal = word.styles["Normal"]
    assert normal.paragraph_format.line_spacing.pt == pytest.approx(28.95)
    assert normal.font.size.pt == 16
    assert normal.element.rPr.find(qn("w:spacing")).get(qn("w:val")) == "-5"
    assert 28 * (16 - 5 / 20) <= 156 / 25.4 * 72
    defaults = word.styles.element.find(qn("w:docDefaults") + "//" + qn("w:sz"))
    assert defaults.get(qn("w:val")) == "32"
    for name in ("表格文字", "图题", "公文标题", "附件标题"):
        assert word.styles[name].element.pPr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0", name


def test_main_indicator_paragraph_is_written_from_data(paragraphs: list[str]) -> None:
    assert ("——年计划完成地区生产总值617亿元以上，1—9月完成428.3亿元，同比增长2.2%，全年预计完成600亿元，"
            "完成年计划的97.2%。") in paragraphs  # as the seed says it: no method note in a Congress document
    assert not any(note in text for text in paragraphs for note in
                   ("%（全年预计", "%（累计", "%（增速", "%（材料所述", "%（同步"))
    assert any(text.startswith("——年计划固定资产投资增长9%以上，1—10月完成170.6亿元，同比增长7.9%，排湘潭市第一")
               for text in paragraphs)
    assert any("与经济增长同步，1—9月城乡居民人均可支配收入26659元" in text for text in paragraphs)


def test_lagging_indicators_are_named_with_their_recorded_reasons(paragraphs: list[str]) -> None:
    lagging = next(text for text in paragraphs if text.startswith("其中，"))
    assert lagging.startswith("其中，地区生产总值与固定资产投资离年度计划目标有一定差距，主要原因有：一是受经济下行压力")


def test_next_year_targets_are_listed(paragraphs: list[str]) -> None:
    assert "——地区生产总值增长6.8%以上；" in paragraphs
    assert "——城乡居民人均可支配收入保持与经济增长同步。" in paragraphs


def test_eight_attachments_are_listed_and_each_starts_a_new_page(word, paragraphs: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert f"附件：1. {ATTACHMENT_TITLES[0]}" in paragraphs
    assert all(title in paragraphs for title in ATTACHMENT_TITLES)
    for number in range(1, 9):  # each on landscape pages: each opens a section of its own
        mark = next(p for p in word.paragraphs if p.text == f"附件{number}")
        assert mark._p.getprevious().find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None
    assert len(word.tables) == 8


def test_attachments_are_on_landscape_pages(word) -> None:  # type: ignore[no-untyped-def]
    portrait, *wide = word.sections
    assert portrait.orientation == WD_ORIENT.PORTRAIT and len(wide) == 8
    for section in wide:
        assert section.orientation == WD_ORIENT.LANDSCAPE and section.start_type == WD_SECTION.NEW_PAGE
        assert abs(section.page_width - Mm(297)) < Mm(1) and abs(section.page_height - Mm(210)) < Mm(1)
        # turned as the PDF turns it (GB/T 9704 §10.2): the table's head on the portrait sheet's left edge
        for margin, mm in (("top_margin", 28), ("bottom_margin", 26), ("left_margin", 35), ("right_margin", 37)):
            assert abs(getattr(section, margin) - Mm(mm)) <= Mm(0.5), margin
    widths = [sum(int(col.get(qn("w:w"))) for col in table._tbl.tblGrid) for table in word.tables]
    assert all(abs(width - 225 * 1440 / 25.4) < 10 for width in widths)  # twips: the landscape text block, 225 mm


def test_sections_follow_the_seed(paragraphs: list[str]) -> None:
    order = ["各位代表：", "一、2023年计划执行情况", "二、存在的问题", "三、2024年国民经济和社会发展计划主要任务"]
    positions = [paragraphs.index(text) for text in order]
    assert positions == sorted(positions)
    assert any(text.startswith("（四）民生福祉稳步增进") for text in paragraphs)


def test_every_run_names_its_east_asian_font(word) -> None:  # type: ignore[no-untyped-def]
    body = word.element.body
    runs = body.findall(".//" + qn("w:r"))
    assert runs
    for run in runs:
        if run.find(qn("w:t")) is None:
            continue
        fonts = run.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        assert fonts is not None and fonts.get(qn("w:eastAsia")), run.xml[:200]


def test_headings_use_real_styles_with_outline_levels(word) -> None:  # type: ignore[no-untyped-def]
    heading = next(p for p in word.paragraphs if p.text == "二、存在的问题")
    assert heading.style.name == "一级标题"
    assert heading.style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"
    fonts = heading.style.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "黑体" and fonts.get(qn("w:asciiTheme")) is None


def test_landscape_pages_number_in_a_turned_text_box(word) -> None:  # type: ignore[no-untyped-def]
    """The first landscape section has footers of its own (the later ones inherit them): a text box in the
    left margin, its text turned with the sheet, holding the PAGE field; no number at the turned page's foot."""
    first, *later = word.sections[1:]
    for footer in (first.footer, first.even_page_footer):
        assert not footer.is_linked_to_previous
        xml = footer._element.xml
        assert 'vert="vert"' in xml and " PAGE " in xml and 'relativeFrom="page"' in xml
        assert footer.paragraphs[0].text == ""
    assert all(section.footer.is_linked_to_previous for section in later)


def test_page_numbers_are_fields_at_the_outside_corners(word) -> None:  # type: ignore[no-untyped-def]
    section = word.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.text == even.text == "— 1 —"
    assert "PAGE" in odd._p.xml and word.settings.odd_and_even_pages_header_footer
    assert odd.alignment == 2 and even.alignment == 0  # right on odd pages, left on even pages


def test_audit_reads_the_main_indicator_facts_back_without_errors(generated) -> None:  # type: ignore[no-untyped-def]
    from devplan.reader.audit import audit_file

    result = audit_file(generated.path("report.docx"))
    gdp = {(fact.measure, str(fact.value)) for fact in result.facts if fact.indicator == "gdp"}
    assert {("target", "617"), ("actual", "428.3"), ("growth", "2.2"), ("estimate", "600"), ("completion", "97.2")} <= gdp
    assert not [finding for finding in result.findings if finding.severity == "error"]


def test_tables_keep_real_styles_and_repeat_their_header(word) -> None:  # type: ignore[no-untyped-def]
    for table in word.tables:
        assert table.style.name == "Table Grid"
        assert {p.style.name for row in table.rows for cell in row.cells for p in cell.paragraphs} == {"表格文字"}
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert word.tables[1].rows[1].cells[1].text.startswith("湘乡市压缩空气储能项目")


def test_a_total_keeps_with_the_row_above_it(word) -> None:  # type: ignore[no-untyped-def]
    """The row above 合计 keeps with the next (w:keepNext on its paragraphs), so 合计 never opens a page alone
    under a repeated header; other rows do not."""
    for table in word.tables[1:]:
        texts = [row.cells[1].text for row in table.rows]
        if "合计" not in texts:
            continue
        above = table.rows[texts.index("合计") - 1]
        assert all(p.paragraph_format.keep_with_next for cell in above.cells for p in cell.paragraphs)
        assert not any(p.paragraph_format.keep_with_next for p in table.rows[1].cells[0].paragraphs)


def test_the_title_breaks_at_a_phrase_as_the_pdf_does(word) -> None:  # type: ignore[no-untyped-def]
    title = next(p for p in word.paragraphs if p.style.name == "公文标题")
    assert title.text == "关于湘乡市2023年国民经济和社会发展计划\n执行情况与2024年计划（草案）的报告"


def test_the_file_is_the_office_s_written_now(word) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    properties = word.core_properties
    assert properties.author == properties.last_modified_by == "湘乡市发展和改革局"
    assert datetime.now(UTC) - properties.created.replace(tzinfo=UTC) < timedelta(hours=1)
    assert properties.modified == properties.created


def test_charts_are_not_cut_to_one_line(word) -> None:  # type: ignore[no-untyped-def]
    """A paragraph holding a picture has single spacing of its own: the body's exact line height would show a
    strip one line high of each chart (LibreOffice did, and Word does the same)."""
    from docx.enum.text import WD_LINE_SPACING

    pictures = [p for p in word.paragraphs if p._p.xpath(".//w:drawing")]
    assert len(pictures) >= 2
    assert all(p.paragraph_format.line_spacing_rule == WD_LINE_SPACING.SINGLE for p in pictures)

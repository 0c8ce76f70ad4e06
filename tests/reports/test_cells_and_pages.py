"""Table cells break between words and inside their own column; the list of attachments stays on one page;
the files name their office; tooltips name who entered a figure."""

from __future__ import annotations

import re
from decimal import Decimal

import pdfplumber
import pytest

from devplan.reports.cell_words import header_lines
from devplan.reports.content import Attachment, Byline, Column, Document, Num, Ref, Row, Table, Title

pytestmark = pytest.mark.django_db


def test_headers_break_between_words() -> None:
    """"2023年/计划投资", never "2023年计划投/资" (what Word and WeasyPrint did at 15.7 mm)."""
    assert header_lines("2023年计划投资", 43, 10.5) == ["2023年", "计划投资"]
    assert header_lines("1—10月完成投资", 43, 10.5) == ["1—10月", "完成投资"]
    assert header_lines("完成年计划（%）", 34, 10.5) == ["完成", "年计划", "（%）"]
    assert header_lines("总投资", 34, 10.5) == ["总投资"]
    assert header_lines("完成年计划投资（%）", 70, 10.5) == ["完成年计划", "投资（%）"]


def test_the_brief_s_tables_break_between_words() -> None:
    from devplan.reports.html_render import keep_words

    assert keep_words("社会消费品零售总额") == '社会消费品<span class="nw">零售总额</span>'
    assert '<span class="nw">投资</span>' in keep_words("完成年计划投资（%）")
    # Trial t18b: the lagging projects' 原因 broke "节点逾期：施工许" / "可" in the January brief.
    assert keep_words("节点逾期：施工许可") == '<span class="nw">节点逾期</span>：<span class="nw">施工许可</span>'


def test_on_paper_a_cell_on_one_line_is_printed_without_word_spans() -> None:
    """A word span guards a line's end: a cell that stays on one line is printed without them (each is a box
    WeasyPrint lays out), one that breaks keeps them, and the HTML file, whose widths the browser sets, keeps
    them all."""
    from devplan.reports.html_render import block_html
    from devplan.reports.pdf_render import block_pdf_html

    columns = [Column("序号", width=6), Column("项目名称", width=24), Column("建设年限", width=99)]
    name = "湘乡市东山街道废弃矿山生态修复项目（一期）"
    page = Attachment(2, Table("项目表", columns, [Row(["1", name, "2023—2025"])]), landscape=True)
    paper = block_pdf_html(page)
    assert "<td>2023—2025</td>" in paper and "<th>建设年限</th>" in paper
    assert '<span class="nw">（一期）</span>' in paper, "the name breaks: its words stay whole"
    assert '<td><span class="nw">2023—2025</span></td>' in block_html(page)


def test_pdf_headers_and_names_keep_their_words(generated) -> None:  # type: ignore[no-untyped-def]
    with pdfplumber.open(generated.path("report.pdf")) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
    second = next(text for text in texts if text.startswith("附件2\n")).split("\n")
    assert "计划投资" in "".join(second) and not any(line.endswith(("计划投", "完成投")) for line in second)
    first = next(text for text in texts if text.startswith("附件1\n"))
    for name in ("地方一般公共预算收入", "社会消费品零售总额", "城乡居民人均可支配收入"):
        assert any(name in line for line in first.split("\n")), name  # one line, not "…预/算收入"


def test_the_attachment_list_stays_on_one_page(generated) -> None:  # type: ignore[no-untyped-def]
    """Before, "附件：1. …" was the last line of page 19 and items 2–8 stood alone on page 20."""
    with pdfplumber.open(generated.path("report.pdf")) as pdf:
        page = next(page.extract_text() for page in pdf.pages if "附件：1." in (page.extract_text() or ""))
    assert all(f"{number}. " in page for number in range(2, 9))


def test_the_pdf_names_the_office_as_author(generated) -> None:  # type: ignore[no-untyped-def]
    with pdfplumber.open(generated.path("report.pdf")) as pdf:
        assert pdf.metadata.get("Author") == "湘乡市发展和改革局"


def test_a_long_name_without_break_points_breaks_inside_its_cell(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A project code of Latin letters and digits ran in one line over the columns to its right."""
    from devplan.reports.pdf_render import write_pdf

    name = "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789项目"
    columns = [Column("序号", width=6), Column("项目名称", width=27), Column("年度建设目标", width=19),
               Column("总投资", "亿元", width=8, numeric=True)]
    table = Table("项目表", columns, [Row(["1", name, "完成装修和设备配置", Num("1.20", Decimal("1.20"), 2)])])
    document = Document("t", "t", "t", [Title("t"), Byline(["湘乡市发展和改革局"]),
                                         Attachment(2, table, landscape=True)])
    write_pdf(document, tmp_path / "t.pdf", pieces=False)
    with pdfplumber.open(tmp_path / "t.pdf") as pdf:
        page = pdf.pages[-1]
        goal = next(word for word in page.extract_words() if word["text"].startswith("年度建设目标"))
        latin = [char for char in page.chars if re.fullmatch(r"[A-Z]", char["text"]) and char["size"] < 12]
    assert len(latin) == 52 and max(char["x1"] for char in latin) < goal["x0"]


def test_a_tooltip_says_a_command_loaded_the_figure_not_who_entered_it() -> None:
    ref = Ref("figure", 1, 1, "gdp", "430381", 2023, 9, "value", name="地区生产总值", who="devplan init --demo")
    assert "录入人：示例数据" in ref.label and "devplan" not in ref.label
    person = Ref("figure", 1, 1, "gdp", "430381", 2023, 9, "value", who="张三")
    assert "录入人：张三" in person.label


def test_the_html_does_not_justify_lines_on_screen() -> None:
    """Justified, a line ending in a number kept with its unit spread its other characters apart."""
    from devplan.reports.html_render import stylesheet

    screen = stylesheet().split("@media screen", 1)[1]
    assert re.search(r"\bp \{ text-align: left; \}", screen)


@pytest.mark.django_db
def test_an_approved_figure_names_who_submitted_it_and_who_approved_it(personas) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 trial: report.html named the approving planner as 录入人 of a department's figure."""
    from devplan.collection.models import Submission
    from devplan.indicators.models import Indicator
    from devplan.reports.states import figure_ref, monthly_figures

    personas.client("owner").post("/submit/430381/2023/11/", {"value_retail_sales": "152.1", "growth_retail_sales": "9.1",
                                                              "action": "submit"})
    submission = Submission.objects.get(indicator__code="retail_sales", status=Submission.Status.SUBMITTED)
    personas.client("planner").post(f"/review/submission/{submission.pk}/", {"action": "approve"})
    figures = monthly_figures(personas.region, 2023, [Indicator.objects.get(code="retail_sales")])
    november = next(figure for figure in figures["社会消费品零售总额"] if figure.month == 11)
    label = figure_ref(november, "value").label
    assert "填报人：tongji" in label and "审核人：planner" in label and "录入人" not in label

"""The PDF embeds fonts that draw every character it uses; the HTML links every number to its record."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pdfplumber
import pytest
from fontTools.ttLib import TTFont
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1

pytestmark = pytest.mark.django_db


def _fonts(resources) -> list:  # type: ignore[no-untyped-def]
    """The fonts of a resource dictionary and of the form XObjects it names (a page's number is one)."""
    resources = resolve1(resources) or {}
    forms = [resolve1(item) for item in (resolve1(resources.get("XObject")) or {}).values()]
    return [*(resolve1(resources.get("Font")) or {}).values(),
            *(font for form in forms if form.attrs.get("Subtype").name == "Form"
              for font in _fonts(form.attrs.get("Resources")))]


def _embedded_cmaps(path) -> dict[str, set[int]]:  # type: ignore[no-untyped-def]
    """Per embedded font name, the code points its font program maps to glyphs."""
    cmaps: dict[str, set[int]] = {}
    with open(path, "rb") as handle:
        for page in PDFPage.create_pages(PDFDocument(PDFParser(handle))):
            for reference in _fonts(page.resources):
                font = resolve1(reference)
                name = font["BaseFont"].name
                if name in cmaps:
                    continue
                descendant = resolve1(resolve1(font["DescendantFonts"])[0])
                descriptor = resolve1(descendant["FontDescriptor"])
                program = next(descriptor[k] for k in ("FontFile3", "FontFile2", "FontFile") if k in descriptor)
                cmap = TTFont(io.BytesIO(resolve1(program).get_data())).getBestCmap() or {}
                cmaps[name] = set(cmap)
    return cmaps


def test_embedded_fonts_cover_every_character_drawn(generated) -> None:  # type: ignore[no-untyped-def]
    path = generated.path("report.pdf")
    cmaps = _embedded_cmaps(path)
    assert cmaps and all("+" in name for name in cmaps)  # subset fonts, embedded
    with pdfplumber.open(path) as pdf:
        chars = [char for page in pdf.pages for char in page.chars]
        text = "".join(page.extract_text() or "" for page in pdf.pages).replace("\n", "")
    missing = {(letter, char["fontname"]) for char in chars for letter in char["text"]
               if not letter.isspace() and ord(letter) not in cmaps.get(char["fontname"], set())}
    assert not missing
    assert "完成年计划的97.2%" in text and "附件8" in text


def test_pdf_text_is_chinese_from_cjk_fonts(generated) -> None:  # type: ignore[no-untyped-def]
    with pdfplumber.open(generated.path("report.pdf")) as pdf:
        first = pdf.pages[0]
        fonts = {char["fontname"] for char in first.chars}
        assert "关于湘乡市2023年国民经济和社会发展计划" in (first.extract_text() or "").replace("\n", "")
    assert fonts and all("Fandol" in font or "CJK" in font for font in fonts)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[tuple[str, str]] = []
        self.urls: list[str] = []
        self._record: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("href", "src"):
            if values.get(key):
                self.urls.append(str(values[key]))
        if tag == "a" and values.get("class") == "n":
            self._record = values.get("data-record")

    def handle_data(self, data: str) -> None:
        if self._record is not None:
            self.records.append((self._record, data))
            self._record = None


def test_html_links_every_number_to_its_record(generated) -> None:  # type: ignore[no-untyped-def]
    html = generated.path("report.html").read_text(encoding="utf-8")
    links = _Links()
    links.feed(html)
    numbers = [num for num in generated.document.numbers() if num.ref is not None]
    assert len(links.records) == len(numbers)
    assert [(num.ref.record, num.text) for num in numbers] == links.records
    assert ('figure:', '428.3') in [(record.split(":")[0] + ":", text) for record, text in links.records]
    assert re.search(r'href="/indicator/430381/gdp/2023/#figure-\d+-r\d+"', html)


def test_html_has_no_outside_urls(generated) -> None:  # type: ignore[no-untyped-def]
    html = generated.path("report.html").read_text(encoding="utf-8")
    links = _Links()
    links.feed(html)
    assert all(url.startswith(("/", "data:image/png;base64,")) for url in links.urls)
    assert "http://" not in html and "https://" not in html and "url(" not in html


def test_attachments_print_on_landscape_pages(generated) -> None:  # type: ignore[no-untyped-def]
    with pdfplumber.open(generated.path("report.pdf")) as pdf:
        marks = {int(m.group(1)): page.width > page.height for page in pdf.pages
                 if (m := re.match(r"附件(\d)\n", page.extract_text() or ""))}
    assert marks == {number: True for number in range(1, 9)}


def test_attachment_1_keeps_targets_whole_and_states_its_basis_in_words(generated) -> None:  # type: ignore[no-untyped-def]
    """One line per target ("增长6.8%以上", never "增长/6.8%以/上") and no formula: the basis of 完成年计划
    is said in a note, in words."""
    with pdfplumber.open(generated.path("report.pdf")) as pdf:
        page = next(page for page in pdf.pages if (page.extract_text() or "").startswith("附件1\n"))
        text = page.extract_text()
    lines = text.split("\n")
    assert any("增长6.8%以上" in line for line in lines) and any("16.34亿元（调整后）" in line for line in lines)
    assert "÷" not in text and "指数比" not in text and "完成率依据" not in text and "尚未录入" not in text
    assert "地区生产总值、地方一般公共预算收入按全年预计数计算" in "".join(lines)


def test_every_link_of_a_number_opens_a_page_of_the_web_app(generated) -> None:  # type: ignore[no-untyped-def]
    from django.urls import resolve

    links = _Links()
    links.feed(generated.path("report.html").read_text(encoding="utf-8"))
    paths = {url.split("#")[0].split("?")[0] for url in links.urls if url.startswith("/")}
    assert paths
    for path in paths:
        resolve(path)  # raises Resolver404 for a link to nowhere

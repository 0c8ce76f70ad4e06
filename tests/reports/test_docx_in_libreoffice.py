"""The Word files as another word processor lays them out: LibreOffice prints the demo report and brief.

python-docx writes what Word reads; whether the page, the grid and the table cells come out as GB/T 9704 wants
is only seen when a word processor lays the file out. Before, LibreOffice printed the report on 252 pages
(3号 characters on two cells of a grid measured from an 11 pt default, table text spread to a cell a
character: "亿/元", "18./00") and the brief on four. LibreOffice (`soffice`, Debian's
libreoffice-writer-nogui, installed by scripts/system-deps) is the one this machine has; Word and WPS read the
same styles and grid.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pdfplumber
import pytest
from django.db import transaction

pytestmark = pytest.mark.django_db

# A unit, a header word or a number split over two lines of one cell.
SPLIT_PAIRS = ("亿元", "万元", "序号", "（%", "%）")
SPLIT_NUMBER = re.compile(r"[0-9.][0-9.%]")
PURE_CHINESE = re.compile(r"[\u4e00-\u9fff，。、；：“”（）《》！？]+")


def _to_pdf(docx: Path, folder: Path) -> Path:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice, Debian package libreoffice-writer-nogui) is not installed: "
                    "scripts/system-deps installs it")
    profile = folder / "profile"  # a profile of its own: another soffice running does not block this one
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(docx)], check=True, capture_output=True, timeout=300)
    return folder / docx.with_suffix(".pdf").name


@pytest.fixture(scope="module")
def report_pdf(generated, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    return _to_pdf(generated.path("report.docx"), tmp_path_factory.mktemp("lo-report"))


@pytest.fixture(scope="module")
def brief_pdf(django_db_setup, django_db_blocker, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    from devplan.demo.loader import load_demo
    from devplan.reports.brief import build_brief
    from devplan.reports.docx_render import render_docx

    folder = tmp_path_factory.mktemp("lo-brief")
    with django_db_blocker.unblock(), transaction.atomic():
        render_docx(build_brief(load_demo(), 2023, 11), folder / "brief.docx")
        transaction.set_rollback(True)
    return _to_pdf(folder / "brief.docx", folder)


def _pieces(page: pdfplumber.page.Page) -> list[tuple[str, float, float, float]]:
    """The table text of a page (5号; not the turned page number) in pieces: characters on one line without a
    gap, with their left and right edges and their top."""
    lines: dict[int, list[dict]] = {}  # type: ignore[type-arg]
    for char in page.chars:
        if char["size"] < 12 and char["upright"]:
            lines.setdefault(round(char["top"]), []).append(char)
    pieces = []
    for chars in lines.values():
        chars.sort(key=lambda char: char["x0"])
        piece = [chars[0]]
        for before, char in pairwise(chars):
            if char["x0"] - before["x1"] > 2:
                pieces.append(piece)
                piece = []
            piece.append(char)
        pieces.append(piece)
    return [("".join(c["text"] for c in piece), piece[0]["x0"], piece[-1]["x1"], piece[0]["top"]) for piece in pieces]


def split_in_cells(pdf_path: Path) -> list[tuple[int, str, str]]:
    """Every place where a cell's line ends inside a unit or number that its next line finishes ("亿" over
    "元", "18." over "00"): two pieces one under the other, no rule between them."""
    found = []
    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            pieces = _pieces(page)
            rules = [edge for edge in page.edges if edge["orientation"] == "h"]
            for text, left, right, top in pieces:
                for below, left2, right2, top2 in pieces:
                    if not (8 < top2 - top < 32 and left2 < right and left < right2):
                        continue
                    if any(top < rule["top"] < top2 and rule["x0"] < max(left, left2)
                           and min(right, right2) < rule["x1"] for rule in rules):
                        continue  # the next row
                    pair = text[-1] + below[0]
                    if pair in SPLIT_PAIRS or SPLIT_NUMBER.fullmatch(pair):
                        found.append((number, text, below))
    return found


def full_body_lines(pdf_path: Path) -> Counter[int]:
    """How many characters the full lines of 3号 Chinese hold (from margin to margin of a portrait page)."""
    counts: Counter[int] = Counter()
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            if page.width > page.height:
                continue
            lines: dict[int, list[dict]] = {}  # type: ignore[type-arg]
            for char in page.chars:
                if abs(char["size"] - 16) < 0.5:
                    lines.setdefault(round(char["top"]), []).append(char)
            for chars in lines.values():
                chars.sort(key=lambda char: char["x0"])
                text = "".join(char["text"] for char in chars)
                left, right = 28 / 25.4 * 72, (210 - 26) / 25.4 * 72
                if chars[0]["x0"] < left + 4 and chars[-1]["x1"] > right - 8 and PURE_CHINESE.fullmatch(text):
                    counts[len(text)] += 1
    return counts


def test_the_report_keeps_its_length_and_tables_in_libreoffice(report_pdf: Path, generated) -> None:  # type: ignore[no-untyped-def]
    with pdfplumber.open(report_pdf) as word, pdfplumber.open(generated.path("report.pdf")) as printed:
        assert abs(len(word.pages) - len(printed.pages)) <= 0.15 * len(printed.pages)
    assert split_in_cells(report_pdf) == []


def test_body_lines_hold_28_characters_in_libreoffice(report_pdf: Path) -> None:
    lines = full_body_lines(report_pdf)
    assert lines.total() > 150 and set(lines) <= {27, 28, 29}
    assert lines[28] >= 0.9 * lines.total()  # 27 where a line-start rule sends a character down


def test_the_brief_is_two_pages_in_libreoffice_with_its_date_on_one_line(brief_pdf: Path) -> None:
    with pdfplumber.open(brief_pdf) as pdf:
        assert len(pdf.pages) == 2
        office = next(line for line in pdf.pages[0].extract_text().splitlines() if "发展和改革局编" in line)
        assert re.search(r"\d{4} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日$", office), office
    assert split_in_cells(brief_pdf) == []


def test_landscape_pages_carry_their_number_turned_in_the_left_margin(report_pdf: Path) -> None:
    """Where a portrait page has it (GB/T 9704 §10.2), as the PDF does: before, python-docx's footer put it at
    the bottom of the turned page."""
    margin = 35 / 25.4 * 72
    with pdfplumber.open(report_pdf) as pdf:
        turned = [(number, page) for number, page in enumerate(pdf.pages, 1) if page.width > page.height]
        assert len(turned) >= 20
        for number, page in turned:
            digits = "".join(char["text"] for char in sorted(page.chars, key=lambda char: char["top"])
                             if char["x1"] < margin and not char["upright"] and char["text"].isdigit())
            assert digits == str(number), (number, digits)
            middle = page.height / 2
            tops = [char["top"] for char in page.chars if char["x1"] < margin and char["text"].isdigit()]
            assert (min(tops) > middle) if number % 2 else (max(tops) < middle), number  # odd low, even high
            assert not any(char["top"] > page.height - 26 / 25.4 * 72 for char in page.chars), number


def _fontconfig_with_the_projects_aliases(folder: Path) -> dict[str, str]:
    """An environment whose fontconfig is this machine's with `scripts/fonts/65-devplan-official-fonts.conf` in
    place of the installed copy (which `scripts/system-deps` updates only as root), and a cache of its own: a
    rule applied when fonts are scanned would not change the system's cache."""
    import os

    conf_d = folder / "conf.d"
    conf_d.mkdir()
    aliases = Path(__file__).resolve().parents[2] / "scripts" / "fonts" / "65-devplan-official-fonts.conf"
    for installed in Path("/etc/fonts/conf.d").iterdir():
        if installed.name != aliases.name:
            (conf_d / installed.name).symlink_to(installed)
    (conf_d / aliases.name).symlink_to(aliases)
    system = Path("/etc/fonts/fonts.conf").read_text()
    system = re.sub(r"<cachedir[^>]*>[^<]*</cachedir>", "", system).replace(">conf.d</include>", f">{conf_d}</include>")
    (folder / "fonts.conf").write_text(system.replace("</fontconfig>", f"<cachedir>{folder / 'cache'}</cachedir></fontconfig>"))
    return {**os.environ, "FONTCONFIG_FILE": str(folder / "fonts.conf")}


def test_the_title_is_set_in_the_bold_song_the_pdf_uses(tmp_path: Path) -> None:
    """Trial 18: the Word file names 方正小标宋简体; mapped by an alias to FandolSong, LibreOffice took its Regular
    face (FandolSong-Bold declares a regular weight), where the PDF draws the title in FandolSong-Bold."""
    from devplan.reports.content import Document, Title
    from devplan.reports.docx_render import render_docx

    if not Path("/etc/fonts/fonts.conf").exists() or shutil.which("soffice") is None:
        pytest.skip("fontconfig's /etc/fonts/fonts.conf or LibreOffice is missing")
    render_docx(Document("title", "关于湘乡市2023年计划执行情况的报告", "t", [Title("关于湘乡市2023年计划执行情况的报告")]),
                tmp_path / "title.docx")
    environment = _fontconfig_with_the_projects_aliases(tmp_path)
    subprocess.run([shutil.which("soffice") or "soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "title.docx")],
                   check=True, capture_output=True, timeout=300, env=environment)
    with pdfplumber.open(tmp_path / "title.pdf") as pdf:
        chars = pdf.pages[0].chars
    fonts = {char["fontname"].split("+")[-1] for char in chars if char["size"] > 20 and not char["text"].isascii()}
    assert fonts == {"FandolSong-Bold"}  # the page number stays in FandolSong (宋体)

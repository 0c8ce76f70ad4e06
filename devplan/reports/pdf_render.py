"""The content tree printed to PDF on the GB/T 9704 grid: 22 lines of 28 characters a page.

The page is the HTML of `html_render` with its body text set line by line by `typeset.py` (WeasyPrint would
leave Chinese lines ragged and stretch the spaces), numbers without their links (they lead into the web app
and mean nothing on paper; for hundreds of projects their link boxes cost a fifth of the time), and charts
sized to whole lines so the text after them stays on the grid. Tables, the attachments' pages and blocks
this module does not set itself are printed as the HTML page has them. A document whose attachments are long
is printed in two pieces at once (`pdf_pieces`).
"""

from __future__ import annotations

import base64
import functools
import io
import math
import re
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path

from devplan.reports import html_render
from devplan.reports.content import (
    Attachment,
    AttachmentList,
    Block,
    Byline,
    Chart,
    DashList,
    Document,
    Heading,
    Num,
    Paragraph,
    Run,
    Table,
    Title,
)
from devplan.reports.font_metrics import metrics
from devplan.reports.fonts import Role
from devplan.reports.pdf_pieces import cut, may_fork, print_apart, print_in_pieces
from devplan.reports.typeset import Line, Metrics, set_paragraph, units

BODY_PT = 16.0  # 3号
CAPTION_PT = 14.0  # 4号, print.css's figcaption
TITLE_PT = 22.0  # 2号
LINE_PT = 28.95  # 22 lines in the 225 mm type area
TEXT_WIDTH_PT = 156 / 25.4 * 72  # 442.2 pt
CHARS = 28
GRID_GAP = (TEXT_WIDTH_PT - CHARS * BODY_PT) / (CHARS - 1)  # −0.215 pt between characters on the grid
PITCH = BODY_PT + GRID_GAP
CHART_WIDTH_MM = 140
LANDSCAPE_WIDTH_PT = 225 / 25.4 * 72  # print.css's landscape page: 297 mm less margins of 37 and 35
CELL_PT = 10.5  # print.css: a table's text, 五号
CELL_INSET_PT = 2 * 3 + 0.5  # print.css: a cell's padding of 3pt a side and half of each 0.5pt border
PRINT_CSS = f"""
p.set, h2.set, div.set {{ text-indent: 0; text-align: left; font-kerning: none; }}
span.ln {{ display: block; white-space: pre; height: {LINE_PT}pt; line-height: {LINE_PT}pt; }}
div.set.centred span.ln {{ text-align: center; }}
h1.title.set span.ln {{ height: auto; line-height: 36pt; }}
figure.set {{ margin: 0; }}
figure.set figcaption {{ line-height: {LINE_PT}pt; }}
"""


def _fonts() -> dict[str, Metrics]:
    return {"body": metrics("body", BODY_PT), "lead": metrics("subheading", BODY_PT),
            "heading": metrics("heading", BODY_PT), "title": metrics("title", TITLE_PT)}


def _text(runs: Sequence[Run]) -> str:
    return "".join(run.text if isinstance(run, Num) else run for run in runs)


def _chunks(line: Line) -> list[tuple[str, str, float]]:
    """The line as (text, style, letter spacing) pieces: a squeezed mark closes up on its neighbour."""
    pieces: list[tuple[str, str, float]] = []
    glyphs = line.glyphs
    for index, glyph in enumerate(glyphs):
        spacing = line.spacing
        if glyph.squeeze and glyph.side == "right":
            spacing -= glyph.squeeze
        following = glyphs[index + 1] if index + 1 < len(glyphs) else None
        if following is not None and following.squeeze and following.side == "left":
            spacing -= following.squeeze
        if pieces and pieces[-1][1] == glyph.style and math.isclose(pieces[-1][2], spacing):
            pieces[-1] = (pieces[-1][0] + glyph.char, glyph.style, spacing)
        else:
            pieces.append((glyph.char, glyph.style, spacing))
    return pieces


def line_html(line: Line, base_style: str) -> str:
    inner = []
    for text, style, spacing in _chunks(line):
        classes = " lead" if style == "lead" and base_style != "lead" else ""
        extra = "" if math.isclose(spacing, line.spacing) else f' style="letter-spacing:{spacing:.4f}pt"'
        body = escape(text)
        inner.append(f'<span class="{classes.strip()}"{extra}>{body}</span>' if classes or extra else body)
    indent = f"padding-left:{line.indent:.3f}pt;" if line.indent else ""
    return f'<span class="ln" style="{indent}letter-spacing:{line.spacing:.4f}pt">{"".join(inner)}</span>'


def set_lines(runs: Sequence[tuple[str, str]], *, indent_chars: float = 2, hang: float = 0.0,
              style: str = "body") -> str:
    return _set_lines(tuple(runs), indent_chars, hang, style)


@functools.lru_cache(maxsize=4096)
def _set_lines(runs: tuple[tuple[str, str], ...], indent_chars: float, hang: float, style: str) -> str:
    """A paragraph's lines, set once per process (the fonts' metrics are read once per process too): a report
    built again for a new data version sets only the paragraphs whose text changed; the demo's body text
    takes about half a second to set in all."""
    fonts = _fonts()
    lines = set_paragraph(runs, fonts, TEXT_WIDTH_PT, grid=GRID_GAP, indent=indent_chars * PITCH, hang=hang)
    return "".join(line_html(line, style) for line in lines)


def title_lines(text: str) -> list[str]:
    """The title in as few lines as fit, broken at the unit boundary that best balances the lines and, other
    things near equal, before a word of `html_render.TITLE_BREAKS` ("…发展计划 / 执行情况与…")."""
    font = _fonts()["title"]
    pieces = [unit.text for unit in units([(text, "title")], {"title": font})]
    widths = [sum(font.advance(char) for char in piece) for piece in pieces]
    if sum(widths) <= TEXT_WIDTH_PT or len(pieces) < 2:
        return [text]
    best: tuple[float, int] | None = None
    for at in range(1, len(pieces)):
        first, second = sum(widths[:at]), sum(widths[at:])
        if max(first, second) > TEXT_WIDTH_PT:
            continue
        rest = "".join(pieces[at:])
        score = abs(first - second) + (0 if rest.startswith(html_render.TITLE_BREAKS) else 3 * TITLE_PT)
        if best is None or score < best[0]:
            best = (score, at)
    if best is None:  # three lines or more: fill each
        return [line.text for line in set_paragraph([(text, "title")], {"title": font}, TEXT_WIDTH_PT, grid=0)]
    return ["".join(pieces[:best[1]]), "".join(pieces[best[1]:])]


def centred_lines(text: str, role: Role, size: float) -> list[str]:
    """`text` set in lines that fit the type area, in `role`'s font at `size`, to stand centred (a byline, a
    chart's caption; a full line is spread to both margins): broken here, not by the browser, so the lines
    are counted and those after them keep to the grid."""
    lines = set_paragraph([(text, role)], {role: metrics(role, size)}, TEXT_WIDTH_PT, grid=0, em=size)
    return [line_html(line, role) for line in lines]


def _title(block: Title) -> str:
    lines = "".join(f'<span class="ln">{escape(line)}</span>' for line in title_lines(block.text))
    return f'<h1 class="title set">{lines}</h1>'


def _byline(block: Byline) -> str:
    lines = "".join(line for text in block.lines for line in centred_lines(text, "subheading", BODY_PT))
    return f'<div class="set centred lead byline">{lines}</div>'


def _paragraph(block: Paragraph) -> str:
    runs = ([(block.lead, "lead")] if block.lead else []) + [(_text(block.runs), "body")]
    return f'<p class="set">{set_lines(runs, indent_chars=2 if block.indent else 0)}</p>'


def _heading(block: Heading) -> str:
    style = "heading" if block.level == 1 else "lead"
    return f'<h2 class="set level-{block.level}">{set_lines([(_text(block.runs), style)], style=style)}</h2>'


def _attachment_list(block: AttachmentList) -> str:
    fonts = _fonts()["body"]
    lead = 2 * PITCH + sum(fonts.advance(char) + GRID_GAP for char in "附件：")
    parts = []
    for number, title in enumerate(block.titles, 1):
        prefix = f"附件：{number}. " if number == 1 else f"{number}. "
        hang = lead + sum(fonts.advance(char) + GRID_GAP for char in f"{number}. ")
        start = 2 if number == 1 else lead / PITCH
        parts.append(f'<p class="set">{set_lines([(prefix + title, "body")], indent_chars=start, hang=hang)}</p>')
    return f'<p class="set"><span class="ln"> </span></p><div class="attachment-list">{"".join(parts)}</div>'


def _chart(block: Chart) -> str:
    """The image and its caption on whole lines of the grid, so the text after them stays on it: a caption
    of two lines (an incomplete registry's "（按已登记项目计算，登记尚不完整）") takes two."""
    from PIL import Image

    with Image.open(io.BytesIO(block.png)) as image:
        width, height = image.size
    image_pt = CHART_WIDTH_MM / 25.4 * 72 * height / width
    caption_lines = centred_lines(block.caption, "body", CAPTION_PT)
    caption_pt = len(caption_lines) * LINE_PT
    lines = math.ceil((image_pt + caption_pt) / LINE_PT)
    pad = lines * LINE_PT - image_pt - caption_pt
    data = base64.b64encode(block.png).decode("ascii")
    caption = "".join(caption_lines)
    return (f'<figure class="set" style="height:{lines * LINE_PT:.2f}pt;padding-top:{pad:.2f}pt">'
            f'<img src="data:image/png;base64,{data}" alt="{escape(block.caption)}" style="height:{image_pt:.2f}pt">'
            f"<figcaption>{caption}</figcaption></figure>")


def _one_line(area_pt: float, text: str, share: float) -> bool:
    """Whether `text` stays on one line in a table cell taking `share` of the type area's width: measured in
    the wider of the body and heading fonts (a header or a 合计 row is in 黑体), a point to spare."""
    fonts = (metrics("body", CELL_PT), metrics("heading", CELL_PT))
    width = sum(max(font.advance(char) for font in fonts) for char in text)
    return width <= share * area_pt - CELL_INSET_PT - 1


def _table_html(block: Table | Attachment) -> str:
    landscape = isinstance(block, Attachment) and block.landscape
    area = LANDSCAPE_WIDTH_PT if landscape else TEXT_WIDTH_PT
    return html_render.block_html(block, linked=False, one_line=functools.partial(_one_line, area))


def block_pdf_html(block: Block) -> str:
    if isinstance(block, Title):
        return _title(block)
    if isinstance(block, Byline):
        return _byline(block)
    if isinstance(block, Paragraph):
        return _paragraph(block)
    if isinstance(block, Heading):
        return _heading(block)
    if isinstance(block, DashList):
        return "".join(f'<p class="set">{set_lines([("——" + _text(item), "body")])}</p>' for item in block.items)
    if isinstance(block, AttachmentList):
        return _attachment_list(block)
    if isinstance(block, Chart):
        return _chart(block)
    if isinstance(block, (Table, Attachment)):
        return _table_html(block)
    return html_render.block_html(block, linked=False)


def _page(title: str, body: Sequence[str], page_numbers: bool = True, author: str = "") -> str:
    """The page to print; WeasyPrint writes its title and author (`<meta name="author">`) into the PDF's
    properties, as the Word file has them."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f'<meta name="author" content="{escape(author)}">'
        f"<title>{escape(title)}</title><style>{html_render.stylesheet(page_numbers)}{PRINT_CSS}</style></head>"
        f'<body><article class="document">\n{"\n".join(body)}\n</article></body></html>\n'
    )


def render_pdf_html(document: Document) -> str:
    return _page(document.title, [block_pdf_html(block) for block in document.blocks], author=document.author)


# Below this many characters (about 0.3 s of layout) the attachments are laid out faster here than forking
# and binding take.
PIECE_MINIMUM = 3_000
TAG = re.compile(r"<[^>]*>")


def _weight(block: Block) -> int:
    """What laying a block out costs: about 0.1 ms per character it prints, body or table alike (measured on
    the demo; markup and a chart's image cost next to nothing). Counted on the block's plain HTML, which is
    quick to write, not on the typeset lines; a chart by its caption, so its image is not made here, before
    the PDF is cut (`Chart.png`)."""
    if isinstance(block, Chart):
        return len(block.caption)
    return len(TAG.sub("", html_render.block_html(block, linked=False)))


def write_pdf(document: Document, path: Path, *, pieces: bool = True,
              meanwhile: Callable[[], object] = lambda: None) -> None:
    """Print the document with WeasyPrint; the fonts it draws with are embedded (subset) in the PDF. With
    `pieces` it is laid out in child processes while this one does `meanwhile()` (the other files of the
    same build), in two pieces at once when its attachments are long (`pdf_pieces`); the body text is
    typeset here, where its lines are kept for the next build."""
    from devplan.reports.print_html import Page

    if not pieces or not may_fork():
        meanwhile()
        Page(string=render_pdf_html(document), base_url=str(path.parent)).write_pdf(str(path))
        return
    blocks = document.blocks
    at = cut([_weight(block) for block in blocks], [isinstance(block, Attachment) for block in blocks],
             PIECE_MINIMUM)
    if at is None:
        path.write_bytes(print_apart(lambda: render_pdf_html(document), meanwhile))
        return
    path.write_bytes(print_in_pieces(
        lambda: _page(document.title, [block_pdf_html(block) for block in blocks[:at]], page_numbers=False,
                      author=document.author),
        lambda: _page(document.title, [block_pdf_html(block) for block in blocks[at:]], page_numbers=False),
        html_render.stylesheet(), meanwhile))

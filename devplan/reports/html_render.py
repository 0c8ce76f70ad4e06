"""The content tree as one self-contained HTML page (styles and charts inline, no outside URLs), where every
number links to the record it came from; the same page, printed by WeasyPrint, is the PDF."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from html import escape
from importlib import resources

from devplan.reader.hits import QUANTITY_RE
from devplan.reader.units import UNIT_PATTERN
from devplan.reports import cell_words
from devplan.reports.content import (
    Attachment,
    AttachmentList,
    Block,
    Byline,
    Cell,
    Chart,
    DashList,
    Distribution,
    Document,
    Heading,
    Masthead,
    Num,
    PageBreak,
    Paragraph,
    Row,
    Run,
    Table,
    Title,
    plain,
)
from devplan.reports.fonts import css_family, installed_font


def _font_rules() -> str:
    """Each role's installed font (the official one, or its free stand-in) and weight."""
    title_weight = installed_font("title").css_weight
    number = css_family("number")
    corners = ("bottom-right", "bottom-left", "bottom-left-corner", "top-left-corner")
    return "\n".join([
        f"body {{ font-family: {css_family('body')}; }}",
        f"h1.title, h2.attachment-title, p.masthead-name {{ font-family: {css_family('title')}; font-weight: {title_weight}; }}",
        f"h2.level-1, p.mark, th, tr.total td {{ font-family: {css_family('heading')}; }}",
        f"h2.level-2, .lead, p.masthead-issue {{ font-family: {css_family('subheading')}; }}",
        "@page { " + " ".join(f"@{box} {{ font-family: {number}; }}" for box in corners) + " }",
    ])


def _css(name: str) -> str:
    return resources.files("devplan.reports").joinpath(f"static/reports/{name}").read_text("utf-8")


def stylesheet(page_numbers: bool = True) -> str:
    """The page's styles; without `page_numbers` for the pieces of a long PDF, numbered once bound."""
    numbers = "\n" + _css("page-numbers.css") if page_numbers else ""
    return _css("print.css") + numbers + "\n" + _font_rules()


# In the HTML file (and on paper in tables; typeset.py sets the body's lines) a number stays with its unit
# and a period with its months (`.nw` in print.css): "170.6亿元" and "1—9月" never break across lines.
_UNIT_AFTER = re.compile(rf"^{UNIT_PATTERN}(?:以上|以下|以内|左右)?")
_PROSE = re.compile(rf"(?P<quantity>{QUANTITY_RE.pattern})|(?P<period>\d{{1,2}}(?:—\d{{1,2}})?月)")
STATED = "材料所述：报告文字所写的数字，系统中没有对应的记录"


def number(num: Num, linked: bool = True) -> str:
    """A number linked to its record, with the record in a Chinese tooltip; unlinked for paper."""
    if num.ref is None or not linked:
        said = f' title="{escape(num.tooltip)}"' if num.tooltip else ""
        return escape(num.text) if not linked else f'<span class="n"{said}>{escape(num.text)}</span>'
    ref = num.ref
    href = f' href="{escape(ref.href)}"' if ref.href else ""
    return (f'<a class="n"{href} data-record="{escape(ref.record)}" '
            f'title="{escape(ref.label)}">{escape(num.text)}</a>')


def _prose(text: str) -> str:
    """Plain text of the HTML file: a number with a unit that no record backs (the narrative's own figure)
    says so in its tooltip, and numbers and periods keep together."""
    out, position = [], 0
    for match in _PROSE.finditer(text):
        out.append(escape(text[position:match.start()]))
        said = escape(match.group(0))
        # Only figures in digits: "四个十大", "一批" are words, not numbers a reader would look up.
        stated = match.group("quantity") and match.group("num")[0].isdigit()
        out.append(f'<span class="n stated nw" title="{STATED}">{said}</span>' if stated
                   else f'<span class="nw">{said}</span>')
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


def runs(items: list[Run], linked: bool = True) -> str:
    if not linked:
        return "".join(number(run, False) if isinstance(run, Num) else escape(run) for run in items)
    out: list[str] = []
    rest = ""  # what is left of a text run after the unit that went with the number before it
    for index, run in enumerate(items):
        if isinstance(run, str):
            out.append(_prose(rest if index and isinstance(items[index - 1], Num) else run))
            continue
        following = items[index + 1] if index + 1 < len(items) else ""
        following = following if isinstance(following, str) else ""
        unit = _UNIT_AFTER.match(following)
        rest = following[unit.end():] if unit else following
        out.append(f'<span class="nw">{number(run)}{escape(unit.group(0))}</span>' if unit else number(run))
    return "".join(out)


def keep_words(text: str) -> str:
    """The text of a table cell or header, escaped, each of its words on one line (`cell_words`)."""
    return "".join(f'<span class="nw">{escape(piece)}</span>' if word else escape(piece)
                   for piece, word in cell_words.pieces(text))


# On paper, whether a text stays on one line in a column of this share of its table's width (the PDF knows
# the widths and the fonts; a browser's window does not).
OneLine = Callable[[str, float], bool]


def _words(text: str, share: float, one_line: OneLine | None) -> str:
    """`keep_words`, or the text alone where it stays on one line anyway: a word span there keeps nothing
    together and costs WeasyPrint a box to lay out and draw (in all, about a sixth of the attachments'
    layout)."""
    return escape(text) if one_line is not None and one_line(text, share) else keep_words(text)


def _cell(cell: Cell, linked: bool, share: float, one_line: OneLine | None) -> str:
    if cell is None:
        return "<td></td>"
    if isinstance(cell, Num):
        return f'<td class="num">{number(cell, linked)}</td>'
    if isinstance(cell, str) or not linked:  # on paper a number and its unit are one word
        return f"<td>{_words(cell if isinstance(cell, str) else plain(cell), share, one_line)}</td>"
    return f"<td>{runs(cell, linked)}</td>"


def _row(row: Row, shares: list[float], linked: bool, one_line: OneLine | None) -> str:
    if row.kind == "note":
        return f'<tr class="note"><td colspan="{len(shares)}">{keep_words(str(row.cells[0]))}</td></tr>'
    cells = "".join(_cell(cell, linked, share, one_line) for cell, share in zip(row.cells, shares, strict=True))
    return f'<tr class="{row.kind}">{cells}</tr>'


def table(block: Table, linked: bool = True, one_line: OneLine | None = None) -> str:
    if not block.rows:
        return f'<p class="table-note">{keep_words(block.note)}</p>'
    total = sum(column.width for column in block.columns)
    percents = [f"{column.width * 100 / total:.1f}" for column in block.columns]
    shares = [float(percent) / 100 for percent in percents]
    widths = "".join(f'<col style="width: {percent}%">' for percent in percents)
    head = "".join(f"<th>{_words(block.caption(column), share, one_line)}</th>"
                   for column, share in zip(block.columns, shares, strict=True))
    body = "".join(_row(row, shares, linked, one_line) for row in block.rows)
    # A note, like a cell, keeps a number with its unit ("201.8亿元" never breaks after "亿").
    note = f'<p class="table-note">{keep_words(block.note)}</p>' if block.note else ""
    unit = f'<p class="table-unit">单位：{escape(block.unit)}</p>' if block.unit else ""
    return f"{unit}<table><colgroup>{widths}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}"


def _chart(block: Chart) -> str:
    data = base64.b64encode(block.png).decode("ascii")
    caption = escape(block.caption)
    return f'<figure><img src="data:image/png;base64,{data}" alt="{caption}"><figcaption>{caption}</figcaption></figure>'


def _attachment_list(block: AttachmentList) -> str:
    lines = [f'<p class="attachments-more">{number}. {escape(title)}</p>'
             for number, title in enumerate(block.titles, 1)]
    if lines:
        lines[0] = f"<p>附件：1. {escape(block.titles[0])}</p>"
    return f'<p>&nbsp;</p><div class="attachment-list">{"".join(lines)}</div>'


# Where a title reads best broken (梯形/菱形 lines that keep phrases whole): before these words.
TITLE_BREAKS = ("执行情况", "与", "的报告", "计划（草案）", "（草案）")


def title_breaks(text: str) -> str:
    """The title for a screen of any width: broken only before a word of `TITLE_BREAKS` (print.css keeps the
    rest whole), never inside a word as a browser would ("计划执/行情况")."""
    pattern = "|".join(re.escape(word) for word in TITLE_BREAKS)
    return re.sub(f"(?<=.)(?={pattern})", "<wbr>", escape(text))


def _attachment(block: Attachment, linked: bool, one_line: OneLine | None) -> str:
    kind = "attachment landscape" if block.landscape else "attachment"
    return (f'<section class="{kind}" id="attachment-{block.number}"><p class="mark">附件{block.number}</p>'
            f'<p class="flush">&nbsp;</p><h2 class="attachment-title">{escape(block.table.title)}</h2>'
            f"{table(block.table, linked, one_line)}</section>")


def block_html(block: Block, linked: bool = True, one_line: OneLine | None = None) -> str:
    """One block as HTML; `linked` False leaves numbers unlinked (the PDF); `one_line` (paper) spares the
    word spans of table cells that stay on one line."""
    if isinstance(block, Title):
        return f'<h1 class="title">{title_breaks(block.text)}</h1>'
    if isinstance(block, Byline):
        return '<div class="byline lead">' + "".join(f"<p>{escape(line)}</p>" for line in block.lines) + "</div>"
    if isinstance(block, Heading):
        return f'<h2 class="level-{block.level}">{runs(block.runs, linked)}</h2>'
    if isinstance(block, Paragraph):
        lead = f'<span class="lead">{escape(block.lead)}</span>' if block.lead else ""
        return f'<p{"" if block.indent else " class=\"flush\""}>{lead}{runs(block.runs, linked)}</p>'
    if isinstance(block, DashList):
        return "".join(f"<p>——{runs(item, linked)}</p>" for item in block.items)
    if isinstance(block, Chart):
        return _chart(block)
    if isinstance(block, Table):
        return table(block, linked, one_line)
    if isinstance(block, AttachmentList):
        return _attachment_list(block)
    if isinstance(block, Attachment):
        return _attachment(block, linked, one_line)
    if isinstance(block, PageBreak):
        return '<div class="page-break"></div>'
    if isinstance(block, Masthead):
        return (f'<header class="masthead"><p class="masthead-name">{escape(block.name)}</p>'
                f'<p class="masthead-issue">{escape(block.issue)}</p><table class="masthead-line"><tr>'
                f'<td>{escape(block.office)}</td><td class="date">{escape(block.date)}</td></tr></table></header>')
    if isinstance(block, Distribution):
        return '<footer class="distribution">' + "".join(f"<p>{escape(line)}</p>" for line in block.lines) + "</footer>"
    raise TypeError(f"unknown block {block!r}")


def render_html(document: Document, site_url: str = "") -> str:
    """The page; with `site_url` (the web app's address) the numbers' links lead to the web app from a copy
    opened anywhere, without it they are from the site's root."""
    body = "\n".join(block_html(block) for block in document.blocks)
    if site_url:
        body = body.replace(' href="/', f' href="{escape(site_url.rstrip("/"))}/')
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(document.title)}</title><style>{stylesheet()}</style></head>"
        f'<body><article class="document">\n{body}\n</article></body></html>\n'
    )

"""The content tree as one self-contained HTML page (styles and charts inline, no outside URLs), where every
number links to the record it came from; the same page, printed by WeasyPrint, is the PDF."""

from __future__ import annotations

import base64
from html import escape
from importlib import resources

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


def number(num: Num, linked: bool = True) -> str:
    """A number linked to its record, with the record in a Chinese tooltip; unlinked for paper."""
    if num.ref is None or not linked:
        return escape(num.text) if not linked else f'<span class="n">{escape(num.text)}</span>'
    ref = num.ref
    href = f' href="{escape(ref.href)}"' if ref.href else ""
    return (f'<a class="n"{href} data-record="{escape(ref.record)}" '
            f'title="{escape(ref.label)}">{escape(num.text)}</a>')


def runs(items: list[Run], linked: bool = True) -> str:
    return "".join(number(run, linked) if isinstance(run, Num) else escape(run) for run in items)


def _cell(cell: Cell, linked: bool) -> str:
    if cell is None:
        return "<td></td>"
    if isinstance(cell, Num):
        return f'<td class="num">{number(cell, linked)}</td>'
    return f"<td>{escape(cell) if isinstance(cell, str) else runs(cell, linked)}</td>"


def _row(row: Row, width: int, linked: bool) -> str:
    if row.kind == "note":
        return f'<tr class="note"><td colspan="{width}">{escape(str(row.cells[0]))}</td></tr>'
    return f'<tr class="{row.kind}">' + "".join(_cell(cell, linked) for cell in row.cells) + "</tr>"


def table(block: Table, linked: bool = True) -> str:
    total = sum(column.width for column in block.columns)
    widths = "".join(f'<col style="width: {column.width * 100 / total:.1f}%">' for column in block.columns)
    head = "".join(f"<th>{escape(block.caption(column))}</th>" for column in block.columns)
    body = "".join(_row(row, len(block.columns), linked) for row in block.rows)
    note = f'<p class="table-note">{escape(block.note)}</p>' if block.note else ""
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
    return "<p>&nbsp;</p>" + "".join(lines)


def _attachment(block: Attachment, linked: bool) -> str:
    kind = "attachment landscape" if block.landscape else "attachment"
    return (f'<section class="{kind}" id="attachment-{block.number}"><p class="mark">附件{block.number}</p>'
            f'<p class="flush">&nbsp;</p><h2 class="attachment-title">{escape(block.table.title)}</h2>'
            f"{table(block.table, linked)}</section>")


def block_html(block: Block, linked: bool = True) -> str:
    """One block as HTML; `linked` False leaves numbers unlinked (the PDF)."""
    if isinstance(block, Title):
        return f'<h1 class="title">{escape(block.text)}</h1>'
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
        return table(block, linked)
    if isinstance(block, AttachmentList):
        return _attachment_list(block)
    if isinstance(block, Attachment):
        return _attachment(block, linked)
    if isinstance(block, PageBreak):
        return '<div class="page-break"></div>'
    if isinstance(block, Masthead):
        return (f'<header class="masthead"><p class="masthead-name">{escape(block.name)}</p>'
                f'<p class="masthead-issue">{escape(block.issue)}</p><table class="masthead-line"><tr>'
                f'<td>{escape(block.office)}</td><td class="date">{escape(block.date)}</td></tr></table></header>')
    if isinstance(block, Distribution):
        return '<footer class="distribution">' + "".join(f"<p>{escape(line)}</p>" for line in block.lines) + "</footer>"
    raise TypeError(f"unknown block {block!r}")


def render_html(document: Document) -> str:
    body = "\n".join(block_html(block) for block in document.blocks)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(document.title)}</title><style>{stylesheet()}</style></head>"
        f'<body><article class="document">\n{body}\n</article></body></html>\n'
    )

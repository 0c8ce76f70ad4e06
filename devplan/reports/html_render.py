"""The content tree as one self-contained HTML page (styles and charts inline, no outside URLs), where every
number links to the record it came from; the same page, printed by WeasyPrint, is the PDF."""

from __future__ import annotations

import base64
import re
from html import escape
from importlib import resources
from pathlib import Path

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
)
from devplan.reports.fonts import css_family


def _font_rules() -> str:
    body, title = css_family("body"), css_family("title")
    heading, subheading = css_family("heading"), css_family("subheading")
    page_number = f'"宋体", {body}'
    return "\n".join([
        f"body {{ font-family: {body}; }}",
        f"h1.title, h2.attachment-title {{ font-family: {title}; }}",
        f"h2.level-1, p.mark, th, tr.total td {{ font-family: {heading}; }}",
        f"h2.level-2, .lead {{ font-family: {subheading}; }}",
        f"@page {{ @bottom-right {{ font-family: {page_number}; }} @bottom-left {{ font-family: {page_number}; }} }}",
    ])


def stylesheet() -> str:
    css = resources.files("devplan.reports").joinpath("static/reports/print.css").read_text("utf-8")
    return css + "\n" + _font_rules()


def number(num: Num) -> str:
    if num.ref is None:
        return f'<span class="n">{escape(num.text)}</span>'
    ref = num.ref
    href = f' href="{escape(ref.href)}"' if ref.href else ""
    return (f'<a class="n"{href} data-record="{escape(ref.record)}" '
            f'title="{escape(ref.label)}">{escape(num.text)}</a>')


def runs(items: list[Run]) -> str:
    return "".join(number(run) if isinstance(run, Num) else escape(run) for run in items)


def _cell(cell: Cell) -> str:
    if cell is None:
        return "<td></td>"
    if isinstance(cell, Num):
        return f'<td class="num">{number(cell)}</td>'
    return f"<td>{escape(cell) if isinstance(cell, str) else runs(cell)}</td>"


def _row(row: Row, width: int) -> str:
    if row.kind == "note":
        return f'<tr class="note"><td colspan="{width}">{escape(str(row.cells[0]))}</td></tr>'
    return f'<tr class="{row.kind}">' + "".join(_cell(cell) for cell in row.cells) + "</tr>"


def table(block: Table) -> str:
    total = sum(column.width for column in block.columns)
    widths = "".join(f'<col style="width: {column.width * 100 / total:.1f}%">' for column in block.columns)
    head = "".join(f"<th>{escape(column.caption)}</th>" for column in block.columns)
    body = "".join(_row(row, len(block.columns)) for row in block.rows)
    note = f'<p class="table-note">{escape(block.note)}</p>' if block.note else ""
    return f"<table><colgroup>{widths}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}"


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


def _attachment(block: Attachment) -> str:
    kind = "attachment landscape" if block.landscape else "attachment"
    return (f'<section class="{kind}" id="attachment-{block.number}"><p class="mark">附件{block.number}</p>'
            f'<p class="flush">&nbsp;</p><h2 class="attachment-title">{escape(block.table.title)}</h2>'
            f"{table(block.table)}</section>")


def block_html(block: Block) -> str:
    if isinstance(block, Title):
        return f'<h1 class="title">{escape(block.text)}</h1>'
    if isinstance(block, Heading):
        return f'<h2 class="level-{block.level}">{runs(block.runs)}</h2>'
    if isinstance(block, Paragraph):
        lead = f'<span class="lead">{escape(block.lead)}</span>' if block.lead else ""
        return f'<p{"" if block.indent else " class=\"flush\""}>{lead}{runs(block.runs)}</p>'
    if isinstance(block, DashList):
        return "".join(f"<p>——{runs(item)}</p>" for item in block.items)
    if isinstance(block, Chart):
        return _chart(block)
    if isinstance(block, Table):
        return table(block)
    if isinstance(block, AttachmentList):
        return _attachment_list(block)
    if isinstance(block, Attachment):
        return _attachment(block)
    if isinstance(block, PageBreak):
        return '<div class="page-break"></div>'
    raise TypeError(f"unknown block {block!r}")


def render_html(document: Document) -> str:
    body = "\n".join(block_html(block) for block in document.blocks)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(document.title)}</title><style>{stylesheet()}</style></head>"
        f'<body><article class="document">\n{body}\n</article></body></html>\n'
    )


# A number's link to its record, as `number` writes it; the text inside is already escaped.
NUMBER_LINK = re.compile(r'<a class="n" [^>]*>([^<]*)</a>')


def write_pdf(html: str, path: Path) -> None:
    """Print the page with WeasyPrint; the fonts it draws with are embedded (subset) in the PDF.

    The numbers' links to their records are dropped first: they lead into the web app and mean nothing on
    paper, and the thousands of them in a region with hundreds of projects cost WeasyPrint a fifth of its
    time (an inline box and a PDF link annotation each). The text printed is the same."""
    from weasyprint import HTML

    HTML(string=NUMBER_LINK.sub(r"\1", html), base_url=str(path.parent)).write_pdf(str(path))

"""Corpus reports printed to PDF and read back: the reader must join the lines the page layout broke, so
the PDF gives the facts and findings the text gives.

Each report is set with WeasyPrint in three layouts — justified with a first-line indent (as reports are
printed), flush left with space between paragraphs, and ragged right with an indent — and audited from
the PDF and from its text; a fact is the same when its text, subject, measure, period, value and unit are."""

from __future__ import annotations

import html
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from bench.audit_eval.corpus import CORPUS
from devplan.reader import AuditResult, audit_file, audit_text

LAYOUTS = {
    "indented": "p{text-indent:2em;margin:0;text-align:justify}",
    "flush": "p{text-indent:0;margin:0 0 0.6em 0;text-align:justify}",
    "ragged": "p{text-indent:2em;margin:0;text-align:left}",
}
_PAGE = ("@page{size:A4;margin:2.5cm 2.2cm;@bottom-center{content:'— ' counter(page) ' —'}}"
         "body{font-family:'Noto Serif CJK SC',FandolSong,serif;font-size:15pt;line-height:1.6}")


def _paragraphs(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _print(paragraphs: list[str], layout: str, out: Path) -> None:
    import weasyprint

    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    page = f"<html><head><meta charset='utf-8'><style>{_PAGE}{LAYOUTS[layout]}</style></head><body>{body}</body></html>"
    weasyprint.HTML(string=page).write_pdf(out)


def _facts(result: AuditResult) -> Counter[tuple[object, ...]]:
    # The printer writes a no-break space as a space.
    return Counter((f.text.replace("\xa0", " "), f.subject, f.measure, f.period_label(), f.value, f.unit) for f in result.facts)


def _findings(result: AuditResult) -> Counter[tuple[str, str, str]]:
    return Counter((f.check, f.severity, f.message.replace("\xa0", " ")) for f in result.findings)


def pdf_report(names: Iterable[str]) -> list[str]:
    lines = ["layout     reports  facts (text)  lost  extra  findings (text)  differ"]
    details = []
    with tempfile.TemporaryDirectory() as tmp:
        for layout in LAYOUTS:
            totals = Counter[str]()
            for name in names:
                path = CORPUS / f"{name}.txt"
                paragraphs = _paragraphs(path)
                out = Path(tmp) / f"{name}.{layout}.pdf"
                _print(paragraphs, layout, out)
                text, printed = audit_text("\n".join(paragraphs) + "\n", path.name), audit_file(out)
                lost, extra = _facts(text) - _facts(printed), _facts(printed) - _facts(text)
                differ = (_findings(text) - _findings(printed)) + (_findings(printed) - _findings(text))
                totals.update(reports=1, facts=len(text.facts), lost=sum(lost.values()), extra=sum(extra.values()),
                              findings=len(text.findings), differ=sum(differ.values()))
                details += [f"  {name} [{layout}] lost {fact[0]}" for fact in lost]
                details += [f"  {name} [{layout}] extra {fact[0]}" for fact in extra]
            lines.append(f"{layout:<10} {totals['reports']:>7} {totals['facts']:>13} {totals['lost']:>5} {totals['extra']:>6}"
                         f" {totals['findings']:>16} {totals['differ']:>7}")
    return lines + details

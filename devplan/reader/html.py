"""The audit as one self-contained HTML page: the text with every fact highlighted, and findings
linked to their facts. Inline CSS only; the page loads nothing from anywhere."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from devplan.reader.audit import AuditResult
from devplan.reader.findings import ERROR, INFO, RULES, WARNING
from devplan.reader.render import SEVERITY_NAMES, fact_label, ordered, summary_line

_CSS = """
body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun",serif;margin:0;color:#222;background:#fafafa}
header{padding:1em 2em;background:#24435f;color:#fff}
header h1{font-size:1.3em;margin:0 0 .3em}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5em;padding:1.5em 2em}
.doc{white-space:pre-wrap;line-height:1.9;background:#fff;padding:1em 1.5em;border:1px solid #ddd}
mark{background:#e6f0fa;border-bottom:2px solid #7aa7d6;padding:0 1px;color:inherit}
mark.error{background:#fde2e1;border-bottom-color:#c62828}
mark.warning{background:#fff1d6;border-bottom-color:#e09000}
mark:target{outline:3px solid #24435f}
.findings{position:sticky;top:0;max-height:100vh;overflow:auto}
.finding{background:#fff;border:1px solid #ddd;border-left:6px solid #7aa7d6;margin:0 0 .8em;padding:.6em .9em}
.finding.error{border-left-color:#c62828}.finding.warning{border-left-color:#e09000}
.finding h3{font-size:1em;margin:0 0 .3em}.finding p{margin:.2em 0}
.arith{font-family:monospace;color:#444}
.sev{font-weight:bold}.sev.error{color:#c62828}.sev.warning{color:#b36b00}.sev.info{color:#2e6da4}
a{color:#24435f}
"""


def render_html(result: AuditResult, text: str) -> str:
    """The page for `result`, whose facts index into `text`."""
    by_fact: dict[int, list[int]] = defaultdict(list)
    for number, finding in enumerate(result.findings):
        for index in finding.facts:
            by_fact[index].append(number)
    worst: dict[int, str] = {}
    for finding in result.findings:
        for index in finding.facts:
            if finding.severity == ERROR or (finding.severity == WARNING and worst.get(index) != ERROR):
                worst[index] = finding.severity
    pieces: list[str] = []
    position = 0
    for fact in sorted(result.facts, key=lambda f: f.start):
        if fact.start < position:
            continue
        pieces.append(escape(text[position : fact.start]))
        links = " ".join(f"发现{n + 1}" for n in by_fact.get(fact.index, []))
        title = fact_label(fact) + (f" · {links}" if links else "")
        css = worst.get(fact.index, "")
        pieces.append(
            f'<mark id="f{fact.index}" class="{css}" title="{escape(title)}">{escape(text[fact.start : fact.end])}</mark>'
        )
        position = fact.end
    pieces.append(escape(text[position:]))
    cards = []
    numbers = {id(f): n for n, f in enumerate(result.findings)}
    for finding in ordered(result.findings):
        number = numbers[id(finding)] + 1
        links = "、".join(
            f'<a href="#f{i}">{escape(fact_label(result.facts[i]))}</a>' for i in finding.facts if 0 <= i < len(result.facts)
        )
        arithmetic = f'<p class="arith">{escape(finding.arithmetic)}</p>' if finding.arithmetic else ""
        cards.append(
            f'<section class="finding {finding.severity}" id="x{number}">'
            f'<h3><span class="sev {finding.severity}">{SEVERITY_NAMES[finding.severity]}</span> '
            f"发现{number}：{escape(RULES[finding.check].title)}</h3>"
            f"<p>{escape(finding.message)}</p>{arithmetic}<p>涉及：{links}</p></section>"
        )
    counts = result.counts()
    legend = f"错误 {counts[ERROR]} · 警告 {counts[WARNING]} · 说明 {counts[INFO]}"
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>审核：{escape(result.source)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>计划报告数字审核</h1><div>{escape(summary_line(result))}</div><div>{legend}</div></header>"
        f'<main><div class="doc">{"".join(pieces)}</div>'
        f'<div class="findings"><h2>审核发现</h2>{"".join(cards) or "<p>（无）</p>"}</div></main>'
        "</body></html>\n"
    )

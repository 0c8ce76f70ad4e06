"""The audit as a readable Chinese report: findings first (sentence, finding, arithmetic), then facts."""

from __future__ import annotations

from devplan.reader.audit import AuditResult
from devplan.reader.checks.common import plain
from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, RULES, WARNING, Finding
from devplan.reader.segments import unwrapped

MEASURE_NAMES = {
    "target": "目标", "actual": "实绩", "estimate": "预计", "growth": "增速", "change": "增减",
    "completion": "完成率", "share": "比重", "rank": "位次",
}
SEVERITY_NAMES = {ERROR: "错误", WARNING: "警告", INFO: "说明"}
_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}
_SENTENCE_WIDTH = 160


def summary_line(result: AuditResult) -> str:
    counts = result.counts()
    return (
        f"{result.source}：找到 {len(result.facts)} 个数字；发现 {counts[ERROR]} 个错误、"
        f"{counts[WARNING]} 个警告、{counts[INFO]} 条说明。"
    )


def fact_label(fact: Fact) -> str:
    """'#12 目标 地区生产总值 617亿元以上 (2023-01/2023-12)'."""
    value = f"第{plain(fact.value)}" if fact.measure == "rank" else f"{plain(fact.value)}{fact.unit or ''}"
    qualifier = fact.qualifier or ""
    period = f" ({fact.period_label()})" if fact.period_label() else ""
    return f"#{fact.index} {MEASURE_NAMES[fact.measure]} {fact.subject or '—'} {value}{qualifier}{period}"


def _sentence(text: str | None) -> str:
    text = (text or "").strip()
    return text if len(text) <= _SENTENCE_WIDTH else text[: _SENTENCE_WIDTH - 1] + "…"


def ordered(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: _ORDER[f.severity])


def render_text(result: AuditResult, show_info: bool = True) -> str:
    """The whole report as text; `show_info=False` leaves out findings that are only notes."""
    lines = [summary_line(result), "", "一、审核发现"]
    shown = [f for f in ordered(result.findings) if show_info or f.severity != INFO]
    if not shown:
        lines.append("  （无）")
    for finding in shown:
        rule = RULES[finding.check]
        lines.append(f"[{SEVERITY_NAMES[finding.severity]}] {rule.title}（{finding.check}）")
        if finding.sentence:
            lines.append(f"  原句：{_sentence(finding.sentence)}")
        lines.append(f"  发现：{finding.message}")
        if finding.arithmetic:
            lines.append(f"  算式：{finding.arithmetic}")
        involved = "；".join(fact_label(result.facts[i]) for i in finding.facts if 0 <= i < len(result.facts))
        lines.append(f"  涉及：{involved}")
        lines.append("")
    lines.append("二、找到的数字")
    lines.extend(f"  {fact_label(fact)}  «{unwrapped(fact.text)}»" for fact in result.facts)
    return "\n".join(lines) + "\n"

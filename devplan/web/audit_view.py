"""The uploaded report as the audit page shows it: the text cut into plain stretches and highlighted facts,
each fact carrying the worst severity of the findings that cite it."""

from __future__ import annotations

from dataclasses import dataclass

from devplan.reader.audit import AuditResult
from devplan.reader.facts import Fact
from devplan.reader.findings import Finding

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_WORDS = {"error": "错误", "warning": "警告", "info": "说明"}


@dataclass(frozen=True)
class Stretch:
    text: str
    fact: Fact | None = None
    index: int | None = None
    severity: str = ""


def _worst(result: AuditResult) -> dict[int, str]:
    worst: dict[int, str] = {}
    for finding in result.findings:
        for index in finding.facts:
            current = worst.get(index)
            if current is None or SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[current]:
                worst[index] = finding.severity
    return worst


def stretches(result: AuditResult, text: str) -> list[Stretch]:
    """The whole text in order; overlapping facts keep the first."""
    worst = _worst(result)
    pieces: list[Stretch] = []
    position = 0
    for index, fact in sorted(enumerate(result.facts), key=lambda item: item[1].start):
        if fact.start < position:
            continue
        if fact.start > position:
            pieces.append(Stretch(text[position:fact.start]))
        pieces.append(Stretch(text[fact.start:fact.end], fact, index, worst.get(index, "")))
        position = fact.end
    if position < len(text):
        pieces.append(Stretch(text[position:]))
    return pieces


def ordered_findings(result: AuditResult) -> list[tuple[int, Finding]]:
    """Findings numbered as in `devplan audit --json`, errors first."""
    return sorted(enumerate(result.findings), key=lambda item: SEVERITY_ORDER[item[1].severity])

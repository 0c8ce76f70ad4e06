"""Every rule the auditor applies is documented in docs/audit.md, and every finding names a known rule."""

from __future__ import annotations

from pathlib import Path

from devplan.reader import RULES, AuditResult

DOC = Path(__file__).resolve().parents[2] / "docs" / "audit.md"


def test_every_rule_is_in_the_docs() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert [name for name in RULES if f"`{name}`" not in text] == []


def test_findings_use_known_rules_and_severities(seed_result: AuditResult) -> None:
    assert {f.check for f in seed_result.findings} <= set(RULES)
    assert {f.severity for f in seed_result.findings} <= {"error", "warning", "info"}

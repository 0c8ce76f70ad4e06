"""Our own corpus of report-style paragraphs: expected facts and findings, and a planted error per check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from devplan.reader import audit_text
from tests.reader.conftest import find_fact

CORPUS = json.loads((Path(__file__).parent / "corpus" / "paragraphs.json").read_text(encoding="utf-8"))["paragraphs"]
PLANTED = [(p, planted) for p in CORPUS for planted in p["planted"]]


def _id(item: Any) -> str:
    return item["name"] if isinstance(item, dict) and "name" in item else ""


def test_corpus_has_at_least_fifteen_paragraphs() -> None:
    assert len(CORPUS) >= 15


@pytest.mark.parametrize("paragraph", CORPUS, ids=_id)
def test_paragraph_yields_its_facts(paragraph: dict[str, Any]) -> None:
    result = audit_text(paragraph["text"])
    assert [e for e in paragraph["facts"] if find_fact(result.facts, e) is None] == []


@pytest.mark.parametrize("paragraph", CORPUS, ids=_id)
def test_paragraph_gets_its_findings_and_no_false_error(paragraph: dict[str, Any]) -> None:
    result = audit_text(paragraph["text"])
    made = {(f.check, f.severity) for f in result.findings}
    assert [e for e in paragraph["findings"] if (e["check"], e["severity"]) not in made] == []
    assert [f.message for f in result.findings if f.severity == "error"] == []


@pytest.mark.parametrize(("paragraph", "planted"), PLANTED, ids=[f"{p['name']}: {x['replace'][1]}" for p, x in PLANTED])
def test_planted_error_is_caught(paragraph: dict[str, Any], planted: dict[str, Any]) -> None:
    old, new = planted["replace"]
    assert old in paragraph["text"]
    result = audit_text(paragraph["text"].replace(old, new))
    assert (planted["check"], planted["severity"]) in {(f.check, f.severity) for f in result.findings}


def test_every_rule_that_can_fail_has_a_planted_variant() -> None:
    planted_checks = {x["check"] for _, x in PLANTED}
    failing_rules = {
        "parts_total", "part_exceeds_whole", "completion_level_target", "completion_growth_target",
        "completion_investment", "share_levels", "structure_ratio_sum", "implied_base_not_whole",
        "growth_levels", "target_below_last_year",
    }
    assert failing_rules <= planted_checks

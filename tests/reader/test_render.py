"""Output: the JSON of the contract, the readable report, and a self-contained HTML page."""

from __future__ import annotations

import json
import re

from devplan.reader import AuditResult, audit_text, render_html, render_text

TEXT = "2023年,全市完成科技型中小企业入库254家,同比增长33.9%。"
CONTRACT_FACT_KEYS = {"text", "start", "end", "subject", "indicator", "measure", "period", "value", "unit", "qualifier"}
CONTRACT_FINDING_KEYS = {"check", "severity", "message", "facts", "stated", "computed"}


def test_json_has_the_contract_keys_and_numbers_as_numbers() -> None:
    data = json.loads(audit_text(TEXT, source="t.txt").to_json_text())
    assert data["source"] == "t.txt"
    assert all(set(fact) >= CONTRACT_FACT_KEYS for fact in data["facts"])
    assert all(set(finding) >= CONTRACT_FINDING_KEYS for finding in data["findings"])
    (finding,) = data["findings"]
    assert finding == {
        **finding,
        "check": "implied_base_not_whole", "severity": "warning", "facts": [0, 1], "stated": 33.9, "computed": 33.7,
    }
    assert data["facts"][0]["value"] == 254 and isinstance(data["facts"][0]["value"], int)


def test_measures_are_the_contract_ones(seed_result: AuditResult) -> None:
    allowed = {"target", "actual", "estimate", "growth", "change", "completion", "share", "rank"}
    assert {f.measure for f in seed_result.facts} <= allowed


def test_text_report_shows_sentence_finding_and_arithmetic() -> None:
    report = render_text(audit_text(TEXT, source="t.txt"))
    assert "[警告] 增速隐含的上年基数" in report
    assert "原句：2023年,全市完成科技型中小企业入库254家,同比增长33.9%。" in report
    assert "算式：254 ÷ (1+33.9%) = 189.7" in report


def test_html_highlights_facts_and_links_findings_without_outside_urls() -> None:
    result = audit_text(TEXT, source="t.txt")
    page = render_html(result, TEXT)
    assert '<mark id="f0" class="warning"' in page
    assert 'href="#f1"' in page
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page)
    assert "http" not in page

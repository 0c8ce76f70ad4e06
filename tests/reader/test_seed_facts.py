"""The seed report yields every fact the shared fixture lists, with offsets that slice the text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from devplan.reader import AuditResult
from tests.reader.conftest import find_fact


def test_every_fixture_fact_is_found(seed_result: AuditResult, seed_expected: dict[str, Any]) -> None:
    missing = [e for e in seed_expected["facts"] if find_fact(seed_result.facts, e) is None]
    assert missing == []


def test_fact_text_is_the_source_slice(seed_result: AuditResult, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    assert all(text[f.start : f.end] == f.text for f in seed_result.facts)


def test_seed_states_well_over_a_hundred_quantities(seed_result: AuditResult) -> None:
    assert len(seed_result.facts) >= 130


def test_main_indicators_carry_their_codes(seed_result: AuditResult) -> None:
    codes = {f.indicator for f in seed_result.facts}
    assert {"gdp", "fiscal_revenue", "fai", "retail_sales", "disposable_income"} <= codes


def test_adjusted_target_is_marked(seed_result: AuditResult) -> None:
    revenue_target = next(f for f in seed_result.facts if f.indicator == "fiscal_revenue" and f.measure == "target")
    assert revenue_target.adjusted


def test_plan_section_targets_belong_to_the_plan_year(seed_result: AuditResult) -> None:
    gdp_growth_target = next(
        f for f in seed_result.facts if f.indicator == "gdp" and f.measure == "target" and f.unit == "%"
    )
    assert gdp_growth_target.period_label() == "2024-01/2024-12"
    assert gdp_growth_target.qualifier == "以上"


def test_declines_are_negative(seed_result: AuditResult) -> None:
    criminal = next(f for f in seed_result.facts if f.subject == "刑事警情")
    public_order = next(f for f in seed_result.facts if f.subject == "治安警情")
    assert (float(criminal.value), float(public_order.value)) == (-15.6, -24.9)


def test_quoted_names_and_titles_give_no_facts(seed_result: AuditResult) -> None:
    texts = " ".join(f.text for f in seed_result.facts)
    assert "500强”企业3个" in texts
    assert not any(f.value == 500 and f.unit == "个" for f in seed_result.facts)
    assert not any(f.value in (2023, 2025) for f in seed_result.facts)

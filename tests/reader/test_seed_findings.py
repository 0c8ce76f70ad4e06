"""The seed report gets every finding the shared fixture lists, with the listed severity, and no error."""

from __future__ import annotations

from decimal import Decimal

from devplan.reader import AuditResult, Finding


def _findings(result: AuditResult, check: str) -> list[Finding]:
    return [f for f in result.findings if f.check == check]


def _values(result: AuditResult, finding: Finding) -> set[Decimal]:
    return {result.facts[i].value for i in finding.facts}


def test_seed_has_no_error(seed_result: AuditResult) -> None:
    assert [f.message for f in seed_result.findings if f.severity == "error"] == []


def test_implied_base_of_tech_smes_is_a_warning_with_33_7(seed_result: AuditResult) -> None:
    (finding,) = [f for f in _findings(seed_result, "implied_base_not_whole") if Decimal(254) in _values(seed_result, f)]
    assert finding.severity == "warning"
    assert finding.computed == Decimal("33.7")
    assert "189.7" in finding.message


def test_funds_parts_within_rounding_are_not_an_error(seed_result: AuditResult) -> None:
    (finding,) = [f for f in _findings(seed_result, "parts_total") if Decimal("49.5") in _values(seed_result, f)]
    assert finding.severity in {"info", "warning"}
    assert finding.computed == Decimal("49.4")


def test_key_project_breakdowns_add_up(seed_result: AuditResult) -> None:
    totals = {
        f.stated: f.severity for f in _findings(seed_result, "parts_total") if f.stated in {225, Decimal("657.4"), Decimal("201.8")}
    }
    assert totals == {Decimal(225): "info", Decimal("657.4"): "info", Decimal("201.8"): "info"}


def test_gdp_level_completion_is_consistent(seed_result: AuditResult) -> None:
    (finding,) = [f for f in _findings(seed_result, "completion_level_target") if f.stated == 97]
    assert finding.severity == "info"
    assert finding.computed == Decimal("97.2")


def test_fai_growth_completion_uses_the_index_ratio(seed_result: AuditResult) -> None:
    (finding,) = _findings(seed_result, "completion_growth_target")
    assert (finding.severity, finding.stated, finding.computed) == ("info", 99, Decimal("99.1"))
    assert "88.9" in (finding.arithmetic or "")


def test_key_projects_exceeding_all_investment_is_a_scope_warning(seed_result: AuditResult) -> None:
    (finding,) = [f for f in _findings(seed_result, "part_exceeds_whole") if f.severity == "warning"]
    assert _values(seed_result, finding) == {Decimal("234.5"), Decimal("170.6")}
    assert "口径" in finding.message


def test_retail_completion_is_explained_as_not_checkable(seed_result: AuditResult) -> None:
    reasons = [f.message for f in _findings(seed_result, "completion_not_checkable") if "社会消费品零售总额" in f.message]
    assert reasons and "增速" in reasons[0]

"""Fixtures for the reader's pure tests: the shared seed report and fixture (read from ../shared)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from devplan.reader import AuditResult, Fact, audit_file

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "seed" / "xiangxiang-2023-plan-report.txt"
FIXTURE = SHARED / "fixtures" / "xiangxiang-2023.expected.json"
SAMPLES = SHARED / "samples"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not there: the shared folder (../shared beside the repo) holds the seed and samples")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return need(SEED)


@pytest.fixture(scope="session")
def seed_result(seed_path: Path) -> AuditResult:
    return audit_file(seed_path)


@pytest.fixture(scope="session")
def seed_expected() -> dict[str, Any]:
    return json.loads(need(FIXTURE).read_text(encoding="utf-8"))


def fact_matches(fact: Fact, expected: dict[str, Any]) -> bool:
    """The fixture's matching rule: same value and unit, the measure (or one of several), subject keyword."""
    measures = expected["measure"] if isinstance(expected["measure"], list) else [expected["measure"]]
    if fact.measure not in measures or fact.unit != expected.get("unit"):
        return False
    if float(fact.value) != float(expected["value"]):
        return False
    if "period" in expected and fact.period_label() != expected["period"]:
        return False
    return expected["subject"] in (fact.subject or "")


def find_fact(facts: list[Fact], expected: dict[str, Any]) -> Fact | None:
    return next((f for f in facts if fact_matches(f, expected)), None)

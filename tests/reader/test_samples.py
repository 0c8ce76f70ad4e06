"""Openings of other counties' real reports (../shared/samples): sensible facts, never a false error."""

from __future__ import annotations

from pathlib import Path

import pytest

from devplan.reader import audit_file
from tests.reader.conftest import SAMPLES, need


def _samples() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt")) if SAMPLES.exists() else []


@pytest.mark.parametrize("path", _samples(), ids=lambda p: p.name)
def test_sample_gets_no_error(path: Path) -> None:
    result = audit_file(path)
    assert [f.message for f in result.findings if f.severity == "error"] == []


def test_plan_notice_targets_are_read_as_targets() -> None:
    result = audit_file(need(SAMPLES / "06_jinxiang_2021.txt"))
    gdp = [f for f in result.facts if f.indicator == "gdp"]
    assert [(f.measure, float(f.value), f.unit, f.qualifier) for f in gdp] == [("target", 7.0, "%", "以上")]


def test_pdf_text_with_spaces_and_page_numbers() -> None:
    result = audit_file(need(SAMPLES / "10_zhuhai_2018.txt"))
    assert any(f.measure == "growth" and float(f.value) == 3.7 for f in result.facts)
    assert not any(f.text.strip().startswith("1 —") or (f.value == 1 and f.unit is None) for f in result.facts)


def test_multiples_with_a_space_before_the_unit() -> None:
    result = audit_file(need(SAMPLES / "04_hanbin_2021.txt"))
    assert any(float(f.value) == 1.7 and f.unit == "倍" for f in result.facts)

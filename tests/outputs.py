"""Reading devplan's outputs back, for the tests that hold them against the one assessment
(`indicators.status.indicator_status`): the dashboard's cards, the indicator page, a row of /compare/, and
the facts the auditor reads in a Word file and its PDF. Shared by tests/web/test_one_truth.py,
tests/web/test_month_through_every_door.py and tests/reports/test_pdf_reads_as_docx.py."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from devplan.indicators.status import indicator_status
from devplan.lib.periods import parse_as_of
from devplan.reader import AuditResult, audit_file

LIGHT_WORDS = {"green": "绿灯", "yellow": "黄灯", "red": "红灯", "none": "—"}


def number(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def truth(region: Any, year: int, month: int, as_of: str | datetime | None = None) -> dict[str, dict[str, Any]]:
    """The one assessment's row of every main indicator, by code."""
    moment = parse_as_of(as_of, "Asia/Shanghai") if isinstance(as_of, str) else as_of
    return {row["indicator"]: row for row in indicator_status(region, year, moment, month=month)}


def same(row: dict[str, Any], completion: Any, basis: Any, light: str, *, places: int = 1) -> None:
    """An output's completion (as printed, to `places` decimals), basis and light are the assessment's."""
    expected, shown = number(row["completion_pct"]), number(completion)
    if expected is None:
        assert shown is None, row["indicator"]
    else:
        assert shown is not None and abs(shown - expected) <= Decimal("0.5") * Decimal(10) ** -places, row["indicator"]
    assert basis == row["completion_basis"], row["indicator"]
    assert light == row["light"], row["indicator"]


def cards(page: str) -> dict[str, dict[str, Any]]:
    """The dashboard's (or the public page's) indicator cards, by indicator name."""
    found = {}
    for light, body in re.findall(r'<article class="card light-(\w+)">(.*?)</article>', page, re.S):
        name = re.search(r"<h3>(?:<a[^>]*>)?([^<]+)", body).group(1)  # type: ignore[union-attr]
        completion = re.search(r'<b class="completion">([\d.]+)%</b>', body)
        basis = re.search(r'<span class="basis">（([^）]+)）</span>', body)
        value = re.search(r"<strong>([^<]+)</strong>", body).group(1)  # type: ignore[union-attr]
        found[name] = {"light": light, "completion": completion and completion.group(1),
                       "basis": basis and basis.group(1), "value": value}
    return found


def card_matches(card: dict[str, Any], row: dict[str, Any]) -> None:
    same(row, card["completion"], card["basis"], card["light"])
    value = row["actual"]["value"] if row["actual"] else None
    assert card["value"] == ("—" if value is None else str(value)), row["indicator"]


def indicator_page_matches(page: str, row: dict[str, Any]) -> None:
    """The indicator page (unescaped) states the assessment's value, completion, basis and light."""
    completion = re.search(r'<span class="completion">([^<]+)</span>', page).group(1)  # type: ignore[union-attr]
    basis = re.search(r'<span class="basis">（([^）]+)）</span>', page)
    light = re.search(r'data-light="(\w+)"', page).group(1)  # type: ignore[union-attr]
    same(row, None if completion == "—" else completion, basis and basis.group(1), light)
    if row["actual"] is not None:
        value = re.search(r'<dd class="value">([^<]+)</dd>', page).group(1)  # type: ignore[union-attr]
        assert value == str(row["actual"]["value"]), row["indicator"]


def compare_row_matches(page: str, region_code: str, row: dict[str, Any]) -> None:
    """The region's row of /compare/ shows the assessment's completion, basis and light."""
    line = re.search(rf'<tr class="light-(\w+)" data-region="{region_code}">(.*?)</tr>', page, re.S)
    assert line is not None, row["indicator"]
    completion = re.search(r'<td class="num completion">([^<]+)</td>', line.group(2)).group(1)  # type: ignore[union-attr]
    basis = re.search(r'<td class="basis">([^<]+)</td>', line.group(2)).group(1)  # type: ignore[union-attr]
    same(row, None if completion == "—" else completion, None if basis == "—" else basis, line.group(1))


def facts(result: AuditResult) -> Counter[tuple[object, ...]]:
    """The facts the auditor read in a document (indicator, value, unit, period, measure)."""
    return Counter((f.indicator, f.value, f.unit, f.period, f.measure) for f in result.facts)


def findings(result: AuditResult) -> Counter[tuple[str, str]]:
    return Counter((f.severity, f.check) for f in result.findings)


def assert_read_alike(docx: Path, pdf: Path) -> tuple[AuditResult, AuditResult]:
    """The PDF gives the auditor the facts and findings the Word file gives it; returns both audits."""
    word, printed = audit_file(docx), audit_file(pdf)
    assert facts(word), "the Word file has facts"
    assert facts(word) - facts(printed) == Counter(), "facts of the Word file the PDF lacks"
    assert facts(printed) - facts(word) == Counter(), "facts of the PDF the Word file lacks"
    assert findings(word) == findings(printed)
    return word, printed

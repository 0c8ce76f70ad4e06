"""The PDF and the Word file of a document read the same: the reader joins the lines the PDF's page layout
broke, drops page numbers and reads tables row by row, so that `devplan audit report.pdf` finds the facts
and findings `devplan audit report.docx` finds (issue 16, step 7)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from django.db import transaction

from devplan.reader import audit_file

pytestmark = pytest.mark.django_db


def _facts(path: Path) -> Counter[tuple[object, ...]]:
    return Counter((f.indicator, f.value, f.unit, f.period, f.measure) for f in audit_file(path).facts)


def _findings(path: Path) -> Counter[tuple[str, str]]:
    return Counter((f.severity, f.check) for f in audit_file(path).findings)


def _assert_same(docx: Path, pdf: Path) -> None:
    facts_docx, facts_pdf = _facts(docx), _facts(pdf)
    assert facts_docx, "the Word file has facts"
    assert facts_docx - facts_pdf == Counter(), "facts of the Word file the PDF lacks"
    assert facts_pdf - facts_docx == Counter(), "facts of the PDF the Word file lacks"
    assert _findings(docx) == _findings(pdf)


def test_the_demo_report_pdf_reads_as_its_docx(generated) -> None:  # type: ignore[no-untyped-def]
    _assert_same(generated.path("report.docx"), generated.path("report.pdf"))


def test_the_demo_brief_pdf_reads_as_its_docx(django_db_blocker, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from devplan.demo.loader import load_demo
    from devplan.reports.brief import build_brief
    from devplan.reports.service import write_documents

    with django_db_blocker.unblock(), transaction.atomic():
        write_documents(build_brief(load_demo(), 2023, 11), tmp_path, html=False, xlsx=False)
        transaction.set_rollback(True)
    _assert_same(tmp_path / "brief.docx", tmp_path / "brief.pdf")

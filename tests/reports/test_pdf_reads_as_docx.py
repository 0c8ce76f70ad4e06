"""The PDF and the Word file of a document read the same: the reader joins the lines the PDF's page layout
broke, drops page numbers and reads tables row by row, so that `devplan audit report.pdf` finds the facts
and findings `devplan audit report.docx` finds (issue 16, step 7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import transaction

from tests.outputs import assert_read_alike

pytestmark = pytest.mark.django_db


def test_the_demo_report_pdf_reads_as_its_docx(generated) -> None:  # type: ignore[no-untyped-def]
    assert_read_alike(generated.path("report.docx"), generated.path("report.pdf"))


def test_the_demo_brief_pdf_reads_as_its_docx(django_db_blocker, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from devplan.demo.loader import load_demo
    from devplan.reports.brief import build_brief
    from devplan.reports.service import write_documents

    with django_db_blocker.unblock(), transaction.atomic():
        write_documents(build_brief(load_demo(), 2023, 11), tmp_path, html=False, xlsx=False)
        transaction.set_rollback(True)
    assert_read_alike(tmp_path / "brief.docx", tmp_path / "brief.pdf")

"""The monthly briefing names the lagging indicators and projects and fits on two pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from django.db import transaction

from devplan.reports.content import Document, Num, Table

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def brief(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[tuple[Document, Path]]:  # type: ignore[no-untyped-def]
    from devplan.demo.loader import load_demo
    from devplan.reports.brief import build_brief
    from devplan.reports.service import write_documents

    folder = tmp_path_factory.mktemp("brief")
    with django_db_blocker.unblock(), transaction.atomic():
        document = build_brief(load_demo(), 2023, 12)
        write_documents(document, folder, html=False, xlsx=False)
        transaction.set_rollback(True)
    yield document, folder


def test_lagging_projects_are_listed_with_their_completion(brief) -> None:  # type: ignore[no-untyped-def]
    document, _ = brief
    table = next(block for block in document.blocks if isinstance(block, Table) and block.title == "滞后项目")
    rows = {row.cells[0]: row.cells for row in table.rows}
    shaofeng = rows["韶峰南方物流大道*"]
    # 1—10月 60% against the time progress of its own data month (83.3%): 23.3 points behind, yellow.
    assert isinstance(shaofeng[2], Num) and shaofeng[2].text == "60" and shaofeng[4] == "黄灯"
    assert shaofeng[2].ref is not None and shaofeng[2].ref.kind == "progress"
    assert "标“*”的项目含示意数据" in table.note


def test_brief_is_two_pages(brief) -> None:  # type: ignore[no-untyped-def]
    _, folder = brief
    with pdfplumber.open(folder / "brief.pdf") as pdf:
        assert len(pdf.pages) <= 2

"""A report on a year without progress yet (the demo's 2024): no chart of completion that shows only the
plan, no empty 完成投资 columns, 附件1 without its empty figure columns, tables without projects say why in
one sentence without a header, and unwritten sections say so."""

from __future__ import annotations

import pytest
from django.db import transaction

from devplan.reports.content import Attachment, Chart, Document, Heading, Paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def report_2024(django_db_setup, django_db_blocker) -> Document:  # type: ignore[no-untyped-def]
    from devplan.demo.loader import load_demo
    from devplan.reports.execution import build_report

    with django_db_blocker.unblock(), transaction.atomic():
        document = build_report(load_demo(), 2024)
        transaction.set_rollback(True)
    return document


def test_no_completion_chart_without_completion(report_2024: Document) -> None:
    captions = [block.caption for block in report_2024.blocks if isinstance(block, Chart)]
    assert not any("投资完成情况" in caption for caption in captions), captions


def test_progress_tables_leave_out_the_columns_nobody_reported_and_say_so(report_2024: Document) -> None:
    progress = [block.table for block in report_2024.blocks
                if isinstance(block, Attachment) and block.table.title.endswith("进展情况表")]
    with_projects = [table for table in progress if table.rows and table.rows[0].kind == "data"]
    assert with_projects
    for table in with_projects:
        headers = [column.header for column in table.columns]
        assert not any(header.endswith("完成投资") or header == "完成年计划" for header in headers), headers
        assert "尚无项目报送完成投资、完成年计划，本表不列。" in table.note


def test_a_table_without_projects_says_why_without_a_header(report_2024: Document) -> None:
    tables = [block.table for block in report_2024.blocks if isinstance(block, Attachment)]
    notes = [table.note for table in tables if not table.rows]
    assert "2025年计划项目尚未登记：本表列2025年计划（草案）的项目，登记后列出。" in notes
    assert "2024年未登记重点建设项目。" in notes


def test_the_indicator_table_of_a_year_not_yet_reported_leaves_out_its_empty_columns(report_2024: Document) -> None:
    first = next(block.table for block in report_2024.blocks if isinstance(block, Attachment))
    headers = [column.header for column in first.columns]
    assert headers == ["序号", "指标名称", "单位", "2024年计划"]
    assert all(len(row.cells) == 4 for row in first.rows)
    assert first.note.startswith("注：2024年尚无报送数据，数据截至、累计完成、累计增长")


def test_an_unwritten_section_says_so_instead_of_standing_bare(report_2024: Document) -> None:
    blocks = report_2024.blocks
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and block.level == 1 and str(block.runs[0]).startswith(("二、", "三、")):
            following = blocks[index + 1]
            assert isinstance(following, Paragraph) and following.runs == ["（本部分尚未撰写。）"], block

"""Where the project registry does not add up to the totals the plan states, the attachments say so instead
of printing a 合计 that contradicts the text; the demo's registry adds up, so its tables carry totals."""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest

from devplan.projects.models import AnnualPlan
from devplan.reports.content import Byline, Chart
from devplan.reports.execution import build_report

pytestmark = pytest.mark.django_db


def test_demo_attachments_total_the_seed_figures(generated) -> None:  # type: ignore[no-untyped-def]
    tables = [a.table for a in generated.document.attachments]
    assert all(t.rows[-1].kind == "total" for t in tables[1:])
    progress, plans = tables[1:5], tables[5:8]
    assert sum(len(t.rows) - 1 for t in progress) == 220
    assert sum(t.rows[-1].cells[6].value for t in progress) == Decimal("234.5")  # type: ignore[union-attr]
    assert sum(len(t.rows) - 1 for t in plans) == 225
    assert sum(t.rows[-1].cells[4].value for t in plans) == Decimal("657.4")  # type: ignore[union-attr]
    assert sum(t.rows[-1].cells[5].value for t in plans) == Decimal("201.8")  # type: ignore[union-attr]
    assert all(t.unit == "亿元" and t.rows[-1].cells[1] == "合计" for t in tables[1:])


def test_projects_are_never_planned_outside_their_years(generated) -> None:  # type: ignore[no-untyped-def]
    for table in [a.table for a in generated.document.attachments][5:8]:
        for row in table.rows[:-1]:
            years = str(row.cells[3])
            assert years.startswith("2024") or (years.startswith("202") and "—" in years and years[-4:] >= "2024")


def test_an_incomplete_registry_prints_the_stated_against_registered_note(demo) -> None:  # type: ignore[no-untyped-def]
    plan = AnnualPlan.objects.filter(project__region=demo, year=2023).order_by("-project__ref").first()
    assert plan is not None
    # A registry missing one project: its 2023 plan moved out of the year.
    AnnualPlan.objects.filter(pk=plan.pk).update(year=2022)
    document = build_report(demo, 2023)
    tables = [a.table for a in document.attachments][1:5]
    notes = [str(t.rows[-1].cells[0]) for t in tables]
    assert all(t.rows[-1].kind == "note" for t in tables)
    # The comparison once, under the year's last table; a pointer to it under the others.
    assert notes[-1].startswith("登记项目219个，计划所述220个") and notes[-1].endswith("附件2—5不列合计。")
    assert notes[:-1] == ["项目登记尚不完整，本表不列合计（见附件5注）。"] * 3
    assert not any(isinstance(b, Chart) and "分类投资" in b.caption for b in document.blocks)


def test_the_demo_report_audits_without_a_registry_finding(generated) -> None:  # type: ignore[no-untyped-def]
    from devplan.reader import audit_file

    result = audit_file(generated.folder / "report.pdf")
    assert result.counts()["error"] == 0
    assert not [f for f in result.findings if f.check == "registry_stated"]


def test_an_incomplete_registry_is_a_warning_of_the_audit(demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 18: the stated-versus-registered note, read back from the PDF, is a warning."""
    from devplan.reader import audit_file
    from devplan.reports.service import write_documents

    plan = AnnualPlan.objects.filter(project__region=demo, year=2023).order_by("-project__ref").first()
    assert plan is not None
    from devplan.projects.services import latest_progress

    missing = latest_progress(demo, 2023, 10)[plan.project_id].completed_investment
    registered = format((Decimal("234.5") - missing).normalize(), "f")
    AnnualPlan.objects.filter(pk=plan.pk).update(year=2022)
    write_documents(build_report(demo, 2023), tmp_path, html=False, xlsx=False)
    for name in ("report.pdf", "report.docx"):
        warnings = [f for f in audit_file(tmp_path / name).findings if f.check == "registry_stated"]
        # One missing project is one thing to put right: one warning, naming count and amounts.
        assert len(warnings) == 1 and warnings[0].severity == "warning", name
        assert "登记的项目数（219个）与计划所述（220个）不符" in warnings[0].message, name
        assert f"登记的项目完成投资（{registered}亿元）与计划所述（234.5亿元）不符" in warnings[0].message, name


def test_the_title_is_followed_by_the_meeting_line_and_the_office(generated) -> None:  # type: ignore[no-untyped-def]
    byline = generated.document.blocks[1]
    assert isinstance(byline, Byline)
    assert byline.lines == ["——2024年1月在湘乡市第九届人民代表大会第三次会议上", "湘乡市发展和改革局"]


def test_the_registry_note_is_dated_by_its_table_not_by_the_section_before_the_attachments(demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The note stands in 附件5 "2023年重点建设项目进展情况表", after "三、2024年…主要任务": its numbers are 2023's."""
    from devplan.reader import audit_file
    from devplan.reports.service import write_documents

    plan = AnnualPlan.objects.filter(project__region=demo, year=2023).order_by("-project__ref").first()
    assert plan is not None
    AnnualPlan.objects.filter(pk=plan.pk).update(year=2022)
    # 2024's registry incomplete too: its planned investment was compared with 2023's note as if a year's.
    AnnualPlan.objects.filter(pk=AnnualPlan.objects.filter(project__region=demo, year=2024).order_by("pk")[0].pk).delete()
    write_documents(build_report(demo, 2023), tmp_path, html=False, xlsx=False)
    result = audit_file(tmp_path / "report.docx")
    warning = next(f for f in result.findings if f.check == "registry_stated")
    by_index = {fact.index: fact for fact in result.facts}
    assert {by_index[index].period.year for index in warning.facts} == {2023}  # type: ignore[union-attr]
    # Trial 18: the completed investment is 1—10月's, as the body's 234.5亿元, not the whole year's; read as
    # the year's, the note made two false "target below last year's actual" warnings.
    assert "1—10月登记项目完成投资" in warning.sentence
    amounts = [by_index[index] for index in warning.facts if by_index[index].unit == "亿元"]
    assert amounts and {(f.period.first, f.period.last) for f in amounts} == {(1, 10)}  # type: ignore[union-attr]
    assert not [f for f in result.findings if f.check == "target_below_last_year" and "登记项目" in (f.sentence or "")]
    # Trial t18b: the note under 附件8 broke "201.8亿" / "元。" across its two lines in the PDF.
    assert not _units_parted(tmp_path / "report.pdf")


def _units_parted(pdf: Path) -> list[tuple[str, str]]:
    """Pairs of lines of `pdf` where a number ends one line and its unit opens the next."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        lines = [line for page in document.pages for line in (page.extract_text() or "").splitlines()]
    return [(a, b) for a, b in pairwise(lines)
            if re.search(r"\d(?:多|余)?[万亿]?$", a) and b[:1] in "元亿万个家项户亩%"]


def test_a_table_note_keeps_a_number_with_its_unit() -> None:
    from devplan.reports.content import Column, Row, Table
    from devplan.reports.html_render import table

    said = "登记项目年计划投资198.3亿元，计划所述201.8亿元。"
    block = Table("表", [Column("序号", width=2), Column("项目名称", width=8)], [Row([said, None], kind="note")], note="注：" + said)
    printed = table(block, linked=False)
    assert printed.count('<span class="nw">201.8亿元</span>') == 2, printed


def test_an_incomplete_registry_says_so_where_its_charts_stand(demo) -> None:  # type: ignore[no-untyped-def]
    """Trial 18: the category chart vanished without a word and the monthly chart drew the incomplete registry."""
    from devplan.reports.content import Paragraph, plain

    plan = AnnualPlan.objects.filter(project__region=demo, year=2023).order_by("-project__ref").first()
    assert plan is not None
    AnnualPlan.objects.filter(pk=plan.pk).update(year=2022)
    document = build_report(demo, 2023)
    captions = [b.caption for b in document.blocks if isinstance(b, Chart)]
    assert any(caption.endswith("（按已登记项目计算，登记尚不完整）") for caption in captions), captions
    texts = [plain(b.runs) for b in document.blocks if isinstance(b, Paragraph)]
    assert "（重点项目登记与计划所述不符，各类项目投资完成情况图不列，见附件中的说明。）" in texts

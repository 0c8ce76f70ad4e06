"""`devplan audit FILE --import --region R --year Y [--yes]`: lists the main-indicator facts it would take,
and with --yes submits them through the one door for a planner to approve."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from devplan.audits.importing import drafts_from
from devplan.lib.errors import DevplanError, UsageError
from devplan.reader import audit_text

UNITS = {"gdp": "亿元", "fai": "亿元", "fiscal_revenue": "亿元", "retail_sales": "亿元", "disposable_income": "元"}
TEXT = (
    "一、2023年计划执行情况\n"
    "年计划完成地区生产总值617亿元以上,1—9月完成428.3亿元,同比增长2.2%,全年预计完成600亿元,完成年计划的97%。\n"
    "1—10月全市固定资产投资完成1706000万元,同比增长7.9%,排湘潭市第一。\n"
)


def test_one_draft_per_sentence_and_indicator_with_units_converted() -> None:
    drafts = drafts_from(audit_text(TEXT), 2023, UNITS)
    assert [(d.indicator, d.month) for d in drafts] == [("gdp", 9), ("fai", 10)]
    gdp, fai = drafts
    assert gdp.values == {
        "value": Decimal("428.3"), "qualifier": "", "growth_pct": Decimal("2.2"), "estimate_value": Decimal("600"),
        "estimate_status": "预计", "stated_completion_pct": Decimal("97"),
    }
    assert fai.values["value"] == Decimal("170.6") and fai.values["stated_rank"] == 1


def test_other_years_and_targets_are_not_imported() -> None:
    assert drafts_from(audit_text(TEXT), 2024, UNITS) == []


def test_import_needs_region_and_year(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(UsageError):
        call_command("audit", str(path), "--import", stdout=io.StringIO())


def test_import_shows_first_then_submits_for_approval_with_the_report_as_source(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from devplan.collection.models import Submission
    from devplan.indicators.models import Figure
    from devplan.recording.actors import Actor
    from devplan.recording.models import Door
    from devplan.recording.service import approve

    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    before = Figure.objects.count()
    shown = io.StringIO()
    call_command("audit", str(path), "--import", "--region", "湘乡市", "--year", "2023", stdout=io.StringIO(), stderr=shown)
    assert "可导入 2 条" in shown.getvalue() and "加 --yes" in shown.getvalue()
    assert not Submission.objects.exists() and Figure.objects.count() == before
    err = io.StringIO()
    call_command("audit", str(path), "--import", "--region", "湘乡市", "--year", "2023", "--yes", "--by", "王科长",
                 stdout=io.StringIO(), stderr=err)
    assert "已提交 2 条" in err.getvalue()
    submissions = Submission.objects.filter(status="submitted").order_by("indicator__sort_order")
    assert [(s.indicator.code, s.door, s.file_name) for s in submissions] == [
        ("gdp", "cli_audit", "report.txt"), ("fai", "cli_audit", "report.txt")]
    assert Figure.objects.count() == before  # nothing official until a planner approves
    approve(Actor.of_system("发改局", Door.CLI), submissions[1].pk)
    figure = Figure.objects.filter(region=demo, indicator__code="fai", year=2023, month=10).order_by("-revision").first()
    assert figure.value == Decimal("170.6") and "1706000万元" in figure.source
    assert figure.change_set.file_name == "report.txt"


def test_unknown_region_is_a_clear_error(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(DevplanError, match="没有名为"):
        call_command("audit", str(path), "--import", "--region", "无此县", "--year", "2023", stdout=io.StringIO())

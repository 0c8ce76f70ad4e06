"""`devplan audit FILE --import --region R --year Y [--yes]`: lists the main-indicator facts it would take,
and with --yes submits them through the one door for a planner to approve."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from devplan.audits.importing import drafts_from, plan_import
from devplan.lib.errors import DevplanError, UsageError
from devplan.reader import audit_text
from tests.conftest import run_devplan

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


# Issue 15: a report's share, contribution, pull or change of another quantity is never an indicator's level
# or growth, and a figure's month is the one its sentence states.
HALF_YEAR = (
    "一、2024年上半年计划执行情况\n"
    "1—6月，全市地区生产总值完成290.5亿元，同比增长5.1%。其中，工业对GDP增长的贡献率56.5%，拉动GDP增长2.9个百分点。"
    "消费对地区生产总值增长的贡献率为61.2%。\n"
)


def _reasons(text: str, year: int) -> dict[str, str]:
    return {s.fact.text: s.reason for s in plan_import(audit_text(text), year, UNITS).skipped}


def test_a_contribution_and_a_pull_are_not_imported_as_growth() -> None:
    plan = plan_import(audit_text(HALF_YEAR), 2024, UNITS)
    assert [(d.indicator, d.month, d.values) for d in plan.drafts] == [
        ("gdp", 6, {"value": Decimal("290.5"), "qualifier": "", "growth_pct": Decimal("5.1")})]
    reasons = _reasons(HALF_YEAR, 2024)
    assert "贡献率" in reasons["工业对GDP增长的贡献率56.5%"]
    assert "拉动" in reasons["拉动GDP增长2.9个百分点"]
    assert "贡献率" in reasons["消费对地区生产总值增长的贡献率为61.2%"]


def test_shares_changes_in_points_and_per_capita_figures_are_not_imported() -> None:
    text = (
        "2024年1—6月，全市固定资产投资增长6.1%，占全市固定资产投资的比重达54.3%，民间投资占比提高1.2个百分点。"
        "1—6月，人均地区生产总值达到3.1万元，万元地区生产总值能耗下降3%，地区生产总值增速比上年提高0.5个百分点。\n"
    )
    plan = plan_import(audit_text(text), 2024, UNITS)
    assert [(d.indicator, d.month, d.values) for d in plan.drafts] == [("fai", 6, {"growth_pct": Decimal("6.1")})]
    reasons = _reasons(text, 2024)
    assert "占比" in reasons["占全市固定资产投资的比重达54.3%"]
    assert "人均" in reasons["人均地区生产总值达到3.1万元"]
    assert "单位产出" in reasons["万元地区生产总值能耗下降3%"]
    assert "百分点" in reasons["地区生产总值增速比上年提高0.5个百分点"]


def test_the_month_is_the_one_the_sentence_states() -> None:
    text = "2024年1—6月，全市地区生产总值完成290.5亿元。2024年一季度，全市固定资产投资增长5.5%。\n"
    assert [(d.indicator, d.month) for d in drafts_from(audit_text(text), 2024, UNITS)] == [("gdp", 6), ("fai", 3)]


def test_a_sentence_without_months_is_not_imported_as_december() -> None:
    text = "一、2024年上半年计划执行情况\n全市地区生产总值增长4.8%，排湘潭市第二。\n"
    plan = plan_import(audit_text(text), 2024, UNITS)
    assert plan.drafts == []
    reasons = _reasons(text, 2024)
    assert "没有写明是哪几个月" in reasons["全市地区生产总值增长4.8%"]
    assert "不能确定是哪个月" in reasons["排湘潭市第二"]


def test_a_single_quarter_is_not_a_year_to_date_figure() -> None:
    reasons = _reasons("2024年二季度，全市地区生产总值增长5.3%。\n", 2024)
    assert "不是自年初起的累计数" in reasons["全市地区生产总值增长5.3%"]


def _import(path: Path, *more: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("audit", str(path), "--import", "--region", "湘乡市", "--year", "2024", *more, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_testers_half_year_report_becomes_june_figures_only(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from devplan.collection.models import Submission
    from devplan.indicators.models import Figure
    from devplan.recording.actors import Actor
    from devplan.recording.models import Door
    from devplan.recording.service import approve

    path = tmp_path / "half.txt"
    path.write_text(HALF_YEAR, encoding="utf-8")
    _, shown = _import(path)
    assert "地区生产总值（1—6月：累计数 290.5，累计增速（%） 5.1）" in shown
    assert "56.5" not in shown.split("未导入")[0] and "1—12月" not in shown
    assert "未导入 3 个数字" in shown and "贡献率" in shown
    _, done = _import(path, "--yes")
    assert "已提交 1 条" in done
    submission = Submission.objects.get(status="submitted")
    assert (submission.indicator.code, submission.month) == ("gdp", 6)
    approve(Actor.of_system("发改局", Door.CLI), submission.pk)
    latest = Figure.objects.filter(region=demo, indicator__code="gdp", year=2024, month=6).order_by("-revision")[0]
    assert latest.growth_pct == Decimal("5.1") and latest.value == Decimal("290.5")
    assert not Figure.objects.filter(region=demo, indicator__code="gdp", year=2024, growth_pct=Decimal("56.5")).exists()


LOCKED = (
    "一、2024年上半年计划执行情况\n"
    "1—6月，全市地区生产总值完成290.5亿元，同比增长5.1%。1—6月全市固定资产投资完成80.2亿元，同比下降150%。\n"
)


def test_a_locked_month_lists_every_problem_and_writes_nothing(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from devplan.collection.models import Submission
    from devplan.recording.actors import Actor
    from devplan.recording.models import Door
    from devplan.recording.periods import lock_month

    lock_month(Actor.of_system("发改局", Door.CLI), demo, 2024, 6, "月报已发")
    path = tmp_path / "locked.txt"
    path.write_text(LOCKED, encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(DevplanError) as refused:
        call_command("audit", str(path), "--import", "--region", "湘乡市", "--year", "2024", "--yes",
                     stdout=io.StringIO(), stderr=err)
    assert refused.value.exit_code == 1 and "另有" not in refused.value.sentence()
    lines = err.getvalue().splitlines()
    assert "第 1 条（地区生产总值，1—6月）：湘乡市2024年6月的数据已锁定：如需修改，请发改局先重新开启该月" in lines
    assert "第 2 条（固定资产投资，1—6月）：湘乡市2024年6月的数据已锁定：如需修改，请发改局先重新开启该月" in lines
    assert any(line.startswith("第 2 条（固定资产投资，1—6月）：") and "增长" in line and "锁定" not in line for line in lines)
    problems = [line for line in lines if line.startswith("第 ")]
    assert f"共 {len(problems)} 处问题" in refused.value.sentence() and len(problems) >= 3
    assert not Submission.objects.exists()


def _report(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_command_line_refusal_is_every_problem_and_exit_1_without_a_traceback(demo_db_url: str, tmp_path: Path
                                                                                 ) -> None:
    text = LOCKED.replace("同比增长5.1%", "同比下降120%")
    done = run_devplan("audit", str(_report(tmp_path, text)), "--import", "--region", "湘乡市", "--year", "2024",
                       "--yes", db=demo_db_url)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "另有" not in done.stderr
    assert done.stderr.count("第 ") >= 2 and "第 1 条（地区生产总值，1—6月）" in done.stderr
    assert "第 2 条（固定资产投资，1—6月）" in done.stderr and "未写入任何数据" in done.stderr


def test_a_second_import_over_a_pending_submission_is_one_sentence_and_exit_1(demo_db_url: str, tmp_path: Path
                                                                              ) -> None:
    args = ("--import", "--region", "湘乡市", "--year", "2024", "--yes")
    first = run_devplan("audit", str(_report(tmp_path, HALF_YEAR)), *args, db=demo_db_url)
    assert first.returncode == 0, first.stderr
    assert "已提交 1 条" in first.stderr and "Traceback" not in first.stderr
    second = run_devplan("audit", str(_report(tmp_path, HALF_YEAR.replace("290.5", "291.5"))), *args, db=demo_db_url)
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    assert second.stderr.strip().splitlines()[-1].endswith("如需更正，请联系发改局退回后再改")


def test_a_gap_against_another_place_is_not_imported_as_growth() -> None:
    """A tester's `固定资产投资增速比全省高2.1%。` was listed as fai growth 2.1; a comparison with a time is the
    indicator's own change and stays."""
    text = (
        "2024年1—6月，全市固定资产投资增长5.2%，增速比全省高2.1%，社会消费品零售总额增速高于全国平均1.5%。"
        "1—9月，固定资产投资增速比全省高2.1%。1—9月，地区生产总值比上年同期增长4.8%，一般公共预算收入同比提高3.2%。\n"
    )
    plan = plan_import(audit_text(text), 2024, UNITS)
    assert sorted((d.indicator, d.month, d.values.get("growth_pct")) for d in plan.drafts) == [
        ("fai", 6, Decimal("5.2")), ("fiscal_revenue", 9, Decimal("3.2")), ("gdp", 9, Decimal("4.8"))]
    reasons = _reasons(text, 2024)
    for said in ("增速比全省高2.1%", "社会消费品零售总额增速高于全国平均1.5%", "固定资产投资增速比全省高2.1%"):
        assert "与其他地区或平均水平相比的差距" in reasons[said], reasons

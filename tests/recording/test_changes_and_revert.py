"""Change sets are visible and reversible: `devplan changes` and the 修改记录 pages list them, one shows its
rows as old → new, and reverting one appends revisions restoring what it replaced (refused in locked months
and over later changes), while every "as of" answer for an earlier moment stays what it was."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from devplan.indicators.models import Figure
from devplan.indicators.status import indicator_status
from devplan.lib.errors import DevplanError
from devplan.recording.actors import Actor
from devplan.recording.changes import revert, rows_of
from devplan.recording.models import ChangeSet, Door
from devplan.recording.periods import lock_month

OPERATOR = Actor.of_system("测试", Door.CLI)


def _import(tmp_path: Path, lines: list[str], name: str = "wrong.csv") -> ChangeSet:
    path = tmp_path / name
    path.write_text("region,indicator,period,value,growth_pct,note\n" + "\n".join(lines) + "\n", encoding="utf-8")
    call_command("import-csv", str(path), "--by", "王科长")
    return ChangeSet.objects.filter(file_name=name).latest("pk")


def test_a_wrong_import_is_repaired_by_reverting_its_change_set(demo: Any, tmp_path: Path) -> None:
    before = timezone.now()
    wrong = _import(tmp_path, ["430381,retail_sales,2023-10,1383,9.0,", "430381,fai,2023-10,1706,7.9,"])
    assert Figure.objects.filter(change_set=wrong).count() == 2
    shown, total = rows_of(wrong)
    assert total == 2 and any(("1至当月累计值", "138.3", "1383") in c.fields for c in shown)
    as_of_before = indicator_status(demo, 2023, before)
    undone = revert(OPERATOR, wrong, "导错了文件")
    assert undone.reverts == wrong and undone.rows == 2
    latest = Figure.objects.filter(region=demo, indicator__code="retail_sales", year=2023, month=10).latest("revision")
    assert latest.value == Decimal("138.3") and latest.change_set == undone
    assert indicator_status(demo, 2023, before) == as_of_before
    with pytest.raises(DevplanError, match="已经撤销过"):
        revert(OPERATOR, wrong, "再撤一次")


def test_revert_is_refused_over_later_changes_and_in_locked_months(demo: Any, tmp_path: Path) -> None:
    first = _import(tmp_path, ["430381,retail_sales,2023-11,150.0,9.0,"], "first.csv")
    _import(tmp_path, ["430381,retail_sales,2023-11,151.0,9.0,"], "second.csv")
    with pytest.raises(DevplanError, match="此后又被修改"):
        revert(OPERATOR, first, "撤销")
    third = _import(tmp_path, ["430381,fai,2023-11,180.0,8.0,"], "third.csv")
    lock_month(OPERATOR, demo, 2023, 11, "月报已发")
    with pytest.raises(DevplanError, match="已锁定"):
        revert(OPERATOR, third, "撤销")


def test_a_revert_the_rules_would_refuse_is_refused(demo: Any, tmp_path: Path) -> None:
    """Trial t15c: reverting an October correction put October's 138.3 back above a November corrected since
    to 135.0 — a month above a later one, with no note, which every door refuses."""
    _import(tmp_path, ["430381,retail_sales,2023-11,160.0,9.0,"], "nov.csv")
    october = _import(tmp_path, ["430381,retail_sales,2023-10,130.0,9.0,统计口径调整核减"], "oct.csv")
    _import(tmp_path, ["430381,retail_sales,2023-11,135.0,9.0,统计口径调整核减"], "nov2.csv")
    with pytest.raises(DevplanError, match=r"撤销修改记录 #.* 后，.*1—10月.*请先修改相关月份的数据"):
        revert(OPERATOR, october, "撤销")
    latest = Figure.objects.filter(region=demo, indicator__code="retail_sales", year=2023, month=10).latest("revision")
    assert latest.value == Decimal("130.0") and not ChangeSet.objects.filter(reverts=october).exists()


def test_reverting_a_first_figure_withdraws_it_and_the_month_reads_as_without_data(demo: Any, tmp_path: Path) -> None:
    added = _import(tmp_path, ["430381,retail_sales,2023-12,165.2,9.1,"], "december.csv")
    revert(OPERATOR, added, "还未发布")
    latest = Figure.objects.filter(region=demo, indicator__code="retail_sales", year=2023, month=12).latest("revision")
    assert latest.value is None and latest.growth_pct is None
    row = next(r for r in indicator_status(demo, 2023) if r["indicator"] == "retail_sales")
    assert row["actual"]["through"] == "2023-10"


def test_the_command_lists_shows_and_reverts(demo: Any, tmp_path: Path) -> None:
    wrong = _import(tmp_path, ["430381,retail_sales,2023-10,1383,9.0,"])
    listed = StringIO()
    call_command("changes", "--region", "湘乡市", "--since", (timezone.localdate() - timedelta(days=1)).isoformat(),
                 stdout=listed)
    assert f"#{wrong.pk}" in listed.getvalue() and "王科长" in listed.getvalue()
    shown = StringIO()
    call_command("changes", "--show", str(wrong.pk), stdout=shown)
    assert "138.3 → 1383" in shown.getvalue()
    done = StringIO()
    call_command("changes", "--revert", str(wrong.pk), "--reason", "导错了", "--by", "王科长", stdout=done)
    assert "恢复 1 条" in done.getvalue()


def test_the_pages_list_a_change_set_and_planners_revert_it(personas: Any, tmp_path: Path) -> None:
    wrong = _import(tmp_path, ["430381,retail_sales,2023-10,1383,9.0,"])
    planner = personas.client("planner")
    listing = planner.get(f"/changes/{personas.region.code}/").content.decode()
    assert f"#{wrong.pk}" in listing and "命令行批量导入 CSV" in listing
    page = planner.get(f"/changes/{personas.region.code}/{wrong.pk}/").content.decode()
    assert "138.3 → <b>1383</b>" in page and "撤销修改" in page
    assert personas.client("owner").get(f"/changes/{personas.region.code}/").status_code == 403
    assert personas.client("viewer").post(f"/changes/{personas.region.code}/{wrong.pk}/revert/",
                                          {"reason": "x"}).status_code == 403
    planner.post(f"/changes/{personas.region.code}/{wrong.pk}/revert/", {"reason": "导错了"})
    assert ChangeSet.objects.filter(reverts=wrong).exists()


def test_a_write_over_more_months_than_sqlite_takes_in_one_condition_holds_them_all(demo: Any) -> None:
    """`make bench` at full size: reverting a change set of 100,000 figures held its months with one condition
    of thousands of terms, which SQLite refuses ("Expression tree is too large")."""
    from django.db import transaction

    from devplan.recording.periods import hold

    months = [(demo.pk, year, month) for year in range(2000, 2101) for month in range(1, 13)]
    with transaction.atomic():
        held = hold(months)
    assert len(held) == len(months) == 1212 and not any(held.values())

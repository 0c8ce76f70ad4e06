"""The key-project view: the plan's totals and their checks, lights against time progress, lagging lists,
the comparison with fixed-asset investment, and the illustrative mark."""

import json
from datetime import UTC, datetime
from decimal import Decimal as D

import pytest

from devplan.projects.models import PlanTotal, Progress, Project
from devplan.projects.services import find_category
from devplan.projects.summary import project_summary
from devplan.projects.text import render_summary
from devplan.revisions import AppendOnlyError
from tests.conftest import run_devplan
from tests.writing import Provenance, record_progress


def test_projects_json_reproduces_the_2024_plan_and_its_three_way_split(demo_db_url):
    result = run_devplan("projects", "--region", "湘乡市", "--year", "2024", "--json", db=demo_db_url)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    overall = summary["totals"]["overall"]["stated"]
    assert (overall["project_count"], overall["total_investment"], overall["planned_investment"]) == (225, 657.4, 201.8)
    split = {c["name"]: c["stated"] for c in summary["totals"]["categories"] if c["stated"]}
    assert {k: (v["project_count"], v["total_investment"], v["planned_investment"]) for k, v in split.items()} == {
        "社会投资类": (119, 472.1, 131.6),
        "政府投资类": (104, 170.8, 69.9),
        "重大前期": (2, 14.5, 0.3),
    }
    sums = [c for c in summary["checks"] if c["check"] == "category_parts_sum"]
    assert [(c["stated"], c["computed"], c["severity"]) for c in sums] == [
        (225, 225, "info"), (657.4, 657.4, "info"), (201.8, 201.8, "info")
    ]
    # The demo's registry lists all 225 projects (illustrative beyond those the seed names), so it is
    # compared with the plan's totals and adds up to them.
    assert not [c for c in summary["checks"] if c["check"] == "registry_coverage"]
    matches = [c for c in summary["checks"] if c["check"] == "registry_matches_plan"]
    assert matches and all(c["severity"] == "info" and c["stated"] == c["computed"] for c in matches)


@pytest.mark.django_db
def test_the_2023_view_sets_key_projects_beside_fixed_asset_investment_with_a_scope_caution(demo):
    summary = project_summary(demo, 2023)
    assert summary["through"] == "2023-10"
    fai = summary["fai_comparison"]
    assert (fai["fai_value"], fai["key_projects_completed_stated"], fai["ratio_pct"]) == (170.6, 234.5, 137.5)
    assert "口径不同" in fai["caution"]
    assert summary["totals"]["overall"]["stated"]["project_count"] == 220


@pytest.mark.django_db
def test_lights_compare_completion_with_time_progress(demo):
    rows = {row["ref"]: row for row in project_summary(demo, 2023)["projects"]}
    assert (rows["XX-001"]["completion_pct"], rows["XX-001"]["light"]) == (86.7, "green")
    # 健康产业园一期 is "加速推进" in the narrative: on pace; the old residential areas' renovation behind.
    assert (rows["XX-005"]["completion_pct"], rows["XX-005"]["light"]) == (87.5, "green")
    assert (rows["XX-015"]["completion_pct"], rows["XX-015"]["light"]) == (54.5, "yellow")
    assert rows["XX-005"]["time_progress_pct"] == 83.3
    assert rows["XX-015"]["lagging"] and not rows["XX-001"]["lagging"]


@pytest.mark.django_db
def test_a_project_due_to_start_but_not_started_is_listed_and_counts_against_the_start_rate(demo):
    from devplan.recording.actors import Actor
    from devplan.recording.models import Door
    from devplan.recording.registry import edit_project

    # The demo's 四中提质改造 started in July ("有序推进"); had it not, it would be listed and counted.
    rate = project_summary(demo, 2023)["start_rate"]
    assert rate["started"] == rate["due"] and rate["due"] > 4
    school = Project.objects.get(ref="XX-018")
    edit_project(Actor.of_system("测试", Door.ADMIN), school, school.version, {"actual_start": None})
    summary = project_summary(demo, 2023)
    assert "湘乡市第四中学提质改造" in summary["not_started"]
    assert summary["start_rate"]["started"] == summary["start_rate"]["due"] - 1


@pytest.mark.django_db
def test_lagging_and_category_filters_narrow_the_project_list(demo):
    summary = project_summary(demo, 2023, category=find_category("本级政府投资项目"), lagging_only=True)
    names = [row["name"] for row in summary["projects"]]
    assert "2023年城镇老旧小区改造（83个小区、7245户）" in names and "湘乡市第四中学提质改造" not in names
    assert all(row["lagging"] for row in summary["projects"])
    assert not project_summary(demo, 2023, category=find_category("四个十大"), lagging_only=True)["projects"]


@pytest.mark.django_db
def test_new_progress_is_a_revision_and_changes_the_light(demo):
    project = Project.objects.get(ref="XX-005")
    record_progress(project, 2023, 10, D("1.9"), Provenance(by_name="卫健局", reason="补报"))
    row = next(r for r in project_summary(demo, 2023)["projects"] if r["ref"] == "XX-005")
    assert (row["completion_pct"], row["light"], row["illustrative"]) == (95, "green", True)
    assert "completed_investment" not in row["illustrative_fields"]
    assert list(Progress.objects.filter(project=project, month=10).values_list("revision", flat=True)) == [1, 2]
    with pytest.raises(AppendOnlyError):
        Progress.objects.filter(project=project).delete()


@pytest.mark.django_db
def test_as_of_reads_the_progress_known_then(demo):
    project = Project.objects.get(ref="XX-005")
    first, corrected = datetime(2023, 11, 5, tzinfo=UTC), datetime(2023, 12, 5, tzinfo=UTC)
    record_progress(project, 2023, 11, D("1.8"), Provenance(by_name="卫健局", reason="月报", known_at=first))
    record_progress(project, 2023, 11, D("1.95"), Provenance(by_name="卫健局", reason="有责修数", known_at=corrected))

    def completed(as_of: datetime) -> object:
        rows = project_summary(demo, 2023, month=11, as_of=as_of)["projects"]
        return next(r for r in rows if r["ref"] == "XX-005")["completed_investment"]

    assert completed(datetime(2023, 11, 30, 16, tzinfo=UTC)) == 1.8
    assert completed(corrected) == 1.95


@pytest.mark.django_db
def test_illustrative_figures_carry_their_mark_in_json_and_text(demo):
    summary = project_summary(demo, 2023)
    for row in summary["projects"]:
        assert row["illustrative"] is bool(row["illustrative_fields"])
    text = render_summary(summary)
    for row in summary["projects"]:
        line = next(line for line in text.splitlines() if line.startswith(row["ref"]))
        assert ("示意" in line) is row["illustrative"]
    assert "（示意数据）" in text
    seed_only = next(r for r in summary["projects"] if r["ref"] == "XX-015")
    assert seed_only["illustrative_fields"] == ["completed_investment"]


@pytest.mark.django_db
def test_loading_the_demo_twice_changes_nothing(demo):
    from devplan.demo.loader import load_demo
    from tests.collection.dbhash import database_state

    before = database_state()
    load_demo()
    assert database_state() == before
    assert PlanTotal.objects.filter(region=demo).count() == 5


def test_unknown_category_is_one_sentence(demo_db_url):
    result = run_devplan("projects", "--region", "湘乡市", "--year", "2024", "--category", "不存在", db=demo_db_url)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "社会投资类" in result.stderr

"""The demo's generated project lists agree with the narrative and read like a county's (issue 18 re-trial):
the totals the text states, projects the text praises on pace, a 竣工 project that has done its plan, and
goals and 形象进度 fitting the kind of project. Pure: the registry as `devplan init --demo` loads it."""

from __future__ import annotations

import json
from decimal import Decimal
from importlib import resources
from typing import Any

import pytest

from devplan.projects.demo_registry import registry

TIME_PROGRESS_OCTOBER = Decimal("83.3")
GREEN_GAP = Decimal(10)  # DEVPLAN_PROJECT_GREEN_GAP's default
# The projects the narrative says are going well: 稳步落地, 加速推进, 年底可实现竣工投产, 全域推进, 有序推进.
PRAISED = ("XX-001", "XX-002", "XX-003", "XX-004", "XX-005", "XX-006", "XX-007", "XX-008", "XX-009", "XX-010",
           "XX-011", "XX-017", "XX-018")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    data = json.loads(resources.files("devplan.demo").joinpath("projects.json").read_text("utf-8"))
    return registry(data["projects"])


def _plan(row: dict[str, Any], year: int) -> Decimal | None:
    return next((Decimal(plan["planned_investment"]) for plan in row["plans"] if plan["year"] == year), None)


def _october(row: dict[str, Any]) -> dict[str, Any] | None:
    return next((r for r in row["progress"] if (r["year"], r["month"]) == (2023, 10)), None)


def _completion(row: dict[str, Any]) -> Decimal:
    october, plan = _october(row), _plan(row, 2023)
    assert october is not None and plan, row["name"]
    return Decimal(october["completed_investment"]) / plan * 100


def test_the_lists_keep_the_totals_the_text_states(rows) -> None:  # type: ignore[no-untyped-def]
    listed = [row for row in rows if _plan(row, 2023) is not None]
    assert len(listed) == 220
    assert sum((_plan(row, 2023) or Decimal(0) for row in listed), Decimal(0)) == Decimal("293.32")
    done = [_october(row) for row in listed]
    assert sum((Decimal(r["completed_investment"]) for r in done if r), Decimal(0)) == Decimal("234.5")
    planned = [row for row in rows if _plan(row, 2024) is not None]
    assert len(planned) == 225
    assert sum((Decimal(row["total_investment"]) for row in planned), Decimal(0)) == Decimal("657.4")
    assert sum((_plan(row, 2024) or Decimal(0) for row in planned), Decimal(0)) == Decimal("201.8")


def test_the_projects_the_narrative_praises_are_on_pace(rows) -> None:  # type: ignore[no-untyped-def]
    """"四中提质改造有序推进", "健康产业园一期建设…加速推进": started, and green against October's time progress."""
    by_ref = {row["ref"]: row for row in rows}
    for ref in PRAISED:
        assert TIME_PROGRESS_OCTOBER - _completion(by_ref[ref]) <= GREEN_GAP, by_ref[ref]["name"]
    assert by_ref["XX-018"]["status"] != "前期" and by_ref["XX-018"]["actual_start"]


def test_a_finished_project_has_done_its_years_plan(rows) -> None:  # type: ignore[no-untyped-def]
    finished = [row for row in rows if row["status"] == "竣工投产" and _plan(row, 2023) is not None]
    assert len(finished) > 20
    for row in finished:
        assert _completion(row) >= 100, row["name"]
        assert row["actual_completion"], row["name"]


def test_goals_and_progress_words_fit_the_kind_of_project(rows) -> None:  # type: ignore[no-untyped-def]
    words = {r["narrative"] for row in rows for r in row["progress"]}
    assert len(words) >= 40
    for row in rows:
        said = " ".join([r["narrative"] for r in row["progress"]] + [plan["goal"] for plan in row["plans"]])
        if any(kind in row["name"] for kind in ("农田", "学校", "河", "幼儿园")):
            assert "投产" not in said and "设备安装" not in said and "试生产" not in said, row["name"]
        if row["end_year"] == 2024 and _plan(row, 2024) is not None:
            goal = next(plan["goal"] for plan in row["plans"] if plan["year"] == 2024)
            assert goal not in ("完成年度建设任务", "完成主体工程建设"), row["name"]


def test_generated_projects_are_sized_like_a_county_s(rows) -> None:  # type: ignore[no-untyped-def]
    """A township's river works was 20.91亿元, the 4th largest of 335 projects: each generated project stays
    under the largest its kind reads as (a river or clinic a few hundred million, a factory ten times that);
    the seed's own projects keep their numbers."""
    from devplan.projects.demo_phases import largest_total

    generated = [row for row in rows if not row["source"]]  # the seed's own name their source
    assert len(generated) > 250
    for row in generated:
        assert Decimal(row["total_investment"]) <= largest_total(row["name"], row["sector"]), row["name"]
        assert Decimal(row["total_investment"]) == Decimal(row["total_investment"]).quantize(Decimal("0.01"))
    river = next(row for row in rows if row["name"].startswith("湘乡市新湘路街道中小河流治理"))
    assert Decimal(river["total_investment"]) <= 3

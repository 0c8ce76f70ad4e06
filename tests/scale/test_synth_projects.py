"""`devplan synth --projects P`: key projects with annual plans and monthly progress, the same for a seed,
with memory that does not grow with the number of projects, and some projects lagging."""

from __future__ import annotations

import hashlib
import random
import tracemalloc
from pathlib import Path

from django.db import transaction

from devplan.projects.models import AnnualPlan, Progress, Project
from devplan.projects.summary import project_views
from devplan.regions.models import Region
from devplan.scale import synth_projects
from devplan.scale.synth import SynthSpec, generate, synthesise
from devplan.scale.synth_projects import generate_projects
from devplan.scale.synth_tree import TreeSize, build_tree

FILES = ("figures.csv", "revisions.csv", "progress.csv", "progress-revisions.csv")


def _generated(spec: SynthSpec, folder: Path) -> tuple[dict[str, str], list[tuple[object, ...]]]:
    """The files' SHA-256 and the registry's content (without database ids), then everything rolled back."""
    folder.mkdir()
    with transaction.atomic():
        generate(spec, folder, progress=False)
        registry = list(Project.objects.order_by("ref").values_list(
            "ref", "code", "name", "owner", "sector", "total_investment", "status", "planned_start", "actual_start",
            "planned_completion", "actual_completion", "categories__code"))
        registry += list(AnnualPlan.objects.order_by("project__ref", "year").values_list(
            "project__ref", "year", "planned_investment"))
        transaction.set_rollback(True)
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in FILES}, registry


def test_synth_with_projects_is_the_same_for_a_seed(db, tmp_path):
    spec = SynthSpec(regions=4, indicators=3, years=2, seed=11, projects=6)
    first, again = _generated(spec, tmp_path / "a"), _generated(spec, tmp_path / "b")
    assert first == again
    assert len(first[1]) > 24
    other = _generated(SynthSpec(regions=4, indicators=3, years=2, seed=12, projects=6), tmp_path / "c")
    assert other[0]["progress.csv"] != first[0]["progress.csv"]


def test_projects_do_not_change_the_figures_of_a_seed(db, tmp_path):
    with transaction.atomic():
        generate(SynthSpec(regions=3, indicators=3, years=1, seed=5), tmp_path, progress=False)
        plain = (tmp_path / "figures.csv").read_bytes()
        transaction.set_rollback(True)
    with transaction.atomic():
        generate(SynthSpec(regions=3, indicators=3, years=1, seed=5, projects=4), tmp_path, progress=False)
        assert (tmp_path / "figures.csv").read_bytes() == plain
        transaction.set_rollback(True)


def _peak_bytes(counties: list[Region], per_county: int, folder: Path) -> int:
    folder.mkdir()
    with transaction.atomic():
        tracemalloc.start()
        try:
            generate_projects(counties, per_county, 2023, 2, seed=3, folder=folder, progress=False)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            transaction.set_rollback(True)


def test_memory_does_not_grow_with_the_number_of_projects(db, tmp_path, monkeypatch):
    monkeypatch.setattr(synth_projects, "PROJECT_BATCH", 40)
    counties = build_tree(TreeSize.for_counties(100), random.Random(1))
    small = _peak_bytes(counties[:10], 10, tmp_path / "small")    # 100 projects
    large = _peak_bytes(counties, 10, tmp_path / "large")         # 1,000 projects, ten times the rows
    print(f"peak {small / 1e6:.2f} MB for 100 projects, {large / 1e6:.2f} MB for 1,000")
    assert large < small * 1.5, (small, large)


def test_some_projects_lag_and_most_keep_pace(db):
    result = synthesise(SynthSpec(regions=8, indicators=2, years=2, seed=2, projects=10), progress=False)
    assert (result.projects.projects, Project.objects.count()) == (80, 80)
    assert Progress.objects.count() == result.projects.progress + result.projects.revisions
    assert result.projects.lagging > 0
    rows = [view.json(2023) for county in Region.objects.filter(level=Region.Level.COUNTY)
            for view in project_views(county, 2023)[1]]
    lagging = [row for row in rows if row["lagging"]]
    assert lagging and len(lagging) < len(rows) / 2
    assert any(row["not_started"] for row in rows)
    assert any(row["light"] == "green" for row in rows)
    assert Progress.objects.filter(revision=2).count() == result.projects.revisions

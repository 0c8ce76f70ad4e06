"""Benchmark of `devplan report`: the demo region's full report (Word, PDF, HTML, Excel), and the same report
with 500 key projects (50 with --quick) added to the region; and of `devplan brief` for 2023-10 (Word, PDF).
Targets: under 3 s, under 10 s, under 1 s.

The demo report and the brief are run RUNS times after a warm-up and the run of median elapsed time is
reported. Besides the elapsed time it reports the CPU time the run took, in this process and in the
children that lay out the PDF, and the load average: on a shared 2-core machine the elapsed time grows with
the other processes' load, the CPU time much less.

    python -m bench.reports [--quick]
"""

from __future__ import annotations

import functools
import gc
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench.common import setup_django, timed

RUNS = 3


def _add_projects(region: Any, count: int) -> None:
    from devplan.projects.models import AnnualPlan, Category, Project
    from devplan.recording.actors import Actor
    from devplan.recording.models import Door
    from devplan.recording.rows import ProgressRow
    from devplan.recording.service import write

    categories = list(Category.objects.filter(name__in=["国省湘潭市投资项目", "本级政府投资项目", "市属国有企业投资项目",
                                                        "重点建设项目"]))
    projects = Project.objects.bulk_create(
        Project(region=region, ref=f"BENCH-{i:04d}", name=f"基准测试项目{i:04d}", owner="基准测试业主",
                start_year=2023, end_year=2025, total_investment=Decimal(10 + i % 40), illustrative=True)
        for i in range(count)
    )
    for i, project in enumerate(projects):
        project.categories.add(categories[i % len(categories)])
    for year in (2023, 2024):
        AnnualPlan.objects.bulk_create(AnnualPlan(project=p, year=year, planned_investment=Decimal("3.5"),
                                                  goal="完成主体工程", illustrative=True) for p in projects)
    rows = [ProgressRow(p, 2023, 10, {"completed": "2.75", "narrative": "主体施工", "illustrative": True}) for p in projects]
    write(Actor.of_system("基准测试", Door.SYNTH), rows, reason="基准测试项目")


def _cpu() -> tuple[float, float]:
    """CPU seconds so far of this process, and of its children that have ended (the PDF is laid out in
    forked children: docs/reports.md)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time(), children.ru_utime + children.ru_stime


def _seconds(build: Callable[[], Any], out: Path, **kinds: bool) -> dict[str, float]:
    """Elapsed and CPU seconds (this process's, its children's) of building and writing a document, and of
    collecting its garbage (writing pauses the collector; the collection it defers is counted here)."""
    from devplan.reports.service import write_documents

    def run() -> None:
        write_documents(build(), out, **kinds)
        gc.collect()

    own, children = _cpu()
    elapsed = timed(run)
    own_after, children_after = _cpu()
    return {"s": round(elapsed, 2), "cpu_s": round(own_after - own, 2),
            "children_cpu_s": round(children_after - children, 2)}


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    """The run of median elapsed time (an odd number of runs)."""
    return sorted(runs, key=lambda run: run["s"])[len(runs) // 2]


def _measured(name: str, runs: list[dict[str, float]]) -> dict[str, Any]:
    middle = _median(runs)
    return {f"{name}_s": middle["s"], f"{name}_cpu_s": middle["cpu_s"],
            f"{name}_children_cpu_s": middle["children_cpu_s"], f"{name}_runs_s": [run["s"] for run in runs]}


def run(quick: bool) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="devplan-bench-reports-"))
    setup_django(f"sqlite:///{folder / 'bench.db'}")
    from django.core.management import call_command

    from devplan.demo.loader import load_demo

    call_command("migrate", interactive=False, verbosity=0)
    from devplan.reports.brief import build_brief
    from devplan.reports.execution import build_report

    region = load_demo()
    report = functools.partial(build_report, region, 2023)
    brief = functools.partial(build_brief, region, 2023, 10)
    _seconds(report, folder / "warm-up")  # imports WeasyPrint and matplotlib, caches fonts
    demo = [_seconds(report, folder / f"demo-{number}") for number in range(RUNS)]
    briefs = [_seconds(brief, folder / f"brief-{number}", html=False, xlsx=False) for number in range(RUNS)]
    count = 50 if quick else 500
    _add_projects(region, count)
    large = _seconds(report, folder / "large")
    return {**_measured("demo_report", demo), "projects": count, "large_report_s": large["s"],
            "large_report_cpu_s": large["cpu_s"], "large_report_children_cpu_s": large["children_cpu_s"],
            **_measured("brief", briefs), "targets_s": {"demo": 3, "large": 10, "brief": 1},
            "load_average": [round(load, 2) for load in os.getloadavg()], "out": str(folder)}


if __name__ == "__main__":
    print(json.dumps(run("--quick" in sys.argv[1:]), ensure_ascii=False, indent=2))

"""Benchmark of `devplan report`: the demo region's full report (Word, PDF, HTML, Excel), and the same report
with 500 key projects (50 with --quick) added to the region; and of `devplan brief` for 2023-10 (Word, PDF).
Targets: under 3 s, under 10 s, under 1 s.

Besides the elapsed time it reports the CPU time the run took, and the load average: on a shared 2-core
machine the elapsed time grows with the other processes' load, the CPU time much less.

    python -m bench.reports [--quick]
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench.common import setup_django, timed


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


def _report_seconds(region: Any, out: Path) -> tuple[float, float]:
    """Elapsed and CPU seconds of building and writing the report, and of collecting its garbage (writing
    pauses the collector; the collection it defers is counted here)."""
    from devplan.reports.execution import build_report
    from devplan.reports.service import write_documents

    def run() -> None:
        write_documents(build_report(region, 2023), out)
        gc.collect()

    cpu = time.process_time()
    elapsed = timed(run)
    return round(elapsed, 2), round(time.process_time() - cpu, 2)


def _brief_seconds(region: Any, out: Path) -> tuple[float, float]:
    """Elapsed and CPU seconds of building and writing the brief for 2023-10, as `_report_seconds`."""
    from devplan.reports.brief import build_brief
    from devplan.reports.service import write_documents

    def run() -> None:
        write_documents(build_brief(region, 2023, 10), out, html=False, xlsx=False)
        gc.collect()

    cpu = time.process_time()
    elapsed = timed(run)
    return round(elapsed, 2), round(time.process_time() - cpu, 2)


def run(quick: bool) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="devplan-bench-reports-"))
    setup_django(f"sqlite:///{folder / 'bench.db'}")
    from django.core.management import call_command

    from devplan.demo.loader import load_demo

    call_command("migrate", interactive=False, verbosity=0)
    region = load_demo()
    _report_seconds(region, folder / "warm-up")  # imports WeasyPrint and matplotlib, caches fonts
    demo, demo_cpu = _report_seconds(region, folder / "demo")
    brief, brief_cpu = _brief_seconds(region, folder / "brief")
    count = 50 if quick else 500
    _add_projects(region, count)
    large, large_cpu = _report_seconds(region, folder / "large")
    return {"demo_report_s": demo, "demo_report_cpu_s": demo_cpu, "projects": count, "large_report_s": large,
            "large_report_cpu_s": large_cpu, "brief_s": brief, "brief_cpu_s": brief_cpu,
            "targets_s": {"demo": 3, "large": 10, "brief": 1},
            "load_average": [round(load, 2) for load in os.getloadavg()], "out": str(folder)}


if __name__ == "__main__":
    print(json.dumps(run("--quick" in sys.argv[1:]), ensure_ascii=False, indent=2))

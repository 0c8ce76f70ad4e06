"""Benchmark of `devplan report`: the demo region's full report (Word, PDF, HTML, Excel), and the same report
with 500 key projects (50 with --quick) added to the region. Targets: under 3 s and under 10 s.

    python -m bench.reports [--quick]
"""

from __future__ import annotations

import json
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench.common import setup_django, timed


def _add_projects(region: Any, count: int) -> None:
    from devplan.projects.models import AnnualPlan, Category, Progress, Project

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
    Progress.objects.bulk_create(Progress(project=p, year=2023, month=10, revision=1,
                                          completed_investment=Decimal("2.75"), narrative="主体施工",
                                          illustrative=True) for p in projects)


def _report_seconds(region: Any, out: Path) -> float:
    from devplan.reports.execution import build_report
    from devplan.reports.service import write_documents

    return timed(lambda: write_documents(build_report(region, 2023), out))


def run(quick: bool) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="devplan-bench-reports-"))
    setup_django(f"sqlite:///{folder / 'bench.db'}")
    from django.core.management import call_command

    from devplan.demo.loader import load_demo

    call_command("migrate", interactive=False, verbosity=0)
    region = load_demo()
    _report_seconds(region, folder / "warm-up")  # imports WeasyPrint and matplotlib, caches fonts
    demo = _report_seconds(region, folder / "demo")
    count = 50 if quick else 500
    _add_projects(region, count)
    large = _report_seconds(region, folder / "large")
    return {"demo_report_s": round(demo, 2), "projects": count, "large_report_s": round(large, 2),
            "targets_s": {"demo": 3, "large": 10}, "out": str(folder)}


if __name__ == "__main__":
    print(json.dumps(run("--quick" in sys.argv[1:]), ensure_ascii=False, indent=2))

"""`devplan synth --regions N --indicators K --years Y --projects P --seed S`: synthetic data at any size."""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.scale.synth import SynthResult, SynthSpec, synthesise

DEFAULT_PROJECTS = 5


class Command(DevplanCommand):
    help = ("生成任意规模的模拟数据（省—市—县树、月度累计数据、各类目标、重点项目及其月度进展、少量修订），"
            "同一种子结果相同")

    def add_arguments(self, parser: CommandParser) -> None:
        defaults = SynthSpec()
        parser.add_argument("--regions", type=int, default=defaults.regions, help="县级单位个数（默认 2844）")
        parser.add_argument("--indicators", type=int, default=defaults.indicators, help="指标个数（默认 50）")
        parser.add_argument("--years", type=int, default=defaults.years, help="年数（默认 3）")
        parser.add_argument("--first-year", type=int, default=defaults.first_year, help="第一年（默认 2022）")
        parser.add_argument("--projects", type=int, default=DEFAULT_PROJECTS,
                            help=f"每个县的重点项目个数（默认 {DEFAULT_PROJECTS}，0 为不生成项目）")
        parser.add_argument("--seed", type=int, default=defaults.seed, help="随机种子（默认 1）")

    def handle(self, *args: Any, **options: Any) -> None:
        spec = SynthSpec(options["regions"], options["indicators"], options["years"], options["first_year"],
                         options["seed"], options["projects"])
        started = time.perf_counter()
        result = synthesise(spec, progress=sys.stderr.isatty())
        self.stdout.write(summary(result, time.perf_counter() - started))


def summary(result: SynthResult, seconds: float) -> str:
    text = (f"已生成 {result.counties} 个县级单位、{result.indicators} 个指标、{result.figures} 条月度数据"
            f"（其中 {result.revisions} 条另有修订）、{result.targets} 个年度目标")
    projects = result.projects
    if projects.projects:
        text += (f"、{projects.projects} 个重点项目及 {projects.progress} 条月度进展（其中 {projects.revisions} 条另有修订，"
                 f"{projects.lagging} 个项目末年进度滞后）")
    return f"{text}，用时 {seconds:.1f} 秒。"

"""`devplan synth --regions N --indicators K --years Y --seed S`: synthetic data at any size."""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.scale.synth import SynthSpec, synthesise


class Command(DevplanCommand):
    help = "生成任意规模的模拟数据（省—市—县树、月度累计数据、各类目标、少量修订），同一种子结果相同"

    def add_arguments(self, parser: CommandParser) -> None:
        defaults = SynthSpec()
        parser.add_argument("--regions", type=int, default=defaults.regions, help="县级单位个数（默认 2844）")
        parser.add_argument("--indicators", type=int, default=defaults.indicators, help="指标个数（默认 50）")
        parser.add_argument("--years", type=int, default=defaults.years, help="年数（默认 3）")
        parser.add_argument("--first-year", type=int, default=defaults.first_year, help="第一年（默认 2022）")
        parser.add_argument("--seed", type=int, default=defaults.seed, help="随机种子（默认 1）")

    def handle(self, *args: Any, **options: Any) -> None:
        spec = SynthSpec(options["regions"], options["indicators"], options["years"], options["first_year"],
                         options["seed"])
        started = time.perf_counter()
        result = synthesise(spec, progress=sys.stderr.isatty())
        self.stdout.write(
            f"已生成 {result.counties} 个县级单位、{result.indicators} 个指标、{result.figures} 条月度数据"
            f"（其中 {result.revisions} 条另有修订）、{result.targets} 个年度目标，用时 {time.perf_counter() - started:.1f} 秒。"
        )

"""`devplan import-csv FILE`: bulk import of figures in the long CSV format, all or nothing."""

from __future__ import annotations

import getpass
import time
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.scale.csv_figures import import_figures_csv


class Command(DevplanCommand):
    help = "批量导入长表 CSV（region,indicator,period,value,growth_pct,note）：全部导入或全部不导入"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="UTF-8 编码的 CSV 文件")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        started = time.perf_counter()
        count = import_figures_csv(path, by_name=f"import-csv ({getpass.getuser()})")
        seconds = time.perf_counter() - started
        self.stdout.write(f"已导入 {count} 行（{path.name}，{seconds:.1f} 秒），每行一条新修订。")

"""`devplan import-csv FILE`: bulk import of indicator figures or project progress in the long CSV format,
told apart by the header row; all or nothing."""

from __future__ import annotations

import getpass
import time
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.scale.csv_import import import_csv


class Command(DevplanCommand):
    help = (
        "批量导入长表 CSV，按表头识别：指标数据（region,indicator,period,value,growth_pct,note）"
        "或项目月度进展（project,period,completed_investment,status,narrative,note）；全部导入或全部不导入"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="UTF-8 编码的 CSV 文件")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        started = time.perf_counter()
        kind, count = import_csv(path, by_name=f"import-csv ({getpass.getuser()})")
        seconds = time.perf_counter() - started
        self.stdout.write(f"已导入 {count} 行{kind.name}（{path.name}，{seconds:.1f} 秒），每行一条新修订。")

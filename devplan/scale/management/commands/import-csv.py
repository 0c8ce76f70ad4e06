"""`devplan import-csv FILE [--by NAME] [--reason TEXT]`: bulk import of indicator figures or project
progress in the long CSV format, told apart by the header row; through the one door's bulk path, official at
once (the operator is recorded), all or nothing."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.recording.actors import BY_HELP, Actor
from devplan.recording.models import Door
from devplan.scale.csv_import import import_csv


class Command(DevplanCommand):
    help = (
        "批量导入长表 CSV，按表头识别：指标数据（region,indicator,period,value,growth_pct,note）"
        "或项目月度进展（project,period,completed_investment,status,narrative,note）；全部导入或全部不导入"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="UTF-8 编码的 CSV 文件")
        parser.add_argument("--by", help=BY_HELP)
        parser.add_argument("--reason", default="", help="导入原因（记入修改记录；默认“批量导入 文件名”）")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        started = time.perf_counter()
        kind, change_set = import_csv(path, Actor.of_operator(Door.CLI_CSV, options["by"]), reason=options["reason"])
        seconds = time.perf_counter() - started
        if change_set is None:
            self.stdout.write(f"{path.name} 的每一行都与已记录的数据相同，没有新增修订（{seconds:.1f} 秒）。")
            return
        self.stdout.write(f"已导入 {change_set.rows} 行{kind.name}（{path.name}，{seconds:.1f} 秒），"
                          f"修改记录 #{change_set.pk}。")

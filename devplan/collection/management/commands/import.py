"""`devplan import FILE [--json]`: import a filled template, all of it or nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.collection.excel.problems import ImportRejected
from devplan.collection.excel.workbook import import_workbook
from devplan.recording.actors import BY_HELP, Actor
from devplan.recording.models import Door


class Command(DevplanCommand):
    help = "导入已填写的 Excel 模板；有任何错误则整份不导入，并逐一列出错误所在的工作表、行、列和原因"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="已填写的模板文件（.xlsx）")
        parser.add_argument("--by", help=BY_HELP)
        parser.add_argument("--json", action="store_true", help="输出 JSON（供程序读取）")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            result = import_workbook(path, Actor.of_operator(Door.CLI_EXCEL, options["by"]))
        except ImportRejected as rejected:
            if options["json"]:
                report = {"file": path.name, "accepted": False, "problems": [p.as_json() for p in rejected.problems]}
                self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
            raise
        if options["json"]:
            report = {"file": path.name, "accepted": True, "kind": result.kind, "region": result.region,
                      "party": result.party, "period": result.period, "rows": result.rows,
                      "change_set": result.outcome.change_set.pk if result.outcome.change_set else None,
                      "revisions": len(result.outcome.revisions), "unchanged": result.outcome.unchanged,
                      "problems": []}
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(result.sentence())

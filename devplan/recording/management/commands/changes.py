"""`devplan changes [--region R] [--since DATE] [--show ID] [--revert ID --reason TEXT] [--by NAME] [--json]`:
the change sets (who, when, door, rows, periods), one change set's rows as old → new, and reverting one."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from django.core.management.base import CommandParser
from django.utils import timezone

from devplan.cli.base import DevplanCommand
from devplan.lib import table
from devplan.lib.errors import NotFound, UsageError
from devplan.recording.actors import BY_HELP, Actor
from devplan.recording.changes import change_sets, revert, rows_of
from devplan.recording.models import ChangeSet, Door
from devplan.regions.lookup import find_region


def _since(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--since 应为 YYYY-MM-DD 格式的日期，而不是“{text}”") from None
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def _find(pk: int) -> ChangeSet:
    change_set = ChangeSet.objects.filter(pk=pk).first()
    if change_set is None:
        raise NotFound(f"没有编号为 {pk} 的修改记录")
    return change_set


def summary(change_set: ChangeSet) -> dict[str, Any]:
    return {
        "id": change_set.pk, "at": change_set.at.isoformat(), "by": change_set.actor_name,
        "door": change_set.door, "door_name": change_set.get_door_display(), "reason": change_set.reason,
        "file": change_set.file_name or None, "sha256": change_set.file_sha256 or None, "rows": change_set.rows,
        "periods": change_set.periods, "submission": change_set.submission_id, "reverts": change_set.reverts_id,
    }


class Command(DevplanCommand):
    help = "修改记录：列出每次写入（谁、何时、途径、行数、期间），查看某次修改的新旧值，或撤销某次修改（追加恢复原值的新修订）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", help="只列出某行政区的修改（名称或代码）")
        parser.add_argument("--since", help="只列出此日期（YYYY-MM-DD）以来的修改")
        parser.add_argument("--show", type=int, metavar="ID", help="列出某次修改的每一行（原值 → 新值）")
        parser.add_argument("--revert", type=int, metavar="ID", help="撤销某次修改：追加恢复原值的新修订（须写 --reason）")
        parser.add_argument("--reason", default="", help="--revert 时：撤销原因")
        parser.add_argument("--by", help=BY_HELP)
        parser.add_argument("--limit", type=int, default=50, help="最多列出多少条（默认 50）")
        parser.add_argument("--json", action="store_true", help="输出 JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["revert"]:
            done = revert(Actor.of_operator(Door.CLI, options["by"]), _find(options["revert"]), options["reason"])
            self.stdout.write(f"已撤销修改记录 #{options['revert']}：新增修改记录 #{done.pk}，恢复 {done.rows} 条数据。")
            return
        if options["show"]:
            self._show(_find(options["show"]), options["json"], options["limit"])
            return
        region = find_region(options["region"]) if options["region"] else None
        found = list(change_sets(region, _since(options["since"]))[: options["limit"]])
        if options["json"]:
            self.stdout.write(json.dumps([summary(c) for c in found], ensure_ascii=False, indent=2))
            return
        rows = [[f"#{c.pk}", timezone.localtime(c.at).strftime("%Y-%m-%d %H:%M"), c.actor_name, c.get_door_display(),
                 str(c.rows), "、".join(c.periods[:4]) + ("…" if len(c.periods) > 4 else ""), c.reason[:30]]
                for c in found]
        self.stdout.write(table.render(["编号", "时间", "操作人", "途径", "行数", "期间", "原因"], rows,
                                       numeric=[False, False, False, False, True, False, False]))

    def _show(self, change_set: ChangeSet, as_json: bool, limit: int) -> None:
        shown, total = rows_of(change_set, limit)
        if as_json:
            body = {**summary(change_set), "total": total,
                    "changes": [{"record": c.record, "revision": c.revision,
                                 "fields": [{"field": f, "old": o, "new": n} for f, o, n in c.fields]} for c in shown]}
            self.stdout.write(json.dumps(body, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"修改记录 #{change_set.pk}：{change_set.actor_name}，{timezone.localtime(change_set.at):%Y-%m-%d %H:%M}，"
                          f"{change_set.get_door_display()}，{change_set.reason or '（无原因）'}"
                          f"{'，文件 ' + change_set.file_name if change_set.file_name else ''}，共 {total} 行")
        for changed in shown:
            diffs = "；".join(f"{f}：{o} → {n}" for f, o, n in changed.fields) or "（无变化）"
            self.stdout.write(f"  {changed.record}（第{changed.revision}次修订）　{diffs}")
        if total > len(shown):
            self.stdout.write(f"  …… 另有 {total - len(shown)} 行未列出")

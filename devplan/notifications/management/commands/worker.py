"""`devplan worker`: the scheduled work — reminders, notifications, daily digests — beside `devplan serve`."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.lib.errors import DevplanError
from devplan.notifications.scheduler import run_pass


class Command(DevplanCommand):
    help = ("运行后台任务：生成报送提醒、退回和督办通知，并按用户选择的邮件或群机器人发送（失败的按 1、5、25、125 分钟"
            "重试）；--once 只运行一轮，供 cron 或 systemd 定时器调用")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="只运行一轮后退出")
        parser.add_argument("--interval", type=int, default=60, help="两轮之间等待的秒数（默认 60）")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            try:
                done = run_pass()
            except DevplanError as exc:
                if options["once"]:
                    raise
                self.stderr.write(exc.sentence())  # a failed pass is tried again; the worker keeps running
            else:
                self.stdout.write(f"本轮新增通知 {done.new} 条，安排发送 {done.planned} 条，发出 {done.sent} 条，"
                                  f"发送失败 {done.failed} 条（稍后重试）。")
            if options["once"]:
                return
            time.sleep(max(options["interval"], 1))

"""`devplan serve [--host 127.0.0.1] [--port 8000] [--workers N] [--demo-accounts]`: the web app and its
JSON API under gunicorn (sync workers, by default 2 × CPU cores + 1), static files through WhiteNoise."""

from __future__ import annotations

import os
import sys
import tempfile
from importlib import import_module
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser

from devplan.cli.base import DevplanCommand
from devplan.lib.errors import DevplanError
from devplan.lib.table import pad
from devplan.regions.models import Region
from devplan.web.limits import clear_stale_uploads


def gunicorn_command(host: str, port: int, workers: int) -> list[str]:
    return [
        sys.executable, "-m", "gunicorn", "devplan.wsgi:application",
        "--worker-class", "sync", "--workers", str(workers), "--bind", f"{host}:{port}",
        "--access-logfile", "-", "--graceful-timeout", "5",
        # A report built on a click (Word, PDF, HTML, Excel: seconds on an idle machine, 20–30 s on a loaded
        # one) must not meet gunicorn's default 30 s worker timeout, which kills it and answers 500.
        "--timeout", str(settings.DEVPLAN_WORKER_TIMEOUT),
        # One control socket per server (gunicorn's default is shared: stopping one server removed another's).
        "--control-socket", str(Path(tempfile.gettempdir()) / f"devplan-gunicorn-{os.getuid()}-{port}.ctl"),
    ]


def default_workers() -> int:
    """gunicorn's rule for sync workers: while one builds a report or audits a file (one core busy), the
    others keep answering the pages and the status table without waiting in its queue."""
    return 2 * (os.cpu_count() or 1) + 1


class Command(DevplanCommand):
    help = "启动网页应用和 JSON API（gunicorn）；--demo-accounts 为示例数据库创建各角色的示例账户"
    requires_system_checks = "__all__"  # what it serves is what the checks look at

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
        parser.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
        parser.add_argument("--workers", type=int, default=default_workers(),
                            help=f"工作进程数（默认 CPU 核数×2+1，本机 {default_workers()}）")
        parser.add_argument(
            "--demo-accounts", action="store_true", help="创建并打印各角色的示例账户（仅限含示例数据的数据库）"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.SECRET_KEY == settings.DEVELOPMENT_KEY and not settings.DEBUG:
            # Anyone can read the development key in the source and forge sessions and signed templates.
            said = "DEVPLAN_SECRET_KEY 是源代码中的开发密钥" if "DEVPLAN_SECRET_KEY" in os.environ else "没有设置 DEVPLAN_SECRET_KEY"
            raise DevplanError(f"{said}：正式运行必须设置至少 32 个字符的随机密钥（如 python -c "
                               "\"import secrets; print(secrets.token_urlsafe(48))\" 的输出），不能用源代码中的开发密钥；"
                               "试用示例请运行 make demo（它会生成并保存一个本机密钥）")
        Region.objects.exists()  # a database without the schema stops here with one sentence
        clear_stale_uploads()
        # Expired logins pile up otherwise (Django's clearsessions is not a devplan command).
        import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
        if settings.STATIC_ROOT:
            Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # WhiteNoise expects it, even empty
        if options["demo_accounts"]:
            self._print_demo_accounts()
        host, port = options["host"], options["port"]
        self.stdout.write(f"devplan 已启动：http://{host}:{port}/  （API 文档 http://{host}:{port}/api/docs，Ctrl-C 停止）")
        self.stdout.flush()
        # Become gunicorn: Ctrl-C and SIGTERM reach it directly and it stops its workers cleanly.
        command = gunicorn_command(host, port, options["workers"])
        os.execv(command[0], command)

    def _print_demo_accounts(self) -> None:
        from devplan.accounts.demo import ensure_demo_accounts

        self.stdout.write("示例账户（仅用于示例数据库）：")
        for account in ensure_demo_accounts():
            self.stdout.write(f"  {pad(account.label, 40)} 用户名 {account.username:<10} 密码 {account.password}")

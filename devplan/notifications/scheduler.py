"""One pass of `devplan worker`: enqueue the scheduled tasks, then run every task that is due on the
database backend (`django_tasks_db`'s worker in batch mode, which stops when none is left). With another
backend (the immediate one in development) enqueueing has already run them. Old task results are pruned."""

from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.tasks import TaskResult, TaskResultStatus
from django.utils import timezone
from django_tasks_db import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from devplan.lib.errors import DevplanError
from devplan.notifications.tasks import brief_locked_months, collect_notifications, send_notifications

WAIT_SECONDS = 300
# Three results a pass, a pass a minute: a day's successful runs are kept, failed ones a month (to read why).
KEEP_SUCCESSFUL, KEEP_FAILED = timedelta(days=1), timedelta(days=30)


@dataclass(frozen=True)
class Pass:
    new: int
    planned: int
    sent: int
    failed: int


def _value(result: TaskResult) -> list[int]:
    """The task's return value; a task another worker took is waited for (it runs for seconds, not minutes)."""
    waited = 0.0
    while isinstance(result.task.get_backend(), DatabaseBackend):
        result.refresh()
        if result.is_finished or waited >= WAIT_SECONDS:
            break
        time.sleep(0.2)
        waited += 0.2
    if result.status != TaskResultStatus.SUCCESSFUL:
        why = result.errors[-1].traceback.strip().splitlines()[-1] if result.errors else result.status
        raise DevplanError(f"后台任务 {result.task.name} 未能完成（{why}），下一轮会再试")
    value = result.return_value
    return value if isinstance(value, list) else [value]


def run_pass() -> Pass:
    collected, briefed = collect_notifications.enqueue(), brief_locked_months.enqueue()
    sending = send_notifications.enqueue()
    backend = collect_notifications.get_backend()
    if isinstance(backend, DatabaseBackend):
        Worker(queue_names=["*"], excluded_queue_names=[], interval=0, batch=True, startup_delay=False,
               backend_name=backend.alias, max_tasks=None,
               worker_id=f"devplan-{socket.gethostname()}-{os.getpid()}"[-64:]).run()
    [new], [announced], [planned, sent, failed] = _value(collected), _value(briefed), _value(sending)
    _prune(timezone.now())
    return Pass(new + announced, planned, sent, failed)


def _prune(now: datetime) -> None:
    DBTaskResult.objects.finished().filter(
        Q(status=TaskResultStatus.SUCCESSFUL, finished_at__lt=now - KEEP_SUCCESSFUL)
        | Q(status=TaskResultStatus.FAILED, finished_at__lt=now - KEEP_FAILED)).delete()

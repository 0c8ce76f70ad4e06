"""The scheduled work as tasks of Django's tasks framework (`django.tasks`): the worker enqueues them every
pass and the database backend (`django_tasks_db`) runs them, recording each run in its table."""

from __future__ import annotations

from django.tasks import task

from devplan.notifications import briefs, delivery, producers


@task
def collect_notifications() -> int:
    """Today's reminders and the events since the previous run, as notifications; how many are new."""
    return producers.collect()


@task
def brief_locked_months() -> int:
    """The brief of each month locked since, built and announced; how many notifications that made."""
    return briefs.locked_month_briefs()


@task
def send_notifications() -> list[int]:
    """Plan the new notifications' deliveries and send what is due; [planned, sent, failed]."""
    planned = delivery.plan()
    sent, failed = delivery.send_due()
    return [planned, sent, failed]

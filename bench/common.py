"""Shared by the benchmarks: Django set-up against a chosen database, fresh PostgreSQL databases, medians
and peak memory."""

from __future__ import annotations

import os
import resource
import statistics
import time
from collections.abc import Callable

PG_SERVER = os.environ.get("DEVPLAN_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def setup_django(db_url: str) -> None:
    os.environ["DEVPLAN_DB"] = db_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devplan.settings")
    import django

    django.setup()


def fresh_postgres(name: str) -> str:
    """Drop and create the database `name` on the bench server; return its URL."""
    import psycopg

    with psycopg.connect(PG_SERVER, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG_SERVER.rsplit("/", 1)[0] + "/" + name


def drop_postgres(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_SERVER, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    return statistics.median(timed(fn) for _ in range(runs))


def peak_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

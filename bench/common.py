"""Shared by the benchmarks: Django set-up against a chosen database, fresh PostgreSQL databases, medians
and peak memory."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PG_SERVER = os.environ.get("DEVPLAN_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
# The bench's PostgreSQL databases are named PREFIX_size, PREFIX_api, …: another prefix lets two clones
# benchmark on one server without dropping each other's databases.
DB_PREFIX = os.environ.get("DEVPLAN_BENCH_DB_PREFIX", "devplan_bench")


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


WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format('{"requests": %d, "seconds": %.3f, "errors": %d, "non2xx": %d, '
    .. '"p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f}\\n',
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def paced(script: str, pause_ms: int) -> str:
    """The wrk script with each connection waiting `pause_ms` after an answer before its next request (wrk calls
    `delay()`; the latency it records starts when the request is sent, so the pause is not counted)."""
    return f"delay = function() return {pause_ms} end\n{script}"


def wrk(url: str, seconds: int, connections: int, script: Path) -> dict[str, Any]:
    """wrk from its own process: `connections` keep-alive connections asking `url` back to back for `seconds`;
    requests, errors and latency percentiles (WRK_REPORT, written to `script`)."""
    out = subprocess.run(
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency", "-s", str(script), url],
        capture_output=True, text=True, check=True, timeout=seconds + 60,
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["rps"] = round(result["requests"] / result["seconds"], 1)
    return result

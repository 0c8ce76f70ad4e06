"""Running a `devplan` command and killing it with SIGKILL after a given delay, and reading a table's row
count straight from the database (no Django in between) to see what the killed run left behind."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass

from tests.conftest import ROOT


@dataclass(frozen=True)
class Run:
    finished: bool  # the command ended by itself before the kill
    seconds: float


def run_and_kill(*args: str, db: str, after: float | None) -> Run:
    """Start `devplan args...`; SIGKILL it `after` seconds in (None: let it finish and require success)."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "devplan", *args], cwd=ROOT, env={**os.environ, "DEVPLAN_DB": db},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _out, err = process.communicate(timeout=after if after is not None else 300)
    except subprocess.TimeoutExpired:
        process.kill()  # SIGKILL: no handler, no clean-up, no rollback by the process itself
        process.communicate()
        return Run(False, time.perf_counter() - started)
    if process.returncode != 0:
        raise AssertionError(f"devplan {' '.join(args)} failed: {err.decode()[-600:]}")
    return Run(True, time.perf_counter() - started)


def count_rows(db: str, table: str) -> int:
    """The committed rows of `table` in the database at `db`."""
    if db.startswith("sqlite:///"):
        with sqlite3.connect(db.removeprefix("sqlite:///")) as conn:
            return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    import psycopg

    with psycopg.connect(db.replace("postgres://", "postgresql://", 1)) as conn:
        row = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

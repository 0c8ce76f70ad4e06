"""`make bench` / `make bench-quick`: every benchmark in its own process, one table, docs/benchmarks.md.

    python -m bench [--quick] [--out docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import DB_PREFIX, drop_postgres, fresh_postgres
from bench.report import machine, write_markdown

ROOT = Path(__file__).resolve().parent.parent


def child(*args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run `python -m <args>` and return its JSON, with its wall time and its own peak memory."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen([sys.executable, "-m", *args], stdout=out, stderr=err, cwd=ROOT,
                                   env={**os.environ, **(env or {})})
        # wait4 reaps the child with its own resource usage: its peak memory, not the largest child's so far.
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{stderr[-2000:]}")
    result: dict[str, Any] = json.loads(stdout[stdout.index("{"):]) if "{" in stdout else {}
    result["wall_seconds"] = round(time.perf_counter() - started, 2)
    result["process_peak_mb"] = round(usage.ru_maxrss / 1024, 1)
    return result


def scale(backend: str, size: str, quick: bool) -> dict[str, Any]:
    prepared = child("bench.scale", "prepare", "--backend", backend, "--size", size)
    runs = "1" if quick else "3"
    imported = child("bench.scale", "import", "--db", prepared["db"], "--csv", prepared["csv"],
                     "--revisions-csv", prepared["revisions_csv"], "--runs", runs)
    queries = child("bench.scale", "queries", "--db", prepared["db"], "--runs", "5" if quick else "30")
    reverted = child("bench.scale", "revert", "--db", prepared["db"], "--csv", prepared["csv"],
                     "--rows", "2000" if quick else "100000")
    if backend == "postgresql":
        drop_postgres(prepared["db"].rsplit("/", 1)[1])
    return {"prepare": prepared, "import": imported, "queries": queries, "revert": reverted}


def api(quick: bool) -> dict[str, Any]:
    url = fresh_postgres(f"{DB_PREFIX}_api")
    subprocess.run([sys.executable, "-m", "devplan", "init", "--demo"], cwd=ROOT, check=True,
                   env={**os.environ, "DEVPLAN_DB": url}, capture_output=True)
    try:
        return child("bench.api", "--db", url, *(["--quick"] if quick else []))
    finally:
        drop_postgres(f"{DB_PREFIX}_api")


def load(quick: bool) -> dict[str, Any]:
    """Reports, audits and /api/status at once against `devplan serve` on PostgreSQL (bench/load.py)."""
    url = fresh_postgres(f"{DB_PREFIX}_load")
    try:
        return child("bench.load", "--db", url, *(["--quick"] if quick else []))
    finally:
        drop_postgres(f"{DB_PREFIX}_load")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI: keeps the benchmarks working")
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args(argv)
    quick_flag = ["--quick"] if args.quick else []
    size = "quick" if args.quick else "full"
    started = time.perf_counter()
    results: dict[str, Any] = {"machine": machine(), "quick": args.quick}
    results["audit"] = child("bench.audit", *quick_flag)
    results["reports"] = child("bench.reports", *quick_flag)
    results["postgresql"] = scale("postgresql", size, args.quick)
    results["sqlite"] = scale("sqlite", size, args.quick)
    results["api"] = api(args.quick)
    results["load"] = load(args.quick)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    table = write_markdown(results, Path(args.out))
    print(table)
    print(f"\n写入 {args.out}（共 {results['total_seconds']} 秒）")


if __name__ == "__main__":
    main(sys.argv[1:])

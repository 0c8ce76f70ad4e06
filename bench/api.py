"""`/api/status` under load from a second process on loopback (wrk, 50 connections, fixed duration),
against a bare endpoint of the same server that returns a constant (`/api/health`).

    python -m bench.api --db URL [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import WRK_REPORT, wrk


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(port: int, path: str, seconds: float = 30) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the server on port {port} did not answer {path}")


def bench_api(db: str, region: str, year: int, quick: bool) -> dict[str, Any]:
    if shutil.which("wrk") is None:
        return {"skipped": "wrk is not installed (apt-get install wrk)"}
    port = _free_port()
    env = {**os.environ, "DEVPLAN_DB": db}
    workers = "2"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "devplan.wsgi:application", "-w", workers, "-b", f"127.0.0.1:{port}",
         "--log-level", "warning", "--keep-alive", "30"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    seconds, connections = (3, 50) if quick else (15, 50)
    status_path = f"/api/status?region={region}&year={year}"
    try:
        _wait_until_up(port, status_path)
        with tempfile.TemporaryDirectory() as folder:
            script = Path(folder) / "report.lua"
            script.write_text(WRK_REPORT, encoding="utf-8")
            bare = wrk(f"http://127.0.0.1:{port}/api/health", seconds, connections, script)
            status = wrk(f"http://127.0.0.1:{port}{status_path}", seconds, connections, script)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "workers": int(workers), "connections": connections, "seconds": seconds,
        "status": status, "bare": bare,
        "throughput_ratio": round(status["rps"] / bare["rps"], 2),
    }


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.api")
    parser.add_argument("--db", required=True)
    parser.add_argument("--region", default="430381")
    parser.add_argument("--year", type=int, default=2023)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    print(json.dumps(bench_api(args.db, args.region, args.year, args.quick), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])

"""A load test from second processes: `devplan serve` (gunicorn, its default number of sync workers) on the
demo database while, for a fixed time, 10 users (logged in before it) download reports
(`report.pdf`, `brief.docx`) again and again, 5 users upload a report to the audit page again and again, and
50 connections read `/api/status`, each asking again 100 ms after its answer — up to 500 requests a second
(wrk, in its own process: a Python client with 65 threads measured its own waiting for the interpreter lock
more than the server). The pause is what makes it a measure of latency: 50 connections asking back to back
measure throughput instead (each waits for the 49 others: mean latency = 50 ÷ requests per second, Little's
law), which bench/api.py measures on its own.

    python -m bench.load [--quick] [--db URL]

Without --db the demo goes into a fresh SQLite file. The reports are built once before the timed window
(their build time is reported as `warm_up_s`): the window measures serving them from the cache, which is
what every download after the first does. The users are threads of this process (http.client); the status
readers are wrk's.

Goal printed beside the figures: /api/status p95 < 100 ms, no 5xx, no worker killed. A missed goal does not
fail the run (exit 0); only a crash does. A 429 (the per-user limit on expensive requests) is counted apart:
it is the server's answer to a user asking too much at once, not a failure.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

from bench.common import WRK_REPORT, paced

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "xiangxiang-2023-plan-report.txt"
REGION, YEAR, MONTH = "430381", 2023, 10
STATUS_PATH = f"/api/status?region={REGION}&year={YEAR}"
DOWNLOADS = (f"/reports/{REGION}/{YEAR}/{MONTH}/report.pdf", f"/reports/{REGION}/{YEAR}/{MONTH}/brief.docx")
PASSWORD = "load-test-password-2023"
REPORT_USERS, AUDIT_USERS, STATUS_CONNECTIONS = 10, 5, 50
STATUS_PAUSE_MS = 100


@dataclass
class Group:
    """What one group of clients saw: latencies of answered requests, and what went wrong."""

    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    connection_errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, status: int, ms: float) -> None:
        with self.lock:
            self.latencies_ms.append(ms)
            self.statuses[status] = self.statuses.get(status, 0) + 1

    def failed(self) -> None:
        with self.lock:
            self.connection_errors += 1

    def summary(self) -> dict[str, Any]:
        values = sorted(self.latencies_ms)

        def pct(p: float) -> float | None:
            return round(values[min(len(values) - 1, int(p / 100 * len(values)))], 1) if values else None

        return {
            "count": len(values),
            "p50_ms": round(statistics.median(values), 1) if values else None,
            "p95_ms": pct(95), "p99_ms": pct(99), "max_ms": round(values[-1], 1) if values else None,
            "server_errors": sum(n for s, n in self.statuses.items() if s >= 500),
            "limited_429": self.statuses.get(429, 0),
            "other_4xx": sum(n for s, n in self.statuses.items() if 400 <= s < 500 and s != 429),
            "connection_errors": self.connection_errors,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
        }


class Client:
    """One keep-alive connection with its cookies (a browser tab, roughly)."""

    def __init__(self, port: int, timeout: float = 60) -> None:
        self.port, self.timeout = port, timeout
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        sent = dict(headers or {})
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            self.conn.request(method, path, body=body, headers=sent)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.close()
            raise
        for header in response.headers.get_all("Set-Cookie") or []:
            jar: SimpleCookie = SimpleCookie()
            jar.load(header)
            self.cookies.update({name: morsel.value for name, morsel in jar.items()})
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        return response.status, data

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def timed(group: Group, client: Client, method: str, path: str, body: bytes | None = None,
          headers: dict[str, str] | None = None) -> tuple[int, bytes] | None:
    started = time.perf_counter()
    try:
        status, data = client.request(method, path, body, headers)
    except (OSError, http.client.HTTPException):
        group.failed()
        time.sleep(0.05)
        return None
    group.record(status, (time.perf_counter() - started) * 1000)
    return status, data


def login(group: Group, client: Client, username: str) -> str | None:
    body = json.dumps({"username": username, "password": PASSWORD}).encode()
    answer = timed(group, client, "POST", "/api/login", body, {"Content-Type": "application/json"})
    if answer is None or answer[0] != 200:
        return None
    return str(json.loads(answer[1]).get("csrf_token", "")) or client.cookies.get("csrftoken")


def signed_in(port: int, username: str, logins: Group) -> tuple[Client, str]:
    """A client with a session and its CSRF token: the users log in before the window, one after the other,
    as people do over a morning (a login is an Argon2 hash on purpose; fifteen at once are not what the
    window measures)."""
    client = Client(port)
    for _attempt in range(5):
        csrf = login(logins, client, username)
        if csrf is not None:
            return client, csrf
        time.sleep(0.5)
    raise RuntimeError(f"{username} could not log in")


def report_user(client: Client, stop: float, downloads: Group) -> None:
    """Download the report and the brief again and again."""
    while time.monotonic() < stop:
        for path in DOWNLOADS:
            if time.monotonic() >= stop:
                break
            answer = timed(downloads, client, "GET", path)
            if answer is not None and answer[0] == 429:
                time.sleep(0.5)
    client.close()


def multipart(name: str, content: bytes, csrf: str) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = b"".join([
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrfmiddlewaretoken\"\r\n\r\n{csrf}\r\n".encode(),
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"report\"; filename=\"{name}\"\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n".encode(), content, b"\r\n",
        f"--{boundary}--\r\n".encode(),
    ])
    return body, f"multipart/form-data; boundary={boundary}"


def audit_user(client: Client, csrf: str, stop: float, text: bytes, uploads: Group) -> None:
    """Upload the seed report to the audit page again and again."""
    while time.monotonic() < stop:
        body, content_type = multipart("report.txt", text, csrf)
        answer = timed(uploads, client, "POST", "/audit/", body,
                       {"Content-Type": content_type, "X-CSRFToken": csrf,
                        "Referer": f"http://127.0.0.1:{client.port}/audit/"})
        if answer is not None and answer[0] == 429:
            time.sleep(0.5)
    client.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(port: int, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"devplan serve stopped with code {server.returncode}")
        try:
            if Client(port, timeout=5).request("GET", "/api/health")[0] == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"devplan serve did not answer on port {port}")


def prepare(db: str, env: dict[str, str]) -> None:
    """The demo data and 15 viewer accounts of the demo region (one per simulated user)."""
    subprocess.run([sys.executable, "-m", "devplan", "init", "--demo"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    script = (
        "import django; django.setup()\n"
        "from devplan.accounts.models import Role\n"
        "from devplan.accounts.services import add_user\n"
        "from devplan.regions.models import Region\n"
        f"region = Region.objects.get(code='{REGION}')\n"
        f"for name in {[*usernames('load-r', REPORT_USERS), *usernames('load-a', AUDIT_USERS)]!r}:\n"
        f"    add_user(name, Role.VIEWER, {PASSWORD!r}, region, check_password=False)\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "devplan.settings"},
                   check=True, capture_output=True)


def usernames(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{n:02d}" for n in range(1, count + 1)]


def warm_up(port: int) -> float:
    """Build the cached report and brief once, one after the other (the server runs one expensive request at a
    time: DEVPLAN_EXPENSIVE_AT_ONCE), as the first downloads after a data change pay."""
    started = time.perf_counter()
    failures: list[str] = []
    for path in DOWNLOADS:
        client = Client(port, timeout=300)
        body = json.dumps({"username": "load-r01", "password": PASSWORD}).encode()
        status, _ = client.request("POST", "/api/login", body, {"Content-Type": "application/json"})
        status = client.request("GET", path)[0] if status == 200 else status
        if status != 200:
            failures.append(f"{path} answered {status}")
        client.close()
    if failures:
        raise RuntimeError("; ".join(failures))
    return round(time.perf_counter() - started, 2)


def _status_readers(port: int, seconds: int, folder: Path) -> subprocess.Popen[str]:
    script = folder / "report.lua"
    script.write_text(paced(WRK_REPORT, STATUS_PAUSE_MS), encoding="utf-8")
    return subprocess.Popen(
        ["wrk", "-t", "2", "-c", str(STATUS_CONNECTIONS), "-d", f"{seconds}s", "-s", str(script),
         f"http://127.0.0.1:{port}{STATUS_PATH}"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wrk_summary(reader: subprocess.Popen[str], seconds: int) -> dict[str, Any]:
    out, err = reader.communicate(timeout=seconds + 120)
    if reader.returncode != 0:
        raise RuntimeError(f"wrk failed: {err[-500:]}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return {"count": result["requests"], "p50_ms": round(result["p50_ms"], 1), "p95_ms": round(result["p95_ms"], 1),
            "p99_ms": round(result["p99_ms"], 1), "non_2xx": result["non2xx"], "connection_errors": result["errors"],
            "rps": round(result["requests"] / result["seconds"], 1)}


def run(db: str, quick: bool) -> dict[str, Any]:
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed: run scripts/system-deps (apt-get install wrk)")
    seconds = 5 if quick else 15
    port = _free_port()
    env = {**os.environ, "DEVPLAN_DB": db, "DEVPLAN_SECRET_KEY": secrets.token_urlsafe(48)}
    prepare(db, env)
    text = SEED.read_bytes()
    with tempfile.TemporaryFile() as log, tempfile.TemporaryDirectory() as folder:
        server = subprocess.Popen([sys.executable, "-m", "devplan", "serve", "--port", str(port)],
                                  cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(port, server)
            warm = warm_up(port)
            log.seek(0)
            workers = log.read().decode("utf-8", "replace").count("Booting worker")
            groups = {name: Group() for name in ("login", "download", "audit")}
            reporters = [signed_in(port, u, groups["login"])[0] for u in usernames("load-r", REPORT_USERS)]
            auditors = [signed_in(port, u, groups["login"]) for u in usernames("load-a", AUDIT_USERS)]
            log.seek(0, os.SEEK_END)
            window_start = log.tell()
            stop = time.monotonic() + seconds
            threads = [threading.Thread(target=report_user, args=(client, stop, groups["download"]))
                       for client in reporters]
            threads += [threading.Thread(target=audit_user, args=(client, csrf, stop, text, groups["audit"]))
                        for client, csrf in auditors]
            started = time.perf_counter()
            readers = _status_readers(port, seconds, Path(folder))
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=seconds + 120)
            status = _wrk_summary(readers, seconds)
            elapsed = time.perf_counter() - started
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        log.seek(window_start)
        window_log = log.read().decode("utf-8", "replace")
    timeouts = window_log.count("WORKER TIMEOUT")
    rebooted = window_log.count("Booting worker")
    summaries = {name: group.summary() for name, group in groups.items()}
    # wrk counts a 5xx among its non-2xx answers; the access log tells them apart.
    status["server_errors"] = sum(1 for line in window_log.splitlines()
                                  if "/api/status" in line and re.search(r'" 5\d\d ', line))
    server_errors = status["server_errors"] + sum(s["server_errors"] for s in summaries.values())
    killed = timeouts > 0 or rebooted > 0
    return {
        "db": db.split(":", 1)[0], "workers": workers, "seconds": seconds, "elapsed_s": round(elapsed, 1),
        "users": {"report": REPORT_USERS, "audit": AUDIT_USERS, "status_connections": STATUS_CONNECTIONS,
                  "status_pause_ms": STATUS_PAUSE_MS},
        "audit_upload_kb": round(len(text) / 1024, 1), "warm_up_s": warm,
        "status_rps": status["rps"], **summaries, "status": status,
        "worker_timeouts": timeouts, "workers_booted": rebooted, "worker_killed": killed,
        "goal": "/api/status p95 < 100 ms, no 5xx, no worker killed",
        "goal_met": bool(status["p95_ms"] < 100 and server_errors == 0 and not killed),
    }


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load")
    parser.add_argument("--quick", action="store_true", help="5 s instead of 15 s")
    parser.add_argument("--db", help="an empty database URL (default: a fresh SQLite file)")
    args = parser.parse_args(argv)
    if args.db:
        result = run(args.db, args.quick)
    else:
        with tempfile.TemporaryDirectory() as folder:
            result = run(f"sqlite:///{folder}/load.db", args.quick)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])

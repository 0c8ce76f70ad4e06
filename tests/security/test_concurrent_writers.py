"""Twenty writers (planners, whose figures are official at once), each with its own session, post
observations at once for the same few indicators and months through the API of a real server (`devplan serve`: gunicorn's worker processes on the database under
test — a file with WAL and IMMEDIATE transactions on SQLite). Every accepted write (201) must become its own
`Figure` revision, numbered 1..n per month without gap or duplicate, none lost, and no answer a 5xx.

Not pytest-django's live server: on SQLite its test database lives in memory and is shared by every request
thread over one connection, so it would never exercise WAL, the busy timeout or IMMEDIATE transactions."""

from __future__ import annotations

import http.cookiejar
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from devplan.accounts.demo import DEMO_ACCOUNTS
from tests.conftest import ROOT
from tests.reliability.record import record
from tests.web.test_serve_command import free_port

WRITERS, ROUNDS, SERVER_WORKERS = 20, 5, 4
WRITER = next(account for account in DEMO_ACCOUNTS if account.username == "planner")
IDENTITIES = [(code, through) for code in ("fiscal_revenue", "retail_sales", "fai") for through in ("2023-11", "2023-12")]


@dataclass(frozen=True)
class Write:
    indicator: str
    through: str
    value: int
    status: int
    revision: int | None


class Session:
    """One writer's cookie jar and CSRF token against the server at `url`."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.token = ""

    def call(self, path: str, body: dict[str, Any] | None = None, method: str | None = None) -> tuple[int, Any]:
        headers = {"Content-Type": "application/json", "X-CSRFToken": self.token}
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, headers=headers, method=method)
        try:
            with self.opener.open(request, timeout=120) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", errors="replace")

    def login(self) -> None:
        status, body = self.call("/api/login", {"username": WRITER.username, "password": WRITER.password})
        assert status == 200, body
        self.token = body["csrf_token"]


@pytest.fixture
def server(demo_db_url: str, tmp_path: Path) -> Iterator[str]:
    """`devplan serve` on the demo database with its demo accounts; returns the address."""
    port = free_port()
    with (tmp_path / "server.log").open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "devplan", "serve", "--port", str(port), "--workers", str(SERVER_WORKERS),
             "--demo-accounts"],
            env={**os.environ, "DEVPLAN_DB": demo_db_url}, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(120):
                try:
                    urllib.request.urlopen(url + "/api/health", timeout=2).close()
                    break
                except OSError:
                    time.sleep(0.5)
            yield url
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)


def write(url: str, number: int, start: threading.Barrier) -> list[Write]:
    """Writer `number`: log in, wait for the others, then post ROUNDS observations, each with its own value."""
    session = Session(url)
    session.login()
    start.wait(timeout=120)
    writes = []
    for round_ in range(ROUNDS):
        code, through = IDENTITIES[(number + round_) % len(IDENTITIES)]
        value = 1000 + number * ROUNDS + round_
        # The values are made up: the note says why a month may be below the one before it.
        status, body = session.call("/api/observations", {"region": "湘乡市", "indicator": code,
                                                           "through": through, "value": value, "note": "并发测试"})
        writes.append(Write(code, through, value, status, body["revision"] if status == 201 else None))
    return writes


def stored(url: str) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Every figure revision of the written indicators and months, as the API lists them."""
    session = Session(url)
    session.login()
    revisions = {}
    for code in {code for code, _ in IDENTITIES}:
        status, body = session.call(f"/api/indicators/{code}/figures?region=430381&year=2023")
        assert status == 200, body
        revisions |= {(code, month["through"]): month["revisions"] for month in body["figures"]}
    return {identity: revisions.get(identity, []) for identity in IDENTITIES}


def test_concurrent_writers_each_get_their_own_revision_and_none_is_lost(server):
    before = stored(server)
    start = threading.Barrier(WRITERS)
    with ThreadPoolExecutor(WRITERS) as pool:
        writes = [w for done in pool.map(lambda n: write(server, n, start), range(WRITERS)) for w in done]
    after = stored(server)
    accepted = [w for w in writes if w.status == 201]
    added = {identity: after[identity][len(before[identity]):] for identity in IDENTITIES}
    numbers = {identity: [r["revision"] for r in after[identity]] for identity in IDENTITIES}
    record("concurrency", f"{WRITERS} API writers", writers=WRITERS, writes=len(writes), accepted=len(accepted),
           revisions=sum(map(len, added.values())), statuses=dict(Counter(str(w.status) for w in writes)),
           server_errors=sum(w.status >= 500 for w in writes))
    assert [w for w in writes if w.status != 201] == []
    for identity in IDENTITIES:
        mine = [w for w in accepted if (w.indicator, w.through) == identity]
        assert numbers[identity] == list(range(1, len(numbers[identity]) + 1)), identity  # no gap, no duplicate
        assert sorted(r["value"] for r in added[identity]) == sorted(w.value for w in mine), identity  # none lost
        assert sorted(w.revision for w in mine) == [r["revision"] for r in added[identity]], identity

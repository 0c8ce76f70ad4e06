"""Decisions are serialised, on a real server (`devplan serve`, several worker processes) over the database
under test: twenty planners approving or returning the same submission at the same moment give exactly one
decision and at most one revision, every other answer 409; and locking a month while a department submits
into it never leaves a submission waiting inside a locked month."""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import psycopg

from tests.reliability.record import record
from tests.security.test_concurrent_writers import Session

PLANNERS, RACES = 20, 50


class Login(Session):
    def as_(self, username: str, password: str) -> Login:
        status, body = self.call("/api/login", {"username": username, "password": password})
        assert status == 200, body
        self.token = body["csrf_token"]
        return self

    def form(self, path: str, fields: dict[str, str]) -> int:
        """A page's form posted as the browser does (the CSRF token in its header)."""
        import urllib.error
        import urllib.parse
        import urllib.request

        data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(self.url + path, data=data, headers={"X-CSRFToken": self.token})
        try:
            with self.opener.open(request, timeout=120) as answer:
                return int(answer.status)
        except urllib.error.HTTPError as error:
            return int(error.code)


def planner(url: str) -> Login:
    return Login(url).as_("planner", "demo-planner-2023")


def department(url: str) -> Login:
    return Login(url).as_("tongji", "demo-tongji-2023")


def query(db: str, sql: str) -> list[tuple[Any, ...]]:
    if db.startswith("sqlite:///"):
        with sqlite3.connect(db.removeprefix("sqlite:///")) as conn:
            return conn.execute(sql).fetchall()
    with psycopg.connect(db.replace("postgres://", "postgresql://", 1)) as conn:
        return conn.execute(sql).fetchall()  # type: ignore[arg-type]


def test_twenty_planners_deciding_one_submission_make_exactly_one_decision(server: str, demo_db_url: str) -> None:
    status, body = department(server).call("/api/observations", {
        "region": "湘乡市", "indicator": "retail_sales", "through": "2023-11", "value": 152.6, "growth_pct": 8.8})
    assert status == 202, body
    submission = body["submission"]
    sessions = [planner(server) for _ in range(PLANNERS)]
    start = threading.Barrier(PLANNERS)

    def decide(number: int) -> int:
        start.wait(timeout=120)
        if number % 2:
            return sessions[number].call(f"/api/submissions/{submission}/return", {"comment": "请核实"})[0]
        return sessions[number].call(f"/api/submissions/{submission}/approve", {})[0]

    with ThreadPoolExecutor(PLANNERS) as pool:
        statuses = list(pool.map(decide, range(PLANNERS)))
    revisions = query(demo_db_url, "SELECT COUNT(*) FROM indicators_figure f JOIN indicators_indicator i "
                                  "ON i.id = f.indicator_id WHERE i.code = 'retail_sales' AND f.month = 11")[0][0]
    decisions = query(demo_db_url, "SELECT COUNT(*) FROM accounts_auditlog WHERE action IN "
                                  "('submission.approve', 'submission.return')")[0][0]
    record("concurrency", f"{PLANNERS} planners deciding one submission", statuses=dict(Counter(map(str, statuses))),
           revisions=revisions, decisions=decisions)
    assert statuses.count(200) == 1, statuses
    assert statuses.count(409) == PLANNERS - 1, statuses
    assert decisions == 1
    assert revisions == (1 if statuses[0::2].count(200) else 0)


def test_a_month_is_never_locked_while_a_submission_into_it_waits(server: str, demo_db_url: str) -> None:
    lockers, senders = [planner(server) for _ in range(4)], [department(server) for _ in range(4)]
    months = [(2010 + n // 12, n % 12 + 1) for n in range(RACES)]  # past months, before the demo's years

    def race(number: int) -> tuple[int, int]:
        year, month = months[number]
        start = threading.Barrier(2)
        locker, sender = lockers[number % 4], senders[number % 4]

        def lock() -> int:
            start.wait(timeout=60)
            return locker.form(f"/review/430381/{year}/{month}/period/", {"action": "lock", "reason": "月报已发"})

        def send() -> int:
            start.wait(timeout=60)
            return sender.call("/api/observations", {"region": "湘乡市", "indicator": "fai",
                                                     "through": f"{year}-{month:02d}", "value": 10 + month})[0]

        with ThreadPoolExecutor(2) as pool:
            locked, sent = pool.submit(lock), pool.submit(send)
            return locked.result(), sent.result()

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(race, range(RACES)))
    waiting_in_locked = query(demo_db_url, """
        SELECT COUNT(*) FROM collection_submission s JOIN collection_periodstate p ON p.region_id = s.region_id
        AND p.year = s.year AND p.month = s.month WHERE p.locked AND s.status = 'submitted'""")[0][0]
    locked = query(demo_db_url, "SELECT COUNT(*) FROM collection_periodstate WHERE locked AND year >= 2010")[0][0]
    record("concurrency", f"{RACES} lock-versus-submit races", races=RACES, locked=locked,
           submissions_in_locked_months=waiting_in_locked,
           send_statuses=dict(Counter(str(sent) for _, sent in answers)))
    assert waiting_in_locked == 0
    assert all(sent in (202, 409) for _, sent in answers), answers


def test_ten_planners_reverting_one_change_set_revert_it_once(server: str, demo_db_url: str) -> None:
    """A tester's ten concurrent reverts on PostgreSQL once gave one revert, six refusals and three 500s (two
    reverts inserting the same revision)."""
    status, body = planner(server).call("/api/observations", {
        "region": "湘乡市", "indicator": "fai", "through": "2023-11", "value": 180.5, "growth_pct": 8.0})
    assert status == 201, body
    change_set = query(demo_db_url, "SELECT MAX(id) FROM recording_changeset")[0][0]
    sessions = [planner(server) for _ in range(10)]
    start = threading.Barrier(10)

    def revert(number: int) -> int:
        start.wait(timeout=120)
        return sessions[number].form(f"/changes/430381/{change_set}/revert/", {"reason": "并发撤销测试"})

    with ThreadPoolExecutor(10) as pool:
        statuses = list(pool.map(revert, range(10)))
    reverts = query(demo_db_url, f"SELECT COUNT(*) FROM recording_changeset WHERE reverts_id = {change_set}")[0][0]
    record("concurrency", "10 planners reverting one change set", statuses=dict(Counter(map(str, statuses))),
           reverts=reverts)
    assert reverts == 1 and statuses == [200] * 10, statuses

"""Twenty editors, each with its own session, change the same target and the same project at once through
the API of a real server (`devplan serve`, gunicorn's worker processes on the database under test — a file
with WAL, the busy timeout and IMMEDIATE transactions on SQLite). Of the editors who read the same version,
exactly one is stored and every other gets a 409; editors who re-read and retry after a 409 all get through
in the end, each as its own revision or version: none lost, none stored twice, and no answer a 5xx."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from devplan.accounts.demo import DEMO_ACCOUNTS
from tests.reliability.record import record
from tests.security.test_concurrent_writers import Session, server  # noqa: F401  (the server fixture)

WRITERS, MAX_TRIES = 20, 200
EDITOR = next(account for account in DEMO_ACCOUNTS if account.username == "planner")  # 发改局（计划科）
TARGET, PROJECT = "/api/targets/430381/gdp/2023", "/api/projects/XX-003"
TARGET_HISTORY = "/api/indicators/gdp/figures?region=430381&year=2023"


@dataclass(frozen=True)
class Edit:
    what: str  # "target" or "project"
    writer: int
    status: int
    number: int | None  # the revision (target) or version (project) an accepted edit was stored as


class Editor(Session):
    """A planner's session that also sends PUT."""

    def send(self, method: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
        headers = {"Content-Type": "application/json", "X-CSRFToken": self.token}
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, headers=headers, method=method)
        try:
            with self.opener.open(request, timeout=120) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as error:
            text = error.read().decode("utf-8", errors="replace")
            try:
                return error.code, json.loads(text)
            except ValueError:
                return error.code, text

    def login(self) -> None:
        status, body = self.call("/api/login", {"username": EDITOR.username, "password": EDITOR.password})
        assert status == 200, body
        self.token = body["csrf_token"]

    def read(self, path: str) -> dict[str, Any]:
        status, body = self.send("GET", path)
        assert status == 200, body
        return body


def target_body(base: int, writer: int) -> dict[str, Any]:
    return {"base_revision": base, "kind": "level", "value": 700 + writer, "unit": "亿元", "qualifier": "以上",
            "reason": f"第 {writer} 位编辑的修改"}


def project_body(version: int, writer: int) -> dict[str, Any]:
    return {"version": version, "note": f"第 {writer} 位编辑的修改", "total_investment": 40 + writer}


def put_target(editor: Editor, writer: int, base: int) -> Edit:
    status, body = editor.send("PUT", TARGET, target_body(base, writer))
    return Edit("target", writer, status, body["revision"] if status == 200 else None)


def put_project(editor: Editor, writer: int, version: int) -> Edit:
    status, body = editor.send("PUT", PROJECT, project_body(version, writer))
    return Edit("project", writer, status, body["version"] if status == 200 else None)


def same_base(url: str, writer: int, start: threading.Barrier) -> list[Edit]:
    """Read both, wait for the others (who read the same), then change both from what was read."""
    editor = Editor(url)
    editor.login()
    base, version = editor.read(TARGET)["revision"], editor.read(PROJECT)["version"]
    start.wait(timeout=120)
    return [put_target(editor, writer, base), put_project(editor, writer, version)]


def retrying(url: str, writer: int, start: threading.Barrier) -> list[Edit]:
    """Change both, re-reading and trying again after every 409, until each edit is stored."""
    editor = Editor(url)
    editor.login()
    start.wait(timeout=120)
    edits: list[Edit] = []
    for path, put in ((TARGET, put_target), (PROJECT, put_project)):
        for _ in range(MAX_TRIES):
            current = editor.read(path)
            edits.append(put(editor, writer, current["revision" if path == TARGET else "version"]))
            if edits[-1].status != 409:
                break
    return edits


def run(url: str, writer_function: Any) -> list[Edit]:
    start = threading.Barrier(WRITERS)
    with ThreadPoolExecutor(WRITERS) as pool:
        return [e for done in pool.map(lambda n: writer_function(url, n, start), range(WRITERS)) for e in done]


def target_revisions(url: str) -> list[dict[str, Any]]:
    editor = Editor(url)
    editor.login()
    return editor.read(TARGET_HISTORY)["targets"]


def record_run(name: str, edits: list[Edit], added: int) -> None:
    record("concurrency", f"{WRITERS} API editors, {name}", writers=WRITERS, writes=len(edits),
           accepted=sum(e.status == 200 for e in edits), conflicts=sum(e.status == 409 for e in edits),
           revisions=added, statuses=dict(Counter(str(e.status) for e in edits)),
           server_errors=sum(e.status >= 500 for e in edits))


def test_of_editors_reading_the_same_version_exactly_one_is_stored_and_the_others_get_409(server):  # noqa: F811
    before_target, before_version = target_revisions(server), Editor(server)
    before_version.login()
    version = before_version.read(PROJECT)["version"]
    edits = run(server, same_base)
    after_target = target_revisions(server)
    after_version = before_version.read(PROJECT)["version"]
    record_run("one target and one project from the same version", edits,
               added=len(after_target) - len(before_target) + after_version - version)
    assert [e for e in edits if e.status not in (200, 409)] == []
    for what in ("target", "project"):
        statuses = Counter(e.status for e in edits if e.what == what)
        assert statuses == {200: 1, 409: WRITERS - 1}, what
    winner = next(e for e in edits if e.what == "target" and e.status == 200)
    assert [r["revision"] for r in after_target] == list(range(1, len(before_target) + 2))  # one added, no gap
    assert after_target[-1]["value"] == 700 + winner.writer
    assert after_version == version + 1


def test_editors_who_reread_after_a_409_all_get_through_each_as_its_own_revision(server):  # noqa: F811
    before_target = target_revisions(server)
    checker = Editor(server)
    checker.login()
    version = checker.read(PROJECT)["version"]
    edits = run(server, retrying)
    after_target = target_revisions(server)
    after_version = checker.read(PROJECT)["version"]
    accepted = {what: [e for e in edits if e.what == what and e.status == 200] for what in ("target", "project")}
    record_run("one target and one project, re-reading after each 409", edits,
               added=len(after_target) - len(before_target) + after_version - version)
    assert [e for e in edits if e.status not in (200, 409)] == []
    assert sorted(e.writer for e in accepted["target"]) == list(range(WRITERS))  # every editor got through once
    assert sorted(e.writer for e in accepted["project"]) == list(range(WRITERS))
    numbers = [r["revision"] for r in after_target]
    assert numbers == list(range(1, len(before_target) + WRITERS + 1))  # one revision per accepted edit, no gap
    added = after_target[len(before_target):]
    assert sorted(r["value"] for r in added) == sorted(700 + e.writer for e in accepted["target"])  # none lost
    assert sorted(e.number for e in accepted["target"]) == [r["revision"] for r in added]
    assert sorted(e.number for e in accepted["project"]) == list(range(version + 1, version + WRITERS + 1))
    assert after_version == version + WRITERS

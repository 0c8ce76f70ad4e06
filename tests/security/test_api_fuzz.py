"""API fuzzing (issue 8, item 5): schemathesis reads /openapi.json and generates requests for every operation,
from the schema's examples, inputs that fit the schema and inputs that do not, sent in-process with a logged-in
session and its CSRF token. No answer may be a 5xx, and each must carry a documented status, the declared
content type and a body matching the declared schema. `make test` runs a small budget per operation;
`make fuzz` (DEVPLAN_FUZZ=long) fifty times as many."""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pytest
import schemathesis
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import got_request_exception, request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup, ServerError
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from werkzeug.test import Client

from devplan.indicators.models import Indicator, Target
from devplan.projects.models import Project
from devplan.regions.models import Region
from tests.accounts.personas import PASSWORD
from tests.reliability.fuzzing import LONG, budget
from tests.reliability.record import record

EXAMPLES = 25  # generated cases per operation and generation mode in `make test`
# The personas who write: 统计局 records its indicators' figures (POST /api/observations), the planner
# changes targets and projects.
WRITERS = ("owner", "planner")
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


class InProcess:
    """Django's WSGI handler run as Django's test client runs it: the connection stays open between requests,
    so they all work inside the test's transaction, which is rolled back at the end. Each request is a
    savepoint, rolled back on a 5xx as the request's own transaction would be in production."""

    def __init__(self) -> None:
        self.handler = WSGIHandler()
        self.exceptions: list[str] = []
        got_request_exception.connect(self._remember, dispatch_uid="api-fuzz")

    def _remember(self, sender: Any, request: Any = None, **kwargs: Any) -> None:
        self.exceptions.append(traceback.format_exc(limit=-6))

    def close(self) -> None:
        got_request_exception.disconnect(dispatch_uid="api-fuzz")

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        status: list[str] = []

        def starting(code: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            status.append(code)
            return start_response(code, headers, *rest)

        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        savepoint = transaction.savepoint_create()
        try:
            response = self.handler(environ, starting)
            try:
                return [b"".join(response)]
            finally:
                response.close()
        finally:
            if status and status[0] < "500":
                transaction.savepoint_commit(savepoint)
            else:
                transaction.savepoint_rollback(savepoint)
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)


@dataclass
class Login:
    """One user's session cookie and CSRF token, renewed after a case logs out."""

    app: InProcess
    username: str
    cookies: dict[str, str] = field(default_factory=dict)
    token: str = ""

    def renew(self) -> Login:
        client = Client(self.app)
        answer = client.post("/api/login", json={"username": self.username, "password": PASSWORD})
        assert answer.status_code == 200, answer.get_data(as_text=True)
        self.token = answer.get_json()["csrf_token"]
        self.cookies = {name: client.get_cookie(name).value for name in ("sessionid", "csrftoken")}
        return self


def known_names(region: Any) -> dict[str, list[Any]]:
    """Names that exist in the demo, put in place of generated ones in about half the cases, so that the
    fuzzing reaches past "no such region" into the code that reads and writes."""
    indicators = list(Indicator.objects.values_list("code", flat=True)[:12])
    provinces = list(Region.objects.filter(level=Region.Level.PROVINCE).values_list("name", flat=True)[:2])
    return {
        "region": [region.name, region.code], "province": provinces, "level": list(Region.Level.values),
        "indicator": indicators, "code": indicators, "step_with": indicators,
        "ref": list(Project.objects.filter(region=region).values_list("ref", flat=True)[:6]),
        "year": [2023, 2024], "through": ["2023-06", "2023-12", "2024-03"], "period": ["2023-12", "2024-03"],
        "kind": list(Target.Kind.values), "base_revision": [0, 1, 2], "version": [0, 1, 2],
    }


def steer(case: Case, data: st.DataObject, names: dict[str, list[Any]]) -> None:
    for container in (case.path_parameters, case.query, case.body):
        if not isinstance(container, dict):
            continue
        for name in container.keys() & names.keys():
            if names[name] and data.draw(st.booleans()):
                container[name] = data.draw(st.sampled_from(names[name]))


@dataclass
class Tally:
    cases: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    server_errors: int = 0
    violations: int = 0
    found: dict[str, str] = field(default_factory=dict)  # one example of each distinct failure

    def add(self, case: Case, failures: Iterable[Failure], exceptions: list[str]) -> None:
        for failure in failures:
            if isinstance(failure, ServerError):
                self.server_errors += 1
            else:
                self.violations += 1
            key = f"{case.operation.label}: {failure.title}"
            if key not in self.found:
                self.found[key] = f"{failure.message}\n{case.as_curl_command()}\n" + "".join(exceptions[-1:])


def send(case: Case, login: Login, tally: Tally) -> None:
    app: InProcess = case.operation.app
    seen = len(app.exceptions)
    response = case.call(headers={"X-CSRFToken": login.token}, cookies=login.cookies)
    tally.cases += 1
    tally.statuses[response.status_code] += 1
    try:
        case.validate_response(response, checks=CHECKS)
    except FailureGroup as group:
        tally.add(case, group.exceptions, app.exceptions[seen:])
    except Failure as failure:
        tally.add(case, [failure], app.exceptions[seen:])
    if case.operation.path.endswith("/logout") and response.status_code == 200:
        login.renew()


def fuzz(operation: Any, logins: list[Login], names: dict[str, list[Any]], tally: Tally) -> None:
    quiet = settings(budget(EXAMPLES), suppress_health_check=list(HealthCheck))  # type: ignore[arg-type]

    def run(case: Case, data: st.DataObject) -> None:
        steer(case, data, names)
        send(case, data.draw(st.sampled_from(logins)), tally)

    for example in operation.get_strategies_from_examples():
        settings(quiet, max_examples=1)(given(example, st.data())(run))()
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        try:
            quiet(given(operation.as_strategy(generation_mode=mode), st.data())(run))()
        except Unsatisfiable:
            # Nothing to negate: any value of a string query parameter is still a string.
            assert mode is GenerationMode.NEGATIVE, operation.label


@pytest.fixture
def writers(personas: Any, settings: Any) -> list[Any]:
    """The personas who write, with their passwords hashed fast: Argon2 takes a third of a second for every
    login the fuzzer tries, and the budget is better spent on cases."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    users = [getattr(personas, name) for name in WRITERS]
    for user in users:
        user.set_password(PASSWORD)
        user.save()
    return users


# The status cache puts the region as typed into its key; harmless with the local-memory cache (memcached
# would refuse control characters), and reported rather than repeated five hundred times here.
@pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning")
def test_every_operation_answers_as_its_schema_says(personas, writers):
    cache.clear()  # ids cached by an earlier test (PostgreSQL never reuses them) would point at nothing
    app = InProcess()
    try:
        schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
        logins = [Login(app, user.get_username()).renew() for user in writers]
        names = known_names(personas.region)
        tally = Tally()
        operations = [result.ok() for result in schema.get_all_operations()]
        for operation in operations:
            fuzz(operation, logins, names, tally)
    finally:
        app.close()
    record("api_fuzz", "API (schemathesis, /openapi.json)", operations=len(operations), cases=tally.cases,
           server_errors=tally.server_errors, schema_violations=tally.violations, long=LONG,
           statuses={str(code): count for code, count in sorted(tally.statuses.items())},
           found=sorted(tally.found))
    assert not tally.found, "\n\n".join(f"{key}\n{detail}" for key, detail in tally.found.items())

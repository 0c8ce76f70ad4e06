"""The router and the middleware without a replica (any database): which database a request reads from, the
read-your-writes cookie, transactions on the primary, and the replicas' page and API for whom they are for."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings

from devplan.lib.env import envdbs
from devplan.lib.errors import ConfigError
from devplan.replicas import lag
from devplan.replicas.middleware import COOKIE, ReadsFromReplicas
from devplan.replicas.routing import ReplicaRouter, RequestReads, current, pinned_to_primary, read_alias
from tests.accounts.personas import personas  # noqa: F401  (the shared personas)
from tests.security.conftest import cast, client_of  # noqa: F401  (the roles of the permission tests)


def test_replica_urls_are_a_list_of_postgresql_databases(monkeypatch):
    monkeypatch.setenv("DEVPLAN_DB_REPLICAS", "postgres://a@10.0.0.2:5432/devplan, postgres://a@10.0.0.3/devplan")
    assert [(c["HOST"], c["PORT"]) for c in envdbs("DEVPLAN_DB_REPLICAS")] == [("10.0.0.2", 5432), ("10.0.0.3", "")]
    monkeypatch.setenv("DEVPLAN_DB_REPLICAS", "sqlite:///copy.db")
    with pytest.raises(ConfigError, match="DEVPLAN_DB_REPLICAS lists PostgreSQL replicas"):
        envdbs("DEVPLAN_DB_REPLICAS")
    monkeypatch.setenv("DEVPLAN_DB_REPLICAS", "")
    assert envdbs("DEVPLAN_DB_REPLICAS") == []


def test_outside_a_request_everything_uses_the_primary():
    router = ReplicaRouter()
    assert read_alias() == "default" and router.db_for_read(object) == "default"
    token = current.set(RequestReads(alias="replica1"))
    try:
        assert router.db_for_read(object) == "replica1"
        assert router.db_for_write(object) == "default"
        # Once the request wrote, the rest of it reads what it wrote.
        assert router.db_for_read(object) == "default" and current.get().wrote  # type: ignore[union-attr]
    finally:
        current.reset(token)


@pytest.mark.django_db(transaction=True)
def test_every_query_inside_a_transaction_uses_the_primary():
    """The one write door and the month locks (SELECT … FOR UPDATE) run inside `transaction.atomic`."""
    token = current.set(RequestReads(alias="replica1"))
    try:
        assert read_alias() == "replica1"
        with transaction.atomic():
            assert read_alias() == "default"
        assert read_alias() == "replica1"
    finally:
        current.reset(token)


def _seen(request: HttpRequest) -> HttpResponse:
    """A view that answers with the database its reads would go to."""
    return HttpResponse(f"{read_alias()} {pinned_to_primary()}")


@pytest.fixture
def middleware(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(lag, "choose", lambda: "replica1")
    return ReadsFromReplicas(_seen)


def test_a_get_reads_from_a_replica_and_a_post_from_the_primary_and_sets_the_cookie(middleware):
    factory = RequestFactory()
    answer = middleware(factory.get("/api/status"))
    assert answer.content == b"replica1 False" and COOKIE not in answer.cookies
    answer = middleware(factory.post("/api/observations"))
    assert answer.content == b"default False"
    cookie = answer.cookies[COOKIE]
    assert cookie["httponly"] and cookie["max-age"] == 10
    # The client that wrote reads from the primary, and not from another process's copy.
    again = factory.get("/api/status")
    again.COOKIES[COOKIE] = cookie.value
    assert middleware(again).content == b"default True"


def test_the_cookie_runs_out_and_cannot_be_forged(middleware):
    factory = RequestFactory()
    cookie = middleware(factory.post("/x")).cookies[COOKIE].value
    forged = factory.get("/x")
    forged.COOKIES[COOKIE] = "1:forged:signature"
    assert middleware(forged).content == b"replica1 False"
    with override_settings(DEVPLAN_READ_YOUR_WRITES_SECONDS=1):
        time.sleep(2.1)  # the signature's timestamp has whole seconds
        late = factory.get("/x")
        late.COOKIES[COOKIE] = cookie
        assert middleware(late).content == b"replica1 False"


def test_a_get_that_writes_sets_the_cookie_too(middleware):
    def writes(request: HttpRequest) -> HttpResponse:
        ReplicaRouter().db_for_write(object)  # as a session saved during a GET would
        return _seen(request)

    answer = ReadsFromReplicas(writes)(RequestFactory().get("/x"))
    assert answer.content == b"default False" and COOKIE in answer.cookies


def test_the_replicas_page_and_api_are_for_planners_and_admins(cast):  # noqa: F811
    planner, department = client_of(cast["planner"]), client_of(cast["owner"])
    assert planner.get("/api/replicas").json() == {"max_lag_seconds": 5, "read_your_writes_seconds": 10,
                                                   "replicas": []}
    page = planner.get("/replicas/").content.decode()
    assert "没有配置只读副本" in page
    assert department.get("/api/replicas").status_code == 403
    assert department.get("/replicas/").status_code == 403

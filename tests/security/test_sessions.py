"""Sessions end on logout and on a password change (the old cookie no longer opens a protected page nor
records an observation); repeated failures lock a login on both doors; no password, hash or secret key is
shown in an answer or written to the log or the audit log."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from devplan.accounts.models import AuditLog
from devplan.indicators.models import Figure
from tests.accounts.personas import PASSWORD
from tests.api.test_observations import GDP_DECEMBER, post, session_client
from tests.reliability.record import record
from tests.security.conftest import leaks, secrets

SUBMIT_PAGE = "/submit/430381/2023/11/"
LOCKED_OUT = "登录失败次数过多"


def replay(cookies: dict[str, str]) -> Client:
    """A client that presents cookies copied earlier, as someone holding a stolen or stale cookie would."""
    client = Client(enforce_csrf_checks=True)
    for name, value in cookies.items():
        client.cookies[name] = value
    return client


def web_logout(client: Client, token: str, personas: Any) -> None:
    client.post("/logout/", headers={"X-CSRFToken": token})


def api_logout(client: Client, token: str, personas: Any) -> None:
    assert client.post("/api/logout", headers={"X-CSRFToken": token}).status_code == 200


def password_change(client: Client, token: str, personas: Any) -> None:
    personas.owner.set_password("a-new-and-longer-passphrase")
    personas.owner.save()


@pytest.mark.parametrize("end", [web_logout, api_logout, password_change], ids=lambda end: end.__name__)
def test_a_session_ends_on_logout_and_on_password_change(personas, end: Callable[[Client, str, Any], None]):
    client, token = session_client("tongji")
    cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    assert replay(cookies).get(SUBMIT_PAGE).status_code == 200  # the copied cookie works until the end
    end(client, token, personas)
    figures = Figure.objects.count()
    page = replay(cookies).get(SUBMIT_PAGE)
    observation = post(replay(cookies), token, GDP_DECEMBER)
    checks = {"page goes to login": page.status_code == 302 and page["Location"].startswith("/login/"),
              "API answers 401": observation.status_code == 401, "nothing stored": Figure.objects.count() == figures}
    record("sessions", f"session ends on {end.__name__}", tried=len(checks), held=sum(checks.values()))
    assert checks == dict.fromkeys(checks, True)


def api_login(client: Client, username: str, password: str) -> Any:
    return client.post("/api/login", {"username": username, "password": password}, content_type="application/json")


def web_login(client: Client, username: str, password: str) -> Any:
    return client.post("/login/", {"username": username, "password": password})


def sentence(answer: Any) -> str:
    return answer.json()["detail"] if answer["Content-Type"] == "application/json" else answer.content.decode()


@pytest.mark.parametrize(("fail", "then"), [(web_login, api_login), (api_login, web_login)],
                         ids=["failures on the page lock the API", "failures on the API lock the page"])
def test_failed_logins_lock_both_doors_for_that_user_only(personas, fail, then):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        fail(Client(), "tongji", "wrong")
    refused = then(Client(), "tongji", PASSWORD)
    others = then(Client(), "caizheng", PASSWORD)
    checks = {"right password refused with 429": refused.status_code == 429,
              "the sentence is in Chinese": LOCKED_OUT in sentence(refused),
              "another user still logs in": others.status_code in (200, 302) and "sessionid" in others.cookies}
    record("sessions", f"throttling: {fail.__name__} then {then.__name__}", tried=len(checks),
           held=sum(checks.values()))
    assert checks == dict.fromkeys(checks, True)


def test_no_password_hash_or_secret_reaches_answers_logs_or_the_audit_log(personas, caplog):
    caplog.set_level(logging.DEBUG)
    answers = [api_login(Client(), "tongji", "wrong"), web_login(Client(), "tongji", "wrong")]
    client, token = session_client("tongji")
    answers += [post(client, token, GDP_DECEMBER), post(client, token, {**GDP_DECEMBER, "value": "bad"}),
                client.get("/api/indicators?region=430381"), client.get("/api/indicators/gdp/figures?region=430381&year=2023"),
                client.post("/api/logout", headers={"X-CSRFToken": token}), web_login(Client(), "tongji", PASSWORD)]
    forbidden = secrets()
    audit = AuditLog.objects.all()
    found = {"answers": [s for a in answers for s in leaks(a.content.decode() + str(a.headers), forbidden)],
             "log": leaks(caplog.text, forbidden),
             "audit log": leaks("\n".join(f"{row.action} {row.detail} {row.username}" for row in audit), forbidden)}
    searched = len(answers) + len(caplog.records) + len(audit)
    record("sessions", "no secret in answers, logs or audit log", tried=searched,
           held=searched - sum(map(len, found.values())))
    assert found == {"answers": [], "log": [], "audit log": []}

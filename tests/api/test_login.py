"""`POST /api/login`: a session cookie and the csrf_token to send back; 401 on a wrong password."""

from __future__ import annotations

from django.test import Client

from devplan.accounts.models import AuditLog
from tests.accounts.personas import PASSWORD


def login(client: Client, username: str, password: str):  # type: ignore[no-untyped-def]
    return client.post("/api/login", {"username": username, "password": password}, content_type="application/json")


def test_login_sets_a_session_and_returns_the_csrf_token(personas):
    client = Client(enforce_csrf_checks=True)
    answer = login(client, "tongji", PASSWORD)
    assert answer.status_code == 200
    body = answer.json()
    assert body["csrf_token"] and body["username"] == "tongji"
    assert body["roles"][0]["department"] == "统计局"
    session = client.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"


def test_login_with_a_wrong_password_is_401_with_a_sentence(personas):
    answer = login(Client(), "tongji", "wrong")
    assert answer.status_code == 401
    assert answer.json() == {"detail": "用户名或密码不正确"}
    assert "sessionid" not in answer.cookies


def test_logins_are_written_to_the_audit_log_with_the_address(personas):
    login(Client(), "tongji", PASSWORD)
    entry = AuditLog.objects.get(action="login")
    assert entry.username == "tongji" and entry.ip_address == "127.0.0.1"
    assert entry.detail == {"via": "api"}


def test_repeated_failures_lock_the_login_for_a_while(personas, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "tongji", "wrong")
    answer = login(client, "tongji", PASSWORD)
    assert answer.status_code == 429
    assert "登录失败次数过多" in answer.json()["detail"]

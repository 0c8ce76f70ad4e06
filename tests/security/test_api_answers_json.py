"""Issue 17, items 4 and 8: `/api/login` takes only JSON from this site (login CSRF), and the API answers
JSON `{"detail"}` for every error — a string holding a lone surrogate, a body too large, an unknown address."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tests.accounts.personas import PASSWORD
from tests.api.test_observations import session_client
from tests.reliability.record import record

LOGIN = {"username": "tongji", "password": PASSWORD}


def _json_error(answer, *statuses: int) -> bool:  # type: ignore[no-untyped-def]
    return (answer.status_code in statuses and answer["Content-Type"].startswith("application/json")
            and bool(answer.json().get("detail")))


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])
def test_login_refuses_a_body_that_is_not_sent_as_json(personas, content_type):
    client = Client()
    body = json.dumps(LOGIN)
    answer = client.post("/api/login", body if content_type == "text/plain" else LOGIN, content_type=content_type) \
        if content_type != "multipart/form-data" else client.post("/api/login", LOGIN)
    assert _json_error(answer, 400, 415) and "sessionid" not in client.cookies
    record("hardening", f"login CSRF: {content_type} body refused", tried=1, held=1)


def test_login_refuses_another_origin_and_accepts_its_own(personas):
    evil = Client().post("/api/login", LOGIN, content_type="application/json", headers={"Origin": "https://evil.example"})
    referer = Client().post("/api/login", LOGIN, content_type="application/json",
                            headers={"Referer": "https://evil.example/page"})
    own = Client().post("/api/login", LOGIN, content_type="application/json", headers={"Origin": "http://testserver"})
    script = Client().post("/api/login", LOGIN, content_type="application/json")
    assert _json_error(evil, 403) and _json_error(referer, 403)
    assert own.status_code == 200 and script.status_code == 200
    record("hardening", "login CSRF: other origin refused, own origin and scripts accepted", tried=4, held=4)


def test_errors_are_json_for_a_lone_surrogate_a_huge_body_and_an_unknown_address(personas):
    client, token = session_client("tongji")
    headers = {"X-CSRFToken": token}
    surrogate = client.post("/api/observations", '{"region": "\\ud800x", "indicator": "gdp", "through": "2023-12", '
                            '"value": 1}', content_type="application/json", headers=headers)
    in_query = client.get("/api/status?region=%ED%A0%80x&year=2023")  # the surrogate as UTF-8-ish bytes
    huge = client.post("/api/observations", '{"note": "' + "x" * (3 << 20) + '"}', content_type="application/json",
                       headers=headers)
    unknown = client.get("/api/no-such-thing")
    checks = [_json_error(surrogate, 400, 422), _json_error(in_query, 400, 404, 422), _json_error(huge, 413),
              _json_error(unknown, 404)]
    record("hardening", "API: JSON for every error (surrogate, 3 MB body, unknown address)", tried=len(checks),
           held=sum(checks))
    assert checks == [True] * len(checks), [surrogate.status_code, in_query.status_code, huge.status_code,
                                             unknown.status_code]

"""Security headers, CSRF on forms, login throttling, and no outside address in any template or page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

import devplan

OUTSIDE = re.compile(r"(?:https?:)?//(?!localhost|127\.0\.0\.1|\[::1\])[a-z0-9.-]+\.[a-z]{2,}", re.IGNORECASE)
TEMPLATE_DIRS = [Path(devplan.__file__).parent / app / "templates" for app in ("web", "api")]
OWN_STATIC = Path(devplan.__file__).parent / "web" / "static" / "web"


XML_NAMESPACE = re.compile(r'xmlns(?::\w+)?="[^"]*"')  # a name, never fetched


def outside_addresses(text: str) -> list[str]:
    return OUTSIDE.findall(XML_NAMESPACE.sub("", text))


def test_the_outside_address_pattern_catches_cdns_and_spares_localhost():
    assert outside_addresses('<script src="https://static.example.net/x.js">') == ["https://static.example.net"]
    assert outside_addresses('<link href="//assets.example.com/a.css">') == ["//assets.example.com"]
    assert outside_addresses("http://127.0.0.1:8000/ http://localhost/") == []
    assert outside_addresses('<svg xmlns="http://www.w3.org/2000/svg">') == []


@pytest.mark.parametrize("path", [p for d in TEMPLATE_DIRS for p in d.rglob("*.html")] + list(OWN_STATIC.glob("*")),
                         ids=lambda p: p.name)
def test_no_template_or_own_asset_refers_to_an_outside_address(path):
    assert outside_addresses(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("who", ["anonymous", "owner", "planner"])
def test_no_page_refers_to_an_outside_address(personas, who):
    client = personas.client(who)
    pages = ["/login/", "/public/", "/public/430381/2023/", "/api/docs", "/dashboard/430381/2023/10/",
             "/indicator/430381/gdp/2023/", "/review/430381/2023/10/", "/submit/430381/2023/10/"]
    for page in pages:
        answer = client.get(page, follow=True)
        assert outside_addresses(answer.content.decode()) == [], page


def test_pages_send_a_content_security_policy_allowing_no_outside_origin(db):
    answer = Client().get("/login/")
    policy = answer["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "http" not in policy and "unsafe" not in policy
    assert answer["X-Frame-Options"] == "DENY"
    assert answer["X-Content-Type-Options"] == "nosniff"


def test_forms_need_the_csrf_token(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.owner)
    answer = client.post("/submit/430381/2023/11/", {"value_gdp": "610", "action": "save"})
    assert answer.status_code == 403


def test_login_page_throttles_repeated_failures(personas, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/login/", {"username": "tongji", "password": "wrong"})
    answer = client.post("/login/", {"username": "tongji", "password": "correct-horse-battery-staple"})
    assert answer.status_code == 429
    assert "登录失败次数过多" in answer.content.decode()


def test_login_page_logs_in_with_the_right_password(personas):
    client = Client()
    answer = client.post("/login/", {"username": "tongji", "password": "correct-horse-battery-staple"})
    assert answer.status_code == 302
    assert client.get("/").status_code == 200


def test_logging_out_returns_to_the_login_page(personas):
    client = personas.client("owner")
    answer = client.post("/logout/")
    assert answer.status_code == 302 and answer["Location"] == "/login/"
    assert client.get("/").status_code == 302

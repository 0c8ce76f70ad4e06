"""Real-browser tests: Playwright driving Debian's chromium, headless, against pytest-django's live server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devplan.accounts.models import Role
from devplan.accounts.services import add_user

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(scope="session", autouse=True)
def one_request_at_a_time() -> Iterator[None]:
    """The live server answers one request at a time: on SQLite the test database lives in memory and its one
    connection is shared with the server's threads, and two requests at once on it (a page and its htmx
    check) fail at random with "bad parameter or other API misuse"."""
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread

    class SerialWSGIServer(WSGIServer):
        def __init__(self, *args: Any, connections_override: Any = None, **kwargs: Any) -> None:
            # The live server's thread already uses the test's connections; there are no request threads.
            super().__init__(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(LiveServerThread, "server_class", SerialWSGIServer)
        yield


@pytest.fixture(scope="session")
def no_connection_left(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """On PostgreSQL the browser tests leave one idle connection to the test database behind, not in the
    test's own context (at the end only the main thread is alive), and dropping the database at the end then
    fails; it is ended here, before the drop."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                       " WHERE datname = current_database() AND pid <> pg_backend_pid()")


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"chromium is not installed at {CHROMIUM}")
    # Playwright's sync API keeps an event loop in this thread; the test's own ORM calls are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def demo_site(transactional_db: Any, live_server: Any, no_connection_left: None) -> Any:
    """The demo data and one account per persona on a live server; returns the server."""
    from devplan.demo.loader import load_demo

    region = load_demo()
    add_user("tongji", Role.DEPARTMENT, PASSWORD, region, department="统计局")
    add_user("caizheng", Role.DEPARTMENT, PASSWORD, region, department="财政局")
    add_user("planner", Role.PLANNER, PASSWORD, region)
    OUTPUT.mkdir(exist_ok=True)
    return live_server


def open_as(browser: Any, server: Any, username: str, **context: Any) -> Any:
    """A fresh browser context logged in as `username` through the login form; records console errors."""
    page = browser.new_context(locale="zh-CN", **context).new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.goto(f"{server.url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page

"""Issue 17, item 9: a member's pages are not kept by caches, logins expire, each server has its own control
socket."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from devplan.cli.management.commands.serve import gunicorn_command
from tests.security.conftest import client_of


def test_a_members_pages_and_downloads_are_not_stored_by_caches(cast: dict[str, Any]) -> None:
    planner = client_of(cast["planner"])
    for path in ("/dashboard/430381/2023/10/", "/api/status?region=430381&year=2023"):
        assert planner.get(path)["Cache-Control"] == "no-store"
    assert client_of(None).get("/public/430381/2023/").get("Cache-Control", "") != "no-store"


def test_a_login_lasts_one_day_by_default() -> None:
    assert settings.SESSION_COOKIE_AGE == 24 * 3600
    assert settings.SECURE_HSTS_SECONDS == 0


def test_two_servers_have_two_control_sockets() -> None:
    def socket(port: int) -> str:
        command = gunicorn_command("127.0.0.1", port, 2)
        return command[command.index("--control-socket") + 1]

    assert socket(8000) != socket(8001)

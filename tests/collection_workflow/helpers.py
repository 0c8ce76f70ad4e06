"""A request carrying a user, as the workflow functions take it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.test import RequestFactory


def request_by(user: Any) -> HttpRequest:
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.7", HTTP_USER_AGENT="pytest")
    request.user = user
    return request

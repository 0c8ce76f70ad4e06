"""The personas of the permission tests, plus the one role they lack (an admin), and the scan for anything
secret in a response or a log line."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

from devplan.accounts.demo import DEMO_ACCOUNTS
from devplan.accounts.models import Role
from devplan.accounts.services import add_user
from tests.accounts.personas import PASSWORD, Personas, personas  # noqa: F401  (the shared personas)

ROLES = ("anonymous", "admin", "planner", "owner", "other", "builder", "viewer")
HASH_MARKERS = ("argon2$", "pbkdf2_")


@pytest.fixture
def cast(personas: Personas) -> dict[str, Any]:  # noqa: F811  (the fixture imported above)
    """Every role's user (None for the anonymous visitor): the personas and an admin of the same county.

    The cache starts empty, as in a freshly started server: it outlives the test database's rollback, and
    ids it remembers from an earlier test (PostgreSQL never reuses them) would point at nothing."""
    cache.clear()
    admin = add_user("admin", Role.ADMIN, PASSWORD, personas.region)
    return {"anonymous": None, "admin": admin, **{role: getattr(personas, role) for role in ROLES[2:]}}


def client_of(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def secrets() -> list[str]:
    """What must never be shown: the secret key, password hashes, and the passwords of tests and demo."""
    hashes = [h for h in get_user_model().objects.values_list("password", flat=True) if h]
    return [settings.SECRET_KEY, *HASH_MARKERS, *hashes, PASSWORD, *(a.password for a in DEMO_ACCOUNTS)]


def leaks(text: str, forbidden: list[str]) -> list[str]:
    return [secret for secret in forbidden if secret in text]

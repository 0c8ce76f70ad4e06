"""`devplan serve --demo-accounts` creates one account per role, and only in a demo database."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory

from devplan.accounts.demo import DEMO_ACCOUNTS, ensure_demo_accounts
from devplan.accounts.models import Membership, Role
from devplan.lib.errors import DevplanError


def test_demo_accounts_cover_every_role_and_log_in(demo):
    ensure_demo_accounts()
    assert {m.role for m in Membership.objects.all()} == set(Role.values)
    account = DEMO_ACCOUNTS[2]
    request = RequestFactory().post("/login/")
    assert authenticate(request, username=account.username, password=account.password) is not None


def test_demo_accounts_are_created_once(demo):
    ensure_demo_accounts()
    ensure_demo_accounts()
    assert Membership.objects.count() == len(DEMO_ACCOUNTS)


@pytest.mark.django_db
def test_demo_accounts_are_refused_without_the_demo_data():
    with pytest.raises(DevplanError, match="不含示例数据"):
        ensure_demo_accounts()
    assert Membership.objects.count() == 0

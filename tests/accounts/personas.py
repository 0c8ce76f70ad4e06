"""The personas of every permission test (healthchecks' style): the department that owns an indicator
(统计局, owner of gdp), another department (财政局), an anonymous visitor — and the planner who reviews,
a leader who views, and a project owner unit (湘乡市城市发展集团有限公司, owner of project XX-003)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from devplan.accounts.models import Role
from devplan.accounts.services import add_user

PASSWORD = "correct-horse-battery-staple"
BUILDER = "湘乡市城市发展集团有限公司"


@dataclass
class Personas:
    region: Any
    owner: Any
    other: Any
    planner: Any
    viewer: Any
    builder: Any

    def client(self, who: str) -> Client:
        """A logged-in client for `owner`, `other`, `planner`, `viewer`, `builder`; an anonymous one for
        `anonymous`."""
        client = Client()
        if who != "anonymous":
            client.force_login(getattr(self, who))
        return client


@pytest.fixture
def personas(demo: Any) -> Personas:
    return Personas(
        region=demo,
        owner=add_user("tongji", Role.DEPARTMENT, PASSWORD, demo, department="统计局"),
        other=add_user("caizheng", Role.DEPARTMENT, PASSWORD, demo, department="财政局"),
        planner=add_user("planner", Role.PLANNER, PASSWORD, demo),
        viewer=add_user("leader", Role.VIEWER, PASSWORD, demo),
        builder=add_user("chengtou", Role.OWNER, PASSWORD, demo, owner=BUILDER),
    )

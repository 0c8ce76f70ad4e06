"""Who is told: the active members of a department, of a project owner unit, or a region's planners."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from devplan.accounts.models import Role
from devplan.regions.models import Region


def _members(region: Region, **membership: Any) -> list[Any]:
    users = get_user_model().objects.filter(is_active=True, memberships__region=region,
                                            **{f"memberships__{k}": v for k, v in membership.items()})
    return list(users.distinct().order_by("pk"))


def department_members(region: Region, department_name: str) -> list[Any]:
    return _members(region, role=Role.DEPARTMENT, department__name=department_name)


def owner_members(region: Region, owner_unit: str) -> list[Any]:
    return _members(region, role=Role.OWNER, owner_unit=owner_unit)


def planners(region: Region) -> list[Any]:
    return _members(region, role=Role.PLANNER)


def leaders(region: Region) -> list[Any]:
    return _members(region, role=Role.VIEWER)

"""Creating users with their role: the `devplan user add` command and the demo accounts call this."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from devplan.accounts.audit import record_action
from devplan.accounts.models import Membership, Role
from devplan.lib.errors import DevplanError, UsageError
from devplan.recording.parse import text
from devplan.regions.models import Department, Region


def _department(region: Region, name: str) -> Department:
    department = Department.objects.filter(region=region, name=name).first()
    if department is None:
        known = "、".join(region.departments.values_list("name", flat=True)) or "（无）"
        raise DevplanError(f"{region.name}没有名为“{name}”的部门；已有部门：{known}")
    return department


def _check_role_options(role: str, department: str | None, owner: str | None) -> None:
    if role not in Role.values:
        raise UsageError(f"角色应为 {'、'.join(Role.values)} 之一，而不是“{role}”")
    if role == Role.DEPARTMENT and not department:
        raise UsageError("department 角色须用 --department 指明所属部门")
    if role == Role.OWNER and not owner:
        raise UsageError("owner 角色须用 --owner 指明项目业主单位")


@transaction.atomic
def add_user(
    username: str,
    role: str,
    password: str,
    region: Region,
    *,
    department: str | None = None,
    owner: str | None = None,
    check_password: bool = True,
) -> Any:
    """Create the user (Argon2-hashed password) with one membership; an admin is also Django staff."""
    _check_role_options(role, department, owner)
    user_model = get_user_model()
    # A username is named again with --by and printed in exports: the text rule of every door, and Django's
    # own rule for usernames (letters, digits and @ . + - _), which create_user does not apply.
    text(username, "username", "用户名", 150)
    try:
        user_model._meta.get_field("username").run_validators(username)
    except ValidationError:
        raise DevplanError(f"用户名“{username}”不合格：只能使用字母、数字和 @ . + - _") from None
    if user_model.objects.filter(username=username).exists():
        raise DevplanError(f"用户“{username}”已存在")
    if check_password:
        try:
            validate_password(password)
        except ValidationError as exc:
            raise DevplanError(f"密码不合格：{'；'.join(exc.messages)}") from None
    is_admin = role == Role.ADMIN
    user = user_model.objects.create_user(
        username=username, password=password, is_staff=is_admin, is_superuser=is_admin
    )
    Membership.objects.create(
        user=user,
        role=role,
        region=region,
        department=_department(region, department) if department else None,
        owner_unit=owner or "",
    )
    record_action(None, "user.add", user, {"role": role, "department": department, "owner": owner})
    return user

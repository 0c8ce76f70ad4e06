"""Editing a key project's registry row on the copy one read. `Project.version` counts the changes; an edit
names the version it read and is applied only while the row still has it, in one conditional UPDATE, so of
two editors of the same copy the second is refused with `ProjectChanged` instead of overwriting the first."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Field
from django.utils import timezone

from devplan.accounts.models import AuditLog
from devplan.lib.errors import DevplanError
from devplan.projects.models import Project
from devplan.regions.models import Department

EDITABLE = (
    "name", "owner", "department", "leader", "location", "sector", "start_year", "end_year", "total_investment",
    "status", "planned_start", "actual_start", "planned_completion", "actual_completion", "funding_source", "note",
)
REQUIRED = ("name", "owner", "status")
LARGEST = Decimal("1e15")


class ProjectChanged(DevplanError):
    """The project was changed after the version the edit was based on; nothing was stored."""

    def __init__(self, theirs: Project, base_version: int) -> None:
        self.theirs = theirs
        self.base_version = base_version
        super().__init__(self._message())

    def _message(self) -> str:
        last = last_change(self.theirs)
        by = f"已由{last.username or '他人'}于 {timezone.localtime(last.at):%Y-%m-%d %H:%M:%S} " if last else "已被"
        return (
            f"该项目{by}修改为第 {self.theirs.version} 版，而您的修改基于第 {self.base_version} 版，未保存："
            "请对照 theirs 中的最新内容，重新读取后再修改"
        )


def last_change(project: Project) -> AuditLog | None:
    """The audit-log row of the project's latest edit: who changed it and when (None if never edited)."""
    rows = AuditLog.objects.filter(object_type=Project._meta.label, object_id=str(project.pk), action="project.edit")
    return rows.order_by("-at", "-pk").first()


def _department(project: Project, name: str | None) -> Department | None:
    if not name:
        return None
    department = Department.objects.filter(region=project.region, name=name).first()
    if department is None:
        raise DevplanError(f"department：{project.region.name}没有名为“{name}”的部门")
    return department


def _field(name: str) -> Field[Any, Any]:
    field = Project._meta.get_field(name)
    assert isinstance(field, Field)
    return field


def _check(merged: dict[str, Any]) -> None:
    """Refuse a registry row the reports could not use, with one sentence naming the field."""
    for name in REQUIRED:
        if not (merged[name] or "").strip():
            raise DevplanError(f"{name}（{_field(name).verbose_name}）不能为空")
    for name in ("name", "owner", "leader", "location", "sector", "funding_source"):
        limit = _field(name).max_length or 0
        if len(merged[name] or "") > limit:
            raise DevplanError(f"{name} 不能超过 {limit} 个字")
    if merged["status"] not in Project.Status.values:
        raise DevplanError(f"status（项目状态）应为 {'、'.join(Project.Status.values)} 之一，而不是“{merged['status']}”")
    money = merged["total_investment"]
    if money is not None and not Decimal(0) <= money < LARGEST:
        raise DevplanError(f"total_investment（总投资）应为不小于 0 的亿元数，而不是 {money}")
    for name in ("start_year", "end_year"):
        if merged[name] is not None and not 1949 <= merged[name] <= 2100:
            raise DevplanError(f"{name}（年度）应在 1949 到 2100 之间，而不是 {merged[name]}")
    for first, last in (("start_year", "end_year"), ("planned_start", "planned_completion"),
                        ("actual_start", "actual_completion")):
        if merged[first] is not None and merged[last] is not None and merged[first] > merged[last]:
            raise DevplanError(f"{first}（{merged[first]}）不能晚于 {last}（{merged[last]}）")


@transaction.atomic
def edit_project(project: Project, base_version: int, changes: dict[str, Any]) -> Project:
    """Apply `changes` (registry fields among `EDITABLE`; `department` by name) if the project is still at
    `base_version`, and return it at the next version. Fields not in `changes` keep their value.

    The version check is part of the UPDATE's WHERE clause: on PostgreSQL a concurrent update that commits
    first makes ours match no row; on SQLite the IMMEDIATE transaction makes writers take turns."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise DevplanError(f"这些字段不能通过此接口修改：{'、'.join(unknown)}")
    current = Project.objects.select_related("region").get(pk=project.pk)
    if current.version != base_version:
        raise ProjectChanged(current, base_version)
    values: dict[str, Any] = dict(changes)
    if "department" in values:
        values["department"] = _department(current, values["department"])
    for name in ("name", "owner", "leader", "location", "sector", "funding_source", "note"):
        if name in values:
            values[name] = (values[name] or "").strip()
    merged = {name: getattr(current, name) for name in EDITABLE} | values
    _check(merged)
    try:
        with transaction.atomic():
            updated = Project.objects.filter(pk=current.pk, version=base_version).update(
                **values, version=F("version") + 1
            )
    except IntegrityError:
        raise DevplanError(f"name：{current.region.name}已有名为“{merged['name']}”的项目") from None
    fresh = Project.objects.select_related("region", "department").get(pk=current.pk)
    if not updated:
        raise ProjectChanged(fresh, base_version)
    return fresh

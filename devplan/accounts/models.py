"""Who may do what: a user's memberships (role, region, and the department or project owner they speak
for), and the append-only audit log of every write."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from devplan.regions.models import Department, Region
from devplan.revisions import AppendOnlyError, AppendOnlyManager


class Role(models.TextChoices):
    ADMIN = "admin", "系统管理员"
    PLANNER = "planner", "发改局（计划科）"
    DEPARTMENT = "department", "填报部门"
    OWNER = "owner", "项目业主"
    VIEWER = "viewer", "领导（查看）"


class Membership(models.Model):
    """One role of a user in a region; a department member names its department, a project owner its unit."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField("角色", max_length=12, choices=Role.choices)
    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT)
    department = models.ForeignKey(Department, verbose_name="部门", null=True, blank=True, on_delete=models.PROTECT)
    owner_unit = models.CharField("项目业主单位", max_length=100, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "成员角色"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="department") | models.Q(department__isnull=False),
                name="department_member_names_department",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="owner") | ~models.Q(owner_unit=""),
                name="owner_member_names_unit",
            ),
        ]

    def __str__(self) -> str:
        where = self.department.name if self.department else self.owner_unit
        return f"{self.user} · {self.get_role_display()} · {self.region}{where}"


class AuditLog(models.Model):
    """One write: who, what, on which object, when and from where. Rows are only ever added."""

    at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="用户", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    username = models.CharField("用户名", max_length=150, blank=True)
    action = models.CharField("操作", max_length=50)
    object_type = models.CharField("对象类型", max_length=50, blank=True)
    object_id = models.CharField("对象编号", max_length=50, blank=True)
    object_repr = models.CharField("对象", max_length=200, blank=True)
    detail = models.JSONField("详情", default=dict, blank=True)
    ip_address = models.GenericIPAddressField("来源地址", null=True, blank=True)
    user_agent = models.CharField("客户端", max_length=300, blank=True)

    objects = AppendOnlyManager()

    class Meta:
        verbose_name = verbose_name_plural = "操作日志"
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("AuditLog is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("AuditLog is append-only")

"""督办: an item opened on what lags (an indicator, a project or a task), assigned to a department or a project
owner with a deadline; the assignee answers, the planner closes it (销号) or sends it back. Every step is a row
of its own; the item keeps only its current state. Written by `workflow.py` alone."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone

from devplan.regions.models import Department, Region

TEXT_MAX = 2000


class Item(models.Model):
    class Kind(models.TextChoices):
        INDICATOR = "indicator", "指标"
        PROJECT = "project", "重点项目"
        TASK = "task", "主要任务"

    class State(models.TextChoices):
        OPEN = "open", "督办中"
        ANSWERED = "answered", "已反馈，待销号"
        CLOSED = "closed", "已销号"

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT, related_name="supervision")
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("数据月份")
    kind = models.CharField("对象", max_length=10, choices=Kind.choices)
    subject = models.CharField("对象编号", max_length=40, help_text="指标代码、项目登记编号或任务编号")
    subject_name = models.CharField("对象名称", max_length=200)
    reason = models.TextField("督办事由", max_length=500)
    department = models.ForeignKey(Department, verbose_name="责任部门", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="supervision")
    owner_unit = models.CharField("责任业主单位", max_length=100, blank=True)
    deadline = models.DateField("反馈期限")
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.OPEN)
    proposed = models.BooleanField("系统提出", default=False, help_text="连续两个月红灯时由系统提出")
    opened_at = models.DateTimeField("提出时间", default=timezone.now)
    closed_at = models.DateTimeField("销号时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "督办事项"
        ordering = ["region", "-opened_at", "-pk"]
        indexes = [models.Index(fields=["region", "year", "state"], name="supervision_region_year_state")]
        constraints = [
            models.CheckConstraint(condition=models.Q(department__isnull=False) | ~models.Q(owner_unit=""),
                                   name="supervision_item_has_assignee"),
        ]

    def __str__(self) -> str:
        return f"{self.region.name}{self.year}年督办：{self.subject_name}"

    @property
    def assignee(self) -> str:
        return self.department.name if self.department is not None else self.owner_unit

    def overdue(self, today: date | None = None) -> bool:
        """Not closed and past its deadline (an answer waiting for the planner is not the assignee's delay)."""
        return self.state == self.State.OPEN and self.deadline < (today or timezone.localdate())


class Step(models.Model):
    class Action(models.TextChoices):
        OPEN = "open", "提出督办"
        ANSWER = "answer", "反馈"
        RETURN = "return", "退回重新反馈"
        CLOSE = "close", "销号"

    item = models.ForeignKey(Item, verbose_name="督办事项", on_delete=models.PROTECT, related_name="steps")
    action = models.CharField("环节", max_length=10, choices=Action.choices)
    text = models.TextField("内容", max_length=TEXT_MAX)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True,
                           on_delete=models.PROTECT)
    by_name = models.CharField("操作人名称", max_length=150)
    at = models.DateTimeField("时间", default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = "督办记录"
        ordering = ["item", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.item.subject_name}：{self.get_action_display()}"


class StepFile(models.Model):
    """A photo or document the assignee attached to an answer (材料): kept by content like a project's
    evidence (`devplan.evidence.store`, photos re-encoded without their EXIF), served only to those who may
    read the item."""

    step = models.ForeignKey(Step, verbose_name="督办记录", on_delete=models.PROTECT, related_name="files")
    name = models.CharField("文件名", max_length=200)
    sha256 = models.CharField("SHA-256", max_length=64)
    content_type = models.CharField("类型", max_length=100)
    size = models.PositiveIntegerField("大小（字节）")

    class Meta:
        verbose_name = verbose_name_plural = "督办反馈附件"
        ordering = ["step", "pk"]

    def __str__(self) -> str:
        return self.name

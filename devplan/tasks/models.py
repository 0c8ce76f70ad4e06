"""The plan's quantitative tasks (主要任务) per department — the series of a measure kind whose targets are
the plan's own — and their progress (append-only measure figures)."""

from __future__ import annotations

from django.db import models

from devplan.indicators.models import amount
from devplan.measures.models import MeasureFigure
from devplan.regions.models import Department, Region


class Task(models.Model):
    class Kind(models.TextChoices):
        CUMULATIVE = "cumulative", "累计完成量（按序时进度考核）"
        LEVEL = "level", "年末达到的规模（存量）"
        GROWTH = "growth", "增速（%）"

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT, related_name="tasks")
    year = models.PositiveSmallIntegerField("年度")
    code = models.SlugField("代码", max_length=50)
    title = models.CharField("任务", max_length=200)
    department = models.ForeignKey(Department, verbose_name="责任单位", on_delete=models.PROTECT, related_name="tasks")
    kind = models.CharField("任务类型", max_length=12, choices=Kind.choices)
    target = amount("目标值")
    unit = models.CharField("单位", max_length=20)
    qualifier = models.CharField("限定词", max_length=4, blank=True)
    section = models.CharField("所属部分", max_length=100, blank=True)
    sort_order = models.PositiveIntegerField("排序", default=100)
    source = models.TextField("出处原文", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "计划主要任务"
        ordering = ["region", "year", "sort_order", "code"]
        constraints = [models.UniqueConstraint(fields=["region", "year", "code"], name="task_unique_code")]

    def __str__(self) -> str:
        return self.title


class TaskProgress(MeasureFigure):
    """A task's progress through `month`: a measure figure whose `measure` is the task's code."""

    reported_by = models.CharField("填报人", max_length=50, blank=True)

    class Meta(MeasureFigure.Meta):
        verbose_name = verbose_name_plural = "任务进展"

"""Monthly submissions by departments (indicator figures) and project owners (project progress), their
review by the planners, deadlines, and period locks.

A submission is the submitter's working copy; only `approve` turns it into an official record (a new
`Figure` or project `Progress` revision). Lock and reopen events are rows of their own, never edited.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone

from devplan.indicators.models import Indicator
from devplan.lib.numbers import stated
from devplan.lib.periods import month_span
from devplan.projects.models import Project
from devplan.regions.models import Region

if TYPE_CHECKING:
    from devplan.measures.status import Declaration, Series

NUMBER_FIELDS = ("value", "growth_pct", "estimate_value", "estimate_growth_pct")


class Submission(models.Model):
    """What a department (an indicator's monthly figure) or a project owner (a project's monthly progress)
    sent through the web form, an Excel template or the API, waiting for a planner's decision.

    `values` holds every field as the submitter stated it ("188.2", not 188.2000), so the figure approval
    makes keeps the stated precision. At most one submission per subject and month is open (draft,
    submitted or returned); approved ones stay as the history of what was sent."""

    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        SUBMITTED = "submitted", "待审核"
        APPROVED = "approved", "已通过"
        RETURNED = "returned", "已退回"

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT)
    indicator = models.ForeignKey(Indicator, verbose_name="指标", null=True, blank=True, on_delete=models.PROTECT)
    project = models.ForeignKey(Project, verbose_name="项目", null=True, blank=True, on_delete=models.PROTECT)
    # A measure figure (争资争项, 招商引资, 主要任务): its kind (`Declaration.key`), series, stage and chain.
    measure_kind = models.CharField("类别", max_length=12, blank=True, default="")
    measure = models.CharField("争资招商任务指标", max_length=50, blank=True, default="")
    stage = models.CharField("阶段", max_length=20, blank=True, default="")
    chain = models.CharField("产业链", max_length=50, blank=True, default="")
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("截至月份")
    values = models.JSONField("填报内容（按填写的原样）", default=dict, blank=True)
    door = models.CharField("途径", max_length=12, default="web")
    file_name = models.CharField("文件名", max_length=255, blank=True)
    file_sha256 = models.CharField("文件 SHA-256", max_length=64, blank=True)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="填报人", null=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="审核人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    comment = models.TextField("审核意见", blank=True)
    # What the door's rules said when it was sent (notices, and deviations the submitter explained): the
    # reviewer sees them whichever door it came through.
    warnings = models.JSONField("提示", default=list, blank=True)
    created_at = models.DateTimeField("创建时间", default=timezone.now)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "数据填报"
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(indicator__isnull=False, project__isnull=True, measure_kind="")
                           | models.Q(indicator__isnull=True, project__isnull=False, measure_kind="")
                           | (models.Q(indicator__isnull=True, project__isnull=True) & ~models.Q(measure_kind=""))),
                name="submission_of_indicator_project_or_measure",
            ),
            models.UniqueConstraint(
                fields=["region", "indicator", "year", "month"],
                condition=models.Q(project__isnull=True) & ~models.Q(status="approved"),
                name="one_open_submission_per_indicator_month",
            ),
            models.UniqueConstraint(
                fields=["project", "year", "month"],
                condition=models.Q(indicator__isnull=True) & ~models.Q(status="approved"),
                name="one_open_submission_per_project_month",
            ),
            models.UniqueConstraint(
                fields=["region", "measure_kind", "measure", "stage", "chain", "year", "month"],
                condition=~models.Q(measure_kind="") & ~models.Q(status="approved"),
                name="one_open_submission_per_measure_month",
            ),
        ]
        ordering = ["year", "month", "indicator__sort_order", "project__ref", "pk"]

    def __str__(self) -> str:
        return f"{self.region} {self.subject_name} {self.year}年{month_span(self.month)}（{self.get_status_display()}）"

    @property
    def subject(self) -> Indicator | Project:
        """The indicator or project; a measure submission has neither (see `measure_kind`)."""
        return self.indicator if self.indicator is not None else self.project  # type: ignore[return-value]

    @property
    def kind(self) -> Declaration | None:
        """A measure submission's kind (争资争项, 招商引资, 主要任务), None for an indicator's or a project's."""
        if not self.measure_kind:
            return None
        from devplan.measures.kinds import kind_of  # the kinds' apps import this module

        return kind_of(self.measure_kind)

    @property
    def series(self) -> Series | None:
        """A measure submission's series (its name and unit)."""
        kind = self.kind
        return None if kind is None else kind.one_series(self.region, self.year, self.measure)

    @property
    def subject_name(self) -> str:
        kind, series = self.kind, self.series
        if kind is None or series is None:
            return self.subject.name
        stage = f"（{kind.stages.get(self.stage, self.stage)}）" if self.stage else ""
        chain = f"·{self.chain}" if self.chain else ""
        return f"{kind.name}：{series.name}{chain}{stage}"

    @property
    def unit(self) -> str:
        if self.measure_kind:
            series = self.series
            return series.unit if series is not None else ""
        return self.indicator.unit if self.indicator is not None else "亿元"

    @property
    def period_key(self) -> tuple[int, int]:
        return (self.year, self.month)

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.APPROVED

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    def text(self, field: str) -> str:
        """A field as the submitter stated it; empty when not given."""
        return str(self.values.get(field) or "")

    def number(self, field: str) -> Decimal | None:
        text = self.text(field)
        return Decimal(text) if text else None

    def stated(self, field: str) -> str | None:
        """A number as the submitter stated it, through the one formatter (`lib.numbers.stated`): "9.0" stays
        9.0, "3.10" stays 3.10; `value` is a project's completed investment. None when not given."""
        number = self.number("completed" if field == "value" and self.project_id else field)
        if number is None:
            return None
        exponent = number.as_tuple().exponent
        return stated(number, -exponent if isinstance(exponent, int) and exponent < 0 else 0)

    # The fields pages and documents read most, by name.
    @property
    def value(self) -> Decimal | None:
        return self.number("completed" if self.project_id else "value")

    @property
    def growth_pct(self) -> Decimal | None:
        return self.number("growth_pct")

    @property
    def note(self) -> str:
        return self.text("narrative" if self.project_id else "note")

    @property
    def explanation(self) -> str:
        return self.text("explanation")

    @property
    def problems(self) -> str:
        return self.text("problems")

    @property
    def help_requested(self) -> str:
        return self.text("help_requested")


class PeriodState(models.Model):
    """Whether a region's month is locked now; the history of locks is `PeriodLock`. Every write into a month
    and every lock or reopening first locks this row (SELECT … FOR UPDATE), so that locking a month and
    submitting into it take turns and can never both succeed."""

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("月份")
    locked = models.BooleanField("已锁定", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "月份状态"
        constraints = [models.UniqueConstraint(fields=["region", "year", "month"], name="one_state_per_month")]

    def __str__(self) -> str:
        return f"{self.region} {self.year}-{self.month:02d} {'已锁定' if self.locked else '开放'}"


class PeriodLock(models.Model):
    """One lock or reopening of a region's month; the latest event says whether the month is locked."""

    class Event(models.TextChoices):
        LOCK = "lock", "锁定"
        REOPEN = "reopen", "重新开启"

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("月份")
    event = models.CharField("事件", max_length=10, choices=Event.choices)
    reason = models.CharField("原因", max_length=500, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField("时间", default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = "月度锁定记录"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.region} {self.year}-{self.month:02d} {self.get_event_display()}"


class Deadline(models.Model):
    """The day by which a region's departments must submit the figures through `month`."""

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("月份")
    due = models.DateField("报送截止日")

    class Meta:
        verbose_name = verbose_name_plural = "报送截止日"
        constraints = [models.UniqueConstraint(fields=["region", "year", "month"], name="one_deadline_per_month")]

    def __str__(self) -> str:
        return f"{self.region} {self.year}年{self.month}月：{self.due:%Y-%m-%d}"


class UpwardReview(models.Model):
    """The answer of the area above (a prefecture to its county, a province to its prefecture) to a month the
    region reported up by locking it: accepted, or returned with a comment — which reopened the month at the
    region (a `PeriodLock` reopening by the area's planner, recorded like any other)."""

    class Event(models.TextChoices):
        ACCEPT = "accept", "接收"
        RETURN = "return", "退回"

    region = models.ForeignKey(Region, verbose_name="报送地区", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("月份")
    event = models.CharField("处理", max_length=10, choices=Event.choices)
    comment = models.CharField("意见", max_length=500, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="处理人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField("时间", default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = "上报处理记录"
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["region", "year", "month"], name="upward_review_month")]

    def __str__(self) -> str:
        return f"{self.region} {self.year}-{self.month:02d} {self.get_event_display()}"

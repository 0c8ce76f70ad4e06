"""The one shape of a measure kept against a yearly target with year-to-date monthly figures — funds won
(争资争项), investment attraction (招商引资), the plan's tasks (主要任务). Each app declares its concrete
models over these two; all are append-only revisions written through `devplan.recording.service`."""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from devplan.indicators.models import amount
from devplan.regions.models import Department, Region
from devplan.revisions import Revision


def _name(record: MeasureTarget | MeasureFigure) -> str:
    display = getattr(record, "get_measure_display", None)
    return str(display()) if display else record.measure


class MeasureTarget(Revision):
    identity_fields: ClassVar[tuple[str, ...]] = ("region", "year", "measure")

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    measure = models.CharField("指标", max_length=50)
    value = amount("目标值")
    qualifier = models.CharField("限定词", max_length=4, blank=True)
    source_text = models.TextField("出处原文", blank=True)

    class Meta:
        abstract = True
        constraints = [models.UniqueConstraint(fields=["region", "year", "measure", "revision"],
                                               name="%(app_label)s_%(class)s_revision_unique")]

    def __str__(self) -> str:
        return f"{self.region} {self.year} {_name(self)} r{self.revision}"


class MeasureFigure(Revision):
    """The year to date through `month`. `stage` is blank for the figure judged against the target, else a
    step of the measure's pipeline (申报, 签约, …) whose amounts are shown beside it, never judged."""

    identity_fields: ClassVar[tuple[str, ...]] = ("region", "year", "month", "measure", "stage")

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("截至月份")
    measure = models.CharField("指标", max_length=50)
    stage = models.CharField("阶段", max_length=20, blank=True, default="")
    value = amount("1至当月累计值")
    count = models.PositiveIntegerField("项目个数", null=True, blank=True)
    total = amount("项目总投资（合同金额）")
    note = models.TextField("备注", blank=True)
    source_text = models.TextField("出处原文", blank=True)

    class Meta:
        abstract = True
        constraints = [models.UniqueConstraint(fields=["region", "year", "month", "measure", "stage", "revision"],
                                               name="%(app_label)s_%(class)s_revision_unique")]

    def __str__(self) -> str:
        stage = f" {self.stage}" if self.stage else ""
        return f"{self.region} {self.year}-{self.month:02d} {_name(self)}{stage} r{self.revision}"


class MeasureResponsibility(models.Model):
    """Which department of a region reports a series of a measure kind there (财政局 the bonds it issues,
    商务局 investment attraction …): its figures are then that department's to send for approval. The plan's
    tasks name their department on the task itself (`Task.department`)."""

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("类别", max_length=12, choices=[("funds", "争资争项"), ("attraction", "招商引资")])
    measure = models.CharField("指标", max_length=50)
    department = models.ForeignKey(Department, verbose_name="责任部门", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "争资争项、招商引资责任部门"
        constraints = [models.UniqueConstraint(fields=["region", "kind", "measure"], name="one_department_per_measure")]

    def __str__(self) -> str:
        return f"{self.department} — {self.kind}:{self.measure}"

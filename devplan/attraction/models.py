"""Investment attraction (招商引资): targets and year-to-date figures per measure, both append-only."""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from devplan.indicators.models import amount
from devplan.regions.models import Region
from devplan.revisions import Revision


class Measure(models.TextChoices):
    SIGNED_PROJECTS = "signed_projects", "签约项目（企业）"
    TOP500_FIRMS = "top500_firms", "引进“三类500强”企业"
    PROJECTS_OVER_100M = "projects_over_100m", "引进亿元以上项目"
    DOMESTIC_CAPITAL = "domestic_capital", "利用内资"
    FDI = "fdi", "外商直接投资"


UNITS = {
    Measure.SIGNED_PROJECTS: "个",
    Measure.TOP500_FIRMS: "家",
    Measure.PROJECTS_OVER_100M: "个",
    Measure.DOMESTIC_CAPITAL: "亿元",
    Measure.FDI: "万美元",
}


class AttractionTarget(Revision):
    identity_fields: ClassVar[tuple[str, ...]] = ("region", "year", "measure")

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    measure = models.CharField("指标", max_length=20, choices=Measure.choices)
    value = amount("目标值")
    qualifier = models.CharField("限定词", max_length=4, blank=True)
    source_text = models.TextField("出处原文", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "招商引资目标"
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "measure", "revision"], name="attraction_target_revision_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.year} {self.get_measure_display()} r{self.revision}"


class AttractionFigure(Revision):
    identity_fields: ClassVar[tuple[str, ...]] = ("region", "year", "month", "measure")

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("截至月份")
    measure = models.CharField("指标", max_length=20, choices=Measure.choices)
    value = amount("1至当月累计值")
    note = models.TextField("备注", blank=True)
    source_text = models.TextField("出处原文", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "招商引资完成情况"
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "month", "measure", "revision"], name="attraction_figure_revision_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.year}-{self.month:02d} {self.get_measure_display()} r{self.revision}"

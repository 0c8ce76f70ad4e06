"""Investment attraction (招商引资): a measure kind (`devplan.measures`). Its unstaged figures are the
year's results per measure; its staged figures the pipeline 在谈 → 签约 → 开工 → 投产 by industry chain, for
利用内资 (省外境内) and 外商直接投资: projects (`count`), contract capital (`total`), arrived capital (`value`)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from devplan.measures.models import MeasureFigure, MeasureTarget


class Measure(models.TextChoices):
    SIGNED_PROJECTS = "signed_projects", "签约项目（企业）"
    TOP500_FIRMS = "top500_firms", "引进“三类500强”企业"
    PROJECTS_OVER_100M = "projects_over_100m", "引进亿元以上项目"
    DOMESTIC_CAPITAL = "domestic_capital", "利用内资（省外境内）"
    FDI = "fdi", "外商直接投资（外资）"


class Stage(models.TextChoices):
    NEGOTIATING = "negotiating", "在谈"
    SIGNED = "signed", "签约"
    STARTED = "started", "开工"
    PRODUCING = "producing", "投产"


UNITS = {Measure.SIGNED_PROJECTS: "个", Measure.TOP500_FIRMS: "家", Measure.PROJECTS_OVER_100M: "个",
         Measure.DOMESTIC_CAPITAL: "亿元", Measure.FDI: "万美元"}


class AttractionTarget(MeasureTarget):
    measure = models.CharField("指标", max_length=50, choices=Measure.choices)

    class Meta(MeasureTarget.Meta):
        verbose_name = verbose_name_plural = "招商引资目标"


class AttractionFigure(MeasureFigure):
    identity_fields: ClassVar[tuple[str, ...]] = (*MeasureFigure.identity_fields, "chain")

    measure = models.CharField("指标", max_length=50, choices=Measure.choices)
    stage = models.CharField("阶段", max_length=20, blank=True, default="", choices=Stage.choices)
    chain = models.CharField("产业链", max_length=50, blank=True, default="")

    class Meta:
        verbose_name = verbose_name_plural = "招商引资完成情况"
        constraints = [models.UniqueConstraint(fields=["region", "year", "month", "measure", "stage", "chain", "revision"],
                                               name="attraction_attractionfigure_revision_unique")]

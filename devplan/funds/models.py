"""Funds won from higher levels (争资争项) by source, in 亿元: a measure kind (`devplan.measures`), its
unstaged figure the funds won, its staged figures the pipeline 谋划 → 申报 → 批复/下达 → 到位."""

from __future__ import annotations

from django.db import models

from devplan.measures.models import MeasureFigure, MeasureTarget


class Source(models.TextChoices):
    TOTAL = "total", "各类资金合计"
    CENTRAL_BUDGET = "central_budget", "中央预算内投资"
    ULTRA_LONG_BONDS = "ultra_long_bonds", "超长期特别国债"
    PROVINCIAL = "provincial", "省级资金"
    TRANSFERS = "transfers", "国省湘潭市补助资金"
    GENERAL_BONDS = "general_bonds", "一般债券"
    SPECIAL_BONDS = "special_bonds", "专项债券"
    REFINANCING_BONDS = "refinancing_bonds", "置换（再融资）债券"
    LOANS = "loans", "中长期贷款"
    TREASURY_BONDS = "treasury_bonds", "增发国债"


class Stage(models.TextChoices):
    PLANNED = "planned", "谋划"
    APPLIED = "applied", "申报"
    APPROVED = "approved", "批复/下达"
    ARRIVED = "arrived", "到位"


# The parts the seed lists under the total ("其中……"); loans and treasury-bond projects are reported apart.
PARTS_OF_TOTAL = (Source.TRANSFERS, Source.GENERAL_BONDS, Source.SPECIAL_BONDS, Source.REFINANCING_BONDS)


class FundTarget(MeasureTarget):
    measure = models.CharField("资金来源", max_length=50, choices=Source.choices)

    class Meta(MeasureTarget.Meta):
        verbose_name = verbose_name_plural = "争资争项目标"


class FundFigure(MeasureFigure):
    """For loans and treasury bonds also the number of projects approved and their total investment
    ("中长期贷款项目20个、总投资42亿元，申请中长期贷款26亿元")."""

    measure = models.CharField("资金来源", max_length=50, choices=Source.choices)
    stage = models.CharField("阶段", max_length=20, blank=True, default="", choices=Stage.choices)

    class Meta(MeasureFigure.Meta):
        verbose_name = verbose_name_plural = "争资争项完成情况"

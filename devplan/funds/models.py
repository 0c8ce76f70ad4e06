"""Funds won from higher levels (争资争项), by source: targets and year-to-date figures, both append-only.
Amounts are in 亿元."""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from devplan.indicators.models import amount as number_field
from devplan.regions.models import Region
from devplan.revisions import Revision


class Source(models.TextChoices):
    TOTAL = "total", "各类资金合计"
    TRANSFERS = "transfers", "国省湘潭市补助资金"
    GENERAL_BONDS = "general_bonds", "一般债券"
    SPECIAL_BONDS = "special_bonds", "专项债券"
    REFINANCING_BONDS = "refinancing_bonds", "置换（再融资）债券"
    LOANS = "loans", "中长期贷款"
    TREASURY_BONDS = "treasury_bonds", "增发国债"


# The parts the seed lists under the total ("其中……"); loans and treasury-bond projects are reported apart.
PARTS_OF_TOTAL = (Source.TRANSFERS, Source.GENERAL_BONDS, Source.SPECIAL_BONDS, Source.REFINANCING_BONDS)


class FundTarget(Revision):
    identity_fields: ClassVar[tuple[str, ...]] = ("region", "year", "source")

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    source = models.CharField("资金来源", max_length=20, choices=Source.choices)
    amount = number_field("目标金额（亿元）")
    qualifier = models.CharField("限定词", max_length=4, blank=True)
    source_text = models.TextField("出处原文", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "争资争项目标"
        constraints = [
            models.UniqueConstraint(fields=["region", "year", "source", "revision"], name="fund_target_revision_unique")
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.year} {self.get_source_display()} r{self.revision}"


class FundFigure(Revision):
    """Funds won through `month` of `year` from one source; for loans and treasury bonds also the number of
    projects approved and their total investment ("中长期贷款项目20个、总投资42亿元，申请中长期贷款26亿元")."""

    identity_fields: ClassVar[tuple[str, ...]] = ("region", "year", "month", "source")

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("截至月份")
    source = models.CharField("资金来源", max_length=20, choices=Source.choices)
    amount = number_field("争取资金（亿元）")
    project_count = models.PositiveIntegerField("项目个数", null=True, blank=True)
    project_investment = number_field("项目总投资（亿元）")
    note = models.TextField("备注", blank=True)
    source_text = models.TextField("出处原文", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "争资争项完成情况"
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "month", "source", "revision"], name="fund_figure_revision_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.year}-{self.month:02d} {self.get_source_display()} r{self.revision}"

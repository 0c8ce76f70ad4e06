"""Regions as a tree (province → prefecture → county) and the departments that report within a region."""

from __future__ import annotations

from django.db import models


class Region(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", "省级"
        PREFECTURE = "prefecture", "地级"
        COUNTY = "county", "县级"

    code = models.CharField("行政区划代码", max_length=12, unique=True)
    name = models.CharField("名称", max_length=50, db_index=True)
    level = models.CharField("层级", max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        verbose_name = verbose_name_plural = "行政区"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def peer_words(self) -> str:
        """What the region's peers are called: 县市区 for a county, 市州 for a prefecture, 省份 for a province."""
        return {"province": "省份", "prefecture": "市州"}.get(self.level, "县市区")

    def counties(self) -> models.QuerySet[Region]:
        """The counties this area adds up: a prefecture's, or a province's — those of its prefectures and
        those it administers itself (省直管县, whose parent is the province)."""
        counties = Region.objects.filter(level=Region.Level.COUNTY)
        if self.level == Region.Level.PROVINCE:
            return counties.filter(models.Q(parent=self) | models.Q(parent__parent=self))
        return counties.filter(parent=self)

    def peers(self) -> models.QuerySet[Region]:
        """The other regions under the same parent: the counties a county is ranked against."""
        return Region.objects.filter(parent_id=self.parent_id, level=self.level).exclude(pk=self.pk)


class Department(models.Model):
    """A bureau of a region's government (统计局, 财政局 …) that reports figures."""

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT, related_name="departments")
    name = models.CharField("名称", max_length=50)

    class Meta:
        verbose_name = verbose_name_plural = "部门"
        ordering = ["region", "name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="department_unique_name")]

    def __str__(self) -> str:
        return f"{self.region.name}{self.name}"

"""Narrative blocks: the prose of a report that planners write (problems, tasks, reasons for lagging
indicators) kept in the database as append-only revisions, so every edit keeps its history."""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from devplan.regions.models import Region
from devplan.revisions import Revision


class NarrativeBlock(Revision):
    """One revision of a paragraph of a region's report for a plan year.

    `section` says where it goes (see `devplan.reports.narrative.SECTIONS`), `order` its place within the
    section. `text` may cite recorded figures as `{indicator_code.field}` (e.g. `{grain_area.value}`); the
    report prints the recorded number there and links it to its record.
    """

    identity_fields: ClassVar[tuple[str, ...]] = ("region", "year", "section", "order")

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField("报告年度")
    section = models.CharField("所在部分", max_length=40)
    order = models.PositiveSmallIntegerField("顺序", default=1)
    title = models.CharField("小标题", max_length=200, blank=True)
    text = models.TextField("正文")
    source = models.TextField("出处", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "报告文字段落"
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "section", "order", "revision"], name="narrative_revision_unique"
            )
        ]
        indexes = [models.Index(fields=["region", "year"], name="narrative_region_year")]

    def __str__(self) -> str:
        return f"{self.region} {self.year} {self.section}#{self.order} r{self.revision}"

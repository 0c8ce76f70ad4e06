"""Evidence of a key project's progress (形象进度): photos and documents an owner attaches to a month. The
content lives on disk under its SHA-256 (`store.py`), once however often it is attached; a row here says
which project and month it belongs to and who attached it. Written by `service.attach` alone."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from devplan.projects.models import Project


class Attachment(models.Model):
    class Kind(models.TextChoices):
        PHOTO = "photo", "照片"
        DOCUMENT = "document", "文件"

    project = models.ForeignKey(Project, verbose_name="项目", on_delete=models.PROTECT, related_name="evidence")
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("月份")
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    name = models.CharField("文件名", max_length=200, help_text="上传时的文件名，下载时沿用")
    caption = models.CharField("说明", max_length=200, blank=True)
    sha256 = models.CharField("内容 SHA-256", max_length=64, help_text="存储的内容（照片为重新编码后的）")
    content_type = models.CharField("内容类型", max_length=50)
    size = models.PositiveIntegerField("字节数")
    thumbnail = models.CharField("缩略图 SHA-256", max_length=64, blank=True)
    keeps_location = models.BooleanField("保留了拍摄位置", default=False)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="上传人", null=True, blank=True,
                           on_delete=models.PROTECT, related_name="+")
    by_name = models.CharField("上传人名称", max_length=150)
    at = models.DateTimeField("上传时间", default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = "形象进度照片与文件"
        ordering = ["project", "-year", "-month", "at", "pk"]
        constraints = [models.UniqueConstraint(fields=["project", "year", "month", "sha256"],
                                               name="evidence_once_per_month")]

    def __str__(self) -> str:
        return f"{self.project} {self.year}-{self.month:02d} {self.name}"

"""Change sets: one row per write through the one door (`devplan.recording.service`). Every revision of a
figure, target, project progress, fund, attraction or task figure points to the change set that wrote it;
who, when, why, through which door and from which file live here once instead of on every row."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Door(models.TextChoices):
    """Where a write came in. A new door gets a value here and calls the recording service."""

    WEB = "web", "网页填报"
    WEB_EXCEL = "web_excel", "网页上传 Excel 模板"
    API = "api", "数据接口（API）"
    CLI_EXCEL = "cli_excel", "命令行导入 Excel 模板"
    CLI_CSV = "cli_csv", "命令行批量导入 CSV"
    CLI_AUDIT = "cli_audit", "从计划报告导入"
    CLI = "cli", "命令行"
    ADMIN = "admin", "管理后台"
    DEMO = "demo", "示例数据"
    SYNTH = "synth", "模拟数据（devplan synth）"
    LEGACY = "legacy", "升级前的记录"


class ChangeSet(models.Model):
    """One write: the revisions it added point here. `submission` is set when the write is the approval of a
    department's or owner's submission; `reverts` when it restores the values a change set replaced."""

    at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField("操作人（名称）", max_length=150, blank=True)
    door = models.CharField("途径", max_length=12, choices=Door.choices)
    reason = models.CharField("原因", max_length=500, blank=True)
    file_name = models.CharField("文件名", max_length=255, blank=True)
    file_sha256 = models.CharField("文件 SHA-256", max_length=64, blank=True)
    region = models.ForeignKey(
        "regions.Region", verbose_name="行政区（多个时为空）", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    submission = models.ForeignKey(
        "collection.Submission", verbose_name="所审核的填报", null=True, blank=True, on_delete=models.PROTECT,
        related_name="change_sets",
    )
    reverts = models.ForeignKey(
        "self", verbose_name="撤销的修改", null=True, blank=True, on_delete=models.PROTECT, related_name="reverted_by"
    )
    periods = models.JSONField("涉及期间", default=list, blank=True)
    rows = models.PositiveIntegerField("写入行数", default=0)
    # A change to a record that is not revisioned (a project's registry row): field → [old, new].
    changes = models.JSONField("字段变更", default=dict, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "修改记录"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.get_door_display()} {self.rows}行"

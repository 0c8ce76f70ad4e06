"""Key projects (重点项目): the registry, each year's investment plan, monthly progress (append-only) and the
plan's own stated totals by category. Money is in 亿元."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q, Value

from devplan.indicators.models import amount
from devplan.lib.fields import WrittenJSONField
from devplan.lib.numbers import stated
from devplan.regions.models import Department, Region
from devplan.revisions import Revision

ILLUSTRATIVE_HELP = "报告原文未给出的数字为示意数据，所有输出都会标明“示意数据”"


class Category(models.Model):
    """A way of grouping projects; a project belongs to several at once."""

    class Kind(models.TextChoices):
        FUNDING = "funding", "投资类别"
        ATTACHMENT = "attachment", "附件分类"
        LIST = "list", "重点清单"

    code = models.SlugField("代码", max_length=40, unique=True)
    name = models.CharField("名称", max_length=50, unique=True)
    kind = models.CharField("分类方式", max_length=12, choices=Kind.choices)
    sort_order = models.PositiveIntegerField("排序", default=100)

    class Meta:
        verbose_name = verbose_name_plural = "项目分类"
        ordering = ["kind", "sort_order", "code"]

    def __str__(self) -> str:
        return self.name


class Project(models.Model):
    class Status(models.TextChoices):
        PREPARATORY = "前期", "前期"
        NEW = "新开工", "新开工"
        CONTINUING = "续建", "续建"
        COMPLETED = "竣工投产", "竣工投产"

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT, related_name="projects")
    ref = models.CharField("登记编号", max_length=30, unique=True, help_text="本系统的项目编号，填报模板按它识别项目")
    code = models.CharField("项目代码", max_length=40, unique=True, null=True, blank=True, help_text="全国投资项目在线审批监管平台赋予的代码")
    name = models.CharField("项目名称", max_length=200)
    owner = models.CharField("业主单位", max_length=100, db_index=True)
    department = models.ForeignKey(
        Department, verbose_name="责任单位", null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    leader = models.CharField("责任领导", max_length=50, blank=True)
    location = models.CharField("建设地点", max_length=100, blank=True)
    sector = models.CharField("行业", max_length=50, blank=True)
    categories = models.ManyToManyField(Category, verbose_name="分类", related_name="projects", blank=True)
    start_year = models.PositiveSmallIntegerField("开始年度", null=True, blank=True)
    end_year = models.PositiveSmallIntegerField("结束年度", null=True, blank=True)
    total_investment = amount("总投资（亿元）")
    status = models.CharField("项目状态", max_length=6, choices=Status.choices, default=Status.PREPARATORY)
    planned_start = models.DateField("计划开工日期", null=True, blank=True)
    actual_start = models.DateField("实际开工日期", null=True, blank=True)
    planned_completion = models.DateField("计划竣工日期", null=True, blank=True)
    actual_completion = models.DateField("实际竣工日期", null=True, blank=True)
    funding_source = models.CharField("资金来源", max_length=200, blank=True)
    illustrative = models.BooleanField("示意数据", default=False, help_text=ILLUSTRATIVE_HELP)
    source = models.TextField("出处原文", blank=True)
    note = models.TextField("备注", blank=True)
    # Photos of a site carry where they were taken (EXIF GPS); only a project that says so keeps it.
    keeps_location = models.BooleanField(
        "照片保留拍摄位置", default=False, help_text="勾选后上传的照片保留 GPS 位置信息；默认去除全部 EXIF 信息"
    )
    # Optimistic locking: every change to the registry row adds one, and an edit names the version it read,
    # so an edit made on an outdated copy is refused (409) instead of silently overwriting the newer one.
    version = models.PositiveIntegerField("版本", default=1, editable=False)

    class Meta:
        verbose_name = verbose_name_plural = "重点项目"
        ordering = ["region", "ref"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="project_unique_name")]

    def __str__(self) -> str:
        return self.name


class AnnualPlan(models.Model):
    """A project's planned investment for one year (年计划投资)."""

    project = models.ForeignKey(Project, verbose_name="项目", on_delete=models.PROTECT, related_name="plans")
    year = models.PositiveSmallIntegerField("年度")
    planned_investment = amount("年计划投资（亿元）")
    goal = models.CharField("年度建设目标", max_length=300, blank=True)
    illustrative = models.BooleanField("示意数据", default=False, help_text=ILLUSTRATIVE_HELP)
    source = models.TextField("出处原文", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "项目年度计划"
        ordering = ["project", "year"]
        constraints = [models.UniqueConstraint(fields=["project", "year"], name="annual_plan_unique")]

    def __str__(self) -> str:
        return f"{self.project} {self.year}"


class Progress(Revision):
    """One revision of a project's monthly report (月度调度): investment completed this year through `month`."""

    identity_fields: ClassVar[tuple[str, ...]] = ("project", "year", "month")

    project = models.ForeignKey(Project, verbose_name="项目", on_delete=models.PROTECT, related_name="progress")
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("截至月份")
    completed_investment = amount("1至当月累计完成投资（亿元）")
    status = models.CharField("项目状态", max_length=6, choices=Project.Status.choices, blank=True)
    narrative = models.TextField("形象进度", blank=True)
    problems = models.TextField("存在问题（堵点难点）", blank=True)
    help_requested = models.TextField("需协调解决事项", blank=True)
    reported_by = models.CharField("填报人", max_length=50, blank=True)
    reported_on = models.DateField("填报日期", null=True, blank=True)
    # Why an unlikely report is right (below last month's, above the plan or the total): the owner's words.
    explanation = models.TextField("偏差说明", blank=True)
    illustrative = models.BooleanField("示意数据", default=False, help_text=ILLUSTRATIVE_HELP)
    source = models.TextField("出处原文", blank=True)
    # Decimal places as stated ("3.10" keeps two), like a figure's.
    precision = WrittenJSONField("数值的小数位数", default=dict, blank=True, db_default=Value({}, models.JSONField()))

    class Meta:
        verbose_name = verbose_name_plural = "项目月度进展"
        constraints = [
            models.UniqueConstraint(fields=["project", "year", "month", "revision"], name="progress_revision_unique")
        ]
        indexes = [models.Index(fields=["project", "year", "month"], name="progress_lookup")]

    def __str__(self) -> str:
        return f"{self.project} {self.year}-{self.month:02d} r{self.revision}"

    def stated(self, field: str) -> str | None:
        """The completed investment written with the decimal places it was stated with (3.10 stays 3.10)."""
        value = getattr(self, field)
        return None if value is None else stated(value, self.precision.get(field))


class Milestone(models.Model):
    """One approval milestone of a project (立项, 用地, 环评, 施工许可) with its planned and actual date. The
    construction milestones 开工 and 竣工 are the project's own start and completion dates, not rows here
    (`devplan.projects.milestones` shows all six in order). Written only by `devplan.recording.milestones`."""

    class Kind(models.TextChoices):
        APPROVAL = "approval", "立项"
        LAND = "land", "用地"
        EIA = "eia", "环评"
        PERMIT = "permit", "施工许可"

    project = models.ForeignKey(Project, verbose_name="项目", on_delete=models.PROTECT, related_name="milestones")
    kind = models.CharField("节点", max_length=10, choices=Kind.choices)
    planned = models.DateField("计划完成日期", null=True, blank=True)
    actual = models.DateField("实际完成日期", null=True, blank=True)
    illustrative = models.BooleanField("示意数据", default=False, help_text=ILLUSTRATIVE_HELP)

    class Meta:
        verbose_name = verbose_name_plural = "项目节点"
        ordering = ["project", "kind"]
        constraints = [models.UniqueConstraint(fields=["project", "kind"], name="milestone_unique_kind")]

    def __str__(self) -> str:
        return f"{self.project} {self.get_kind_display()}"


class PlanTotal(models.Model):
    """A total the plan or report states for a region and year, overall (no category) or for one category:
    "计划实施市本级重点项目225个，总投资657.4亿元，年计划投资201.8亿元"."""

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField("年度")
    category = models.ForeignKey(Category, verbose_name="分类（空为全部）", null=True, blank=True, on_delete=models.PROTECT)
    project_count = models.PositiveIntegerField("项目个数", null=True, blank=True)
    total_investment = amount("总投资（亿元）")
    planned_investment = amount("年计划投资（亿元）")
    completed_investment = amount("累计完成投资（亿元）")
    through_month = models.PositiveSmallIntegerField("完成投资截至月份", null=True, blank=True)
    source = models.TextField("出处原文", blank=True)
    source_document = models.CharField("出处文件", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "计划所列项目合计"
        ordering = ["region", "year", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "category"], condition=Q(category__isnull=False), name="plan_total_category"
            ),
            models.UniqueConstraint(
                fields=["region", "year"], condition=Q(category__isnull=True), name="plan_total_overall"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.year} {self.category or '全部'}"

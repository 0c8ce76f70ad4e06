"""Indicators, their annual targets and their figures. Targets and figures are append-only revisions."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Value

from devplan.indicators.wording import in_step_words
from devplan.lib.fields import WrittenJSONField
from devplan.lib.numbers import stated
from devplan.lib.periods import month_span
from devplan.regions.models import Department, Region
from devplan.revisions import Revision


def amount(label: str) -> models.DecimalField:
    """An exact optional number: money in 亿元 to four places, counts, rates."""
    return models.DecimalField(label, max_digits=20, decimal_places=4, null=True, blank=True)


class Indicator(models.Model):
    class Quantity(models.TextChoices):
        FLOW = "flow", "累计流量（如地区生产总值）"
        STOCK = "stock", "存量（如企业个数）"
        RATE = "rate", "比率（如失业率）"

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "月度"
        QUARTERLY = "quarterly", "季度（3、6、9、12月）"
        ANNUAL = "annual", "年度（12月）"

    class Convention(models.TextChoices):
        INDEX = "index", "指数比 (1+g)/(1+g目标)"
        RATE = "rate", "增速比 g/g目标（不推荐）"

    code = models.SlugField("代码", max_length=50, unique=True)
    name = models.CharField("名称", max_length=100)
    unit = models.CharField("单位", max_length=20)
    quantity = models.CharField("量的类型", max_length=10, choices=Quantity.choices)
    is_main = models.BooleanField("主要指标", default=False)
    sort_order = models.PositiveIntegerField("排序", default=100)
    comparable_prices = models.BooleanField("按可比价计算增速", default=False)
    growth_convention = models.CharField(
        "增速目标完成率算法", max_length=10, choices=Convention.choices, default=Convention.INDEX
    )
    default_department = models.CharField("默认责任部门", max_length=50, blank=True)
    # GDP and incomes are accounted quarterly: departments are asked for them, and counted missing, only in
    # the months of their frequency.
    frequency = models.CharField("报送频率", max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY)
    higher_is_better = models.BooleanField("越高越好", default=True)
    # Levels of counties add up to their prefecture's (GDP, investment); rates and per-capita figures do not.
    additive = models.BooleanField("可跨地区加总", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "指标"
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    def reported_in(self, month: int) -> bool:
        """Whether the indicator has a figure through `month` by its frequency (quarterly: 3, 6, 9, 12)."""
        if self.frequency == self.Frequency.QUARTERLY:
            return month % 3 == 0
        if self.frequency == self.Frequency.ANNUAL:
            return month == 12
        return True


class Responsibility(models.Model):
    """Which department of a region owns (reports) an indicator there."""

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT)
    indicator = models.ForeignKey(Indicator, verbose_name="指标", on_delete=models.PROTECT)
    department = models.ForeignKey(
        Department, verbose_name="责任部门", on_delete=models.PROTECT, related_name="responsibilities"
    )

    class Meta:
        verbose_name = verbose_name_plural = "指标责任部门"
        constraints = [models.UniqueConstraint(fields=["region", "indicator"], name="one_owner_per_indicator")]

    def __str__(self) -> str:
        return f"{self.department} — {self.indicator}"


class Target(Revision):
    """One revision of the annual target of an indicator for a region and year."""

    class Kind(models.TextChoices):
        LEVEL = "level", "总量"
        GROWTH = "growth", "增速"
        CEILING = "ceiling", "上限"
        IN_STEP = "in_step", "同步"

    class Qualifier(models.TextChoices):
        AT_LEAST = "以上", "以上"
        ABOUT = "左右", "左右"
        AT_MOST = "以内", "以内"
        NONE = "", "（无）"

    identity_fields: ClassVar[tuple[str, ...]] = ("region", "indicator", "year")

    region = models.ForeignKey(Region, verbose_name="行政区", on_delete=models.PROTECT)
    indicator = models.ForeignKey(Indicator, verbose_name="指标", on_delete=models.PROTECT, related_name="targets")
    year = models.PositiveSmallIntegerField("年度")
    kind = models.CharField("目标类型", max_length=10, choices=Kind.choices)
    value = amount("目标值")
    unit = models.CharField("单位", max_length=20, blank=True)
    qualifier = models.CharField("限定词", max_length=4, choices=Qualifier.choices, blank=True)
    step_with = models.ForeignKey(
        Indicator, verbose_name="同步于", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    adjusted = models.BooleanField("调整后目标", default=False)
    source = models.TextField("出处原文", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "年度目标"
        constraints = [
            models.UniqueConstraint(fields=["region", "indicator", "year", "revision"], name="target_revision_unique")
        ]
        indexes = [models.Index(fields=["region", "year"], name="target_region_year")]

    def __str__(self) -> str:
        return f"{self.region} {self.year} {self.indicator} r{self.revision}"

    @property
    def step_with_name(self) -> str | None:
        return self.step_with.name if self.step_with is not None else None

    @property
    def in_step_words(self) -> str:
        """"与经济增长同步", as every page and document says an in-step target."""
        step = self.step_with
        return in_step_words(step.code if step else None, step.name if step else None)


class Figure(Revision):
    """One revision of an indicator's year-to-date figure for a region, through month `month` of `year`."""

    class EstimateStatus(models.TextChoices):
        ESTIMATED = "预计", "预计"
        PRELIMINARY = "初步核算", "初步核算"
        FINAL = "最终核实", "最终核实"
        NONE = "", "（无）"

    identity_fields: ClassVar[tuple[str, ...]] = ("region", "indicator", "year", "month")

    # The figure's identity and revision are its primary key, the table's only index: it serves every
    # lookup, and a surrogate id (a sequence and a second index) cost a third of a bulk import of millions
    # of rows. Single-column FK indexes would only slow such imports too, and so would the database's
    # per-row foreign-key checks: every import resolves the codes against these tables itself, and
    # Django's PROTECT guards deletions. Who wrote a figure, when and why is kept once per write in its change
    # set, not on each of the millions of rows.
    pk = models.CompositePrimaryKey("region", "indicator", "year", "month", "revision")
    change_set = models.ForeignKey(
        "recording.ChangeSet", verbose_name="修改记录", on_delete=models.PROTECT, related_name="+",
        db_index=False, db_constraint=False,
    )
    region = models.ForeignKey(
        Region, verbose_name="行政区", on_delete=models.PROTECT, db_index=False, db_constraint=False
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name="指标", on_delete=models.PROTECT, related_name="figures", db_index=False,
        db_constraint=False,
    )
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("截至月份")
    value = amount("1至当月累计值")
    qualifier = models.CharField("限定词", max_length=4, blank=True, db_default="", help_text="以上、超过、近、约等")
    growth_pct = amount("同比增长(%)")
    estimate_value = amount("全年预计值")
    estimate_growth_pct = amount("全年预计增长(%)")
    estimate_status = models.CharField(
        "预计值状态", max_length=8, choices=EstimateStatus.choices, blank=True, db_default=""
    )
    estimate_method = models.CharField("预计方法", max_length=200, blank=True, db_default="")
    stated_completion_pct = amount("材料所述完成率(%)")
    stated_rank = models.PositiveSmallIntegerField("材料所述排名", null=True, blank=True)
    rank_scope = models.CharField("排名范围", max_length=50, blank=True, db_default="")
    note = models.TextField("备注", blank=True, db_default="")
    source = models.TextField("出处原文", blank=True, db_default="")
    # Decimal places as stated ("9.0" keeps one), so documents print 增长9.0% rather than 增长9%.
    precision = WrittenJSONField("数值的小数位数", default=dict, blank=True, db_default=Value({}, models.JSONField()))

    class Meta:
        verbose_name = verbose_name_plural = "指标数据"

    def __str__(self) -> str:
        return f"{self.region} {self.indicator} {self.year}-{self.month:02d} r{self.revision}"

    @property
    def period_label(self) -> str:
        return f"{self.year}年{month_span(self.month)}"

    def stated(self, field: str) -> str | None:
        """The value of a numeric field written with the decimal places it was stated with."""
        value = getattr(self, field)
        return None if value is None else stated(value, self.precision.get(field))

"""The one table of rules every write is checked against, whatever door it came through (docs/recording.md
is generated from it). A rule has a severity:

- error: the row is refused;
- confirm: refused unless the row says why it is right (a figure's 备注, a project report's 偏差说明);
- notice: accepted, and shown to whoever entered it and to the planner who reviews it.

Checks report a `Problem` naming the rule, the field and the row; doors turn the row and field into where
the user wrote it (a sheet's row and column, a CSV line, a form field, a JSON key).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings

from devplan.lib.errors import DevplanError


class Severity(StrEnum):
    ERROR = "error"
    CONFIRM = "confirm"
    NOTICE = "notice"


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    applies_to: str
    says: str


def _years() -> str:
    return f"{settings.DEVPLAN_YEAR_MIN}—{settings.DEVPLAN_YEAR_MAX}"


RULES: tuple[Rule, ...] = (
    Rule("year_in_range", Severity.ERROR, "全部", "年份在设定范围内（DEVPLAN_YEAR_MIN—DEVPLAN_YEAR_MAX，默认 2000—2100）"),
    Rule("month_in_range", Severity.ERROR, "全部", "月份为 1—12 的整数"),
    Rule("month_not_future", Severity.ERROR, "指标数据、项目进度", "数据所属月份不晚于当前月份（按 TIME_ZONE 所在时区）；批量文件（import-csv、synth）同样适用"),
    Rule("number_plain", Severity.ERROR, "全部数字",
         "数字只写半角阿拉伯数字：不带单位、千分位逗号、百分号，不用全角数字或汉字数字，不能是无穷大或非数"),
    Rule("number_places", Severity.ERROR, "全部数字", "最多 4 位小数（数据库按 4 位小数保存，多出的位数会被舍去）"),
    Rule("number_magnitude", Severity.ERROR, "全部数字", "绝对值小于 10¹⁵（更大的数多半是单位填错）"),
    Rule("figure_has_number", Severity.ERROR, "指标数据、争资争项/招商引资/任务的月度数据",
         "累计值、同比增长、全年预计值、全年预计增长至少填一项；争资争项、招商引资、任务的月度数据至少填一个数"),
    Rule("count_whole", Severity.ERROR, "争资争项/招商引资/任务的月度数据",
         "项目个数和按家、个等计数的数为整数"),
    Rule("value_not_negative", Severity.ERROR, "指标数据、项目进度", "累计值、预计值和累计完成投资不能为负数（比率指标除外）"),
    Rule("rate_at_most_100", Severity.ERROR, "比率指标（单位为%）", "比率不超过 100"),
    Rule("growth_in_bounds", Severity.ERROR, "指标数据、增速目标",
         "同比增长和预计增长大于 −100%，且不超过 DEVPLAN_MAX_GROWTH_PCT（默认 1000%）"),
    Rule("reported_in_month", Severity.ERROR, "季度、年度指标",
         "按季度核算的指标只填 3、6、9、12 月的累计数，年度指标只填 12 月：其他月份没有这项数据"),
    Rule("text_safe", Severity.ERROR, "全部文字",
         "文字不以 = + - @ 开头（会被电子表格当作公式），不含控制字符，不超过字段的字数上限"),
    Rule("choice_valid", Severity.ERROR, "选项", "预计值状态、项目状态、目标类型、限定词只能取可选值"),
    Rule("known", Severity.ERROR, "全部", "行政区、指标、项目必须已登记，且属于本次填报的单位"),
    Rule("period_open", Severity.ERROR, "全部", "数据所属的月份（每一行自己的月份）没有锁定"),
    Rule("not_backdated", Severity.ERROR, "全部", "新修订的数据时点不早于上一修订"),
    Rule("date_valid", Severity.ERROR, "日期", "日期写成 YYYY-MM-DD（如 2024-03-15）"),
    Rule("dates_in_order", Severity.ERROR, "项目进度、项目登记、节点日期",
         "实际日期（开工、竣工、节点完成）不晚于今天，进度中的不晚于填报期末；竣工不早于开工"),
    Rule("target_complete", Severity.ERROR, "年度目标", "目标类型和目标值齐全；“同步”目标指明同步的指标"),
    Rule("reason_given", Severity.ERROR, "年度目标的修改、撤销", "写明修改原因"),
    Rule("explanation_meaningful", Severity.ERROR, "偏差说明、说明原因的备注",
         "说明至少 4 个字（汉字、字母或数字），不能只写“x”“.”之类"),
    Rule("cumulative_not_decreasing", Severity.CONFIRM, "累计流量指标、争资争项/招商引资/任务的累计数",
         "1至本月累计值不小于1至上月累计值、不大于本年此后已报月份的累计值，除非备注写明原因（如统计口径调整、有责修数）"),
    Rule("value_near_previous", Severity.CONFIRM, "累计流量指标",
         "1至本月累计值不超过此前最近一期累计值按月推算值的 3 倍，否则须在备注中写明原因（多半是单位填错，如万元填成亿元）"),
    Rule("estimate_not_below_cumulative", Severity.ERROR, "累计流量指标",
         "全年预计值不小于本年已完成的累计值（本行的累计值，未填时为此前月份已报的累计值）；本月原有的全年预计低于新报的累计值时不再沿用，须重新填报"),
    Rule("estimate_not_whole_year", Severity.ERROR, "指标数据",
         "12月（1—12月）的累计即全年数，不再填全年预计值和全年预计增长"),
    Rule("estimate_near_pace", Severity.CONFIRM, "指标数据",
         "全年预计值不超过按本年累计推算的全年数（流量指标为累计值×12÷月数，其他为累计值）的 3 倍，否则须在备注中写明原因（多半是单位或小数点填错）"),
    Rule("progress_within_total", Severity.CONFIRM, "项目进度", "本年累计完成投资不超过项目总投资，除非写明偏差说明"),
    Rule("progress_within_plan", Severity.CONFIRM, "项目进度",
         "本年累计完成投资不超过年计划投资的（100 + DEVPLAN_PROJECT_PLAN_MARGIN_PCT）%，除非写明偏差说明"),
    Rule("progress_not_decreasing", Severity.CONFIRM, "项目进度", "本年累计完成投资不小于上月已报数、不大于本年此后已报月份的数，除非写明偏差说明"),
    Rule("progress_no_gap", Severity.CONFIRM, "项目进度", "本年已报过进度的项目，上月也有填报，否则写明偏差说明"),
    Rule("target_locked_months", Severity.NOTICE, "年度目标的修改",
         "该年已有锁定的月份时提示：已锁定的月份仍按锁定时的目标评价，修改后的目标只用于未锁定的月份"),
    Rule("growth_near_trend", Severity.NOTICE, "指标数据", "同比增长与近 3 期平均相差超过 10 个百分点时提示核实"),
    Rule("estimate_growth_near_growth", Severity.NOTICE, "指标数据",
         "全年预计增长与本年累计增长（本行的，未填时为此前月份已报的）相差超过 10 个百分点时提示核实"),
)
BY_CODE = {rule.code: rule for rule in RULES}


def years_text() -> str:
    return _years()


@dataclass(frozen=True)
class Problem:
    """A rule a row breaks: `row` is the row's index in the write, `field` the field's key in that row."""

    rule: str
    field: str
    message: str
    row: int | None = None

    @property
    def severity(self) -> Severity:
        return BY_CODE[self.rule].severity

    def at_row(self, row: int) -> Problem:
        return Problem(self.rule, self.field, self.message, row)

    def as_json(self) -> dict[str, object]:
        return {"rule": self.rule, "severity": self.severity.value, "field": self.field, "row": self.row,
                "message": self.message}


class Broken(DevplanError):
    """One value breaks a rule (raised while parsing; the checks collect it as a Problem)."""

    def __init__(self, rule: str, field: str, message: str) -> None:
        self.problem = Problem(rule, field, message)
        super().__init__(message)


class Rejected(DevplanError):
    """The write is refused as a whole: nothing was stored. `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0].message
        more = f"（另有 {len(problems) - 1} 处问题）" if len(problems) > 1 else ""
        super().__init__(first + more)

"""Findings of the auditor and the named rules that make them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypedDict

from devplan.reader.facts import json_number

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)


@dataclass(frozen=True, slots=True)
class Rule:
    """A named check: `title` is shown to users, `explanation` says what it checks and why."""

    name: str
    title: str
    explanation: str


RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule(
            "parts_total",
            "分项与总数",
            "“其中”所列各分项之和应等于总数（按各数的舍入精度允许误差），三次产业增加值之和应等于地区生产总值；分项明确不全（等、主要有）或类别相互包含"
            "（竣工投产含于续建、新开工）时只作说明。",
        ),
        Rule(
            "part_exceeds_whole",
            "分项大于总体",
            "分项不能大于它所属的总体；同一时期跨句比较已知的从属关系（各产业、行业增加值与地区生产总值，地方一般公共预算收入与财政总收入，"
            "出口与进出口总额）时是错误；总体按口径统计的（重点项目完成投资与全部固定资产投资）只可能是统计口径不同，作警告。",
        ),
        Rule(
            "completion_level_target",
            "总量目标完成率",
            "完成率 = 完成值（有全年预计时用预计值）÷ 目标值；允许舍入，也识别截尾取整。",
        ),
        Rule(
            "completion_growth_target",
            "增速目标完成率",
            "增速目标的完成率按增长指数之比 (1+g)/(1+g目标) 计算（统计上的规范算法）；增速直接相除 g/g目标 "
            "只用于识别，它在统计上是错误的。",
        ),
        Rule(
            "completion_investment",
            "投资完成率",
            "完成投资 ÷ 年计划投资，应与所述完成率相符。",
        ),
        Rule(
            "completion_not_checkable",
            "无法核对的完成率",
            "完成率所依据的目标或完成值未在同一句中给出（或目标为“与经济增长同步”），说明原因及可推算的数。",
        ),
        Rule(
            "share_levels",
            "比重与两个总量",
            "“甲占乙比重X%”应等于甲 ÷ 乙；两个总量都在文中出现时核对。",
        ),
        Rule(
            "structure_ratio_sum",
            "结构比之和",
            "结构比（如三次产业结构 40.1:16.9:43）各项之和应为 100（按舍入精度）。",
        ),
        Rule(
            "implied_base_not_whole",
            "增速隐含的上年基数",
            "个数及其增速隐含上年个数 = 本年 ÷ (1+增速)，应为整数；不是整数时给出最接近的整数及其对应增速。",
        ),
        Rule(
            "growth_levels",
            "增速与两期总量",
            "同一指标本期和上年同期数都给出时，增速应等于 本期 ÷ 上年同期 − 1；同一句给出两个总量（由A增加到B，年均增长按两者相隔的年数）、"
            "总量与增加额（上年 = 总量 − 增加额）或倍数（是2005年X的N倍）时也核对；可比价指标（地区生产总值、规上工业增加值）"
            "不能由现价总量推算，规上、限上及投资类指标可能因口径调整而不符，只作说明。",
        ),
        Rule(
            "level_below_threshold",
            "低于所说的关口",
            "同一句先说“突破、超过X”再给出达到的数时，达到的数不能低于X（按舍入）。",
        ),
        Rule(
            "point_gap",
            "增速差",
            "“高于（低于）某指标N个百分点”应等于两个所述增速之差（按舍入）；所比的增速未在文中给出（高于全省）时不核对。",
        ),
        Rule(
            "registry_stated",
            "登记与计划所述",
            "报告附表注明“登记项目X个，计划所述Y个”（或投资额）且两数不同时，项目登记册不完整，附表合计与正文不能一致。",
        ),
        Rule(
            "target_below_last_year",
            "目标低于上年实绩",
            "计划目标（总量）低于同一指标上年的实际或预计数时值得注意。",
        ),
    )
}


class Evidence(TypedDict):
    """The numbers behind a finding, passed on to Finding as keywords."""

    facts: list[int]
    stated: Decimal | None
    computed: Decimal | None
    arithmetic: str | None


@dataclass(slots=True)
class Finding:
    """One result of a rule: severity, a Chinese message with the arithmetic, and the facts involved."""

    check: str
    severity: str
    message: str
    facts: list[int]
    stated: Decimal | None = None
    computed: Decimal | None = None
    arithmetic: str | None = None
    sentence: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "severity": self.severity,
            "message": self.message,
            "facts": self.facts,
            "stated": json_number(self.stated),
            "computed": json_number(self.computed),
            "arithmetic": self.arithmetic,
            "title": RULES[self.check].title,
            "sentence": self.sentence,
        }

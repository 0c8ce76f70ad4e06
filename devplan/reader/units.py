"""Units of measure in plan reports: a magnitude (万, 亿 …) in front of a base unit (元, 亩, 家 …)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

MAGNITUDES = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "十万": 10**5, "亿": 10**8, "万": 10**4}

# What each base unit measures; checks only compare figures of the same kind.
BASE_UNITS = {
    "money": ["元", "美元", "欧元"],
    "area": ["亩", "公顷", "千公顷", "平方米", "平方公里", "平方千米"],
    "weight": ["吨", "公斤", "千克", "斤", "吨标准煤", "吨标煤"],
    "length": ["公里", "千米", "米"],
    "energy": ["千瓦时", "千瓦", "兆瓦", "吉瓦时", "吉瓦"],
    "volume": ["立方米"],
    "count": [
        "个", "家", "项", "户", "所", "场", "份", "条", "座", "宗", "批", "套", "栋", "间", "辆", "台",
        "张", "处", "块", "件", "次", "人次", "人", "起", "名", "头", "只", "口", "株", "棵", "艘", "架", "支",
        "部", "位", "对", "种", "笔",
    ],
    "age": ["岁"],
    "time": ["小时", "秒"],
    "days": ["天"],
    "multiple": ["倍"],
    "percent": ["%", "个百分点", "百分点", "‰"],
    "concentration": ["微克/立方米", "毫克/立方米"],
}
PERCENT_UNITS = {"%", "个百分点", "百分点", "‰"}
POINT_UNITS = {"个百分点", "百分点"}
# Whole things: a count of these with a growth rate implies a whole number last year.
WHOLE_COUNT_UNITS = {"个", "家", "项", "户", "所", "场", "份", "座", "宗", "套", "栋", "辆", "台", "艘", "架"}

_KIND_OF = {unit: kind for kind, units in BASE_UNITS.items() for unit in units}
_bases = sorted(_KIND_OF, key=len, reverse=True)
_mags = sorted(MAGNITUDES, key=len, reverse=True)
# "(次)" and "(只、口)" follow a unit in tables of counts; they belong to the unit as written.
MAGNITUDE_PATTERN = "|".join(map(re.escape, _mags))
BASE_PATTERN = "|".join(map(re.escape, _bases))
UNIT_PATTERN = (
    r"(?P<unit>(?:(?:" + MAGNITUDE_PATTERN + r")?(?:" + BASE_PATTERN
    + r")(?:\((?:次|只、口|只|口)\))?)|(?:" + MAGNITUDE_PATTERN + r"))"
)

# 连续7年, 近8年: a count of years, read only after 连续/近 (hits.DURATION_RE), never as the unit of any number
# (2023年 is a date), so it stays out of UNIT_PATTERN.
_KIND_OF["年"] = "duration"
_KIND_OF["个月"] = "duration"


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit as written, split into its magnitude and base."""

    text: str
    magnitude: int
    base: str
    kind: str

    @property
    def is_percent(self) -> bool:
        return self.base in PERCENT_UNITS

    @property
    def is_whole_count(self) -> bool:
        return self.magnitude == 1 and self.base in WHOLE_COUNT_UNITS

    def scale(self) -> Decimal:
        return Decimal(self.magnitude)


@cache
def parse_unit(text: str) -> Unit:
    """'万亩' -> Unit('万亩', 10000, '亩', 'area'); a bare magnitude ('万亿') measures an unnamed amount."""
    core = text.split("(")[0]
    for mag in _mags:
        if core.startswith(mag) and core != mag and core[len(mag):] in _KIND_OF:
            base = core[len(mag):]
            return Unit(text, MAGNITUDES[mag], base, _KIND_OF[base])
    if core in _KIND_OF:
        return Unit(text, 1, core, _KIND_OF[core])
    return Unit(text, MAGNITUDES[core], "", "amount")


# 项 is the measure word of 项目: projects are counted in 个 (项目120个) or in 项 (开工108项), so within a count of
# projects the two are one unit. Elsewhere they count different things (个 of 园区, 项 of 改革任务).
_PROJECT_COUNT_UNITS = {"个", "项"}


def one_count_unit(a: Unit, subject_a: str | None, b: Unit, subject_b: str | None) -> bool:
    """Two units count the same things: the same base, or 个 and 项 where either subject names 项目."""
    if a.kind != b.kind:
        return False
    if a.base == b.base:
        return True
    return ({a.base, b.base} == _PROJECT_COUNT_UNITS
            and any("项目" in (subject or "") for subject in (subject_a, subject_b)))


def comparable(a: Unit, b: Unit) -> bool:
    """Two units measure the same kind of thing and can be converted into each other."""
    return a.kind == b.kind and a.base == b.base

"""What a submitter sees beside each field: last month's and last year's figures, the values it may not
enter, and warnings for values that are possible but unlikely."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from devplan.indicators.models import Figure, Indicator
from devplan.indicators.services import figure_as_of
from devplan.lib.errors import DevplanError
from devplan.projects.models import Project
from devplan.regions.models import Region

# A growth rate this many points away from the average of the recent months asks for a second look.
TREND_TOLERANCE_POINTS = Decimal("10")
RECENT_MONTHS = 3


class BadValue(DevplanError):
    """A value that cannot be stored: not a number, or impossible for the indicator."""


@dataclass(frozen=True)
class Beside:
    """The figures shown next to a field: the same year one month earlier, and the same month last year."""

    previous_month: Figure | None
    last_year: Figure | None


PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?", re.ASCII)
FORMULA_STARTS = ("=", "+", "-", "@")
MAX_TEXT = 1000


def parse_decimal(raw: object, label: str) -> Decimal | None:
    """A number typed by a user or sent as JSON; empty gives None. Only plain ASCII numbers are taken, as in
    the Excel and CSV imports: "1,234", "４２８" or "2.2%" would otherwise be read in a way the user may
    not have meant."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float | str | Decimal):
        raise BadValue(f"{label}应为数字，而不是“{raw}”")
    text = str(raw).strip()
    if isinstance(raw, str) and not PLAIN_NUMBER.fullmatch(text):
        raise BadValue(f"{label}应为数字，而不是“{raw}”{_hint(text)}")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise BadValue(f"{label}应为数字，而不是“{raw}”") from None
    if not value.is_finite():
        raise BadValue(f"{label}应为有限的数字，而不是“{raw}”")
    return value


def _hint(text: str) -> str:
    if "," in text or "，" in text:
        return "（不要用千分位逗号）"
    if text.endswith("%"):
        return "（不带百分号：2.2 表示 2.2%）"
    if any(not c.isascii() and c.isdigit() for c in text):
        return "（请用半角阿拉伯数字）"
    return "（只写数字，不带单位）"


def check_text(text: str, label: str) -> str:
    """A free-text field (note, narrative) that will reach Excel exports: no formula-like start, no control
    characters, at most MAX_TEXT characters."""
    if text.startswith(FORMULA_STARTS):
        raise BadValue(f"{label}不能以 = + - @ 开头（会被电子表格当作公式）")
    if any(ord(c) < 32 and c not in "\t\r\n" for c in text):
        raise BadValue(f"{label}含有控制字符，请删去")
    if len(text) > MAX_TEXT:
        raise BadValue(f"{label}文字过长（{len(text)}字），请控制在{MAX_TEXT}字以内")
    return text


def plain(value: Decimal) -> str:
    """428.3000 → 428.3, 617 → 617."""
    return format(value.normalize(), "f")


def validate_values(indicator: Indicator, value: Decimal | None, growth_pct: Decimal | None) -> None:
    """Refuse what no indicator can hold: nothing at all, a negative cumulative flow, a fall beyond −100%."""
    if value is None and growth_pct is None:
        raise BadValue(f"{indicator.name}：请至少填写累计值或同比增长")
    if value is not None and value < 0 and indicator.quantity != Indicator.Quantity.RATE:
        raise BadValue(f"{indicator.name}的累计值不能为负数（填写的是 {value}）")
    if growth_pct is not None and growth_pct <= -100:
        raise BadValue(f"{indicator.name}的同比增长不能低于或等于 −100%（填写的是 {growth_pct}%）")
    if value is not None and abs(value) >= Decimal("1e15"):
        raise BadValue(f"{indicator.name}的累计值 {value} 过大，请检查单位（{indicator.unit}）")
    if growth_pct is not None and growth_pct >= Decimal("1e15"):
        raise BadValue(f"{indicator.name}的同比增长 {growth_pct}% 过大，请检查")


def validate_progress(project: Project, completed: Decimal | None) -> None:
    if completed is None:
        raise BadValue(f"{project.name}：请填写1至当月累计完成投资（亿元）")
    if completed < 0:
        raise BadValue(f"{project.name}的累计完成投资不能为负数（填写的是 {plain(completed)}）")


def beside(region: Region, indicator: Indicator, year: int, month: int) -> Beside:
    previous = figure_as_of(region, indicator, year, month - 1) if month > 1 else None
    return Beside(previous, figure_as_of(region, indicator, year - 1, month))


def _recent_growths(region: Region, indicator: Indicator, year: int, month: int) -> dict[int, Decimal]:
    """Month → growth of the latest revision, for up to the last RECENT_MONTHS months before `month`."""
    growths: dict[int, Decimal] = {}
    rows = Figure.objects.filter(region=region, indicator=indicator, year=year, month__lt=month)
    for figure in rows.order_by("-month", "-revision"):
        if figure.month not in growths and figure.growth_pct is not None:
            growths[figure.month] = figure.growth_pct
    return dict(list(growths.items())[:RECENT_MONTHS])


def _trend_words(recent: dict[int, Decimal]) -> tuple[Decimal, str]:
    trend = sum(recent.values(), Decimal(0)) / len(recent)
    if len(recent) == 1:
        return trend, f"1—{next(iter(recent))}月的同比增长 {trend:.1f}%"
    return trend, f"近{len(recent)}期（{'、'.join(f'{m}月' for m in sorted(recent))}）的平均 {trend:.1f}%"


def warnings_for(
    region: Region, indicator: Indicator, year: int, month: int, value: Decimal | None, growth_pct: Decimal | None
) -> list[str]:
    """Sentences about values that are allowed but unlikely; the submitter may still submit them."""
    found: list[str] = []
    previous = figure_as_of(region, indicator, year, month - 1) if month > 1 else None
    is_flow = indicator.quantity == Indicator.Quantity.FLOW
    last = previous.value if previous is not None else None
    if is_flow and value is not None and last is not None and value < last:
        found.append(f"1—{month}月累计 {plain(value)} 小于上月的 1—{month - 1}月累计 {plain(last)}：累计值不应减少，请核实")
    recent = _recent_growths(region, indicator, year, month)
    if growth_pct is not None and recent:
        trend, words = _trend_words(recent)
        if abs(growth_pct - trend) > TREND_TOLERANCE_POINTS:
            found.append(f"同比增长 {plain(growth_pct)}% 与{words} 相差 {abs(growth_pct - trend):.1f} 个百分点，请核实")
    return found

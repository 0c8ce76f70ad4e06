"""Reading a value as a user stated it — a form's text, an Excel cell, a JSON number or string, a CSV field —
by the same rules for every door, keeping how many decimals were written ("188.2" stays 188.2, "9.0" keeps
its one decimal)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import timezone

from devplan.lib.errors import shown
from devplan.recording.rules import Broken

PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?", re.ASCII)
LARGEST = Decimal("1e15")
MAX_PLACES = 4
FORMULA_STARTS = ("=", "+", "-", "@")
MAX_TEXT = 1000


@dataclass(frozen=True)
class Stated:
    """A number and the decimal places it was written with."""

    value: Decimal
    places: int

    @property
    def text(self) -> str:
        return format(round(self.value, self.places), "f")


def _hint(text: str) -> str:
    if "," in text or "，" in text:
        return "（不要用千分位逗号）"
    if text.endswith(("%", "％")):
        return "（不带百分号：2.2 表示 2.2%）"
    if any(not c.isascii() and c.isdigit() for c in text) or any(c in text for c in "０１２３４５６７８９．"):
        return "（请用半角阿拉伯数字）"
    return "（只写数字，不带单位）"


def places_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def number(raw: object, field: str, label: str) -> Stated | None:
    """A stated number; None when empty. Raises Broken (number_plain, number_places, number_magnitude)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float | str | Decimal):
        raise Broken("number_plain", field, f"{label}应为数字，而不是“{shown(raw)}”")
    if isinstance(raw, str):
        text = raw.strip()
        if not PLAIN_NUMBER.fullmatch(text):
            raise Broken("number_plain", field, f"{label}应为数字，而不是“{shown(raw)}”{_hint(text)}")
    else:
        # A float from Excel or JSON: its shortest repr is what the user typed (7.9, not 7.900000000000000355).
        text = repr(raw) if isinstance(raw, float) else str(raw)
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise Broken("number_plain", field, f"{label}应为数字，而不是“{shown(raw)}”") from None
    if not value.is_finite():
        raise Broken("number_plain", field, f"{label}应为有限的普通数字，而不是“{shown(raw)}”")
    if abs(value) >= LARGEST:
        # Not the number itself: 1e308 would print 309 digits.
        raise Broken("number_magnitude", field, f"{label}超过上限（绝对值应小于 10¹⁵），请检查单位")
    places = places_of(value)
    if places > MAX_PLACES:
        raise Broken("number_places", field, f"{label}最多保留 {MAX_PLACES} 位小数（填写的是 {shown(text)}）")
    return Stated(value, places)


def text(raw: object, field: str, label: str, limit: int = MAX_TEXT) -> str:
    """A free text that may reach Excel exports: no formula-like start, no control characters, bounded."""
    if raw is None:
        return ""
    value = str(raw).strip()
    if value.startswith(FORMULA_STARTS):
        raise Broken("text_safe", field, f"{label}不能以 = + - @ 开头（会被电子表格当作公式）")
    if any(ord(c) < 32 and c not in "\t\r\n" for c in value) or "\x7f" in value:
        raise Broken("text_safe", field, f"{label}含有控制字符，请删去")
    if len(value) > limit:
        raise Broken("text_safe", field, f"{label}文字过长（{len(value)}字），请控制在{limit}字以内")
    return value


def choice(raw: object, field: str, label: str, choices: tuple[str, ...]) -> str:
    value = "" if raw is None else str(raw).strip()
    if value and value not in choices:
        raise Broken("choice_valid", field, f"{label}应为 {'、'.join(choices)} 之一，而不是“{shown(value)}”")
    return value


def day(raw: object, field: str, label: str) -> date | None:
    """A date, in the configured range of years like every year devplan stores."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, datetime):
        found = raw.date()
    elif isinstance(raw, date):
        found = raw
    else:
        try:
            found = date.fromisoformat(str(raw).strip())
        except ValueError:
            raise Broken("date_valid", field, f"{label}应为日期（如 2024-03-15），而不是“{shown(raw)}”") from None
    low, high = settings.DEVPLAN_YEAR_MIN, settings.DEVPLAN_YEAR_MAX
    if not low <= found.year <= high:
        raise Broken("year_in_range", field, f"{label}的年份应在 {low} 到 {high} 之间，而不是 {found.year}")
    return found


def actual_day(raw: object, field: str, label: str) -> date | None:
    """A date something actually happened on (a start, a completion, a milestone reached): a `day`, and not
    after today where the server is — a date to come is a plan."""
    found = day(raw, field, label)
    if found is not None and found > timezone.localdate():
        raise Broken("dates_in_order", field, f"{label}（{found}）不能晚于今天")
    return found

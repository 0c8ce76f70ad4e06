"""Numerals as they appear in Chinese reports: Arabic, full-width and Chinese, with their stated precision."""

from __future__ import annotations

import re
from decimal import Decimal

# One character for one character, so offsets in the normalised text are offsets in the original. Replacing the few
# that occur is many times faster than str.translate, which looks up every character of a Chinese paragraph.
_FULL_WIDTH = tuple(zip("０１２３４５６７８９．，％：；（）～－＋　∶", "0123456789.,%:;()~-+ :", strict=True))

CHINESE_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}
CHINESE_NUMERAL_CHARS = "".join(CHINESE_DIGITS) + "".join(_SMALL) + "".join(_BIG)


_HAS_FULL_WIDTH = re.compile("[０-９．，％：；（）～－＋　∶]")
# A middle dot between digits is a decimal point as some typesetters print it (2·3%); elsewhere it
# separates names (一带·一路) and stays.
_MIDDLE_DOT = re.compile(r"(?<=\d)[·•](?=\d)")


def normalize(text: str) -> str:
    """Full-width digits and punctuation to ASCII, keeping the length (and so every offset) unchanged."""
    if _HAS_FULL_WIDTH.search(text):
        for wide, narrow in _FULL_WIDTH:
            if wide in text:
                text = text.replace(wide, narrow)
    return _MIDDLE_DOT.sub(".", text) if "·" in text or "•" in text else text


def parse_arabic(token: str) -> Decimal:
    """'1,234.50' -> Decimal('1234.50'); the exponent keeps the stated precision. White space inside (a PDF's
    "12. 5%", or a tab or control separator the number pattern's \\s lets through) is dropped, whatever it is."""
    return Decimal("".join(token.replace(",", "").split()))


def parse_chinese(token: str) -> int:
    """Chinese numerals to an integer: '二〇二一' reads digit by digit, '一万二千' by place value.

    Raises ValueError for a token with no numeral in it.
    """
    if not token or any(ch not in CHINESE_NUMERAL_CHARS for ch in token):
        raise ValueError(f"not a Chinese numeral: {token!r}")
    if len(token) > 1 and all(ch in CHINESE_DIGITS for ch in token):
        return int("".join(str(CHINESE_DIGITS[ch]) for ch in token))
    total = section = digit = 0
    for ch in token:
        if ch in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[ch]
        elif ch in _SMALL:
            section += (digit or 1) * _SMALL[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit or 1) * _BIG[ch]
            section = digit = 0
        else:
            total = (total + section + digit or 1) * _BIG[ch]
            section = digit = 0
    return total + section + digit


# No figure of a report has more digits (10万亿元 written in 元 has 14, with places 18): a longer run of digits is no figure,
# and reading it as one only costs time (and a JSON integer past Python's 4,300 digits).
MAX_DIGITS = 24


def too_long(token: str) -> bool:
    """Whether a numeral has more digits than any figure a report states."""
    return len(token) > MAX_DIGITS and sum(ch.isdigit() for ch in token) > MAX_DIGITS


def parse_number(token: str) -> Decimal:
    """Either kind of numeral as a Decimal; full-width digits are accepted."""
    token = normalize(token).strip()
    if token and token[0].isdigit():
        return parse_arabic(token)
    return Decimal(parse_chinese(token))


def ordinal(token: str) -> int:
    """'第4' or '第一' without the 第: the position as an integer."""
    token = normalize(token).strip()
    return int(token) if token.isdigit() else parse_chinese(token)

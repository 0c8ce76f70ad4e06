"""Numerals: Arabic, full-width and Chinese, keeping the stated precision."""

from __future__ import annotations

from decimal import Decimal

import pytest

from devplan.reader.numbers import normalize, parse_chinese, parse_number


@pytest.mark.parametrize(
    ("token", "value"),
    [("二〇二一", 2021), ("一万亿", 10**12), ("两", 2), ("十二", 12), ("一百零五", 105), ("一万二千", 12000), ("二十三", 23)],
)
def test_chinese_numerals(token: str, value: int) -> None:
    assert parse_chinese(token) == value


def test_full_width_digits_and_thousands_separators() -> None:
    assert parse_number("１２３．４５") == Decimal("123.45")
    assert parse_number("1,250.6") == Decimal("1250.6")


def test_stated_precision_is_kept() -> None:
    assert str(parse_number("8.0")) == "8.0"


def test_normalize_keeps_every_offset() -> None:
    text = "增长９．５％，（调整后）"
    assert len(normalize(text)) == len(text)
    assert normalize(text) == "增长9.5%,(调整后)"


def test_not_a_numeral_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_chinese("是")

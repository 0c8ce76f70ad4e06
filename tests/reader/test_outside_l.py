"""The planted misses of the outside set L of trial t19l, by shape, as rules of the reader's grammar with invented
sentences: the true one stays quiet, the planted one is caught, a look-alike stays quiet."""

from __future__ import annotations

from tests.reader.shapes import errors as _errors

# 收入总计…。…支出总计…。收支相抵，结转下年…: what is carried to the next year, when it is all that is said of what is left,
# is the income total less the spending total — of a budget account named in front of them too.

_CARRIED_OVER = ("全县政府性基金预算收入完成9.20亿元。加上级补助收入0.60亿元、上年结转0.40亿元，收入总计10.20亿元。"
                 "政府性基金预算支出总计9.50亿元，收支相抵，结转下年{}亿元。")


def test_what_is_carried_over_is_the_totals_difference() -> None:
    assert _errors(_CARRIED_OVER.format("0.70")) == []
    assert _errors(_CARRIED_OVER.format("0.90")) == ["parts_total"]


def test_what_is_carried_over_beside_a_net_balance_is_only_some() -> None:
    # Look-alike: 结转下年 followed by 净结余 is only some of what is left.
    text = ("全县一般公共预算收入总计20.00亿元。支出总计19.00亿元。收支相抵，结转下年支出0.80亿元，净结余0.20亿元。")
    assert _errors(text) == []


# 全县固定资产投资…。民间投资…，占全部投资的…: all of the place's measure is the place's figure of it, stated before.

_ALL_INVESTMENT = ("全年全县固定资产投资180.0亿元，比上年增长6.0%。工业投资60.0亿元，增长8.0%。"
                   "民间投资{}亿元，下降1.5%，占全部投资的45.0%。")


def test_a_share_of_all_investment_is_of_the_places() -> None:
    assert _errors(_ALL_INVESTMENT.format("81.0")) == []
    assert _errors(_ALL_INVESTMENT.format("86.0")) == ["share_levels"]


def test_a_share_of_all_of_another_measure_is_not_guessed() -> None:
    # Look-alike: 全部项目 names no measure of the place; the share stays unchecked.
    text = "全年全县固定资产投资180.0亿元。民间投资81.0亿元，占全部项目的52.0%。"
    assert _errors(text) == []

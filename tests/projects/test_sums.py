"""Parts against totals: exact counts, and amounts within rounding of one decimal."""

from decimal import Decimal as D

from devplan.projects.sums import Severity, parts_against_total, rounding_tolerance


def test_the_seed_split_adds_up_exactly():
    check = parts_against_total("s", "三类项目总投资", D("657.4"), [D("472.1"), D("170.8"), D("14.5")], "亿元")
    assert (check.severity, check.computed) == (Severity.INFO, D("657.4"))


def test_a_difference_within_rounding_is_a_warning_not_an_error():
    check = parts_against_total("s", "资金", D("49.5"), [D("27.7"), D("0.8"), D("1.4"), D("19.5")], "亿元")
    assert check.severity is Severity.WARNING
    assert rounding_tolerance(D("49.5"), [D("1.0")] * 4) == D("0.20")


def test_counts_must_add_up_exactly():
    check = parts_against_total("s", "项目个数", D(226), [D(119), D(104), D(2)], "个", exact=True)
    assert check.severity is Severity.ERROR
    assert "不符" in check.message

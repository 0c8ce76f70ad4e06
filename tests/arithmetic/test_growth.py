from decimal import Decimal as D

from devplan.arithmetic.growth import growth_of_sum, growth_pct, implied_previous, month_value
from devplan.arithmetic.numbers import round_half_up


def test_growth_is_the_ratio_of_levels_minus_one():
    assert growth_pct(D("108"), D("100")) == D("8")


def test_growth_without_a_positive_base_is_undefined():
    assert growth_pct(D("5"), D("0")) is None


def test_growth_of_a_sum_comes_from_summed_levels_not_averaged_rates():
    # County A grows 100 → 110 (10%), county B 1000 → 1000 (0%): the sum grows 10/1100 = 0.909%, not 5%.
    result = growth_of_sum([(D("110"), D("100")), (D("1000"), D("1000"))])
    assert round_half_up(result, 3) == D("0.909")


def test_seed_tech_smes_imply_a_base_that_is_not_whole():
    # 254 firms, +33.9%: last year would be 189.7 firms (domain.md).
    assert round_half_up(implied_previous(D("254"), D("33.9")), 1) == D("189.7")
    assert round_half_up(growth_pct(D("254"), D("190")), 1) == D("33.7")


def test_a_month_on_its_own_is_the_difference_of_cumulatives():
    assert month_value(D("170.6"), D("150.1")) == D("20.5")
    assert month_value(D("12.0"), None) == D("12.0")

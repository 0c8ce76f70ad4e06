from decimal import Decimal as D

from devplan.arithmetic import completion
from devplan.arithmetic.completion import GrowthConvention
from devplan.arithmetic.numbers import round_half_up


def pct(result: completion.Completion) -> D:
    assert result.pct is not None
    return round_half_up(result.pct)


def test_level_target_completion_is_estimate_over_target_as_in_the_seed():
    result = completion.level(D("600"), D("617"))
    assert pct(result) == D("97.2")
    assert result.met is False


def test_growth_target_completion_uses_index_ratio():
    # Seed: fixed-asset investment estimated +8.0% against a +9% target: 1.080 / 1.090 = 99.1%.
    result = completion.growth(D("8.0"), D("9"))
    assert pct(result) == D("99.1")
    assert "index" in result.basis


def test_rate_ratio_is_available_only_as_the_folk_convention():
    result = completion.growth(D("8"), D("9"), GrowthConvention.RATE_RATIO)
    assert pct(result) == D("88.9")
    assert "rate ratio" in result.basis


def test_rate_ratio_with_a_zero_target_is_undefined_not_a_crash():
    assert completion.growth(D("1"), D("0"), GrowthConvention.RATE_RATIO).pct is None


def test_reduction_target_beaten_completes_over_100():
    # Energy per unit of GDP: target −3.6%, achieved −4.0%: lower is better.
    result = completion.growth(D("-4.0"), D("-3.6"))
    assert result.met is True
    assert pct(result) == D("100.4")


def test_ceiling_is_met_at_or_under_the_limit():
    assert completion.ceiling(D("3.5"), D("4.5")).met is True
    over = completion.ceiling(D("5"), D("4.5"))
    assert over.met is False
    assert pct(over) == D("90.0")


def test_in_step_is_met_when_growth_keeps_up_with_the_reference():
    assert completion.in_step(D("6.7"), D("2.2"), "地区生产总值").pct == D(100)
    behind = completion.in_step(D("5.0"), D("6.0"), "地区生产总值")
    assert behind.met is False
    assert pct(behind) == D("99.1")


def test_gap_in_points_is_reported_beside_completion():
    assert completion.gap_points(D("8.0"), D("9")) == D("-1.0")

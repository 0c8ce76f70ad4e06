from decimal import Decimal as D

import pytest

from devplan.arithmetic.numbers import round_half_up
from devplan.arithmetic.progress import Light, light, required_growth_pct, time_progress_pct


def test_time_progress_is_month_over_twelve():
    assert time_progress_pct(6) == D(50)
    assert round_half_up(time_progress_pct(10)) == D("83.3")


def test_time_progress_rejects_impossible_months():
    with pytest.raises(ValueError):
        time_progress_pct(13)


@pytest.mark.parametrize(
    ("completion", "expected", "colour"),
    [
        (D("103"), D(100), Light.GREEN),
        (D("100"), D(100), Light.GREEN),
        (D("97.2"), D(100), Light.YELLOW),
        (D("95"), D(100), Light.YELLOW),
        (D("94.9"), D(100), Light.RED),
        (None, D(100), Light.NONE),
    ],
)
def test_indicator_lights_with_default_thresholds(completion, expected, colour):
    assert light(completion, expected, D(0), D(5)) is colour


def test_project_lights_follow_the_10_and_30_point_rule():
    progress = time_progress_pct(10)  # 83.3
    assert light(D("75"), progress, D(10), D(30)) is Light.GREEN
    assert light(D("60"), progress, D(10), D(30)) is Light.YELLOW
    assert light(D("50"), progress, D(10), D(30)) is Light.RED


def test_required_growth_for_the_rest_of_the_year():
    # Target 120, 1—9月 done 80, last year's 10—12月 were 35: the rest must grow 40/35 − 1 = 14.3%.
    assert round_half_up(required_growth_pct(D(120), D(80), D(35))) == D("14.3")


def test_required_growth_without_last_years_rest_is_undefined():
    assert required_growth_pct(D(120), D(80), D(0)) is None

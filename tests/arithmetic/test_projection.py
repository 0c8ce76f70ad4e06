from decimal import Decimal as D

from devplan.arithmetic.numbers import round_half_up
from devplan.arithmetic.projection import PastYear, seasonal_share


def test_projection_divides_year_to_date_by_the_mean_past_share():
    # 1—9月 made up 70% and 72% of the full year in the two past years; this year's 1—9月 is 428.3.
    past = [PastYear(D("350"), D("500")), PastYear(D("396"), D("550"))]
    result = seasonal_share(D("428.3"), past)
    assert result is not None
    assert result.share == D("0.71")
    assert round_half_up(result.value) == D("603.2")
    assert result.years_used == 2


def test_projection_needs_two_past_years():
    assert seasonal_share(D("428.3"), [PastYear(D("350"), D("500"))]) is None


def test_projection_ignores_a_past_year_with_no_full_year():
    assert seasonal_share(D("10"), [PastYear(D("5"), D("0")), PastYear(D("6"), D("10"))]) is None

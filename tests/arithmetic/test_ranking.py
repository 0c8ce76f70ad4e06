from decimal import Decimal as D

from devplan.arithmetic.ranking import rank


def test_highest_growth_ranks_first():
    places = rank({"湘乡市": D("7.9"), "湘潭县": D("6.1"), "韶山市": D("7.2")})
    assert places == {"湘乡市": 1, "韶山市": 2, "湘潭县": 3}


def test_ties_share_a_place_and_skip_the_next():
    assert rank({"a": D(5), "b": D(5), "c": D(3)}) == {"a": 1, "b": 1, "c": 3}


def test_lower_is_better_for_rates_like_unemployment():
    assert rank({"a": D("3.5"), "b": D("2.9")}, descending=False) == {"b": 1, "a": 2}


def test_peers_without_a_figure_take_no_place():
    assert rank({"a": None, "b": D(1)}) == {"a": None, "b": 1}

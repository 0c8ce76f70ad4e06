"""The direct path of `devplan import-csv` checks the cumulative rule while the rows stream in: against the
row before in the file when that is the previous month of the series, else against the earlier month the
table holds (stored before, or the file's own). Every way a series can lie in a file gives the verdict the
rules give at every other door."""

from __future__ import annotations

from pathlib import Path

import pytest

from devplan.scale import csv_direct
from devplan.scale.problems import ImportRejected
from devplan.scale.staging import COLUMNS
from tests.scale.csv_files import csv_writer
from tests.writing import import_figures_csv

write = csv_writer(COLUMNS, "figures.csv")
DECREASE = "累计值不应减少"


@pytest.fixture
def direct(monkeypatch):  # type: ignore[no-untyped-def]
    """Fails the test when a file leaves the direct path (the screen would not have judged it)."""
    real = csv_direct.import_direct

    def only_direct(path: Path, batch: csv_direct.Batch) -> csv_direct.Loaded:
        return real(path, batch)

    def staged(*_args: object) -> None:
        raise AssertionError("the file took the staged path")

    monkeypatch.setattr("devplan.scale.csv_figures.import_direct", only_direct)
    monkeypatch.setattr("devplan.scale.csv_figures.stage_text", staged)


def refused_lines(path: Path) -> list[int]:
    """The lines refused for a decreasing cumulative value; [] when the file went in."""
    try:
        import_figures_csv(path)
    except ImportRejected as refused:
        assert all(DECREASE in p.reason for p in refused.problems), refused.problems
        return [p.line for p in refused.problems]
    return []


@pytest.mark.parametrize(("body", "lines"), [
    ("430381,retail_sales,2019-01,100,,\n430381,retail_sales,2019-02,120,,\n430381,retail_sales,2019-03,90,,\n", [4]),
    ("430381,retail_sales,2019-01,100,,\n430381,retail_sales,2019-02,100,,\n430381,retail_sales,2019-03,100.0,,\n", []),
    ("430381,retail_sales,2019-01,100,,\n430381,retail_sales,2019-02,,5,\n430381,retail_sales,2019-03,90,,\n", [4]),
    ("430381,retail_sales,2019-01,100,,\n430381,retail_sales,2019-02,90,,口径调整\n430381,retail_sales,2019-03,95,,\n", []),
    ("430381,retail_sales,2019-03,90,,\n430381,retail_sales,2019-01,100,,\n430381,retail_sales,2019-02,95,,\n", [2, 4]),
    ("430381,retail_sales,2019-01,100,,\n430381,fai,2019-01,5,,\n430381,retail_sales,2019-02,90,,\n", [4]),
    ("430381,retail_sales,2018-12,500,,\n430381,retail_sales,2019-01,100,,\n", []),
], ids=["in-file", "equal", "growth-only-between", "explained", "out-of-order", "interleaved", "new-year"])
def test_a_decrease_within_the_file_is_found_wherever_the_earlier_month_lies(demo, tmp_path, direct, body, lines):
    assert refused_lines(write(tmp_path, body)) == lines


def test_a_series_that_starts_after_january_is_compared_with_the_stored_month(demo, tmp_path, direct):
    import_figures_csv(write(tmp_path, "430381,retail_sales,2019-04,200,,\n", "april.csv"))
    assert refused_lines(write(tmp_path, "430381,retail_sales,2019-05,150,,\n430381,retail_sales,2019-06,210,,\n")) == [2]


def test_a_month_stored_in_a_gap_of_the_file_is_the_one_compared_with(demo, tmp_path, direct):
    import_figures_csv(write(tmp_path, "430381,retail_sales,2019-06,130,,\n", "june.csv"))
    assert refused_lines(write(tmp_path, "430381,retail_sales,2019-05,100,,\n430381,retail_sales,2019-07,120,,\n")) == [3]


LATER = "大于已报的1—10月累计 70"


@pytest.mark.parametrize("quote", ["", '"'], ids=["direct", "staged"])
def test_a_month_filled_in_before_a_stored_later_month_is_not_above_it(demo, tmp_path, quote):
    """A tester, with October's 70 stored, had August's 120 accepted above it: the cumulative rule looks
    forward too, on either path (a quoted note takes the staged one)."""
    import_figures_csv(write(tmp_path, "430381,retail_sales,2019-10,70,,\n", "october.csv"))
    with pytest.raises(ImportRejected) as refused:
        import_figures_csv(write(tmp_path, f"430381,retail_sales,2019-07,50,,{quote}{quote}\n"
                                           "430381,retail_sales,2019-08,120,,\n"))
    assert [(p.line, p.column) for p in refused.value.problems] == [(3, "value")]
    assert LATER in refused.value.problems[0].reason
    explained = f"430381,retail_sales,2019-07,50,,\n430381,retail_sales,2019-08,120,,{quote}有责修数核减前的数{quote}\n"
    assert import_figures_csv(write(tmp_path, explained, "explained.csv")) == 2


def test_a_row_before_a_gap_is_compared_with_the_stored_month_in_the_gap(demo, tmp_path, direct):
    import_figures_csv(write(tmp_path, "430381,retail_sales,2019-09,80,,\n", "september.csv"))
    body = "430381,retail_sales,2019-07,60,,\n430381,retail_sales,2019-08,90,,\n430381,retail_sales,2019-10,100,,\n"
    assert refused_lines(write(tmp_path, body)) == [3]


def test_a_later_month_of_the_same_file_is_judged_by_its_own_rule_not_the_earlier_months(demo, tmp_path, direct):
    """The decrease between two months of one file is the later month's to explain, as one submission after
    the other would have it."""
    body = "430381,retail_sales,2019-01,100,,\n430381,retail_sales,2019-02,90,,口径调整后的数\n"
    assert refused_lines(write(tmp_path, body)) == []

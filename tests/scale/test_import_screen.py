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

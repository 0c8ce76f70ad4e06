"""The Excel importer on a real template with random values in its cells: the file is imported or refused
with ImportRejected / a DevplanError, never a crash; a refused file leaves every table as it was."""

from __future__ import annotations

import tempfile
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from devplan.backup.hashing import database_state
from devplan.collection.excel.workbook import build_template, import_workbook
from devplan.lib.errors import DevplanError
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from tests.bad_inputs.make_corpus import OWNER
from tests.reliability.fuzzing import LONG, bounded, budget
from tests.reliability.record import record

printable = st.characters(exclude_categories=("Cs", "Cc"))
values = st.one_of(
    st.none(),
    st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.text(alphabet=printable, max_size=40),
    st.sampled_from(["=1+1", "=cmd|' /C calc'!A0", "２.６", "5亿元", "7.9%", "1,234.5", "续建", "新开工", "2024-02-30",
                     "2024-03-15", "XX-002", "XX-001", "XX-999", "", " "]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)),
    st.booleans(),
)
cells = st.lists(st.tuples(st.integers(2, 9), st.integers(1, 14), values), min_size=1, max_size=12)


@pytest.fixture
def template(demo, tmp_path):
    path = tmp_path / "good.xlsx"
    build_template("projects", demo, OWNER, 2024, 6).save(path)
    return path


@pytest.mark.filterwarnings("ignore:Cell .* is marked as a date:UserWarning")
def test_random_cells_in_a_template_are_imported_or_refused_by_name(template):
    outcomes: Counter[str] = Counter()

    @budget(100)
    @given(cells)
    def check(changes: list[tuple[int, int, object]]) -> None:
        workbook = load_workbook(template)
        for row, column, value in changes:
            workbook.worksheets[0].cell(row=row, column=column, value=value)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "filled.xlsx"
            workbook.save(path)
            before = database_state()
            try:
                with bounded():
                    import_workbook(path, Actor.of_operator(Door.CLI_EXCEL, "fuzz"))
            except DevplanError:
                assert database_state() == before
                outcomes["refused"] += 1
            else:
                outcomes["imported"] += 1

    check()
    record("fuzz", "Excel import", examples=sum(outcomes.values()), long=LONG, crashes=0, outcomes=dict(outcomes))

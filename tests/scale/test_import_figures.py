"""`import_figures_csv`: a file of plain new figures goes straight into the figure table (the direct path);
a file with revisions, quoting or any line the direct path cannot vouch for takes the staged path; both store
the same rows, every one a revision with who, when and why, or nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal as D
from pathlib import Path

import pytest

from devplan.backup.hashing import database_state
from devplan.indicators.models import Figure, Indicator
from devplan.scale import csv_direct
from devplan.scale.problems import ImportRejected
from devplan.scale.staging import COLUMNS
from tests.scale.csv_files import csv_writer
from tests.writing import import_figures_csv

write = csv_writer(COLUMNS, "figures.csv")


@pytest.fixture
def paths(monkeypatch):  # type: ignore[no-untyped-def]
    """Which path stored the file: 'direct' when the direct path returned, else 'staged'."""
    taken: list[str] = []
    real = csv_direct.import_direct

    def spy(path: Path, batch: csv_direct.Batch) -> int:
        count = real(path, batch)
        taken.append("direct")
        return count

    monkeypatch.setattr("devplan.scale.csv_figures.import_direct", spy)
    return taken


def stored(region: str, indicator: str, year: int, month: int) -> list[tuple[int, D | None, D | None, str]]:
    figures = Figure.objects.filter(region__code=region, indicator__code=indicator, year=year, month=month)
    return [(f.revision, f.value, f.growth_pct, f.note) for f in figures.order_by("revision")]


def test_a_file_of_new_figures_goes_straight_in_as_first_revisions(demo, tmp_path, paths):
    path = write(tmp_path, "430381,gdp,2019-03,101.5,6.1,\n430381,gdp,2019-06,,5.9,初步核算\n430381,gdp,2019-09,300,,\n")
    known = datetime(2019, 10, 20, tzinfo=UTC)
    assert import_figures_csv(path, by_name="测试员", known_at=known) == 3
    assert paths == ["direct"]
    assert stored("430381", "gdp", 2019, 3) == [(1, D("101.5"), D("6.1"), "")]
    assert stored("430381", "gdp", 2019, 6) == [(1, None, D("5.9"), "初步核算")]
    figure = Figure.objects.get(region__code="430381", indicator__code="gdp", year=2019, month=9)
    assert (figure.who, figure.reason, figure.change_set.file_name) == ("测试员", "批量导入 figures.csv", "figures.csv")
    assert (figure.known_at, figure.qualifier, figure.precision, figure.estimate_status) == (known, "", {}, "")
    assert figure.recorded_at.year >= 2026 and figure.change_set.rows == 3
    assert figure.change_set.periods == ["2019-03", "2019-06", "2019-09"]


def test_without_a_known_at_the_figures_are_known_when_stored(demo, tmp_path, paths):
    import_figures_csv(write(tmp_path, "430381,gdp,2019-03,101.5,6.1,\n"), by_name="t")
    figure = Figure.objects.get(region__code="430381", indicator__code="gdp", year=2019, month=3)
    assert paths == ["direct"] and abs((figure.known_at - figure.recorded_at).total_seconds()) < 60


def test_quotes_in_the_name_of_the_file_and_of_the_importer_are_stored_as_written(demo, tmp_path, paths):
    path = write(tmp_path, "430381,gdp,2019-03,101.5,6.1,\n", name="O'Neil's \"final\".csv")
    import_figures_csv(path, by_name="d'Artagnan")
    figure = Figure.objects.get(region__code="430381", indicator__code="gdp", year=2019, month=3)
    assert paths == ["direct"]
    assert (figure.who, figure.change_set.file_name) == ("d'Artagnan", "O'Neil's \"final\".csv")


def test_a_second_import_of_the_same_figures_takes_the_staged_path_and_makes_revision_two(demo, tmp_path, paths):
    import_figures_csv(write(tmp_path, "430381,gdp,2019-03,101.5,6.1,\n430381,gdp,2019-06,200,6.0,\n"), by_name="t")
    again = write(tmp_path, "430381,gdp,2019-06,201.2,6.2,有责修数\n430381,gdp,2019-09,300,5.5,\n", "again.csv")
    assert import_figures_csv(again, by_name="t") == 2
    assert paths == ["direct"]
    assert stored("430381", "gdp", 2019, 6) == [(1, D("200"), D("6.0"), ""), (2, D("201.2"), D("6.2"), "有责修数")]
    assert stored("430381", "gdp", 2019, 9) == [(1, D("300"), D("5.5"), "")]


@pytest.mark.parametrize("body", [
    '430381,gdp,2019-03,101.5,6.1,"上半年, 含新口径"\n',  # quoting
    "430381,gdp,2019-03,101.5,6.1,\r\n430381,gdp,2019-06,201.5,6.0,注\r\n",  # Windows line ends
    "430381,gdp,2019-03,101.5,6.1,",  # no newline at the end
])
def test_lines_the_direct_path_leaves_to_the_staging_are_stored_all_the_same(demo, tmp_path, body):
    assert import_figures_csv(write(tmp_path, body), by_name="t") == body.count("2019-")
    assert stored("430381", "gdp", 2019, 3) == [(1, D("101.5"), D("6.1"), "上半年, 含新口径" if '"' in body else "")]


@pytest.mark.parametrize("bad_line, column", [
    ("999999,gdp,2019-06,1,1,", "region"),
    ("430381,nope,2019-06,1,1,", "indicator"),
    ("430381,gdp,2019-13,1,1,", "period"),
    ("430381,gdp,2019-06,-1,1,", "value"),
    ("430381,gdp,2019-06,1e3,1,", "value"),
    ("430381,gdp,2019-06,,,", "value"),
    ("430381,gdp,2019-06,1,1,=cmd", "note"),
    ("430381,gdp,2019-03,1,1,", "period"),  # the same figure twice in one file
])
def test_a_bad_line_after_good_ones_refuses_the_whole_file_and_names_the_line(demo, tmp_path, bad_line, column):
    path = write(tmp_path, "430381,gdp,2019-03,101.5,6.1,\n" + bad_line + "\n")
    before = database_state()
    with pytest.raises(ImportRejected) as refused:
        import_figures_csv(path, by_name="t")
    assert [(p.line, p.column) for p in refused.value.problems] == [(3, column)]
    assert database_state() == before


def test_a_region_may_be_named_by_its_name_on_either_path(demo, tmp_path, paths):
    """Issue 16 trial #10: import-csv refused 湘乡市 ("请填写其行政区划代码 430381") where every other door takes the
    name; names are translated to codes before the SQL that matches codes."""
    assert import_figures_csv(write(tmp_path, "湘乡市,gdp,2019-03,101.5,6.1,\n"), by_name="t") == 1
    assert paths == ["direct"]
    quoted = write(tmp_path, '"湘乡市",gdp,2019-06,201.5,6.0,"初步核算"\n', name="quoted.csv")
    assert import_figures_csv(quoted, by_name="t") == 1
    assert paths == ["direct"]  # the quoted file took the staged path
    assert stored("430381", "gdp", 2019, 3) == [(1, D("101.5"), D("6.1"), "")]
    assert stored("430381", "gdp", 2019, 6) == [(1, D("201.5"), D("6.0"), "初步核算")]


def test_an_unknown_region_name_is_one_sentence_naming_file_row_and_column(demo, tmp_path, paths):
    path = write(tmp_path, "湘乡市,gdp,2019-03,101.5,6.1,\n湘香市,gdp,2019-06,201.5,6.0,\n")
    before = Figure.objects.count()
    with pytest.raises(ImportRejected) as raised:
        import_figures_csv(path, by_name="t")
    said = raised.value.sentence()
    assert "figures.csv" in said and "第3行“region”列：没有名称或行政区划代码为“湘香市”的行政区" in said
    assert Figure.objects.count() == before


def test_a_rule_broken_by_a_named_regions_row_is_placed_at_its_line(demo, tmp_path, paths):
    path = write(tmp_path, "430381,retail_sales,2019-03,30.5,6.1,\n湘乡市,gdp,2019-02,50,1.0,\n")
    with pytest.raises(ImportRejected) as raised:
        import_figures_csv(path, by_name="t")
    assert "第3行" in raised.value.sentence() and "第0行" not in raised.value.sentence()


# The blanks `str.strip` removes before a formula start, as a tester found them stored by the staged path.
BLANKED_FORMULAS = [" =1", "\t=1", "\u3000=1", "\xa0=1", " @x", " +1", "  -2", "\u2003=1\u2003"]


@pytest.mark.parametrize("note", BLANKED_FORMULAS)
def test_a_note_starting_like_a_formula_after_blanks_is_refused_with_the_rules_sentence(demo, tmp_path, note):
    path = write(tmp_path, f'430381,gdp,2019-03,101.5,6.1,"{note}"\n')  # quoted: the staged path
    with pytest.raises(ImportRejected) as refused:
        import_figures_csv(path, by_name="t")
    gdp = Indicator.objects.get(code="gdp").name
    assert [(p.line, p.column, p.reason) for p in refused.value.problems] == [
        (2, "note", f"{gdp}的备注不能以 = + - @ 开头（会被电子表格当作公式）")]


def test_numbers_and_notes_are_read_stripped_and_signed_as_at_every_door(demo, tmp_path):
    """A tester's "+50", " 50", "50 ", "-0", "+3" and " 3" were refused by import-csv with a vague sentence."""
    path = write(tmp_path, '430381,gdp,2019-03,+101.5, 6.1,"\u3000初步核算 "\n430381,gdp,2019-06," 201.5 ",+6.0,\n'
                           "430381,gdp,2019-09,300,-0,\n")
    assert import_figures_csv(path, by_name="t") == 3
    assert stored("430381", "gdp", 2019, 3) == [(1, D("101.5"), D("6.1"), "初步核算")]
    assert stored("430381", "gdp", 2019, 6) == [(1, D("201.5"), D("6.0"), "")]
    assert stored("430381", "gdp", 2019, 9) == [(1, D("300"), D("0"), "")]


def test_a_negative_value_is_refused_with_the_rules_sentence_naming_line_and_column(demo, tmp_path):
    with pytest.raises(ImportRejected) as refused:
        import_figures_csv(write(tmp_path, "430381,gdp,2019-03, -101.5,6.1,\n"), by_name="t")
    gdp = Indicator.objects.get(code="gdp").name
    assert [(p.line, p.column, p.reason) for p in refused.value.problems] == [
        (2, "value", f"{gdp}的累计值不能为负数（填写的是 -101.5）")]


def test_the_blanks_stripped_in_sql_are_those_python_strips() -> None:
    import sys

    from devplan.scale.staging import BLANKS

    assert "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()) == BLANKS

"""`devplan import-csv` refuses a figure or a project's progress of a month after the current month, with
one sentence naming the file, the line and the column, on the direct and the staged path alike (issue 16
trial: bulk files took future months, the one door's `month_not_future` did not apply to them)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from devplan.backup.hashing import database_state
from devplan.scale.csv_progress import PROGRESS_COLUMNS
from devplan.scale.problems import ImportRejected
from devplan.scale.staging import COLUMNS
from tests.scale.csv_files import csv_writer
from tests.writing import import_figures_csv, import_progress_csv

figures = csv_writer(COLUMNS, "figures.csv")
progress = csv_writer(PROGRESS_COLUMNS, "progress.csv")


def _next_month() -> str:
    today = timezone.localdate()
    year, month = (today.year, today.month + 1) if today.month < 12 else (today.year + 1, 1)
    return f"{year:04d}-{month:02d}"


@pytest.mark.parametrize("note", ["", '"口径, 调整"'])  # the direct path, and the staged one (quoting)
def test_a_future_month_in_a_figures_file_is_refused_naming_line_and_column(demo, tmp_path, note) -> None:  # type: ignore[no-untyped-def]
    path = figures(tmp_path, f"430381,retail_sales,2023-11,152.6,8.8,\n430381,retail_sales,{_next_month()},160,8.9,{note}\n")
    before = database_state()
    with pytest.raises(ImportRejected) as refused:
        import_figures_csv(path)
    assert [(p.line, p.column) for p in refused.value.problems] == [(3, "period")]
    sentence = refused.value.sentence()
    assert "figures.csv" in sentence and "第3行“period”列" in sentence and "还没有到" in sentence
    assert database_state() == before


def test_a_future_month_in_a_progress_file_is_refused(demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = progress(tmp_path, f"XX-001,{_next_month()},1.5,续建,主体工程施工中,\n")
    with pytest.raises(ImportRejected) as refused:
        import_progress_csv(path)
    assert [(p.line, p.column) for p in refused.value.problems] == [(2, "period")]
    assert "还没有到" in refused.value.sentence()


@pytest.mark.parametrize(("change", "said"), [
    ({"first_year": timezone.localdate().year}, f"--first-year 应在 2000 到 {timezone.localdate().year - 1} 之间"),
    ({"first_year": 1999}, "--first-year 应在 2000 到"),
    ({"first_year": timezone.localdate().year - 1, "years": 2}, "--years 应在 1 到 1 之间"),
    ({"regions": 0}, "--regions 应在 1 到 100000 之间（县级单位个数），而不是 0"),
    ({"indicators": 0}, "--indicators 应在 1 到 999 之间"),
])
def test_synthetic_data_is_whole_years_that_have_ended(db, change, said) -> None:  # type: ignore[no-untyped-def]
    """`devplan synth` writes all twelve months of every year: a year not yet ended is refused before anything
    is written, as are sizes of nothing (issue 15 trial t15 L10: --first-year 1999 listed 48 refused lines of
    the import, --regions 0 ended in a ZeroDivisionError)."""
    from devplan.indicators.models import Figure
    from devplan.lib.errors import UsageError
    from devplan.regions.models import Region
    from devplan.scale.synth import SynthSpec, synthesise

    spec = SynthSpec(**{"regions": 2, "indicators": 2, "years": 1, "seed": 3, "projects": 0, **change})
    with pytest.raises(UsageError) as refused:
        synthesise(spec, progress=False)
    assert said in str(refused.value)
    assert not Figure.objects.exists() and not Region.objects.filter(code__startswith="9").exists()


def test_synthetic_data_goes_only_into_a_database_without_figures(demo) -> None:  # type: ignore[no-untyped-def]
    """Trial t15c: synth into the demo's database listed eight refused lines of a temporary file."""
    from devplan.indicators.models import Figure
    from devplan.lib.errors import UsageError
    from devplan.scale.synth import SynthSpec, synthesise

    before = Figure.objects.count()
    with pytest.raises(UsageError, match="数据库里已有数据（示例数据或正式数据）"):
        synthesise(SynthSpec(regions=1, indicators=1, years=1, seed=3, projects=0), progress=False)
    assert Figure.objects.count() == before

"""SIGKILL at random (seeded) points during a large CSV import, an Excel import and report generation: the
database holds all of an import or none of it, every time, and the next run works."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.bad_inputs.make_corpus import HISTORY, OWNER, big_csv
from tests.conftest import run_devplan
from tests.reliability.dbstate import state_of
from tests.reliability.killing import count_rows, run_and_kill
from tests.reliability.record import record

SEED = 20240630
CSV_ROWS = 60_000  # imports in about 1-3 s here; the kills land across start-up, staging and the insert
KILLS = {"import-csv": 10, "import": 5, "report": 5}  # killed mid-run, per database


@pytest.fixture
def demo_db(demo_db_url: str) -> str:
    return demo_db_url


def kill_repeatedly(files: tuple[tuple[str, ...], tuple[str, ...]], db: str, table: str, per_run: int, kills: int,
                    seed: int) -> dict[str, int]:
    """Run once to completion (timing it), then kill runs at a random moment of that span until `kills` were
    killed mid-run: each time the table grows by nothing or by exactly `per_run` rows. A last run must complete.
    The runs take turns between two files whose every value differs (a file equal to what is stored would
    rightly write nothing)."""
    chooser = random.Random(seed)
    count = start = count_rows(db, table)
    full = run_and_kill(*files[0], db=db, after=None)
    assert count_rows(db, table) == count + per_run
    count += per_run
    runs = interrupted = 0
    while interrupted < kills and runs < 3 * kills:
        args = files[((count - start) // per_run) % 2]
        run = run_and_kill(*args, db=db, after=chooser.uniform(0.05, 0.9) * full.seconds)
        after = count_rows(db, table)
        assert after in (count, count + per_run), f"a killed run left {after - count} of {per_run} rows"
        runs, interrupted, count = runs + 1, interrupted + (not run.finished), after
    assert interrupted == kills, f"only {interrupted} of {runs} runs were still going when killed"
    run_and_kill(*files[((count - start) // per_run) % 2], db=db, after=None)
    assert count_rows(db, table) == count + per_run
    return {"runs": runs, "kills": interrupted, "all_or_nothing": runs, "next_run_works": 1}


def test_a_killed_csv_import_leaves_all_or_nothing(demo_db, tmp_path, monkeypatch):
    for name, value in HISTORY.items():  # the big files are history back to 1900
        monkeypatch.setenv(name, value)
    first, second = tmp_path / "figures.csv", tmp_path / "revised.csv"
    big_csv(first, CSV_ROWS)
    big_csv(second, CSV_ROWS, variant=7)
    files = (("import-csv", str(first)), ("import-csv", str(second)))
    counts = kill_repeatedly(files, demo_db, "indicators_figure", CSV_ROWS, KILLS["import-csv"], SEED)
    record("kills", "import-csv", rows=CSV_ROWS, **counts)


def test_a_killed_excel_import_leaves_all_or_nothing(demo_db, tmp_path):
    path = tmp_path / "progress.xlsx"
    assert run_devplan("template", "--kind=projects", f"--owner={OWNER}", "--period=2024-06", f"--out={path}",
                       db=demo_db).returncode == 0
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    completed = next(c.column for c in sheet[1] if str(c.value).startswith("1至本月累计完成投资"))
    explained = next(c.column for c in sheet[1] if c.value == "偏差说明")
    other = tmp_path / "progress-revised.xlsx"
    for target, value in ((path, 0.1), (other, 0.2)):
        for row in range(2, sheet.max_row + 1):
            sheet.cell(row=row, column=completed, value=value)
            sheet.cell(row=row, column=explained, value="压力测试：按计划推进")
        workbook.save(target)
    rows = sheet.max_row - 1
    files = (("import", str(path)), ("import", str(other)))
    counts = kill_repeatedly(files, demo_db, "projects_progress", rows, KILLS["import"], SEED + 1)
    record("kills", "import (Excel)", rows=rows, **counts)


def complete(path: Path) -> bool:
    """Whether a report file is whole: the zip packages open and test clean, the PDF ends with %%EOF."""
    if path.suffix in {".docx", ".xlsx"}:
        try:
            with zipfile.ZipFile(path) as package:
                return package.testzip() is None
        except zipfile.BadZipFile:
            return False
    if path.suffix == ".pdf":
        return path.read_bytes().rstrip().endswith(b"%%EOF")
    return path.read_text(encoding="utf-8", errors="replace").rstrip().endswith("</html>")


def finished_names(folder: Path) -> list[Path]:
    """The files under their final names; a killed run may leave hidden `.name.partial` files, never these."""
    return [p for p in folder.glob("*") if not p.name.startswith(".")] if folder.exists() else []


def test_a_killed_report_leaves_the_database_as_it_was_and_the_next_report_works(demo_db, tmp_path):
    chooser, out = random.Random(SEED + 2), tmp_path / "out"
    args = ("report", "--region", "湘乡市", "--year", "2023", "--out", str(out))
    before = state_of(demo_db)
    full = run_and_kill(*args, db=demo_db, after=None)
    partial = runs = interrupted = 0
    while interrupted < KILLS["report"] and runs < 3 * KILLS["report"]:
        folder = tmp_path / f"run-{runs}"
        run = run_and_kill(*args[:-1], str(folder), db=demo_db, after=chooser.uniform(0.05, 0.9) * full.seconds)
        partial += sum(not complete(p) for p in finished_names(folder))
        runs, interrupted = runs + 1, interrupted + (not run.finished)
    assert interrupted == KILLS["report"]
    run_and_kill(*args, db=demo_db, after=None)
    assert all(complete(p) for p in finished_names(out)) and len(finished_names(out)) == 4
    assert state_of(demo_db) == before
    record("kills", "report", runs=runs, kills=interrupted, all_or_nothing=runs, next_run_works=1,
           partial_files_left=partial)
    assert partial == 0, f"{partial} partial report file(s) left under their final names"

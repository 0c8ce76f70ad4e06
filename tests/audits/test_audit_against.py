"""`devplan audit FILE --against REGION [--as-of DATE]` compares the document's main-indicator figures with
devplan's records as known then, naming the record's revision; several files are compared with each other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_devplan

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "xiangxiang-2023-plan-report.txt"
pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed is not beside the repository")


def _changed(tmp_path: Path) -> Path:
    text = SEED.read_text(encoding="utf-8").replace("1—9月完成428.3亿元", "1—9月完成431.3亿元")
    path = tmp_path / "changed.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_against_names_the_one_number_that_differs_from_the_record(cli_db_url: str, tmp_path: Path) -> None:
    assert run_devplan("init", "--demo", db=cli_db_url).returncode == 0
    done = run_devplan("audit", str(_changed(tmp_path)), "--against", "湘乡市", "--json", db=cli_db_url)
    assert done.returncode == 0, done.stderr
    against = json.loads(done.stdout)["against"]
    assert against["region"] == "湘乡市" and against["year"] == 2023 and against["compared"] >= 15
    wrong = [c for c in against["comparisons"] if not c["agrees"]]
    assert [(c["indicator"], c["month"], c["field"], c["stated"], c["recorded"], c["revision"]) for c in wrong] == [
        ("gdp", 9, "value", 431.3, 428.3, 1)]

    before = run_devplan("audit", str(SEED), "--against", "湘乡市", "--as-of", "2000-01", db=cli_db_url)
    assert before.returncode == 0 and "没有这个月的记录" in before.stdout  # nothing was known in 2000


def test_several_files_are_compared_with_each_other(cli_db_url: str, tmp_path: Path) -> None:
    done = run_devplan("audit", str(SEED), str(_changed(tmp_path)), db=cli_db_url)
    assert done.returncode == 0, done.stderr
    assert "1 处说法不一致" in done.stdout and "写428.3亿元" in done.stdout and "写431.3亿元" in done.stdout
    refused = run_devplan("audit", str(SEED), str(SEED), "--import", db=cli_db_url)
    assert refused.returncode == 2 and "一次只能用于一个文件" in refused.stderr

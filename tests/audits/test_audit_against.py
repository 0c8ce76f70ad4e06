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


def test_against_names_the_one_number_that_differs_from_the_record(demo_db_url: str, tmp_path: Path) -> None:
    done = run_devplan("audit", str(_changed(tmp_path)), "--against", "湘乡市", "--json", db=demo_db_url)
    assert done.returncode == 0, done.stderr
    against = json.loads(done.stdout)["against"]
    assert against["region"] == "湘乡市" and against["year"] == 2023 and against["compared"] >= 15
    wrong = [c for c in against["comparisons"] if not c["agrees"]]
    assert [(c["indicator"], c["month"], c["field"], c["stated"], c["recorded"], c["revision"]) for c in wrong] == [
        ("gdp", 9, "value", 431.3, 428.3, 1)]

    before = run_devplan("audit", str(SEED), "--against", "湘乡市", "--as-of", "2000-01", db=demo_db_url)
    assert before.returncode == 0 and "没有这个月的记录" in before.stdout  # nothing was known in 2000


def test_several_files_are_compared_with_each_other(cli_db_url: str, tmp_path: Path) -> None:
    done = run_devplan("audit", str(SEED), str(_changed(tmp_path)), db=cli_db_url)
    assert done.returncode == 0, done.stderr
    assert "1 处说法不一致" in done.stdout and "写428.3亿元" in done.stdout and "写431.3亿元" in done.stdout
    refused = run_devplan("audit", str(SEED), str(_changed(tmp_path)), "--import", db=cli_db_url)
    assert refused.returncode == 2 and "一次只能用于一个文件" in refused.stderr


def test_against_keeps_no_record_apart_and_reads_the_documents_date(demo_db_url: str, tmp_path: Path) -> None:
    """A number devplan had no record of then is not a disagreement; the document's own date (in its title
    block) is the moment compared, unless --as-of says otherwise; --year is checked and only goes with
    --against or --import; the same file twice is noticed."""
    early = run_devplan("audit", str(SEED), "--against", "湘乡市", "--as-of", "2000-01", "--json", db=demo_db_url)
    against = json.loads(early.stdout)["against"]
    assert against["differences"] == 0 and against["unrecorded"] == against["compared"] > 0
    dated = tmp_path / "dated.txt"
    dated.write_text("——2000年1月20日在湘乡市人民代表大会上\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    by_date = json.loads(run_devplan("audit", str(dated), "--against", "湘乡市", "--json", db=demo_db_url).stdout)
    assert by_date["against"]["as_of"] == "2000-01-20" and by_date["against"]["as_of_source"] == "document"
    assert by_date["against"]["unrecorded"] == by_date["against"]["compared"]
    chinese = tmp_path / "chinese.txt"
    chinese.write_text("二〇〇〇年一月二十日\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    text = run_devplan("audit", str(chinese), "--against", "湘乡市", db=demo_db_url).stdout
    assert "文件落款日期 2000-01-20" in text and "○" in text
    for bad in (["--against", "湘乡市", "--year", "1850"], ["--year", "2023"]):
        refused = run_devplan("audit", str(SEED), *bad, db=demo_db_url)
        assert refused.returncode == 2 and "--year" in refused.stderr, bad
    twice = run_devplan("audit", str(SEED), str(SEED), db=demo_db_url)
    assert twice.returncode == 2 and "不止一次" in twice.stderr


def test_a_stated_completion_is_compared_with_devplans_own_when_the_record_states_none(demo) -> None:  # type: ignore[no-untyped-def]
    """A figure entered through a door has no stated completion; the document's 完成年计划的N% is then held
    against the completion devplan computes by its one rule — not reported as missing from the record."""
    from decimal import Decimal

    from devplan.audits.against import compare_with_records
    from devplan.indicators.models import Indicator
    from devplan.reader import audit_text
    from tests.writing import Provenance, record_figure

    retail = Indicator.objects.get(code="retail_sales")
    record_figure(demo, retail, 2023, 11, Provenance(), value=Decimal("150"), growth_pct=Decimal("4.5"))
    for said, state in (("91", "agrees"), ("80", "differs")):  # 150 ÷ 165 = 90.9 %
        text = f"2023年，我市主要指标完成情况如下：\n——年计划完成社会消费品零售总额165亿元，1—11月完成150亿元，同比增长4.5%，完成年计划的{said}%。"
        found = [c for c in compare_with_records(audit_text(text, source="t"), demo, 2023)
                 if c.field == "stated_completion_pct"]
        assert [c.state for c in found] == [state], [c.sentence() for c in found]
        assert "按 devplan 的完成率" in found[0].sentence()

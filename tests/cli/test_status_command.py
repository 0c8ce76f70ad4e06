"""`devplan init --demo` and `devplan status` as a user runs them (issue 2 acceptance)."""

import json

from tests.conftest import run_devplan


def test_init_demo_is_idempotent_and_status_matches_the_seed(cli_db_url):
    assert run_devplan("init", "--demo", db=cli_db_url).returncode == 0
    first = run_devplan("status", "--region", "湘乡市", "--year", "2023", "--json", db=cli_db_url)
    assert run_devplan("init", "--demo", db=cli_db_url).returncode == 0
    second = run_devplan("status", "--region", "湘乡市", "--year", "2023", "--json", db=cli_db_url)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    rows = {row["indicator"]: row for row in json.loads(first.stdout)}
    assert rows["gdp"]["completion_pct"] == 97.2
    assert rows["fai"]["completion_pct"] == 99.1
    assert rows["fiscal_revenue"]["target"]["adjusted"] is True


def test_status_as_of_a_month_before_the_report_knows_no_figures(demo_db_url):
    result = run_devplan("status", "--region", "430381", "--year", "2023", "--as-of", "2023-09", "--json", db=demo_db_url)
    rows = json.loads(result.stdout)
    assert all(row["actual"] is None and row["light"] == "none" for row in rows)


def test_readable_table_names_the_indicators(demo_db_url):
    result = run_devplan("status", "--region", "湘乡市", "--year", "2023", db=demo_db_url)
    assert "地区生产总值" in result.stdout
    assert "97.2%" in result.stdout
    # Numbers keep the decimals the report stated: "同比增长9.0%", "全年预计同比增长8.0%".
    assert "1—10月 138.3亿元，增长9.0%" in result.stdout and "增长8.0%" in result.stdout


def test_unknown_region_is_one_sentence_exit_1(cli_db_url):
    run_devplan("init", db=cli_db_url)
    result = run_devplan("status", "--region", "不存在市", "--year", "2023", db=cli_db_url)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_as_of_is_a_usage_error_exit_2(demo_db_url):
    result = run_devplan("status", "--region", "湘乡市", "--year", "2023", "--as-of", "2023-13", db=demo_db_url)
    assert result.returncode == 2
    assert "--as-of" in result.stderr


def test_status_before_init_says_to_run_init(cli_db_url):
    result = run_devplan("status", "--region", "湘乡市", "--year", "2023", db=cli_db_url)
    assert result.returncode == 1
    assert "devplan init" in result.stderr
    assert "Traceback" not in result.stderr


def _status(*args):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("status", "--region", "湘乡市", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_month_takes_yyyy_mm_like_brief_and_still_a_month_number(demo):
    import pytest

    from devplan.lib.errors import UsageError

    assert _status("--month", "2023-09") == _status("--year", "2023", "--month", "9")
    assert _status("--year", "2023", "--month", "2023-10") == _status("--year", "2023", "--month", "10")
    assert {row["actual"]["through"] for row in _status("--month", "2023-09") if row["actual"]} == {"2023-09"}
    with pytest.raises(UsageError, match="不在 --year 2024 年度内"):
        _status("--year", "2024", "--month", "2023-10")
    with pytest.raises(UsageError, match="1—12"):
        _status("--year", "2023", "--month", "13")
    with pytest.raises(UsageError, match="--year"):
        _status()


def test_year_is_checked_as_the_api_checks_it_and_projects_take_yyyy_mm(demo):
    """Issue 16 trial: `status --year 99999` and `--year ２０２３` were accepted; `projects --month 2023-11`
    was a usage error."""
    import io

    import pytest
    from django.core.management import call_command

    from devplan.lib.errors import UsageError

    with pytest.raises(UsageError, match="2000 到 2100"):
        _status("--year", "99999")
    with pytest.raises(UsageError, match="半角"):
        _status("--year", "２０２３")

    def projects(*args: str) -> str:
        out = io.StringIO()
        call_command("projects", "--region", "湘乡市", *args, "--json", stdout=out)
        return out.getvalue()

    assert projects("--month", "2023-11") == projects("--year", "2023", "--month", "11")

"""The messages of `devplan import-csv` (which tells figures from project progress by the header row) and of
`devplan synth --projects`."""

from __future__ import annotations

import pytest

from tests.conftest import run_devplan

PROGRESS = "project,period,completed_investment,status,narrative,note\n"
FIGURES = "region,indicator,period,value,growth_pct,note\n"


@pytest.fixture
def demo_db(demo_db_url: str) -> str:
    return demo_db_url


def test_import_csv_names_the_kind_it_recognised_by_the_header(demo_db, tmp_path):
    progress = tmp_path / "progress.csv"
    progress.write_text(PROGRESS + "XX-001,2024-05,1.5,续建,,\nXX-002,2024-05,2.0,,,\n", encoding="utf-8")
    done = run_devplan("import-csv", str(progress), db=demo_db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("已导入 2 行项目月度进展（progress.csv，")
    figures = tmp_path / "figures.csv"
    figures.write_text(FIGURES + "430381,gdp,2024-06,250.1,5.1,\n", encoding="utf-8")
    done = run_devplan("import-csv", str(figures), db=demo_db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("已导入 1 行指标数据（figures.csv，")


def test_import_csv_says_which_headers_it_knows_when_the_header_is_neither(demo_db, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("项目,期别,完成投资\nXX-001,2024-05,1.5\n", encoding="utf-8")
    done = run_devplan("import-csv", str(path), db=demo_db)
    assert done.returncode == 1
    message = done.stderr.strip()
    assert "\n" not in message and "Traceback" not in message
    for words in (str(path), "第1行", "表头应为", FIGURES.strip() + "（指标数据）",
                  PROGRESS.strip() + "（项目月度进展）", "而不是 项目,期别,完成投资"):
        assert words in message


def test_import_csv_of_bad_progress_lists_the_problems_and_exits_1(demo_db, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(PROGRESS + "XX-999,2024-05,1.5,,,\nXX-001,2024-5,-1,,,\n", encoding="utf-8")
    done = run_devplan("import-csv", str(path), db=demo_db)
    assert done.returncode == 1
    assert "发现3处问题，整个文件未导入" in done.stderr
    assert "第2行“project”列：没有登记编号或项目代码为“XX-999”的项目" in done.stderr
    assert "第3行“period”列" in done.stderr and "第3行“completed_investment”列：湘乡市压缩空气储能项目的累计完成投资不能为负数（填写的是 -1）" in done.stderr


def test_synth_reports_the_projects_it_made(cli_db_url):
    assert run_devplan("init", db=cli_db_url).returncode == 0
    done = run_devplan("synth", "--regions", "3", "--indicators", "2", "--years", "1", "--projects", "4",
                       "--seed", "9", db=cli_db_url)
    assert done.returncode == 0, done.stderr
    assert "已生成 3 个县级单位" in done.stdout and "12 个重点项目及" in done.stdout
    assert "条月度进展" in done.stdout and "进度滞后" in done.stdout


def test_synth_refuses_a_negative_number_of_projects(cli_db_url):
    assert run_devplan("init", db=cli_db_url).returncode == 0
    done = run_devplan("synth", "--regions", "2", "--projects", "-1", db=cli_db_url)
    assert done.returncode == 2
    assert "--projects 应在 0 到 999 之间" in done.stderr

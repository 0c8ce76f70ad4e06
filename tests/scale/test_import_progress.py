"""`import_progress_csv`: every row becomes a new progress revision, a project is named by its 登记编号 or
its 项目代码, and a file with any problem is refused whole, every problem listed by line and column."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from devplan.backup.hashing import database_state
from devplan.projects.models import Progress, Project
from devplan.scale.csv_progress import PROGRESS_COLUMNS
from devplan.scale.problems import ImportRejected
from tests.scale.csv_files import csv_writer
from tests.writing import import_progress_csv

DDE = "=cmd|' /C calc'!A0"
write = csv_writer(PROGRESS_COLUMNS, "progress.csv")


@pytest.fixture
def coded(demo):  # type: ignore[no-untyped-def]
    """Demo project XX-002 with a national project code (项目代码)."""
    Project.objects.filter(ref="XX-002").update(code="2022-430381-78-01-000002")
    return demo


def test_every_row_lands_as_a_revision_and_a_second_import_makes_revision_two(coded, tmp_path):
    first = write(tmp_path, "XX-001,2024-05,1.5,续建,主体工程施工中,\n"
                            "2022-430381-78-01-000002,2024-05,2.25,,道路施工中,按月报送数据\n")
    assert import_progress_csv(first, by_name="test") == 2
    one = Progress.objects.get(project__ref="XX-001", year=2024, month=5)
    assert (one.revision, one.completed_investment, one.status, one.narrative) == (1, D("1.5"), "续建", "主体工程施工中")
    assert (one.who, one.reason) == ("test", "批量导入 progress.csv")
    by_code = Progress.objects.get(project__ref="XX-002", year=2024, month=5)
    assert (by_code.completed_investment, by_code.explanation) == (D("2.25"), "按月报送数据")

    second = write(tmp_path, "XX-001,2024-05,1.6,,,核实后更正\n", name="again.csv")
    assert import_progress_csv(second, by_name="test") == 1
    revisions = Progress.objects.filter(project__ref="XX-001", year=2024, month=5).order_by("revision")
    assert [(p.revision, p.completed_investment) for p in revisions] == [(1, D("1.5")), (2, D("1.6"))]
    assert revisions[1].explanation == "核实后更正"


def test_a_reported_status_updates_the_registry_unless_a_later_month_is_stored(demo, tmp_path):
    version = Project.objects.get(ref="XX-001").version
    import_progress_csv(write(tmp_path, "XX-001,2024-03,1.0,新开工,,\nXX-001,2024-06,2.0,续建,,按季填报\n"), by_name="test")
    project = Project.objects.get(ref="XX-001")
    assert (project.status, project.version) == ("续建", version + 1)
    import_progress_csv(write(tmp_path, "XX-001,2024-04,1.2,新开工,,\n", name="older.csv"), by_name="test")
    assert Project.objects.get(ref="XX-001").status == "续建"


def test_a_file_with_many_mistakes_lists_every_one_and_writes_nothing(coded, tmp_path):
    path = write(tmp_path, "".join([
        "XX-001,2024-13,1.0,,,\n",                      # 2 period
        "XX-999,2024-05,一点五,在建,,\n",                # 3 project, number, status
        "XX-001,2024-06,-1,,,\n",                       # 4 negative
        "XX-001,2024-07,9,,,\n",                        # 5
        f"XX-001,2024-08,1.0,,\"{DDE}\",\n",            # 6 formula in the narrative
        "XX-001,2024-09,1.0,,,@SUM(A1)\n",              # 7 formula in the note
        "XX-001,2024-10,1.0,,,\n",                      # 8
        "2022-430381-78-01-000002,2024-10,1.0,,,\n",    # 9 (XX-002 by code)
        "XX-002,2024-10,1.1,,,\n",                      # 10 the same project and month as line 9
        "XX-001,2024-11,1.0,," + "进" * 1001 + ",\n",   # 11 too long
        "XX-001,2024-12,1.00001,,,\n",                  # 12 five decimals
        ",2024-12,,,,\n",                               # 13 no project, no figure
    ]))
    before = database_state()
    with pytest.raises(ImportRejected) as caught:
        import_progress_csv(path, by_name="test")
    found = {(p.line, p.column) for p in caught.value.problems}
    assert found == {
        (2, "period"), (3, "project"), (3, "completed_investment"), (3, "status"), (4, "completed_investment"),
        (6, "narrative"), (7, "note"), (10, "period"), (11, "narrative"),
        (12, "completed_investment"), (13, "project"), (13, "completed_investment"),
    }
    message = caught.value.sentence()
    for words in ("第2行“period”列：月份应在 1 到 12 之间，而不是 13", "没有登记编号或项目代码为“XX-999”的项目",
                  "XX-999的累计完成投资应为数字，而不是“一点五”", "XX-999的项目状态应为 前期、新开工、续建、竣工投产 之一，而不是“在建”",
                  "累计完成投资不能为负数（填写的是 -1）", "的形象进度不能以 = + - @ 开头", "的偏差说明不能以 = + - @ 开头",
                  "与第9行重复", "的形象进度文字过长（1001字），请控制在1000字以内", "最多保留 4 位小数（填写的是 1.00001）",
                  "缺少项目", "发现12处问题"):
        assert words in message
    assert str(path) in message
    assert database_state() == before


def test_a_row_of_the_wrong_width_is_refused_with_its_line(demo, tmp_path):
    with pytest.raises(ImportRejected) as caught:
        import_progress_csv(write(tmp_path, "XX-001,2024-05,1.5,,,\nXX-001,2024-06,1.7\n"), by_name="test")
    assert "第3行：列数不对" in caught.value.sentence()
    assert not Progress.objects.filter(year=2024).exists()


def test_a_report_above_the_total_investment_needs_its_explanation_in_the_note(demo, tmp_path):
    with pytest.raises(ImportRejected) as caught:
        import_progress_csv(write(tmp_path, "XX-001,2024-07,99,,,\n"), by_name="test")
    assert "第2行“completed_investment”列" in caught.value.sentence()
    assert "超过项目总投资 18亿元" in caught.value.sentence() and "偏差说明" in caught.value.sentence()
    assert import_progress_csv(write(tmp_path, "XX-001,2024-07,99,,,总投资调增待批\n", "explained.csv"),
                               by_name="test") == 1


@pytest.mark.parametrize("column", ["narrative", "note"])
@pytest.mark.parametrize("blank", [" ", "\t", "\u3000", "\xa0"])
def test_a_text_starting_like_a_formula_after_blanks_is_refused_as_at_every_door(demo, tmp_path, column, blank):
    """A tester stored `XX-013,2024-10,0.2,前期," =1",` as a 形象进度 starting with a space."""
    cells = {"narrative": "", "note": ""} | {column: f"{blank}=1"}
    path = write(tmp_path, f'XX-001,2024-05,1.5,续建,"{cells["narrative"]}","{cells["note"]}"\n')
    with pytest.raises(ImportRejected) as refused:
        import_progress_csv(path, by_name="test")
    name = Project.objects.get(ref="XX-001").name
    label = {"narrative": "形象进度", "note": "偏差说明"}[column]
    assert [(p.line, p.column, p.reason) for p in refused.value.problems] == [
        (2, column, f"{name}的{label}不能以 = + - @ 开头（会被电子表格当作公式）")]


def test_the_rules_sentences_name_the_project_and_value_at_line_and_column(demo, tmp_path):
    """A tester got "累计完成投资不能为负数" without project or value, and a period range (1900—2099) that is
    not the rule's."""
    path = write(tmp_path, "XX-001,2024-05,１,,,\nXX-001,2024-06,-1,,,\nXX-001,2024-13,1,,,\nXX-001,2101-01,1,,,\n")
    with pytest.raises(ImportRejected) as refused:
        import_progress_csv(path, by_name="test")
    name = Project.objects.get(ref="XX-001").name
    assert [(p.line, p.column, p.reason) for p in refused.value.problems] == [
        (2, "completed_investment", f"{name}的累计完成投资应为数字，而不是“１”（请用半角阿拉伯数字）"),
        (3, "completed_investment", f"{name}的累计完成投资不能为负数（填写的是 -1）"),
        (4, "period", "月份应在 1 到 12 之间，而不是 13"),
        (5, "period", "年份应在 2000 到 2100 之间，而不是 2101"),
    ]


def test_numbers_and_texts_are_read_stripped_and_signed_as_at_every_door(demo, tmp_path):
    path = write(tmp_path, 'XX-001,2024-05,+1.5, 续建,"\u3000主体施工 ",\nXX-001,2024-06," 1.7 ",,,"  按月报送数据 "\n')
    assert import_progress_csv(path, by_name="test") == 2
    may, june = (Progress.objects.get(project__ref="XX-001", year=2024, month=m) for m in (5, 6))
    assert (may.completed_investment, may.status, may.narrative) == (D("1.5"), "续建", "主体施工")
    assert (june.completed_investment, june.explanation) == (D("1.7"), "按月报送数据")


def test_a_month_filled_in_before_a_stored_later_month_is_not_above_it(demo, tmp_path):
    """A month below a later one is the order of things (a tester's July 0.05 under October's 0.2); above it,
    it needs its explanation, as a month below the one before."""
    assert import_progress_csv(write(tmp_path, "XX-001,2024-10,0.2,,,\n", "october.csv"), by_name="test") == 1
    assert import_progress_csv(write(tmp_path, "XX-001,2024-07,0.05,,,\n", "july.csv"), by_name="test") == 1
    with pytest.raises(ImportRejected) as refused:
        import_progress_csv(write(tmp_path, "XX-001,2024-08,0.5,,,\n", "august.csv"), by_name="test")
    assert [(p.line, p.column) for p in refused.value.problems] == [(2, "completed_investment")]
    assert "累计完成投资 0.5亿元大于已报的1—10月 0.2亿元" in refused.value.problems[0].reason
    assert import_progress_csv(write(tmp_path, "XX-001,2024-08,0.5,,,10月数据有误待更正\n", "explained.csv"),
                               by_name="test") == 1

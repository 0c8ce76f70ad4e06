"""The Excel round trip: a template is filled and imported, all of it or nothing, and every bad cell is
reported with its sheet, row and column."""

import json
from decimal import Decimal as D

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from devplan.collection.excel import workbook as excel
from devplan.collection.excel.problems import ImportRejected
from devplan.collection.excel.workbook import build_template
from devplan.indicators.models import Figure
from devplan.indicators.services import figure_as_of, find_indicator
from devplan.projects.summary import project_summary
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from tests.collection.dbhash import database_state
from tests.conftest import run_devplan


def import_workbook(path):  # type: ignore[no-untyped-def]
    """`devplan import` as an operator: official at once."""
    return excel.import_workbook(path, Actor.of_operator(Door.CLI_EXCEL, "测试员"))


def column(sheet, header):  # type: ignore[no-untyped-def]
    """The letter of the column whose header starts with `header`."""
    return next(get_column_letter(c.column) for c in sheet[1] if str(c.value).startswith(header))

OWNER = "湘乡经开区管委会"
SHEET = "项目月度进度"


@pytest.fixture
def template(demo, tmp_path):
    """The owner's June 2024 template, saved; returns its path and its data sheet reopened for filling."""

    def make(kind="projects", party=OWNER, period=(2024, 6)):
        path = tmp_path / f"{kind}.xlsx"
        build_template(kind, demo, party, *period).save(path)
        return path

    return make


def _rows(path):
    workbook = load_workbook(path)
    sheet = workbook[SHEET]
    return workbook, sheet, {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}


COMPLETED, STATUS, START, NARRATIVE, MONTH, BY = "1至本月累计完成投资", "项目状态", "实际开工", "形象进度", "截至月份", "填报人"


def test_a_filled_template_imports_and_the_lights_change(demo, template):
    path = template()
    before = {r["ref"]: r for r in project_summary(demo, 2024, month=6)["projects"]}
    assert before["XX-002"]["light"] == "none"
    # Nothing reported yet, but XX-020 and XX-021 were due to start in March and April: their 开工 milestone is
    # overdue on 30 June, more than 30 days, whatever the money says.
    assert all((before[ref]["light"], before[ref]["milestones_overdue"]) == ("red", ["开工"]) for ref in ("XX-020", "XX-021"))
    workbook, sheet, rows = _rows(path)
    f, g, h, j, m = (column(sheet, name) for name in (COMPLETED, STATUS, START, NARRATIVE, BY))
    sheet[f"{f}{rows['XX-002']}"] = 2.6
    sheet[f"{f}{rows['XX-020']}"] = 0.5
    sheet[f"{j}{rows['XX-020']}"] = "征地拆迁未完成"
    sheet[f"{f}{rows['XX-021']}"] = 0.6
    sheet[f"{g}{rows['XX-021']}"] = "新开工"
    sheet[f"{h}{rows['XX-021']}"] = "2024-04-10"
    sheet[f"{m}{rows['XX-021']}"] = "张三"
    workbook.save(path)
    result = import_workbook(path)
    assert result.rows == 3
    after = {r["ref"]: r for r in project_summary(demo, 2024, month=6)["projects"]}
    assert (after["XX-002"]["completion_pct"], after["XX-002"]["light"]) == (52, "green")
    assert (after["XX-020"]["light"], after["XX-020"]["narrative"]) == ("red", "征地拆迁未完成")
    assert (after["XX-021"]["light"], after["XX-021"]["status"], after["XX-021"]["actual_start"]) == (
        "yellow", "新开工", "2024-04-10"
    )
    assert after["XX-021"]["reported_by"] == "张三"
    assert after["XX-006"]["light"] == "none"


def test_ten_kinds_of_mistakes_are_all_reported_and_nothing_is_written(demo, template):
    path = template()
    workbook, sheet, rows = _rows(path)
    e, f, g, h, j = (column(sheet, name) for name in (MONTH, COMPLETED, STATUS, START, NARRATIVE))
    sheet["C1"] = "年度计划"  # a changed header
    sheet[f"{f}{rows['XX-002']}"] = "五千"  # text in a number
    sheet[f"{j}{rows['XX-002']}"] = "=cmd|' /C calc'!A0"  # a formula
    sheet[f"{f}{rows['XX-006']}"] = -1  # negative
    sheet[f"{f}{rows['XX-020']}"] = 99  # more than the project's total investment, without an explanation
    sheet[f"{e}{rows['XX-021']}"] = 13  # a month out of range
    sheet[f"{f}{rows['XX-021']}"] = 1
    sheet[f"{g}{rows['XX-022']}"] = "已开工"  # not one of the statuses
    sheet[f"{f}{rows['XX-022']}"] = 1
    sheet[f"{h}{rows['XX-030']}"] = "下个月"  # not a date
    sheet[f"{f}{rows['XX-030']}"] = 0.05
    last = sheet.max_row
    sheet[f"A{last + 1}"], sheet[f"{f}{last + 1}"] = "XX-999", 1  # not in the registry
    sheet[f"A{last + 2}"], sheet[f"{f}{last + 2}"] = "XX-001", 1  # another owner's project
    workbook.save(path)
    before = database_state()
    with pytest.raises(ImportRejected) as rejected:
        import_workbook(path)
    found = {(p.sheet, p.row, p.column) for p in rejected.value.problems}
    assert {(SHEET, 1, "C"), (SHEET, rows["XX-002"], f), (SHEET, rows["XX-002"], j), (SHEET, rows["XX-006"], f),
            (SHEET, rows["XX-020"], f), (SHEET, rows["XX-021"], e), (SHEET, rows["XX-022"], g),
            (SHEET, rows["XX-030"], h), (SHEET, last + 1, "A"), (SHEET, last + 2, "A")} <= found
    messages = " ".join(p.message for p in rejected.value.problems)
    for words in ("五千", "公式", "负数", "超过项目总投资", "1 到 6", "之一", "日期", "登记册中没有", "业主单位", "表头"):
        assert words in messages
    assert database_state() == before


def test_a_cumulative_figure_below_an_earlier_month_is_rejected(demo, template):
    path = template(period=(2023, 10))
    workbook, sheet, rows = _rows(path)
    sheet[f"{column(sheet, MONTH)}{rows['XX-002']}"] = 11 - 1
    sheet[f"{column(sheet, COMPLETED)}{rows['XX-002']}"] = 3.5
    workbook.save(path)
    import_workbook(path)
    path = template(period=(2023, 11))
    workbook, sheet, rows = _rows(path)
    assert sheet[f"{column(sheet, '此前已报累计')}{rows['XX-002']}"].value.startswith("3.5")
    sheet[f"{column(sheet, COMPLETED)}{rows['XX-002']}"] = 3.0
    workbook.save(path)
    with pytest.raises(ImportRejected, match=r"小于1—10月已报的 3\.5亿元"):
        import_workbook(path)
    sheet[f"{column(sheet, '偏差说明')}{rows['XX-002']}"] = "核减重复统计"
    workbook.save(path)
    assert import_workbook(path).rows == 1


def test_a_changed_or_foreign_file_is_rejected(demo, template, tmp_path):
    path = template()
    workbook = load_workbook(path)
    workbook["_meta"]["B3"] = "湘乡市城市发展集团有限公司"
    workbook.save(path)
    with pytest.raises(ImportRejected, match="已被改动"):
        import_workbook(path)
    foreign = tmp_path / "foreign.xlsx"
    Workbook().save(foreign)
    with pytest.raises(ImportRejected, match="不是本系统生成"):
        import_workbook(foreign)


def test_figures_import_records_revisions_through_record_figure(demo, template):
    path = template("figures", "统计局", (2024, 3))
    workbook = load_workbook(path)
    sheet = workbook["指标月度数据"]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    sheet[f"{column(sheet, '1至本月累计值')}{rows['fai']}"] = 40.2
    sheet[f"{column(sheet, '同比增长')}{rows['fai']}"] = -3.5
    workbook.save(path)
    assert import_workbook(path).rows == 1
    figure = figure_as_of(demo, find_indicator("fai"), 2024, 3)
    assert (figure.value, figure.growth_pct, figure.change_set.file_name) == (D("40.2"), D("-3.5"), "figures.xlsx")
    assert figure.who == "测试员" and figure.change_set.door == "cli_excel" and len(figure.change_set.file_sha256) == 64


def test_figures_of_another_department_and_impossible_growth_are_rejected(demo, template):
    path = template("figures", "统计局", (2024, 3))
    workbook = load_workbook(path)
    sheet = workbook["指标月度数据"]
    month, value, growth = (column(sheet, name) for name in ("截至月份", "1至本月累计值", "同比增长"))
    last = sheet.max_row + 1
    sheet[f"A{last}"], sheet[f"{month}{last}"], sheet[f"{value}{last}"] = "fiscal_revenue", 3, 5
    sheet[f"{growth}3"], sheet[f"{value}3"] = -120, 10
    workbook.save(path)
    count = Figure.objects.count()
    with pytest.raises(ImportRejected) as rejected:
        import_workbook(path)
    assert {(p.row, p.column) for p in rejected.value.problems} == {(last, "A"), (3, growth)}
    assert Figure.objects.count() == count


def test_import_command_lists_problems_and_exits_1(demo_db_url, tmp_path):
    out = tmp_path / "t.xlsx"
    made = run_devplan("template", "--kind", "projects", "--owner", OWNER, "--period", "2024-06", "--out", str(out),
                       db=demo_db_url)
    assert made.returncode == 0, made.stderr
    workbook = load_workbook(out)
    f = column(workbook[SHEET], COMPLETED)
    workbook[SHEET][f"{f}2"] = "abc"
    workbook[SHEET][f"{f}3"] = -2
    workbook.save(out)
    result = run_devplan("import", str(out), "--json", db=demo_db_url)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert report["accepted"] is False and len(report["problems"]) == 2
    assert f"第2行{f}列" in result.stderr


def test_template_for_an_unknown_owner_is_one_sentence(demo_db_url, tmp_path):
    result = run_devplan("template", "--kind", "projects", "--owner", "无此单位", "--period", "2024-06", "--out",
                         str(tmp_path / "x.xlsx"), db=demo_db_url)
    assert result.returncode == 1
    assert "无此单位" in result.stderr and "Traceback" not in result.stderr


def test_the_previous_report_prints_as_it_was_stated(demo, template):
    """A month reported as "1.80" is 1.80 in the next month's 此前已报累计完成, as every page prints it
    (`lib.numbers.stated`), not 1.8."""
    path = template(period=(2023, 10))
    workbook, sheet, rows = _rows(path)
    sheet[f"{column(sheet, MONTH)}{rows['XX-002']}"] = 10
    sheet[f"{column(sheet, COMPLETED)}{rows['XX-002']}"] = "3.80"
    workbook.save(path)
    import_workbook(path)
    _, sheet, rows = _rows(template(period=(2023, 11)))
    assert sheet[f"{column(sheet, '此前已报累计')}{rows['XX-002']}"].value == "3.80（1—10月）"

"""Tables of every layout pasted as text: cells split by tabs, runs of spaces or bars (| and ｜, a bar opening and closing
each row or not), a units line (单位：万元; 单位：个、亿元; 单位：亿元、%) between the title and the header, columns of a
year alone, of targets (年度目标, 调整预算), of changes (比年初增加), and a 合计 row last. Invented tables of the shapes
of a plan report's annexes, a budget table and a monthly brief."""

from __future__ import annotations

from tests.reader.shapes import assert_caught, assert_quiet


def _table(title: str, units: str, header: str, *rows: str, sep: str = "\t") -> str:
    """A table whose cells, written split by " | ", are split by `sep`."""
    lines = [title, units, header, *rows]
    return "".join(line.replace(" | ", sep) + "\n" for line in lines if line)


# A plan report's annex: a units line naming the amounts' unit and the percent, a target column and a completion one.
_INDICATORS = ("附表1  全区主要指标完成情况表（1-6月）", "单位：亿元、%",
               "指标 | 2024年完成 | 2025年目标 | 1-6月完成 | 增长% | 完成目标%")


def test_completion_against_the_target_column_of_a_barred_table() -> None:
    row = "工业增加值 | 80.0 | 90.0 | 45.0 | 6.0 | {}"
    assert_caught(_table(*_INDICATORS, row.format("50.0"), sep=" | "),
                  _table(*_INDICATORS, row.format("58.0"), sep=" | "), ["completion_level_target"])


def test_a_year_column_is_of_the_whole_year_not_the_titles_months() -> None:
    # 2024年完成 is last year's whole year, 1-6月完成 this half year's: no growth is read between them.
    assert_quiet(_table(*_INDICATORS, "工业增加值 | 80.0 | 90.0 | 45.0 | 6.0 | 50.0", sep=" | "))


def test_parts_rows_add_up_to_the_whole_row_in_every_column() -> None:
    whole = "地区生产总值 | 200.0 | — | 110.0 | 5.0 | —"
    parts = ("  其中：第一产业 | 20.0 | — | 10.0 | 3.0 | —", "        第二产业 | 80.0 | — | 45.0 | 6.0 | —",
             "        第三产业 | 100.0 | — | {} | 5.0 | —")
    after = "固定资产投资 | 120.0 | 130.0 | 65.0 | 4.0 | 50.0"
    true = _table(*_INDICATORS, whole, parts[0], parts[1], parts[2].format("55.0"), after, sep=" | ")
    broken = _table(*_INDICATORS, whole, parts[0], parts[1], parts[2].format("61.0"), after, sep=" | ")
    assert_caught(true, broken, ["parts_total"])


def test_a_qizhong_row_alone_is_no_breakdown() -> None:
    # One 其中 row (教育支出 of 一般公共预算支出) is some of the whole, never all of it.
    assert_quiet(_table("上半年财政支出情况", "单位：万元", "项目    预算数    1-6月完成    完成预算%",
                        "一般公共预算支出    400000    200000    50.0", "  其中：教育支出    80000    36000    45.0",
                        "一般公共预算收入    150000    80000    53.3", sep="    "))


# Projects by class: counts and amounts under one units line (单位：个、亿元), a 合计 row last.
_PROJECTS = ("2025年重点项目推进情况", "单位：个、亿元", "类别 | 项目数 | 年度计划投资 | 1-9月完成投资 | 完成年计划%")


def test_total_row_last_sums_each_column_of_a_tabbed_table() -> None:
    rows = ("产业项目 | 30 | 40.00 | 30.00 | 75.0", "基础设施项目 | 20 | 20.00 | 16.00 | 80.0")
    true = _table(*_PROJECTS, *rows, "合计 | 50 | 60.00 | 46.00 | 76.7")
    assert_caught(true, _table(*_PROJECTS, *rows, "合计 | 58 | 60.00 | 46.00 | 76.7"), ["parts_total"])
    # The total's completion, of its own row, breaks with it.
    assert_caught(true, _table(*_PROJECTS, *rows, "合计 | 50 | 60.00 | 52.00 | 76.7"),
                  ["parts_total", "completion_level_target"])


def test_two_columns_of_one_unit_are_summed_apart() -> None:
    # 合同引资 and 到位资金 are both in 亿元: each total is of its own column.
    header = "| 类别 | 签约项目 | 合同引资 | 到位资金 |"
    rows = ("| 工业 | 10 | 90.0 | 30.0 |", "| 服务业 | 6 | 40.0 | 12.0 |")
    assert_quiet(_table("招商引资情况", "单位：个、亿元", header, *rows, "| 总计 | 16 | 130.0 | 42.0 |"))
    assert_caught(_table("招商引资情况", "单位：个、亿元", header, *rows, "| 总计 | 16 | 130.0 | 42.0 |"),
                  _table("招商引资情况", "单位：个、亿元", header, *rows, "| 总计 | 16 | 130.0 | 48.0 |"), ["parts_total"])


def test_total_row_missing_its_number_cell_and_a_full_width_bar() -> None:
    header = "序号｜资金类别｜年度目标｜已到位｜完成目标%"
    rows = ("1｜中央资金｜5000｜4000｜80.0", "2｜省级资金｜3000｜3000｜100.0")
    true = _table("争取资金情况（截至10月底）", "单位：万元", header, *rows, "合计｜8000｜7000｜87.5")
    assert_caught(true, _table("争取资金情况（截至10月底）", "单位：万元", header, *rows, "合计｜9000｜7000｜77.8"),
                  ["parts_total"])


def test_share_column_of_the_total_row_last() -> None:
    header = "来源地 | 到位资金（亿元） | 占比%"
    rows = ("甲地区 | 30.0 | 60.0", "乙地区 | 20.0 | {}")
    true = _table("", "", header, rows[0], rows[1].format("40.0"), "合计 | 50.0 | 100.0")
    assert_caught(true, _table("", "", header, rows[0], rows[1].format("46.0"), "合计 | 50.0 | 100.0"), ["share_levels"])


def test_completion_of_the_target_column_the_header_names() -> None:
    # 年初预算 and 调整预算 are both targets: 为调整预算% is of the second.
    header = "科目 | 年初预算 | 调整预算 | 执行数 | 为调整预算% | 上年执行数 | 增长%"
    row = "教育 | 50000 | 60000 | 57000 | {} | 54000 | 5.6"
    assert_caught(_table("一般公共预算支出执行情况", "单位：万元", header, row.format("95.0")),
                  _table("一般公共预算支出执行情况", "单位：万元", header, row.format("88.0")), ["completion_level_target"])


def test_change_column_after_one_level_column() -> None:
    header = "| 指标 | 9月末余额 | 比年初增加 | 比年初增长 |"
    row = "| 各项贷款余额 | 330.00 | 30.00 | {} |"
    assert_caught(_table("9月金融运行情况", "单位：亿元、%", header, row.format("10.0")),
                  _table("9月金融运行情况", "单位：亿元、%", header, row.format("12.5")), ["growth_levels"])


def test_difference_column_of_two_years_is_no_change_of_one() -> None:
    # 增减量 after 2025年 and 2024年 is their difference: read against either level it would be wrong.
    assert_quiet(_table("农业生产情况", "", "指标\t单位\t2025年\t2024年\t增减量\t增长%",
                        "粮食总产量\t万吨\t30.60\t30.00\t0.60\t2.0", "生猪出栏\t万头\t40.0\t42.0\t-2.0\t-4.8"))


def test_a_bound_cell_does_not_end_the_table() -> None:
    # 5.5以内 is a target given as a bound: the rows below it are still read.
    header = "指标        单位    年度目标    完成    完成目标%"
    rows = ("城镇调查失业率    %    5.5以内    5.1    —", "新建农村公路    公里    200    180    {}")
    assert_caught(_table("民生指标完成情况", "", header, rows[0], rows[1].format("90.0"), sep="    "),
                  _table("民生指标完成情况", "", header, rows[0], rows[1].format("97.0"), sep="    "),
                  ["completion_level_target"])


def test_comma_joined_rows_of_a_word_or_pdf_table() -> None:
    # A .docx or PDF table reaches the reader as rows of cells joined by commas; a thousands separator stays in its number
    # (8,400,105.0 would be one number: such a row is left alone).
    header = "项目名称,年度计划,1-11月完成,完成年度计划%"
    rows = ("城东大道,12,000,11,400,95.0", "污水处理厂,8000,8400,105.0")
    true = _table("2025年重点工程投资完成情况", "单位：万元", header, *rows, "合计,20,000,19,800,99.0")
    assert_caught(true, _table("2025年重点工程投资完成情况", "单位：万元", header, *rows, "合计,20,000,21,800,99.0"),
                  ["parts_total", "completion_level_target"])


def test_total_row_first_sums_the_rows_below_it_when_the_table_ends() -> None:
    header = "地区\t地区生产总值(亿元)\t比上年增长(%)"
    rows = ("甲镇\t40.0\t5.1", "乙镇\t35.0\t6.0", "丙镇\t{}\t4.8")
    after = "各镇经济运行总体平稳。"
    true = _table("2025年各镇地区生产总值", "", header, "全县合计\t100.0\t5.3", rows[0], rows[1], rows[2].format("25.0"), after)
    broken = _table("2025年各镇地区生产总值", "", header, "全县合计\t100.0\t5.3", rows[0], rows[1], rows[2].format("31.0"),
                    after)
    assert_caught(true, broken, ["parts_total"])


def test_part_rows_last_in_the_table_are_closed_by_its_end() -> None:
    header = "项目    预算数    1-6月完成"
    rows = ("一般公共预算收入    100000    60000", "  其中：税收收入    70000    42000", "        非税收入    30000    {}")
    true = _table("上半年财政收入", "单位：万元", header, rows[0], rows[1], rows[2].format("18000"), "收入总体平稳。", sep="    ")
    broken = _table("上半年财政收入", "单位：万元", header, rows[0], rows[1], rows[2].format("23000"), "收入总体平稳。",
                    sep="    ")
    assert_caught(true, broken, ["parts_total"])

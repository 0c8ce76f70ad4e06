"""Tables in the layouts of the fiftieth pass, invented: a Markdown table with its rule row, a row's unit in brackets
after its name, a completion column (完成%, 占调整预算), a growth column headed 增减%, cells of ideographic spaces,
quoted CSV cells, the units at the end of the title, a header in two rows, slash-separated cells, and a list of "X为"
clauses opened by 上年."""

from __future__ import annotations

from devplan.reader import audit_text, extract_facts
from tests.reader.shapes import assert_caught, assert_quiet


def test_a_markdown_rule_row_keeps_the_table_and_a_rows_unit_in_its_name() -> None:
    table = ("某区主要指标完成表\n| 指标 | 年度目标 | 完成 | 完成% |\n|---|:--:|--:|--:|\n"
             "| 农业总产值（亿元） | 40.0 | 42.0 | {} |\n| 服务业增加值（亿元） | 60.0 | 57.0 | 95.0 |\n")
    assert_caught(table.format("105.0"), table.format("126.0"), ["completion_level_target"])


def test_a_percent_growth_column_headed_by_its_rise_or_fall_under_ideographic_spaces() -> None:
    table = ("某县争取资金情况表\n单位：万元\n类别　　　　2025年　　2024年　　增减%\n"
             "省级补助　　　　5000　　4000　　25.0\n市级补助　　　　3000　　3000　　0.0\n")
    facts = [(f.text, f.unit, f.kind) for f in extract_facts(table)]
    assert ("5000", "万元", "level") in facts and ("4000", "万元", "level") in facts and ("25.0", "%", "growth") in facts


def test_quoted_csv_cells_with_a_completion_of_the_target_it_names() -> None:
    table = ('"科目","年初预算","调整预算","执行数","占调整预算"\n'
             '"某项收入（万元）","5000","4000","3800","{}"\n')
    assert_caught(table.format("95.0%"), table.format("115.0%"), ["completion_level_target"])


def test_units_at_the_end_of_the_title() -> None:
    table = ("某镇项目推进情况（1—6月）   单位：万元、%\n项目名称    年计划    1-6月完成    完成年计划\n"
             "甲项目    2000    1000    50.0\n乙项目    4000    3000    75.0\n")
    facts = [(f.text, f.unit, f.kind, f.measure) for f in extract_facts(table)]
    assert ("2000", "万元", "level", "target") in facts and ("1000", "万元", "level", "actual") in facts
    assert ("50.0", "%", "completion", "completion") in facts


def test_a_header_in_two_rows_with_slash_separated_cells() -> None:
    table = ("某街道指标完成情况\n指标名称 / 2025年 / / / 2024年\n/ 目标 / 完成 / 完成率 / 完成\n"
             "某项收入（万元） / 800 / 840 / {} / 760\n")
    assert_caught(table.format("105.0%"), table.format("126.0%"), ["completion_level_target"])


def test_a_header_in_two_rows_of_tabs_reads_one_target_a_year() -> None:
    table = ("某乡两年指标对比\n指标\t2024年\t\t2025年\t\t\n\t目标\t完成\t目标\t完成\t增长%\n"
             "某项产量（万吨）\t5.00\t5.00\t5.20\t5.50\t{}\n")
    assert_caught(table.format("10.0"), table.format("12.0"), ["growth_levels"])


def test_clauses_going_on_from_last_years_are_last_years() -> None:
    # 乙为30亿元 is last year's like 甲's: no share of this year's figures is read from it.
    assert_quiet("某区2025年指标\n| 指标 | 完成 | 增长% |\n|---|---|---|\n| 甲产值（亿元） | 100.0 | 5.0 |\n| 乙产值（亿元） | 40.0 | 5.0 |\n"
                 "上年甲产值为90.0亿元，乙产值为30.0亿元。乙产值占甲产值比重为40.0%。")


def test_a_long_line_of_separators_is_read() -> None:
    # Each line reads in a few seconds; before the fiftieth pass the comma line's time grew with the square of its
    # length (20,000 cells: 64 s). Timings are measured in bench/, not asserted here.
    for line in ("| 1 " * 50000, "a\t" * 100000, '"a",' * 50000, "/ " * 100000):
        assert audit_text("指标\t1-9月\t增长%\n" + line).counts()["error"] == 0

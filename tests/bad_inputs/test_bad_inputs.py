"""Every file in the bad-input corpus ends in one clear message naming where and what, exit status 1, no
traceback, and every table exactly as before. CASES is the table of expected outcomes: the file, the
command it is given to, and words the message must contain (file, sheet, row, column and what is wrong)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.bad_inputs.make_corpus import DEPARTMENT, FIGURES, HISTORY, OWNER, PERIOD, PROJECTS, build
from tests.conftest import ROOT, run_devplan
from tests.reliability.record import record

P, F = "工作表“项目月度进度”", "工作表“指标月度数据”"


class Case(NamedTuple):
    file: str
    words: tuple[str, ...]
    known_bug: str = ""  # reported to the lead; the case is expected to fail until it is fixed


EXCEL = [  # devplan import FILE
    Case("renamed-kind.xlsx", ("_meta", "模板信息已被改动")),
    Case("foreign-owner.xlsx", ("_meta", "模板信息已被改动")),
    Case("old-version.xlsx", ("_meta", "模板版本")),
    Case("renamed-sheet.xlsx", ("缺少工作表“项目月度进度”",)),
    Case("missing-sheet.xlsx", ("缺少工作表“指标月度数据”",)),
    Case("shifted-columns.xlsx", (P + "第1行C列", "表头应为")),
    Case("merged-header.xlsx", (P + "第1行C列", "表头应为")),
    Case("merged-input.xlsx", (P + "第3行H列", "合并")),
    Case("text-in-number.xlsx", (P + "第2行H列", "应为数字", "五千")),
    Case("fullwidth-digits.xlsx", (P + "第2行H列", "应为数字", "半角")),
    Case("unit-in-cell.xlsx", (P + "第2行H列", "应为数字", "2.6亿元")),
    Case("negative-investment.xlsx", (P + "第2行H列", "负数")),
    Case("negative-figure.xlsx", (F + "第2行I列", "负数")),
    Case("percent-text.xlsx", (F + "第2行J列", "应为数字", "7.9%")),
    Case("percent-as-fraction.xlsx", (F + "第2行J列", "百分")),
    Case("month-13.xlsx", (P + "第2行G列", "1 到 6")),
    Case("month-0.xlsx", (F + "第2行H列", "1 到 6")),
    Case("month-fraction.xlsx", (F + "第2行H列", "整数")),
    Case("impossible-date.xlsx", (P + "第2行J列", "日期", "2024-02-30")),
    Case("duplicate-row.xlsx", (P, "A列", "重复")),
    Case("unknown-project.xlsx", (P + "第8行A列", "登记册中没有", "XX-999")),
    Case("others-project.xlsx", (P + "第8行A列", "业主单位")),
    Case("unknown-indicator.xlsx", (F + "第6行A列", "没有代码为", "gdp_per_cow")),
    Case("others-indicator.xlsx", (F + "第6行A列", "不由")),
    Case("formula-dde.xlsx", (P + "第2行L列", "公式")),
    Case("formula-sum.xlsx", (F + "第2行I列", "公式")),
    Case("formula-as-text.xlsx", (P + "第2行L列", "公式")),
    Case("too-long-text.xlsx", (P + "第2行L列", "文字过长")),
    Case("over-total-investment.xlsx", (P + "第2行H列", "超过项目总投资", "偏差说明")),
    Case("empty.xlsx", ("不是有效的 Excel",)),
    Case("csv-named.xlsx", ("不是有效的 Excel",)),
    Case("docx-named.xlsx", ("不是有效的 Excel",)),
    Case("plain-workbook.xlsx", ("_meta", "不是本系统生成的填报模板")),
    Case("bomb.xlsx", ("解压后", "拒绝读取")),
]

CSV = [  # devplan import-csv FILE
    Case("wrong-header.csv", ("第1行", "表头应为")),
    Case("shifted-columns.csv", ("第2行", "列数不对")),
    Case("missing-column.csv", ("第2行", "列数不对")),
    Case("text-in-number.csv", ("第2行“value”列", "应为数字")),
    Case("fullwidth-digits.csv", ("第2行“value”列", "应为数字", "半角")),
    Case("unit-in-cell.csv", ("第2行“value”列", "应为数字")),
    Case("thousands-separator.csv", ("第2行“value”列", "千分位")),
    Case("negative-value.csv", ("第2行“value”列", "负数")),
    Case("percent-sign.csv", ("第2行“growth_pct”列", "不带百分号")),
    # The period's year and month are the rules' (month_in_range), with the API's sentence.
    Case("impossible-month.csv", ("第2行“period”列", "月份应在 1 到 12 之间，而不是 13")),
    Case("month-zero.csv", ("第2行“period”列", "月份应在 1 到 12 之间，而不是 0")),
    Case("chinese-period.csv", ("第2行“period”列", "YYYY-MM")),
    Case("duplicate-rows.csv", ("第3行“period”列", "与第2行重复")),
    Case("unknown-region.csv", ("第2行“region”列", "行政区划代码")),
    Case("unknown-indicator.csv", ("第2行“indicator”列", "没有代码为")),
    Case("nothing-to-record.csv", ("第2行“value”列", "请至少填写")),
    Case("formula-in-note.csv", ("第2行“note”列", "公式")),
    Case("too-long-note.csv", ("第2行“note”列", "1000")),
    Case("empty.csv", ("文件是空的",)),
    Case("gbk.csv", ("UTF-8",)),
    Case("xlsx-named.csv", ("UTF-8",)),
    Case("binary.csv", ("UTF-8",)),
    Case("90k-one-bad-row.csv", ("第89990行“value”列", "应为数字")),
    Case("progress-unknown-project.csv", ("第2行“project”列", "XX-999")),
    Case("progress-text-in-number.csv", ("第2行“completed_investment”列", "应为数字，而不是“一点二”")),
    Case("progress-unit-in-cell.csv", ("第2行“completed_investment”列", "应为数字，而不是“1.2亿元”", "不带单位")),
    Case("progress-negative.csv", ("第2行“completed_investment”列", "负数")),
    Case("progress-over-total.csv", ("第2行“completed_investment”列", "超过项目总投资 18亿元")),
    Case("progress-unknown-status.csv", ("第2行“status”列", "在建")),
    Case("progress-short-period.csv", ("第2行“period”列", "YYYY-MM")),
    Case("progress-formula.csv", ("第2行“narrative”列", "公式")),
    Case("progress-duplicate.csv", ("第3行“period”列", "与第2行重复")),
    Case("progress-too-long.csv", ("第2行“narrative”列", "1000")),
    Case("progress-missing-column.csv", ("第2行", "列数不对")),
    Case("progress-many-mistakes.csv", ("发现3处问题", "第2行“project”列", "第3行“period”列",
                                        "第4行“completed_investment”列")),
]

READER = [  # devplan audit FILE
    Case("empty.txt", ("文件是空的",)),
    Case("binary.txt", ("第1行", "UTF-8")),
    Case("nul-bytes.txt", ("第1行", "二进制")),
    Case("gbk.txt", ("第1行", "UTF-8")),
    Case("not-a-zip.docx", ("无法作为 Word 文档打开",)),
    Case("bomb.docx", ("解压后", "拒绝读取")),
    Case("xlsx-named.docx", ("这是 Excel 工作簿",)),
    Case("scan.pdf", ("没有文字层", "OCR")),
    Case("text-named.pdf", ("无法作为 PDF 打开",)),
    Case("truncated.pdf", ("无法作为 PDF 打开",)),
    Case("old-word.doc", (".docx",)),
    Case("report.exe", ("不支持 .exe",)),
]

FAMILIES = {"excel": ("import", EXCEL), "csv": ("import-csv", CSV), "reader": ("audit", READER)}


def run_corpus(db: str, command: str, paths: dict[str, Path]) -> dict[str, dict[str, object]]:
    """Every case through `devplan.cli.main` in one process (tests/bad_inputs/driver.py)."""
    cases = [[name, [command, str(path)]] for name, path in paths.items()]
    done = subprocess.run([sys.executable, "-m", "tests.bad_inputs.driver"], input=json.dumps(cases), text=True,
                          capture_output=True, env={**os.environ, "DEVPLAN_DB": db, **HISTORY}, cwd=ROOT, timeout=900)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def failures(case: Case, path: Path, outcome: dict[str, object]) -> list[str]:
    """What is wrong with one outcome; empty when the case held."""
    message = str(outcome["stderr"])
    wrong = []
    if outcome["exit"] != 1:
        wrong.append(f"exit {outcome['exit']}")
    if outcome["traceback"] or "Traceback" in message:
        wrong.append(f"traceback: {str(outcome['traceback'])[-600:]}")
    if not outcome["unchanged"]:
        wrong.append("the database changed")
    if path.name not in message:
        wrong.append("the message does not name the file")
    wrong += [f"no “{word}” in the message" for word in case.words if word not in message]
    return wrong


@pytest.mark.parametrize("family", FAMILIES)
def test_every_bad_input_is_refused_with_a_clear_message_and_nothing_written(family, demo_db_url, tmp_path):
    command, cases = FAMILIES[family]
    if family == "excel":
        for kind, party, good in (("projects", f"--owner={OWNER}", PROJECTS), ("figures", f"--department={DEPARTMENT}", FIGURES)):
            done = run_devplan("template", f"--kind={kind}", party, f"--period={PERIOD}", f"--out={tmp_path / good}",
                               db=demo_db_url)
            assert done.returncode == 0, done.stderr
    paths = {case.file: build(tmp_path, case.file) for case in cases}
    outcomes = run_corpus(demo_db_url, command, paths)
    problems, bugs = {}, {}
    for case in cases:
        wrong = failures(case, paths[case.file], outcomes[case.file])
        if wrong and case.known_bug:
            bugs[case.file] = case.known_bug
        elif wrong:
            problems[case.file] = [*wrong, f"stderr: {outcomes[case.file]['stderr']!s:.400}"]
        elif case.known_bug:
            problems[case.file] = [f"now holds: remove known_bug “{case.known_bug}” from its row"]
    record("bad_inputs", family, tried=len(cases), held=len(cases) - len(problems) - len(bugs),
           known_bugs=sorted(bugs), failed=sorted(problems),
           slowest_seconds=max(float(str(o["seconds"])) for o in outcomes.values()))
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)

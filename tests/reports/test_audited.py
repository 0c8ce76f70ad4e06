"""`devplan report` and `devplan brief` audit the Word file they wrote: an arithmetic error in it fails the
command (exit 1, one sentence naming the document and the error) unless `--allow-findings` is given."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from devplan.demo.loader import load_demo
from devplan.lib.errors import DevplanError
from devplan.reports.content import Document, Paragraph
from devplan.reports.execution import build_report

pytestmark = pytest.mark.django_db

# The corpus's level-target sentence with its completion misstated: 315 ÷ 320 is 98.4 %, not 88.4 %.
PLANTED = ("2023年,全县年计划完成地区生产总值320亿元以上,1—9月完成231.5亿元,同比增长5.1%,"
           "全年预计完成315亿元,完成年计划的88.4%。")


@pytest.fixture
def planted(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report command builds the demo report with one more paragraph, after its first, holding an
    arithmetic error."""

    def build_with_error(region, year) -> Document:  # type: ignore[no-untyped-def]
        document = build_report(region, year)
        first = next(i for i, block in enumerate(document.blocks) if isinstance(block, Paragraph))
        document.blocks.insert(first + 1, Paragraph([PLANTED]))
        return document

    monkeypatch.setattr("devplan.reports.management.commands.report.build_report", build_with_error)


def test_an_arithmetic_error_in_the_report_fails_the_command(planted, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    load_demo()
    with pytest.raises(DevplanError) as failed:
        call_command("report", "--region", "湘乡市", "--year", "2023", "--out", str(tmp_path))
    sentence = failed.value.sentence()
    assert failed.value.exit_code == 1
    assert sentence.startswith(f"{tmp_path / 'report.docx'}: 审核发现文中数字有错误（总量目标完成率：")
    assert "所述88.4%不符" in sentence and "--allow-findings" in sentence and "\n" not in sentence
    assert "发现 1 个错误" in capsys.readouterr().out
    assert (tmp_path / "report.docx").is_file()  # written, so that it can be read and corrected


def test_allow_findings_prints_the_errors_and_succeeds(planted, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    load_demo()
    call_command("report", "--region", "湘乡市", "--year", "2023", "--out", str(tmp_path), "--allow-findings")
    out = capsys.readouterr().out
    assert "发现 1 个错误" in out
    assert "[错误] 总量目标完成率：地区生产总值完成率应为98.4%，所述88.4%不符" in out

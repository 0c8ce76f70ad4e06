"""Narrative blocks keep their history and cite recorded figures."""

from __future__ import annotations

import re

import pytest

from devplan.lib.errors import DevplanError
from devplan.reports.citations import Citations
from devplan.reports.content import Num, Paragraph, plain
from devplan.reports.models import NarrativeBlock
from devplan.reports.narrative import latest_blocks
from tests.writing import Provenance, record_block


def test_an_edit_is_a_new_revision_and_the_latest_is_read(demo) -> None:  # type: ignore[no-untyped-def]
    record_block(demo, 2023, "problems", 1, "新的问题表述。", Provenance(reason="改写"))
    assert latest_blocks(demo, 2023)["problems"][0].text == "新的问题表述。"
    assert NarrativeBlock.objects.filter(region=demo, year=2023, section="problems", order=1).count() == 2


def test_demo_loading_twice_changes_nothing(demo) -> None:  # type: ignore[no-untyped-def]
    from devplan.demo.loader import load_demo

    count = NarrativeBlock.objects.count()
    load_demo()
    assert NarrativeBlock.objects.count() == count == 17  # the seed's 16 paragraphs and the meeting line


def test_citations_become_linked_numbers_and_gaps_stay_gaps(demo) -> None:  # type: ignore[no-untyped-def]
    runs = Citations(demo, 2023).runs("粮食种植面积{grain_area.value}万亩，生猪{pigs.value}万头")
    assert isinstance(runs[1], Num) and runs[1].text == "101.1" and runs[1].ref is not None
    assert "（缺数：pigs）" in runs


def test_unknown_section_is_refused(demo) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DevplanError, match="位置"):
        record_block(demo, 2023, "nowhere", 1, "文字", Provenance())


def test_section_two_cites_funds_projects_and_attraction(generated) -> None:  # type: ignore[no-untyped-def]
    cited = {(num.ref.kind, num.ref.subject, num.ref.field): num.text for num in generated.document.numbers()
             if num.ref is not None and num.ref.kind != "figure" and num.ref.year == 2023}
    assert {("fund", "total", "month"): "11", ("fund", "total", "amount"): "49.5",
            ("fund", "loans", "amount"): "26", ("plan_total", "all", "through_month"): "10",
            ("plan_total", "all", "project_count"): "220", ("plan_total", "all", "completed_investment"): "234.5",
            ("attraction", "top500_firms", "value"): "3", ("attraction", "projects_over_100m", "value"): "18",
            ("attraction", "signed_projects", "value"): "36"}.items() <= cited.items()
    text = "".join(plain(block.runs) for block in generated.document.blocks if isinstance(block, Paragraph))
    # Reads as the seed, with the dash every table prints ("1—11月", not the seed's ASCII "1-11月").
    assert "1—11月全市累计争取各类资金49.5亿元，其中，国省湘潭市补助资金27.7亿元" in text and "1-1" not in text
    assert "计划实施市本级重点项目225个，总投资657.4亿元，年计划投资201.8亿元，其中社会投资类项目119个" in text
    html = generated.path("report.html").read_text(encoding="utf-8")
    assert 'data-record="plan_total:' in html and 'href="/projects/430381/2023/"' in html
    # Funds won link to their row on 争资争项 (the admin would send a planner to its login).
    assert re.search(r'<a class="n" href="/funds/430381/2023/#measure-\w+" data-record="fund:\d+:r1" '
                     r'title="争取资金：中长期贷款（金额）；', html)
    assert "/admin/" not in html


def test_next_year_project_plan_totals_are_cited(demo) -> None:  # type: ignore[no-untyped-def]
    runs = Citations(demo, 2023).runs("{next_projects.all.project_count}个，总投资{next_projects.all.total_investment}亿元，"
                                      "年计划投资{next_projects.all.planned_investment}亿元，社会投资类"
                                      "{next_projects.social.project_count}个；{next_projects.nowhere.project_count}")
    numbers = [run for run in runs if isinstance(run, Num)]
    assert [n.text for n in numbers] == ["225", "657.4", "201.8", "119"]
    assert all(n.ref is not None and n.ref.year == 2024 for n in numbers)
    assert runs[-1] == "（缺数：下年重点项目合计 nowhere）"


def test_unknown_citation_kinds_and_fields_are_refused(demo) -> None:  # type: ignore[no-untyped-def]
    for text in ("{funds.total.colour}", "{weather.total.amount}", "{gdp.colour}"):
        with pytest.raises(DevplanError, match="段落引用"):
            record_block(demo, 2023, "problems", 9, text, Provenance())


def test_the_problems_name_the_lagging_indicators_as_every_page_lights_them(demo) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: the seed's 存在的问题 named fiscal revenue hard to complete while every page lit it green;
    `{lights.lagging}` names what the one assessment finds behind, `{lights.on_pace}` what is on pace."""
    from devplan.indicators.status import indicator_status
    from devplan.reports.execution import build_report

    document = build_report(demo, 2023)
    text = "".join(plain(block.runs) for block in document.blocks if isinstance(block, Paragraph))
    said = re.search(r"按现发展趋势，(.+?)等主要经济指标难以完成目标任务", text)
    good = re.search(r"我市([^，。]+?)等指标进展良好", text)
    assert said and good
    lights = {row["name"]: row["light"] for row in indicator_status(demo, 2023) if row["completion_pct"] is not None}
    lagging = {name for name, light in lights.items() if light in ("yellow", "red")}
    assert set(re.split("、|与", said.group(1))) == lagging == {"地区生产总值", "固定资产投资"}
    assert set(re.split("、|与", good.group(1))) == {name for name, light in lights.items() if light == "green"}


def test_a_light_citation_of_an_unknown_field_is_refused(demo) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DevplanError, match="lagging/on_pace"):
        record_block(demo, 2023, "problems", 3, "{lights.red}", Provenance())

"""滞后 means one set of projects everywhere (`projects.rules.is_lagging`: a yellow or red light, or due to start
and not started): the dashboard's panel, the projects page's 滞后 filter, the brief and `devplan projects
--lagging` count the same projects on the demo for November 2023; and the brief gives a red light's reason
where the progress gap is not it, with the whole rule (gaps and overdue milestones) in its footnote."""

from __future__ import annotations

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from devplan.projects.rules import LAGGING_WORDS, project_rules
from devplan.reports.brief import MAX_PROJECTS, build_brief
from devplan.reports.content import Table
from devplan.web.dashboard import dashboard_context

pytestmark = pytest.mark.django_db

YEAR, MONTH = 2023, 11


def _brief_count(table: Table) -> int:
    """The projects the brief's table lists and the ones its note counts ("另有N个项目滞后")."""
    more = re.search(r"另有(\d+)个项目滞后", table.note)
    return len(table.rows) + (int(more.group(1)) if more else 0)


def test_dashboard_projects_page_brief_and_command_count_the_same_lagging_projects(personas):
    region = personas.region
    client = personas.client("planner")
    panel = dashboard_context(personas.planner, region, YEAR, MONTH)["lagging"]
    assert panel is not None and len(panel) > MAX_PROJECTS

    page = client.get(f"/projects/{region.code}/{YEAR}/", {"month": MONTH, "light": "lagging"}).content.decode()
    shown = int(re.search(r"显示 (\d+) / \d+ 个项目", page).group(1))  # type: ignore[union-attr]
    assert f"滞后（{LAGGING_WORDS}）" in page

    brief = build_brief(region, YEAR, MONTH)
    table = next(block for block in brief.blocks if isinstance(block, Table) and block.title == "滞后项目")

    out = StringIO()
    call_command("projects", "--region", region.code, "--month", f"{YEAR}-{MONTH:02d}", "--lagging", "--json",
                 stdout=out)
    command = json.loads(out.getvalue())["projects"]

    assert shown == len(panel) == _brief_count(table) == len(command)
    # The page's red-only filter says what it selects (红灯), and is a part of the lagging ones.
    red = client.get(f"/projects/{region.code}/{YEAR}/", {"month": MONTH, "light": "red"}).content.decode()
    assert int(re.search(r"显示 (\d+) / \d+ 个项目", red).group(1)) < shown  # type: ignore[union-attr]
    assert '<option value="red" selected>红灯</option>' in red


def test_the_dashboard_legend_calls_yellow_and_red_lagging(personas):
    page = personas.client("planner").get(f"/dashboard/{personas.region.code}/{YEAR}/{MONTH}/").content.decode()
    assert "黄灯：滞后" in page and "红灯：滞后" in page and f"滞后即{LAGGING_WORDS}" in page
    assert f"?month={MONTH}&amp;light=lagging" in page


def test_the_brief_gives_a_milestone_red_light_its_reason_and_the_whole_rule(personas):
    """楚湘现代农业产业园项目（一期） is within the money's green gap but red for its overdue 用地 milestone: the
    brief says so beside the light, and its footnote states both halves of the rule."""
    brief = build_brief(personas.region, YEAR, MONTH)
    table = next(block for block in brief.blocks if isinstance(block, Table) and block.title == "滞后项目")
    assert table.columns[-1].header == "原因"
    reasons = {str(row.cells[0]): row.cells[-1] for row in table.rows}
    by_milestone = {name: reason for name, reason in reasons.items() if str(reason).startswith("节点逾期：")}
    assert by_milestone, reasons
    assert all(reason == "进度落后" or str(reason).startswith(("节点逾期：", "应开工未开工")) for reason in reasons.values())
    lights = next(block for block in brief.blocks if isinstance(block, Table) and block.title == "主要指标运行情况")
    assert project_rules().sentence() in lights.note
    assert "逾期" in lights.note and "个百分点为绿灯" in lights.note

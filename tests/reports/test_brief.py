"""The monthly briefing names the lagging indicators and projects and fits on two pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from django.db import transaction

from devplan.reports.content import Document, Num, Table

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def brief(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[tuple[Document, Path]]:  # type: ignore[no-untyped-def]
    from devplan.demo.loader import load_demo
    from devplan.reports.brief import build_brief
    from devplan.reports.service import write_documents

    folder = tmp_path_factory.mktemp("brief")
    with django_db_blocker.unblock(), transaction.atomic():
        document = build_brief(load_demo(), 2023, 12)
        write_documents(document, folder, html=False, xlsx=False)
        transaction.set_rollback(True)
    yield document, folder


def test_the_worst_lagging_projects_are_listed_with_their_completion(brief) -> None:  # type: ignore[no-untyped-def]
    """The worst first, as on the dashboard (red before yellow, then the lowest completion), each against the
    time progress of its own data month (1—10月: 83.3%); never a project the narrative says is going well
    (健康产业园一期 "加速推进", 四中提质改造 "有序推进")."""
    document, _ = brief
    table = next(block for block in document.blocks if isinstance(block, Table) and block.title == "滞后项目")
    rows = [row.cells for row in table.rows]
    lights = [cells[4] for cells in rows]
    assert lights == sorted(lights, key=["红灯", "黄灯"].index) and lights[0] == "红灯"
    worst = rows[0][2]
    assert isinstance(worst, Num) and worst.ref is not None and worst.ref.kind == "progress"
    assert Decimal(worst.text) < Decimal("53.3") and rows[0][3].text == "83.3"  # type: ignore[union-attr]
    names = "".join(str(cells[0]) for cells in rows)
    assert "健康产业园" not in names and "第四中学" not in names and "尚未开工" not in [c[2] for c in rows]
    assert "标“*”的项目含示意数据" in table.note
    # Trial 18: one decimal throughout the column (52.2, 53, 62.7, 76 before).
    percentages = [cell for cells in rows for cell in cells[2:4] if isinstance(cell, Num)]
    assert percentages and all(re.fullmatch(r"\d+\.\d", cell.text) for cell in percentages), percentages


def test_brief_is_two_pages(brief) -> None:  # type: ignore[no-untyped-def]
    _, folder = brief
    with pdfplumber.open(folder / "brief.pdf") as pdf:
        assert len(pdf.pages) <= 2


def _section(document: Document, heading: str) -> str:
    """The plain text of the blocks under a heading, up to the next heading."""
    from devplan.reports.content import DashList, Heading, plain

    texts, inside = [], False
    for block in document.blocks:
        if isinstance(block, Heading):
            inside = plain(block.runs) == heading
        elif inside and isinstance(block, DashList):
            texts += [plain(item) for item in block.items]
    return "\n".join(texts)


def test_the_previous_brief_is_last_month_as_known_before_this_months_data(demo) -> None:  # type: ignore[no-untyped-def]
    """The demo's figures are known on 2023-12-15 and November's arrive on 12-20: the October brief was the one
    written before November's data, so only fiscal revenue's new figure is a change — GDP and income (1—9月)
    are not."""
    from datetime import UTC, datetime

    from devplan.indicators.models import Indicator
    from devplan.reports.brief import build_brief, previous_brief_time
    from tests.writing import Provenance, record_figure

    known = datetime(2023, 12, 20, 2, tzinfo=UTC)
    record_figure(demo, Indicator.objects.get(code="fiscal_revenue"), 2023, 11, Provenance(known_at=known),
                  value="12.61", growth_pct="9.0")
    assert previous_brief_time(demo, 2023, 11, datetime(2024, 1, 1, tzinfo=UTC)) < known
    changes = _section(build_brief(demo, 2023, 11), "二、与上期简报相比的变化")
    assert "地方一般公共预算收入：新增1—11月数据（12.61亿元，增长9.0%）" in changes
    assert "地区生产总值" not in changes and "城乡居民人均可支配收入" not in changes


def test_a_brief_without_any_data_does_not_say_all_are_on_pace(demo) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from devplan.reports.brief import build_brief

    lagging = _section(build_brief(demo, 2023, 10, datetime(2023, 11, 30, tzinfo=UTC)), "三、滞后指标和项目")
    assert "均达到应达进度" not in lagging and "尚无主要指标数据" in lagging


def test_the_brief_has_a_masthead_and_its_distribution_and_says_each_change_once(brief) -> None:  # type: ignore[no-untyped-def]
    """Issue 18: a 报头 (name, issue counted per year, compiling office, date) and a 报送/抄送 line; section 二
    says what changed without restating section 三's judgements word for word."""
    from devplan.reports.content import Distribution, Masthead

    document, folder = brief
    masthead = document.blocks[0]
    assert isinstance(masthead, Masthead) and masthead.name == "湘乡市经济运行简报"
    assert masthead.issue == "2023年第12期" and masthead.office == "湘乡市发展和改革局编"
    distribution = document.blocks[-1]
    assert isinstance(distribution, Distribution)
    assert distribution.lines[0].startswith("报送：湘乡市委、市人大") and distribution.lines[1].startswith("抄送：")
    changes = _section(document, "二、与上期简报相比的变化").split("。")
    lagging = _section(document, "三、滞后指标和项目").split("。")
    assert not {sentence for sentence in changes if sentence} & {sentence for sentence in lagging if sentence}
    with pdfplumber.open(folder / "brief.pdf") as pdf:
        first = pdf.pages[0].extract_text()
    assert "湘乡市经济运行简报" in first and "2023年第12期" in first and "湘乡市发展和改革局编" in first


def test_consecutive_briefs_never_contradict_each_other(demo) -> None:  # type: ignore[no-untyped-def]
    """Issue 18: the demo loads every month in one change set. The November brief already shows the five
    indicators, so the December brief (nothing of December known) has nothing new — not five "新增" figures
    and lights turned from none to yellow — and the October brief's news are only the 1—10月 figures, GDP
    and income (1—9月) having been in September's."""
    from devplan.reports.brief import build_brief

    assert "没有新的或修订的数据" in _section(build_brief(demo, 2023, 12), "二、与上期简报相比的变化")
    assert "没有新的或修订的数据" in _section(build_brief(demo, 2023, 11), "二、与上期简报相比的变化")
    october = _section(build_brief(demo, 2023, 10), "二、与上期简报相比的变化")
    assert "固定资产投资：新增1—10月数据" in october
    assert "地区生产总值" not in october and "城乡居民人均可支配收入" not in october


def test_the_brief_says_which_month_its_figures_are_and_states_each_figure_once(brief) -> None:  # type: ignore[no-untyped-def]
    """Issue 18: the December brief holds 1—10月 figures: its title says 1—10月 and a sentence says December's
    have not arrived; section 三 judges without restating the table's figures; no reference to a table that is
    not attached; no section 四 repeating "缺上年同期数据" when no growth can be worked out."""
    from devplan.reports.content import Heading, Title, plain

    document, _ = brief
    title = next(block for block in document.blocks if isinstance(block, Title))
    assert title.text == "2023年1—10月湘乡市经济运行情况"
    assert "12月数据尚未报送，本期各指标为截至1—10月的最新数据。" in _section(document, "一、主要指标运行情况")
    lagging = _section(document, "三、滞后指标和项目")
    assert "地区生产总值：按1—9月数据，完成年计划的97.2%" in lagging and "428.3" not in lagging
    table = next(block for block in document.blocks if isinstance(block, Table) and block.title == "滞后项目")
    assert "调度表" not in table.note and "另有" in table.note
    headings = [plain(block.runs) for block in document.blocks if isinstance(block, Heading)]
    assert not any(heading.startswith("四、") for heading in headings)


def test_the_masthead_is_dated_the_as_of_day(demo) -> None:  # type: ignore[no-untyped-def]
    from devplan.lib.periods import parse_as_of
    from devplan.reports.brief import build_brief
    from devplan.reports.content import Masthead

    masthead = build_brief(demo, 2023, 11, parse_as_of("2023-12-16")).blocks[0]
    assert isinstance(masthead, Masthead) and masthead.date == "2023年12月16日"


@pytest.mark.parametrize(("year", "month", "as_of", "says"), [
    (2023, 11, "2023-10-01", "只能按该月结束以后已知的数据编写：--as-of 应不早于2023-11-30"),
    (2023, 11, "2099-01-01", "--as-of：2099-01-01还没有到"),
    (2099, 1, None, "--month：2099年1月还没有到"),
    (2022, 11, None, "湘乡市2022年没有主要指标数据，无法生成简报"),
    (99999, 1, None, "年份应在 2000 到 2100 之间，而不是 99999"),
])
def test_a_brief_that_cannot_be_written_is_refused_in_one_sentence(demo, year, month, as_of, says) -> None:  # type: ignore[no-untyped-def]
    from devplan.lib.errors import DevplanError
    from devplan.lib.periods import parse_as_of
    from devplan.reports.brief import build_brief

    with pytest.raises(DevplanError, match=says):
        build_brief(demo, year, month, parse_as_of(as_of) if as_of else None)


def test_the_brief_is_copied_to_the_governments_one_level_down() -> None:
    """A county copies its townships, a prefecture its counties (not "各乡镇（街道）"), a province its prefectures."""
    from devplan.regions.models import Region
    from devplan.reports.offices import brief_distribution

    def copied(name: str, level: str) -> str:
        return brief_distribution(Region(name=name, level=level))[1]

    assert copied("湘乡市", Region.Level.COUNTY) == "抄送：各乡镇（街道），市直各有关单位。"
    assert copied("湘潭市", Region.Level.PREFECTURE) == "抄送：各县（市、区），市直各有关单位。"
    assert copied("湖南省", Region.Level.PROVINCE) == "抄送：各市州，省直各有关单位。"


def test_the_changes_say_a_new_or_dropped_estimate_and_a_changed_basis(demo) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 trial: November's fiscal revenue without a full-year estimate turns the completion from
    全年预计÷年目标 to 累计÷年目标; section 二 said only the new figure. A changed estimate is said too."""
    from datetime import UTC, datetime

    from devplan.indicators.models import Indicator
    from devplan.reports.brief import build_brief
    from tests.writing import Provenance, record_figure

    fiscal, gdp = Indicator.objects.get(code="fiscal_revenue"), Indicator.objects.get(code="gdp")
    known = datetime(2023, 12, 20, 2, tzinfo=UTC)
    record_figure(demo, fiscal, 2023, 11, Provenance(known_at=known), value="12.61", growth_pct="9.0")
    record_figure(demo, gdp, 2023, 9, Provenance(known_at=datetime(2023, 12, 21, tzinfo=UTC)), value="428.3",
                  growth_pct="2.2", estimate_value="605.0", stated_completion_pct="98", note="预计数调整")
    changes = _section(build_brief(demo, 2023, 11), "二、与上期简报相比的变化")
    fiscal_line = next(line for line in changes.splitlines() if line.startswith("地方一般公共预算收入"))
    assert "新增1—11月数据（12.61亿元，增长9.0%）" in fiscal_line
    assert "本期未报全年预计" in fiscal_line and "完成率依据由全年预计÷年目标改为累计÷年目标" in fiscal_line
    gdp_line = next(line for line in changes.splitlines() if line.startswith("地区生产总值"))
    assert "全年预计改为605.0亿元" in gdp_line and "完成率依据" not in gdp_line


def test_the_december_brief_reports_a_november_correction_as_a_revision_and_nothing_else_again(demo) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 trial: annual indicators' December figures dated 2023-12-15 made "the previous brief" November
    as known before any November data, so the December brief announced November's figures again and a
    correction of November (188.2→190.5) as new data. The previous brief is now November as known when its last
    main figure first arrived."""
    from datetime import UTC, datetime

    from devplan.indicators.models import Indicator
    from devplan.reports.brief import build_brief
    from tests.writing import Provenance, record_figure

    fiscal, fai, retail = (Indicator.objects.get(code=code) for code in ("fiscal_revenue", "fai", "retail_sales"))
    record_figure(demo, fiscal, 2023, 11, Provenance(known_at=datetime(2023, 12, 20, tzinfo=UTC)), value="12.70",
                  growth_pct="6.5")
    record_figure(demo, fai, 2023, 11, Provenance(known_at=datetime(2023, 12, 20, 1, tzinfo=UTC)), value="188.2",
                  growth_pct="7.8")
    record_figure(demo, retail, 2023, 12, Provenance(known_at=datetime(2024, 1, 10, tzinfo=UTC)), value="188.2",
                  growth_pct="9.1")
    record_figure(demo, fai, 2023, 11, Provenance(known_at=datetime(2024, 1, 11, tzinfo=UTC)), value="190.5",
                  growth_pct="8.1", note="统计局更正")
    changes = _section(build_brief(demo, 2023, 12, datetime(2024, 1, 12, tzinfo=UTC)), "二、与上期简报相比的变化")
    assert "地方一般公共预算收入" not in changes
    assert "固定资产投资：1—11月数据修订（188.2→190.5亿元，增长7.8%→8.1%）" in changes
    assert "社会消费品零售总额：新增1—12月数据（188.2亿元，增长9.1%）" in changes


def test_a_revision_that_changes_only_its_note_is_not_news(demo) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 re-trial (t16b): a planner resent November's fiscal revenue with a note only (12.70, 6.50 again);
    the December brief said "1—11月数据修订（12.70亿元，增长6.50%）" — a revision in which nothing changed."""
    from datetime import UTC, datetime

    from devplan.indicators.models import Indicator
    from devplan.reports.brief import build_brief
    from tests.writing import Provenance, record_figure

    fiscal, fai = (Indicator.objects.get(code=code) for code in ("fiscal_revenue", "fai"))
    record_figure(demo, fiscal, 2023, 11, Provenance(known_at=datetime(2023, 12, 20, tzinfo=UTC)), value="12.70",
                  growth_pct="6.50")
    record_figure(demo, fai, 2023, 11, Provenance(known_at=datetime(2023, 12, 20, 1, tzinfo=UTC)), value="188.2",
                  growth_pct="7.8")
    record_figure(demo, fiscal, 2023, 11, Provenance(known_at=datetime(2024, 1, 5, tzinfo=UTC)), value="12.70",
                  growth_pct="6.50", note="重报，数字未变")
    record_figure(demo, fai, 2023, 12, Provenance(known_at=datetime(2024, 1, 10, tzinfo=UTC)), value="205.1",
                  growth_pct="7.9")
    changes = _section(build_brief(demo, 2023, 12, datetime(2024, 1, 12, tzinfo=UTC)), "二、与上期简报相比的变化")
    assert "地方一般公共预算收入" not in changes
    assert "固定资产投资：新增1—12月数据（205.1亿元，增长7.9%）" in changes


def test_december_is_not_said_to_lack_the_estimate_it_may_not_have(demo) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 re-trial (t16b): the December brief said "本期未报全年预计" of 1—12月 figures, whose full-year
    estimate the rule `estimate_not_whole_year` refuses; the change of basis is still said."""
    from datetime import UTC, datetime

    from devplan.indicators.models import Indicator
    from devplan.reports.brief import build_brief
    from tests.writing import Provenance, record_figure

    fiscal, fai = (Indicator.objects.get(code=code) for code in ("fiscal_revenue", "fai"))
    record_figure(demo, fai, 2023, 11, Provenance(known_at=datetime(2023, 12, 20, tzinfo=UTC)), value="188.2",
                  growth_pct="7.8", estimate_growth_pct="8.0")
    record_figure(demo, fiscal, 2023, 11, Provenance(known_at=datetime(2023, 12, 20, 1, tzinfo=UTC)),
                  value="12.70", growth_pct="6.50", estimate_value="16.34")
    record_figure(demo, fai, 2023, 12, Provenance(known_at=datetime(2024, 1, 10, tzinfo=UTC)), value="205.1",
                  growth_pct="7.9")
    changes = _section(build_brief(demo, 2023, 12, datetime(2024, 1, 12, tzinfo=UTC)), "二、与上期简报相比的变化")
    fai_line = next(line for line in changes.splitlines() if line.startswith("固定资产投资"))
    assert "新增1—12月数据（205.1亿元，增长7.9%）" in fai_line and "未报全年预计" not in fai_line
    assert "完成率依据由全年预计增速指数比改为增速指数比" in fai_line


def test_the_changes_name_the_projects_that_turned_lagging_or_caught_up(demo) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 trial: a key project turning red was news nowhere in section 二. The worst project of 1—10月
    reports November at its full year's plan: the November brief says it no longer lags, by the rule of
    section 三's table; the October brief (September to October) names projects both ways."""
    from datetime import UTC, datetime

    from devplan.projects.summary import lagging_views
    from devplan.reports.brief import build_brief
    from tests.writing import Provenance, record_progress

    worst = lagging_views(demo, 2023, 10)[0]  # type: ignore[index]
    record_progress(worst.project, 2023, 11, worst.plan.planned_investment, Provenance(
        known_at=datetime(2023, 12, 21, tzinfo=UTC), reason="11月进度"), narrative="按计划推进")
    changes = _section(build_brief(demo, 2023, 11, datetime(2023, 12, 22, tzinfo=UTC)), "二、与上期简报相比的变化")
    assert f"不再滞后的重点项目1个：{worst.project.name}。" in changes
    assert "新转为滞后" not in changes
    october = _section(build_brief(demo, 2023, 10), "二、与上期简报相比的变化")
    assert "新转为滞后的重点项目" in october and "不再滞后的重点项目" in october

"""The execution report and plan draft ("关于XX市Y年国民经济和社会发展计划执行情况与Y+1年计划(草案)的
报告") as a content tree, built from the database in the seed's order:

opening → 一、执行情况 (intro, main-indicator list, lagging indicators and their reasons, completion and
monthly-trend charts, sector sections (一)…(四), project investment chart) → 二、存在的问题 → 三、主要任务
(intro, Y+1 target list, tasks (一)…(四)) → 附件 list → the attachments, each on its own page.
"""

from __future__ import annotations

from datetime import datetime

from devplan.regions.models import Region
from devplan.reports import attachments, charts
from devplan.reports.citations import Citations
from devplan.reports.content import (
    AttachmentList,
    Block,
    Byline,
    Chart,
    DashList,
    Document,
    Heading,
    Paragraph,
    Table,
    Title,
)
from devplan.reports.models import NarrativeBlock
from devplan.reports.narrative import latest_blocks
from devplan.reports.offices import reporting_office
from devplan.reports.projects import monthly_totals
from devplan.reports.scope import check_report
from devplan.reports.sentences import chinese_number, lagging_lead, main_indicator_runs, next_year_targets
from devplan.reports.states import indicator_states, monthly_figures


def report_title(region: Region, year: int) -> str:
    return f"关于{region.name}{year}年国民经济和社会发展计划执行情况与{year + 1}年计划（草案）的报告"


class ReportBuilder:
    """Reads the region's figures, targets and narrative once and lays out the report."""

    def __init__(self, region: Region, year: int, as_of: datetime | None = None) -> None:
        self.region = region
        self.year = year
        self.as_of = as_of
        self.states = indicator_states(region, year, as_of)
        self.narrative = latest_blocks(region, year, as_of)
        self.citations = Citations(region, year, as_of, self.states)

    def build(self) -> Document:
        tables = attachments.build(self.region, self.year, self.states)
        blocks: list[Block] = [
            Title(report_title(self.region, self.year)),
            self._byline(),
            *self._opening(),
            *self._execution(tables),
            Heading(1, ["二、存在的问题"]),
            *(self._paragraphs("problems") or _unwritten()),
            *self._tasks(),
            AttachmentList([table.title for table in tables]),
            *attachments.pages(tables),
        ]
        _number_charts(blocks)
        return Document("report", report_title(self.region, self.year), f"{self.region.name}{self.year}年", blocks)

    def _byline(self) -> Byline:
        """"——2024年1月在湘乡市第九届人民代表大会第三次会议上" (the narrative's `meeting` block: its title the
        meeting, its text the date) and the reporting office (`DEVPLAN_REPORT_OFFICE`)."""
        lines = [f"——{block.text}在{block.title}上" for block in self.narrative.get("meeting", [])[:1]]
        lines.append(reporting_office(self.region))
        return Byline(lines)

    def _paragraphs(self, section: str) -> list[Block]:
        return [Paragraph(self.citations.runs(block.text)) for block in self.narrative.get(section, [])]

    def _opening(self) -> list[Block]:
        blocks = self._paragraphs("opening")
        if blocks and isinstance(blocks[0], Paragraph):
            blocks[0].indent = False  # the salutation "各位代表：" starts at the margin
        return blocks

    def _numbered(self, section: str) -> list[Block]:
        return [self._numbered_block(i, block) for i, block in enumerate(self.narrative.get(section, []), 1)]

    def _numbered_block(self, number: int, block: NarrativeBlock) -> Paragraph:
        return Paragraph(self.citations.runs(block.text), lead=f"（{chinese_number(number)}）{block.title}")

    def _execution(self, tables: list[Table]) -> list[Block]:
        blocks: list[Block] = [Heading(1, [f"一、{self.year}年计划执行情况"]), *self._paragraphs("execution_intro")]
        items = [runs for runs in (main_indicator_runs(state) for state in self.states) if runs]
        if items:
            blocks.append(DashList(items))
        blocks += self._lagging()
        series = monthly_figures(self.region, self.year, [state.indicator for state in self.states], self.as_of)
        blocks += _present(charts.trend_chart(series, self.year))
        blocks += self._paragraphs("achievements_intro")
        blocks += self._numbered("sectors")
        progress = tables[1:1 + len(attachments.PROJECT_CATEGORIES)]
        totals = monthly_totals(self.region, self.year, self.as_of)
        trend = charts.progress_chart(totals, self.year)
        # A registry that does not add up to the plan's stated totals: the tables say so instead of a 合计,
        # and the charts that read them say so too rather than drawing (or dropping) without a word.
        incomplete = any(table.rows and table.rows[-1].kind == "note" for table in progress)
        if trend is not None and incomplete:
            trend.caption += "（按已登记项目计算，登记尚不完整）"
        blocks += _present(trend, charts.investment_chart(progress, attachments.PROJECT_CATEGORIES, self.year))
        if incomplete:
            blocks.append(Paragraph(["（重点项目登记与计划所述不符，各类项目投资完成情况图不列，见附件中的说明。）"]))
        return blocks

    def _lagging(self) -> list[Block]:
        lead = lagging_lead(self.states)
        if lead is None:
            return []
        reasons = self.narrative.get("lagging_reasons", [])
        if not reasons:
            return [Paragraph([lead.removesuffix("主要原因有：") + "原因待补充。"])]
        first, *rest = reasons
        return [Paragraph([lead, *self.citations.runs(first.text)]),
                *(Paragraph(self.citations.runs(block.text)) for block in rest)]

    def _tasks(self) -> list[Block]:
        blocks: list[Block] = [
            Heading(1, [f"三、{self.year + 1}年国民经济和社会发展计划主要任务"]),
            *self._paragraphs("tasks_intro"),
        ]
        targets = next_year_targets(self.states)
        if targets:
            blocks.append(DashList(targets))
        blocks += self._numbered("tasks")
        return blocks if len(blocks) > 1 else [*blocks, *_unwritten()]


def _unwritten() -> list[Block]:
    """In place of a section nobody has written yet, a line saying so, not a bare heading."""
    return [Paragraph(["（本部分尚未撰写。）"])]


def _present(*charts_or_none: Chart | None) -> list[Block]:
    return [chart for chart in charts_or_none if chart is not None]


def _number_charts(blocks: list[Block]) -> None:
    """"图1 …", "图2 …" in the order the charts appear (a chart without data is left out, not numbered)."""
    for number, chart in enumerate((block for block in blocks if isinstance(block, Chart)), 1):
        chart.caption = f"图{number} {chart.caption}"


def build_report(region: Region, year: int, as_of: datetime | None = None) -> Document:
    """The report on `year` as known at `as_of`; refused (`scope.check_report`) for a year outside the accepted
    years or without any plan or figure of the region."""
    check_report(region, year)
    return ReportBuilder(region, year, as_of).build()

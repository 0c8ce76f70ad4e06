"""The content model of a generated document: a plain tree of blocks that the renderers turn into Word,
HTML (and through it PDF) and Excel.

A builder (`execution.py`, `brief.py`) reads the database once and produces a `Document`; every number in
it is a `Num` that carries its printed text, its exact value and the `Ref` of the record it came from.
The renderers never compute or format numbers themselves, so a number reads the same in every output.

Blocks:

- `Title` — the document title (2号 小标宋, centred).
- `Byline` — the lines under it: the meeting and date, the reporting office (楷体, centred).
- `Heading` — level 1 "一、…" (黑体) or level 2 "（一）…" (楷体).
- `Paragraph` — body text as runs; `lead` is an inline run-in heading ("（一）…。" in 楷体) and `indent`
  says whether the first line is indented two characters.
- `DashList` — items written "——…；" as in the seed's indicator and target lists.
- `Table` — columns with units; rows of cells; a `total` row's numbers are sums the Excel output writes as
  formulas.
- `Chart` — a PNG (made when first asked for) with its caption and the data drawn (so tests and readers
  can check it).
- `PageBreak`, `AttachmentList` ("附件：1. …") and `Attachment` (a new page: "附件N", title, table).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import cached_property
from typing import Literal

from django.utils import timezone

from devplan.lib.periods import through_months

KIND_NAMES = {"figure": "指标", "target": "指标", "plan_total": "重点项目合计", "fund": "争取资金",
              "attraction": "招商引资", "attraction_target": "招商引资目标", "project": "项目", "plan": "项目",
              "progress": "项目"}
# Funds won and investment attraction: their pages (争资争项, 招商引资), at the measure's row.
MEASURE_PAGES = {"fund": "funds", "attraction": "attraction", "attraction_target": "attraction"}


@dataclass(frozen=True)
class Ref:
    """The stored record a number came from: a revision of an indicator's figure or target (`subject` is
    the indicator code), or a project's plan or progress (`subject` is the project's ref). `field` is the
    model field, or the derived quantity such as completion. `name` (the indicator's or project's name, in
    Chinese), `who` and `when` (who recorded the revision and when; `submitter` who submitted the values
    `who` approved) and `note` (such as the basis of a completion) are for the reader's tooltip."""

    kind: str
    pk: int | str
    revision: int
    subject: str
    region: str
    year: int
    month: int | None
    field: str
    name: str = ""
    who: str = ""
    when: datetime | None = None
    note: str = ""
    submitter: str = ""

    @property
    def record(self) -> str:
        return f"{self.kind}:{self.pk}:r{self.revision}"

    @property
    def href(self) -> str | None:
        """The page of the record in the web app, from the site's root: the indicator's revision history,
        the project's page (its progress history), the region's projects (for the plan's totals), the row of
        a fund source or an attraction measure on its page (争资争项, 招商引资)."""
        if self.kind == "figure":
            return f"/indicator/{self.region}/{self.subject}/{self.year}/#figure-{self.month}-r{self.revision}"
        if self.kind == "target":
            return f"/indicator/{self.region}/{self.subject}/{self.year}/#target-{self.pk}"
        if self.kind == "plan_total":
            return f"/projects/{self.region}/{self.year}/"
        if self.kind in MEASURE_PAGES:
            return f"/{MEASURE_PAGES[self.kind]}/{self.region}/{self.year}/#measure-{self.subject}"
        page = f"/project/{self.subject}/{self.year}/"
        if self.kind == "plan":
            return page + "#plan"
        return page + (f"#progress-{self.pk}" if self.kind == "progress" else "")

    @property
    def period(self) -> str:
        if self.month is None or self.month == 12:
            return f"{self.year}年"
        return f"{self.year}年{through_months(self.month)}"

    @property
    def label(self) -> str:
        """The tooltip: 指标（or 项目…）、期间、修订号、录入人 (or 填报人 and 审核人)、时间 and the note, each only
        where known."""
        parts = [f"{KIND_NAMES.get(self.kind, '记录')}：{self.name or self.subject}", f"期间：{self.period}",
                 f"修订号：{self.revision}"]
        if self.submitter:
            parts += [f"填报人：{self.submitter}", f"审核人：{self.who}"]
        elif self.who:
            parts.append(f"录入人：{_recorder(self.who)}")
        if self.when is not None:
            parts.append(f"时间：{timezone.localtime(self.when):%Y-%m-%d %H:%M}")
        if self.note:
            parts.append(self.note)
        return "；".join(part for part in parts if part and not part.endswith("："))


def _recorder(who: str) -> str:
    """A person's name as recorded; a record a command loaded says so in words, not the command line
    ("devplan init --demo" entered no figure: 示例数据)."""
    if who.startswith("devplan "):
        return "示例数据" if who.endswith("--demo") else "命令行导入"
    return who


@dataclass(frozen=True)
class Num:
    """A number as printed (`text`), its exact `value`, decimal `places` for spreadsheets and its record."""

    text: str
    value: Decimal
    places: int
    ref: Ref | None = None
    tooltip: str = ""  # what a number without a record is (a 合计: what it sums), for the HTML's tooltip


Run = str | Num


def plain(runs: list[Run]) -> str:
    """The runs as plain text."""
    return "".join(run if isinstance(run, str) else run.text for run in runs)


@dataclass
class Title:
    text: str


@dataclass
class Byline:
    """Lines centred under the title in 楷体: the meeting the report is made to (with its date) and the
    reporting office, as GB/T 9704 sets a speech or report's 题注."""

    lines: list[str]


@dataclass
class Masthead:
    """A brief's 版头 (GB/T 9704 §7.2, as offices set their 简报): its name in red, the issue number (counted
    per year), the office that compiles it on the left and the date on the right, above a red rule."""

    name: str
    issue: str
    office: str
    date: str


@dataclass
class Distribution:
    """A brief's 版记 at its end, between rules: to whom it is sent (报送) and copied (抄送)."""

    lines: list[str]


@dataclass
class Heading:
    level: Literal[1, 2]
    runs: list[Run]


@dataclass
class Paragraph:
    runs: list[Run]
    lead: str = ""
    indent: bool = True


@dataclass
class DashList:
    items: list[list[Run]]


@dataclass(frozen=True)
class Column:
    header: str
    unit: str = ""
    width: int = 10
    numeric: bool = False

    @property
    def caption(self) -> str:
        return f"{self.header}（{self.unit}）" if self.unit else self.header


Cell = list[Run] | Num | str | None


@dataclass
class Row:
    cells: list[Cell]
    kind: Literal["data", "total", "note"] = "data"


@dataclass
class Table:
    """`illustrative` when any number in it is marked illustrative (the note then says so); `unit`, when
    set, is printed above the table ("单位：亿元") and left out of the headers of the columns in it. A table
    without rows is printed as its `note` alone (why it is empty), without a header."""

    title: str
    columns: list[Column]
    rows: list[Row]
    note: str = ""
    illustrative: bool = False
    unit: str = ""

    def caption(self, column: Column) -> str:
        return column.header if self.unit and column.unit == self.unit else column.caption


@dataclass
class Chart:
    """A chart image and what it draws: `labels` along the axis, one list of values per series. The PNG is
    made (`draw`) when first asked for, not when the document is built: a long PDF's later half, laid out in
    a second process (`pdf_pieces`), never needs it, so the image is made while that half is laid out."""

    draw: Callable[[], bytes]
    caption: str
    labels: list[str] = field(default_factory=list)
    data: dict[str, list[Decimal | None]] = field(default_factory=dict)

    @cached_property
    def png(self) -> bytes:
        return self.draw()


@dataclass
class PageBreak:
    pass


@dataclass
class AttachmentList:
    titles: list[str]


@dataclass
class Attachment:
    """An attachment page; `landscape` for a table too wide for a portrait page."""

    number: int
    table: Table
    landscape: bool = False


Block = (Title | Byline | Masthead | Heading | Paragraph | DashList | Table | Chart | PageBreak | AttachmentList
         | Attachment | Distribution)


@dataclass
class Document:
    """A whole document; `name` is the file stem (report, brief) and `subject` the region and period."""

    name: str
    title: str
    subject: str
    blocks: list[Block]

    @property
    def author(self) -> str:
        """The office the document comes from, as it stands under the title (the byline's last line) or in
        the brief's 版头 ("湘乡市发展和改革局编"): the author in the Word and PDF files' properties."""
        for block in self.blocks:
            if isinstance(block, Masthead):
                return block.office.removesuffix("编")
            if isinstance(block, Byline) and block.lines:
                return block.lines[-1]
        return ""

    @property
    def attachments(self) -> list[Attachment]:
        return [block for block in self.blocks if isinstance(block, Attachment)]

    def numbers(self) -> list[Num]:
        """Every number in the document, in order (paragraphs, lists and tables)."""
        found: list[Num] = []
        for block in self.blocks:
            found.extend(_numbers_of(block))
        return found


def _numbers_of(block: Block) -> list[Num]:
    if isinstance(block, Heading | Paragraph):
        return [run for run in block.runs if isinstance(run, Num)]
    if isinstance(block, DashList):
        return [run for item in block.items for run in item if isinstance(run, Num)]
    table = block.table if isinstance(block, Attachment) else block
    if isinstance(table, Table):
        return [num for row in table.rows for cell in row.cells for num in _cell_numbers(cell)]
    return []


def _cell_numbers(cell: Cell) -> list[Num]:
    if isinstance(cell, Num):
        return [cell]
    if isinstance(cell, list):
        return [run for run in cell if isinstance(run, Num)]
    return []

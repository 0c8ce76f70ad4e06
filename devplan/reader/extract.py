"""Paragraphs to facts: each number with its measure, subject, indicator, period and place in 其中 lists.

The extractor keeps only what a report carries from paragraph to paragraph (the years it reports on,
whether the current section is the plan part), so it reads a document one paragraph at a time.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from devplan.reader.facts import Fact
from devplan.reader.hits import Hit, find_hits
from devplan.reader.lexicon import Lexicon, default_lexicon
from devplan.reader.lists import FLOW, OPENS_WITH_STATE, STATES, ListTracker
from devplan.reader.measures import (
    ESTIMATE_RE,
    PLAN_VERBS,
    Reading,
    measure_of,
    qualifier_before,
    read_context,
)
from devplan.reader.numbers import normalize
from devplan.reader.periods import (
    OWN_MONTHS,
    PERIOD_WORDS_RE,
    PREVIOUS,
    REFERENCE_YEAR_RE,
    Period,
    PeriodMention,
    clause_month,
    find_document_year,
    find_period,
    find_year,
    reference_year,
    review_years,
)
from devplan.reader.segments import Span, clauses, iter_paragraphs, masked_spans, sentences, split_lines
from devplan.reader.subjects import (
    AMONG_WORD,
    attribute_of,
    blank_periods,
    ends_with_list_separator,
    noun_after,
    split_attribute,
    split_list,
    split_pair,
    strip_edges,
    subject_before,
)
from devplan.reader.tables import (
    TOTAL_ROW,
    Table,
    part_row,
    read_header,
    read_row,
    row_spans,
    rule_row,
    two_row_header,
    units_line,
)
from devplan.reader.totals import name_totals
from devplan.reader.units import POINT_UNITS

_TITLE_RE = re.compile(
    r"(?P<y1>(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年[^。\n]{0,16}?(?:计划|预算)执行情况"
    r"(?:[^。\n]{0,6}?(?P<y2>(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年)?"
)
_HEADING_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")
# An attachment's title ("2023年重点建设项目进展情况表", "2024年国省湘潭市投资项目计划表"): its table is of its year.
_TABLE_TITLE_RE = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*年[^。，；\n]{2,40}表\s*$")
_EXECUTION_WORDS = re.compile(r"执行情况|回顾|完成情况|总结|问题")
_PLAN_WORDS = re.compile(r"计划|目标|安排|任务|打算|思路|草案")
# 力争全年实施重点项目130个以上，完成投资95亿元: in a plan section a sentence opening with a goal word is all goals, the
# project list's figures too.
_GOAL_OPENS = re.compile(r"\s*(?:全年|今年|明年|(?:19|20)\d{2}年)?(?:力争|确保)")
# "主要预期目标为:" announces targets; a heading like "总体思路和预期目标" merged into PDF text does not.
_TARGET_SENTENCE = re.compile(r"(?:预期目标|主要目标|目标任务|目标)(?:如下|为|是|:)")
# A paragraph that only announces targets ("今后五年…的主要目标:") makes targets of the "——" items after it.
_TARGETS_ANNOUNCED = re.compile(r"目标(?:如下|是|为)?[:]\s*$")
_TARGET_ITEM = re.compile(r"\s*(?:——|--)")
_EDGE = " \t,;:、—–―-~()“”\"。"
_TARGET_QUALIFIERS = {"以上", "以内", "以下", "左右"}
_NAME_MAX = 16
# A line that may be a table's header: it names the rows in its first cell (a cheap test before the real one).
# A table row that names a section of its rows (一、投资与消费, （二）财政 in the first cell, the others empty): no figure, and
# no end of the table.
_SECTION_ROW = re.compile(r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])[\u4e00-\u9fff、和与及]{1,16}[,\t| ]*")
_TABLE_HEADER_HINT = re.compile(
    r"^\s*(?:[|｜]\s*)?(?:序号\s*(?:[\t,|｜]|\s{2})\s*)?(?:(?:主要)?(?:[\u4e00-\u9fff]{1,4}?)?(?:指标|项目|名称|类别|分类|内容|科目|来源地)(?:名称)?"
    r"|县市区|县\(市、?区\)|市\(县、?区\)|区县|县区|县市|地区|区域|乡镇(?:\(街道\))?)\s*(?:[\t,|｜]|\s{2}|/\s)")
# 进展情况如下（项目名称、年度计划投资、1—10月完成投资、完成率）：: a paragraph that names, in parentheses before its
# closing colon, the columns of the rows that follow it, one a paragraph (锦江产业园，12.00亿元，10.86亿元，90.5%；): the
# header of a table stated a paragraph before its rows, or in the same one when a layout joined them.
_ANNOUNCED_HEADER = re.compile(r"\((?P<cells>[^()、:]{1,16}(?:、[^()、:]{1,16}){2,})\)\s*:")
# A table's row said as prose: the text up to the end mark that closes it (…，90.5%；, …，107.0%。).
_ROW_PIECE = re.compile(r"[^;。]+")
# 甲县　286.4　6.8: an ideographic space between cells (normalised to a space) separates them as a tab does.
# "科目","年初预算","执行数": a row of a CSV file whose every cell is quoted.
_QUOTED_CELLS = re.compile(r'"[^"]*"(?:\s*,\s*"[^"]*")+')
_CELL_SPACE = re.compile(r"(?<=\S)\u3000+(?=\S)")
_NUMBER_RE = re.compile(r"\d|[〇零一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿]*[^是大届中次年期月日号、]")


@dataclass
class Sentence:
    """A sentence with its facts; `start`/`end` are offsets in the document."""

    index: int
    start: int
    end: int
    text: str
    facts: list[Fact]
    # The whole a list in this sentence continues from the sentence before ("…86.4亿元。其中：…").
    carried: list[Fact] = field(default_factory=list)
    # The facts of the sentence right before in the same paragraph (外贸进出口总额100亿元。出口60亿元…), and its text.
    before: list[Fact] = field(default_factory=list)
    before_text: str = ""
    # The wholes the sentence before continued a list of (its `carried`): what its parts are of.
    before_wholes: list[Fact] = field(default_factory=list)
    # How many years the review around it covers (过去五年, 五年来 … before it), None when it does not say.
    review_years: int | None = None
    # A table row after the part rows of a row above: the wholes whose lists of parts (carried) it closes.
    closes: frozenset[int] = frozenset()


# A sentence that opens with these goes on listing the parts of the previous sentence's last figure.
# A percentage that some of a thing is, said by what follows it (财政支出75%用于民生, 100%达5万元以上,
# 60%以上的项目实行招标): a share without 占.
# A rate (覆盖率62%的目标) or a goal (…的目标, 的水平) is no such share.
_SHARE_AFTER = re.compile(r"^(?:的(?!目标|水平|预期|任务|要求|增|幅|速)[\u4e00-\u9fff]|用于|投向|来自|达到?|实现)")
# 分区县看，…; 按行业分：…; 按投资主体分，…: parts of the whole before, by one aspect (never 从全年看, 按期, 分别 …).
_BY_ASPECT = re.compile(
    r"\s*(?:(?:分|按|从)(?:三次)?(?:产业|行业|领域|区域|地区)(?:看|分|来看)"
    r"|(?:分|按)(?![全总整照期时别])[\u4e00-\u9fff]{1,8}?(?:看|分|来看)(?=\s*[,:])"
    # 从来源地看, 从客源看, 从投资主体看: the origin or owner of each part (not 从总量看, 从增速看, 从长远看, 从全年看);
    # 从月度看, 从季度看: the months of each part; 从项目类型看: the projects of each type.
    r"|从(?:来源地?|客源地?|资金来源|投资主体|经营主体|登记注册类型|所有制|月度|季度|(?:项目)?(?:类型|类别))(?:看|来看)(?=\s*[,:]))"
)
# 专项债券按用途分：…: a breakdown by one aspect that names its whole before it.
_NAMED_ASPECT = re.compile(r"\s*(?P<noun>[\u4e00-\u9fff]{2,10}?)(?:按|分)(?![全总整照期时别])[\u4e00-\u9fff]{1,6}?(?:看|分|来看)\s*[,:]")
_CONTINUES = re.compile(rf"\s*其中|{_BY_ASPECT.pattern}|{_NAMED_ASPECT.pattern}")
# 按年龄分，常住人口中0—14岁人口…; 其中，在常住人口中，…: a breakdown that names its whole by 中 right after its opening.
# Not 中 opening or ending a word (争取中央资金, 集中).
_WHOLE_NAMED = re.compile(rf"\s*,?\s*在?(?P<noun>[\u4e00-\u9fff]{{2,12}}?){AMONG_WORD.pattern}\s*,?\s*(?=[\d\u4e00-\u9fff])")
# 重点项目120个，完成投资300亿元。新开工项目50个…；续建项目70个…; 亿元以上项目80个…: a sentence opening with a count of
# projects at a stage or above a size goes on about the projects of the sentence before, as 其中 would.
_PROJECTS_BY_CLASS = re.compile(
    r"\s*(?:(?:分|按|从)(?![全总整])[\u4e00-\u9fff]{1,8}?(?:看|分|来看)\s*[,:]\s*)?(?:(?:新开工|续建|在建)|(?:\d+(?:\.\d+)?|[一二三五十百千])?(?:千万|亿|万)元(?:及)?以上"
    # 一是产业发展类项目46个；二是基础设施类项目35个: classes named with 类, counted one to a point.
    r"|[一二三四五六七八九十]是[\u4e00-\u9fff]{2,8}?类(?=项目))"
    r"[\u4e00-\u9fff]{0,6}?项目(?:\d|共|有|达|为|\s*:\s*\d)"
)
# A line that names projects at a stage before a colon (新开工项目：46个，完成投资52.0亿元): the label is the line's subject.
_STAGE_LABEL = re.compile(r"^\s*(?:新开工|续建|在建)[\u4e00-\u9fff]{0,6}?项目\s*$")


# A count of a size class: 亿元以上项目, 投资过亿元项目, or 10亿元以上 (投资超10亿元) right before its noun (which the list
# reads apart).
_SIZE = r"(?:\d+(?:\.\d+)?)?(?:千万|百万|十万|万|亿)元"
_CLASS_NAMED = re.compile(rf"^(?:{_SIZE}(?:及)?以上|(?:投资)?(?:超过?|过){_SIZE})")
_CLASS_BEFORE = re.compile(rf"(?:{_SIZE}(?:及)?以上|(?:超过?|过){_SIZE})$")


def _size_class(fact: Fact, before: str) -> bool:
    """Whether the count `fact` counts things of a size class, `before` the words right before it."""
    return _CLASS_NAMED.match(fact.entity or "") is not None or _CLASS_BEFORE.search(before.rstrip()) is not None


# 已开工项目117个, 新开工项目38个, 续建项目…: projects at a stage are some of the projects, never all of them.
_PROJECTS_AT_A_STAGE = re.compile(rf"^(?:已|新|全部)?(?:{STATES}|续建|在建)")


def _of_projects_at_a_stage(fact: Fact) -> bool:
    entity = fact.entity or ""
    return entity.endswith("项目") and _PROJECTS_AT_A_STAGE.match(entity) is not None


def _of_all_the_projects(whole: list[Fact]) -> list[Fact]:
    """What the types after projects started break down (…已开工项目50个，累计完成投资80亿元。从项目类型看，产业项目32个…):
    the investment of the started ones, which is all of it (no project invests before it starts), and no count (the types
    may be of all the projects or of those started: testers' reports and earlier passes each wrote one). After projects
    finished, `_before_finished` has found the whole already."""
    stage = [f for f in whole if _of_projects_at_a_stage(f)]
    return [f for f in whole if f not in stage or (f.unit_info is not None and f.unit_info.kind != "count")]


def _latest_level(items: list[list[Fact]], facts: list[Fact]) -> list[Fact]:
    """The latest item of `items` with a level. …生产总值1325.6亿元，增长5.1%（上年全市生产总值为1255.9亿元）。分产业看，…: a
    level of a year before another level of the sentence is what the thing was, never the whole its parts make up now."""
    levels = [f for f in facts if f.kind == "level"]
    latest = max((f.period.year for f in levels if f.period is not None and f.period.year), default=None)
    before = {f.index for f in levels if _of_an_earlier_year(f, latest)}
    if len(before) == len(levels):
        before = set()  # only what the thing was: whatever the sentence is about
    return next((item for item in items if any(f.kind == "level" and f.index not in before for f in item)), [])


def _stated_as(stated: list[Fact], name: str, year: int | None, parts: bool = False) -> list[Fact]:
    """The latest level stated of the thing named, of the year given, as an item of its own (or, with `parts`, as a part of
    a list too); none when none was."""
    of_year = [f for f in reversed(stated)
               if (f.period.year if f.period else None) == year and (parts or f.whole is None)]
    # 专项债券按用途分 after 新增专项债券16.20亿元: the name given may leave out what sets the thing apart from others of its
    # kind, when no figure bears the name itself.
    found = next((f for f in of_year if f.entity == name), None) or next(
        (f for f in of_year if (f.entity or "").endswith(name)), None)
    return [found] if found is not None else []


def _of_an_earlier_year(fact: Fact, latest: int | None) -> bool:
    year = fact.period.year if fact.period is not None else None
    return _OPENS_WITH_LAST_YEAR.match(fact.text) is not None or (year is not None and latest is not None and year < latest)


_OPENS_WITH_LAST_YEAR = re.compile(PREVIOUS)


# 竣工投产项目, 已建成项目: projects finished, some of those under way.
_FINISHED_PROJECTS = re.compile(r"^(?:已|全部)?(?:竣工|建成|投产|完工|投用)")


def _before_finished(fact: Fact, carry: _Carry) -> list[Fact] | None:
    """重点项目150个，完成投资520.6亿元，竣工投产项目42个，完成投资38.5亿元。分领域看，…: projects finished are some of those
    under way; parts by an aspect after them are of all the projects — the levels from their count up to the first of the
    finished ones when the sentence states it, else their count alone, else no whole at all (the finished ones' own
    figures are the last a text breaks down). None when `fact` is not of projects finished."""
    projects = carry.projects
    if not _FINISHED_PROJECTS.match(fact.entity or ""):
        return None
    if not projects or projects[0].index >= fact.index:
        return []
    after = [f for f in carry.levels if f.index >= projects[0].index]
    end = next((k for k, f in enumerate(after) if _FINISHED_PROJECTS.match(f.entity or "")), None)
    return after[:end] if not carry.projects_carried and end else list(projects)


def _all_projects(facts: list[Fact], norm: str, offset: int) -> list[Fact]:
    """The latest count of projects of its own among `facts`: 共安排市级以上重点项目128个 — not a part, a size class
    (亿元以上项目32个) or projects at a stage (已开工项目117个)."""
    found = next((f for f in reversed(facts) if f.kind == "level" and f.whole is None and not f.compared and not f.approximate
                  and f.unit_info is not None and f.unit_info.kind == "count" and (f.entity or "").endswith("项目")
                  and not _PROJECTS_AT_A_STAGE.match(f.entity or "")
                  and not _size_class(f, norm[max(0, f.start - offset - 12) : max(0, f.start - offset)])), None)
    return [found] if found is not None else []


@dataclass
class _Carry:
    """What a sentence leaves for one that continues it: its last item and where it stood; a sentence of parts by
    one aspect (分区县看，…) also the whole it was given, which the next aspect's parts (按行业分：…) are of too."""

    item: list[Fact]
    year: int | None
    months: tuple[int, int] | None
    subject: str | None
    entity: str | None
    indicator: str | None
    whole: list[Fact] | None = None
    # The latest item with a level.
    level: list[Fact] = field(default_factory=list)
    # The latest item with an amount or a count of its own (not a part, not a rate).
    amounts: list[Fact] = field(default_factory=list)
    # The parts the sentence listed of `level` (税收收入…，非税收入… of 一般公共预算收入).
    members: list[Fact] = field(default_factory=list)
    # Every level the sentence stated of its own (no part, not last year's).
    levels: list[Fact] = field(default_factory=list)
    # The latest count of all the projects (重点项目128个), stated in this sentence or, when it states none, the one before
    # (`projects_carried`).
    projects: list[Fact] = field(default_factory=list)
    projects_carried: bool = False
    # The levels named inside a share, which no 其中 of the next sentence is about.
    inside_shares: list[Fact] = field(default_factory=list)
    # `amounts` are the sentence before's (this one stated none but counts).
    amounts_carried: bool = False


@dataclass
class _Document:
    execution_year: int | None = None
    plan_year: int | None = None
    section_year: int | None = None
    plan_section: bool = False
    sentences: int = 0
    groups: int = 0
    facts: int = 0
    carry: _Carry | None = None
    work_report: bool = False
    targets_follow: bool = False
    table: Table | None = None
    # The levels of a table's rows above its 合计 row, each with its column.
    rows: list[tuple[int, Fact]] = field(default_factory=list)
    # The facts of the table's last row that is no part of another (not indented, not opened with 其中): the whole of
    # the rows below it that are.
    whole_row: list[Fact] = field(default_factory=list)
    # The shares (占比%) of a table's rows above its 合计 row, what they are shares of: the total's sentence states them.
    shares: list[Fact] = field(default_factory=list)
    # The levels of the whole row by column, and the levels of the part rows below it so far (其中：…), each part's
    # column a list of the whole's.
    whole_columns: dict[int, Fact] = field(default_factory=dict)
    part_levels: list[Fact] = field(default_factory=list)
    # A 合计 row first in its table (its levels by column): the rows below it that are no parts are its parts.
    total_first: list[tuple[int, Fact]] = field(default_factory=list)
    # The sentence closing the lists of the table that just ended, stated before the line that ended it.
    closing: list[Sentence] = field(default_factory=list)
    last_line: str = ""
    line_before_last: str = ""
    review_years: int | None = None
    # The months a sentence of this paragraph opened with (截至10月底，…; 1—9月，…; 前三季度全市实现…): the figures of
    # the paragraph's later sentences that name no months are of them too.
    months: tuple[int, int] | None = None
    # Paragraphs fed so far, and the last one a span of years just named (过去五年, 回望本届政府…) is sure to cover.
    paragraphs: int = 0
    review_reach: int = -1
    # The tier of the whole place the text's first such figure is said of (全县…: a county's text), see _WHOLE_PLACE.
    place: int | None = None
    # The levels of their own the paragraph's sentences stated so far, for a breakdown that names its whole (…中).
    stated: list[Fact] = field(default_factory=list)


@dataclass
class _SentenceState:
    year: int | None
    tracker: ListTracker
    target_from: int | None
    months: tuple[int, int] | None = None
    # The months to date a month's own figure followed (1—8月…，9月单月…): with it, the months the next sentence goes on in.
    to_date: tuple[int, int] | None = None
    subject: str | None = None
    entity: str | None = None
    indicator: str | None = None
    last_role: str | None = None
    estimates: bool = False
    had_target: bool = False
    list_subjects: list[str] = field(default_factory=list)
    # Levels introduced by 由/从 that wait for the level they became (…增加到143.86亿元).
    pending_from: list[Fact] = field(default_factory=list)
    # The things the clauses so far named, in order: each level's, and an indicator a clause without a number names
    # (财政总收入突破两千亿元，其中地方财政收入突破千亿元，分别达到2115亿元和1067亿元).
    things: list[str] = field(default_factory=list)
    # The latest level its clause opened with a year alone (2020年3052.6亿元), for the next (，2023年3826.4亿元).
    year_led: Fact | None = None
    # The levels named inside a share (占一般公共预算支出39.68亿元的82.8%): no item of the sentence.
    inside_shares: list[Fact] = field(default_factory=list)
    # The subject named last is of a whole place above the text's own (全市全体居民人均可支配收入36152元，增长5.5%).
    elsewhere: bool = False
    # 上年地区生产总值为172.3亿元，规模以上工业增加值为53.9亿元: the clauses of "X为" that go on from one opened with 上年
    # are of last year too.
    last_year_list: bool = False


# _Number, _Who and _When are made for every number and never changed; not frozen, since a frozen dataclass takes
# three times as long to make.
@dataclass(slots=True)
class _Number:
    """A number where it stands: its clause, the words before it (`context`), the words its measure is read
    from (the list's first number's for every number of a list) and the subject a list gives it."""

    hit: Hit
    norm: str
    original: str
    offset: int
    clause: Span
    context: str
    reading_context: str
    subject_override: str | None
    clause_target: bool
    # Inside parentheses (86.4亿元（交通52.3亿元、水利…）): an aside, whose subjects are not the sentence's after it.
    aside: bool = False


@dataclass(slots=True)
class _Who:
    """The subject step's result: `own` is the subject the number names itself ('' when inherited); `aside` marks a
    subject named only for this number (the whole of 占全市地区生产总值500亿元的60%), not the sentence's from now on."""

    own: str
    subject: str | None
    entity: str | None
    indicator: str | None
    attribute: str | None
    noun_end: int
    aside: bool = False
    # The plan a completion is of, stated inside it (为年初预算12.14亿元的101.8%): a target of the thing done.
    plan: bool = False


@dataclass(slots=True)
class _When:
    role: str
    period: Period | None
    period_stated: bool
    # 上年同期地区生产总值为190.52亿元 in a text that names no year: last year's level, whose period cannot say so.
    last_year_unnamed: bool = False


def _item_carried(tracker: ListTracker, asides: set[int]) -> list[Fact]:
    """The item a 其中 opening the next sentence is about: the last one, unless all of it stood in an aside (参保人数71.36万人，
    户籍人口参保率96.2%（年末户籍人口74.18万人）。其中，…: the people a rate is of, not the item the list breaks down) — then the
    one before."""
    item = tracker.item
    if item and all(f.index in asides for f in item) and tracker.earlier:
        item = tracker.earlier[-1]
    return list(item)


def _only_rates_after(reached: Fact, facts: list[Fact]) -> bool:
    """投资86.4亿元，比上年增长10.5%，上年为78.2亿元: between the figure and last year's said alone after it stand at most
    the figure's own rates, changes and completions with their plans (为预算（14亿元）的102.6%) — no other level done."""
    after = facts[facts.index(reached) + 1 :]
    planned = plans_of_completions(after)
    return all((f.kind in {"growth", "change", "completion"} or f.index in planned) and f.entity == reached.entity
               for f in after)


def plans_of_completions(facts: list[Fact]) -> set[int]:
    """The indexes of the plans completions are of, each stated right before its completion (为调整预算数517800万元的96.3%:
    …517800万元 then 的96.3%) or right after it, one mark between (为预算的82.1%（年初预算17.50亿元）) — a target, never the
    figure done."""
    return {f.index for f, after in itertools.pairwise(facts) if after.kind == "completion" and after.text.startswith("的")} | {
        f.index for f in plans_after_completions(facts)}


def plans_after_completions(facts: list[Fact]) -> list[Fact]:
    """The plans stated right after a completion that names none inside it, one mark between (为预算的82.1%（年初预算17.50亿元）):
    a target level of the completion's thing."""
    return [after for f, after in itertools.pairwise(facts)
            if f.kind == "completion" and not f.text.startswith("的") and after.kind == "level" and after.measure == "target"
            and after.start - f.end == 1 and after.entity == f.entity]


# 全县…, 全年全市…, 2025年全省…: a figure said of a whole place, by its tier (a county's text names its city's and
# province's figures beside its own).
_WHOLE_PLACE = re.compile(r"(?:(?:19|20)\d{2}年)?(?:全年|年末|年底|今年|当年|上半年)?全(?P<tier>[县区旗市州盟省国])")
_TIERS = {"县": 1, "区": 1, "旗": 1, "市": 2, "州": 2, "盟": 2, "省": 3, "国": 4}


def _percent(hit: Hit) -> bool:
    return hit.unit is not None and hit.unit.is_percent and hit.unit.base not in POINT_UNITS


def _from_year(token: str) -> int:
    return find_year(token + "年") or 0


# 年计划10.6亿元，预计完成10.95亿元，完成103.3%: 完成 alone opening a clause after one that closes on an amount (not a
# rate: 预期增速6.5%左右，完成3.5% is the rate reached) is how much of the plan that amount is.
_DONE_ALONE = re.compile(r"\s*完成\s*")
_AMOUNT_CLOSES = re.compile(r"\d\s*[^\d%\s,;。()]{1,4}\s*[,;]\s*$")
_AMOUNT_TAIL = 8


# ——地方一般公共预算收入。年计划9.8亿元，…: an item's title alone, closed by a full stop.
_ITEM_TITLE = re.compile(r"^\s*(?:——|--)\s*[\u4e00-\u9fff“”]{2,16}(?=。)")


def _item_title_as_heading(norm: str) -> str:
    """——社会消费品零售总额。年计划96亿元，…: the title of a dash item closed by a full stop names the thing of the figures
    after it as one closed by a colon does (——地区生产总值：…), so it is read as one: the same length, the offsets kept."""
    title = _ITEM_TITLE.match(norm)
    return norm if title is None else f"{norm[: title.end()]}:{norm[title.end() + 1 :]}"


class Extractor:
    """Feed it paragraphs in order; it numbers facts and sentences across the whole document."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.doc = _Document()

    def feed(self, offset: int, paragraph: str) -> list[Sentence]:
        norm = _item_title_as_heading(normalize(paragraph))
        if (row := self._table_row(offset, paragraph, norm)) is not None:
            return row
        closing, self.doc.closing = self.doc.closing, []
        return closing + self._prose(offset, paragraph, norm)

    def _prose(self, offset: int, paragraph: str, norm: str) -> list[Sentence]:
        self._read_heading(norm)
        if not _TARGET_ITEM.match(norm):
            self.doc.targets_follow = False
        announced = self.doc.targets_follow
        self.doc.targets_follow = announced or _TARGETS_ANNOUNCED.search(norm) is not None
        masked: list[Span] | None = None  # found when a sentence first states a number (most paragraphs state none)
        found: list[Sentence] = []
        before: list[Fact] = []
        before_text = ""
        before_wholes: list[Fact] = []
        self.doc.paragraphs += 1
        self.doc.months = None
        self.doc.stated = []
        self._reach_of_review(norm)
        prose = self._before_announced_rows(norm)
        for span in sentences(norm[:prose]):
            self.doc.review_years = review_years(norm[span.start : span.end], self.doc.review_years)
            if _NUMBER_RE.search(norm, span.start, span.end):
                masked = masked_spans(norm) if masked is None else masked
                found.append(self._sentence(offset, paragraph, norm, span, masked))
                found[-1].before, before = before, found[-1].facts
                found[-1].before_text, before_text = before_text, found[-1].text
                found[-1].before_wholes, before_wholes = before_wholes, found[-1].carried
                found[-1].review_years = self.doc.review_years
            else:
                # Most sentences state no number at all; they only need a place in the numbering.
                self.doc.sentences += 1
                self.doc.carry = None
                before, before_text, before_wholes = [], "", []
        if prose < len(norm):
            found += self._table_row(offset + prose, paragraph[prose:], norm[prose:]) or []
        return found

    def _before_announced_rows(self, norm: str) -> int:
        """Where a paragraph's prose ends: before the rows after the columns it names (…如下（项目名称、年度计划投资、
        完成率）：锦江产业园，12.00亿元，…), which are read as the table's; the whole paragraph when no such rows follow. The
        named columns stay the open table's for the paragraphs after it."""
        doc = self.doc
        announced = _ANNOUNCED_HEADER.search(norm)
        table = read_header(announced.group("cells").replace("、", ","), norm[: announced.start()]) if announced else None
        if announced is None or table is None:
            return len(norm)
        doc.table, doc.rows, doc.whole_row = table, [], []
        rest = norm[announced.end() :]
        if not rest.strip() or self._rows_of(rest) is not None:
            return announced.end()
        doc.table = None
        return len(norm)

    def _rows_of(self, norm: str) -> list[tuple[int, int]] | None:
        """The spans of the rows of the open table a paragraph is made of (产业项目，21个，46.8亿元；基础设施项目，15个，
        28.5亿元。: rows said as prose, each closed by an end mark, on lines of their own or joined into one), or None when
        any of it is no row."""
        pieces = [(m.start(), m.end()) for m in _ROW_PIECE.finditer(norm) if m.group().strip()]
        ok = pieces and all(self._row_facts(norm[a:b], norm[a:b], a) is not None for a, b in pieces)
        return pieces if ok else None

    def _row_facts(self, norm: str, original: str, offset: int) -> list[Fact] | None:
        """The facts of one row of the open table, or None when the text is not one."""
        doc = self.doc
        assert doc.table is not None
        whole = doc.whole_row if part_row(norm) else []
        return read_row(doc.table, norm, original, offset, doc.section_year, self.lexicon, doc.facts,
                        whole[0].subject if whole else None)

    def _row(self, norm: str, original: str, offset: int) -> Sentence:
        """One row of the open table as a sentence of its own (`_row_facts` has found it one)."""
        doc = self.doc
        whole = doc.whole_row if part_row(norm) else []
        facts = self._row_facts(norm, original, offset) or []
        doc.facts += len(facts)
        facts = _shares_of_total(doc, facts)
        assert doc.table is not None
        columned = _columns_of(doc.table, norm, offset, facts)
        rows = _total_of_rows(doc, columned, bool(whole))
        if not whole:
            doc.whole_row = facts
        # A part's sentence carries its whole row's levels, what its share is of, and the parts above it.
        closed = _parts_of_row(doc, columned, bool(whole))
        carried = rows + [f for f in whole if f.kind == "level"] + closed
        sentence = Sentence(doc.sentences, offset, offset + len(original), original, facts, carried,
                            closes=frozenset(f.whole for f in closed if f.whole is not None))
        for fact in facts:
            fact.sentence = doc.sentences
        doc.sentences += 1
        doc.carry = None
        return sentence

    def _table_row(self, offset: int, paragraph: str, norm: str) -> list[Sentence] | None:
        """A table's header (remembered; its title is the line before) or one of its rows (a sentence of its
        own, with a fact for each number the header explains); None for any other line."""
        doc = self.doc
        before_title, title = doc.line_before_last, doc.last_line
        doc.line_before_last, doc.last_line = title, norm if len(norm) <= _NAME_MAX * 5 else ""
        units = ""
        if units_line(title):  # 单位：亿元 between a table's title and its header
            units, title = title, before_title
        if "\u3000" in paragraph:
            norm = _tabbed(paragraph, norm)
        if '"' in norm:
            norm = _unquoted(norm)
        if doc.table is not None and rule_row(norm):
            return []  # |---|---|: a Markdown table's rule; its rows follow
        if doc.table is not None:
            if _SECTION_ROW.fullmatch(norm.strip()):
                return []  # 一、投资与消费: a row naming a section of the table's rows; the table goes on below it
            if (pieces := self._rows_of(norm)) is not None:
                return [self._row(norm[a:b], paragraph[a:b], offset + a) for a, b in pieces]
        closing = self._close_table(offset) if doc.table is not None else []
        doc.table = read_header(norm, title, units) if _TABLE_HEADER_HINT.search(norm) else None
        if doc.table is None and _TABLE_HEADER_HINT.search(title) and (header := two_row_header(title, norm)) is not None:
            doc.table = read_header(header, before_title, units)
        doc.rows, doc.whole_row, doc.shares, doc.whole_columns, doc.part_levels = [], [], [], {}, []
        doc.total_first = []
        if doc.table is None:
            doc.closing = closing
            return None
        if closing:
            return closing
        doc.sentences += 1
        doc.carry = None
        return []

    def _close_table(self, offset: int) -> list[Sentence]:
        """The end of a table closes its last lists: the part rows below its last whole row, and the rows below a 合计
        row that came first. A sentence of no facts of its own carries them."""
        doc = self.doc
        carried = _parts_of_row(doc, [], False) + _rows_below_total(doc)
        if not carried:
            return []
        closes = frozenset(f.whole for f in carried if f.whole is not None)
        sentence = Sentence(doc.sentences, offset, offset, "", [], carried, closes=closes)
        doc.sentences += 1
        return [sentence]

    def _read_heading(self, norm: str) -> None:
        doc = self.doc
        # The title's words tested first: a report without such a title (a work report) is otherwise searched
        # paragraph by paragraph.
        if doc.execution_year is None and "执行情况" in norm and (title := _TITLE_RE.search(norm)):
            doc.execution_year = _from_year(title.group("y1"))
            doc.plan_year = _from_year(title.group("y2")) if title.group("y2") else doc.execution_year + 1
            doc.section_year = doc.execution_year
            return
        if (table := _TABLE_TITLE_RE.match(norm)) is not None and doc.execution_year is not None:
            doc.section_year = int(table.group("y"))
            doc.plan_section = doc.section_year > doc.execution_year
            return
        if _HEADING_RE.match(norm) and len(norm) < 80:
            doc.review_years = None  # a new part of the report: whatever span of years the last one reviewed ends
            year = find_year(norm)
            if _EXECUTION_WORDS.search(norm):
                doc.plan_section = False
                doc.section_year = year or doc.execution_year or doc.section_year
            elif _PLAN_WORDS.search(norm) and (year is None or doc.execution_year is None or year > doc.execution_year):
                doc.plan_section = True
                doc.section_year = year or doc.plan_year or doc.section_year
        elif doc.section_year is None:
            year = find_document_year(norm)
            doc.work_report = doc.work_report or "政府工作报告" in norm
            if year is not None and doc.work_report:
                # A government work report is delivered early in the year and reviews the year before.
                doc.plan_year, year = year, year - 1
            doc.section_year = year

    def _sentence(self, offset: int, original: str, norm: str, span: Span, masked: list[Span]) -> Sentence:
        doc = self.doc
        target = _TARGET_SENTENCE.search(norm, span.start, span.end)
        state = _SentenceState(
            year=doc.section_year,
            tracker=ListTracker(doc.groups, self.lexicon),
            target_from=target.end() if target else (
                span.start if (doc.targets_follow and _TARGET_ITEM.match(norm))
                or (doc.plan_section and _GOAL_OPENS.match(norm, span.start)) else None),
        )
        if target and find_year(norm[span.start : target.start()]) is None and doc.plan_year:
            # Targets announced without a year are the plan year's.
            state.year = doc.plan_year
        across = OPENS_WITH_STATE.match(norm, span.start, span.end) is not None
        by_class = (_PROJECTS_BY_CLASS.match(norm, span.start, span.end) is not None and doc.carry is not None
                    and any((f.entity or "").endswith("项目") and f.unit_info is not None and f.unit_info.kind == "count"
                            and f.whole is None and not FLOW.search(f.text) for f in (doc.carry.whole or doc.carry.item)))
        continues = _CONTINUES.match(norm, span.start, span.end)
        carry = doc.carry if across or by_class or continues else None
        named_aspect = _NAMED_ASPECT.match(norm, span.start, span.end)
        by_aspect = carry is not None and not across and (
            by_class or _BY_ASPECT.match(norm, span.start, span.end) is not None or named_aspect is not None)
        whole = carry.item if carry else []
        fallback = carry.amounts if carry else []
        if carry is not None and by_aspect:
            # 分区域看: of the whole this sentence's aspect breaks down — the one the last aspect was of, else the latest
            # level (…2856.3亿元，增长5.6%，经济总量居全省第5位。分区域看，… is of the 2856.3, not of the rank).
            # After a sentence by aspect whose whole was not found, nothing is guessed: its last part is no whole.
            whole = carry.whole if carry.whole is not None else carry.level
            if whole and (all_projects := _before_finished(whole[0], carry)) is not None:
                whole, fallback = all_projects, []  # nor is the finished ones' amount a whole to fall back on
            elif whole and (whole[0].entity is None or _STAGE_LABEL.match(whole[0].entity)
                            or _size_class(whole[0], norm[max(0, whole[0].start - offset - 12) : max(0, whole[0].start - offset)])):
                # 预备项目：22个，…，完成前期工作投资6.9亿元。按投资规模分，…: an unnamed item is no whole to break down, nor
                # are projects at one stage the whole of those at another (新开工项目：46个…。续建项目：74个…), nor a
                # size class (其中，亿元以上项目32个，10亿元以上项目6个。按产业分，…: the industries are of all the projects,
                # counted the sentence before).
                whole = list(carry.projects)
            elif any(_of_projects_at_a_stage(f) for f in whole):
                whole = _of_all_the_projects(whole)
            elif not any(f.unit_info is not None and f.unit_info.kind == "count" for f in whole):
                # …重点项目128个…。已开工项目117个…；累计完成投资231.8亿元…。分类型看，产业项目76个，完成投资142.5亿元: the
                # sentence before counts no projects of its own; the types' counts are of those counted before it.
                whole = [*whole, *carry.projects]
        if carry is not None and named_aspect is not None:
            # 专项债券按用途分：交通基础设施…: the parts are of the thing named, as stated before for the year, or of none.
            whole, fallback = _stated_as(doc.stated, named_aspect.group("noun"), carry.year, parts=True), []
        elif carry is not None and continues is not None and (named := _WHOLE_NAMED.match(norm, continues.end(), span.end)):
            # 全年出生人口…，死亡人口5463人。按年龄分，常住人口中0—14岁人口…: the breakdown names its whole itself, so it is
            # that thing's figure stated before in the paragraph for the same year, or none is known — never the latest
            # level before, which may count another thing (死亡人口) the parts are no kind of.
            whole, fallback = _stated_as(doc.stated, named.group("noun"), carry.year), []
        if carry is None:
            state.months = doc.months
        else:
            state.year, state.months = carry.year, carry.months
            state.subject, state.entity, state.indicator = carry.subject, carry.entity, carry.indicator
            if by_aspect and whole:
                # 分级次看，市本级完成…: a part named by its place alone is of the thing the aspect breaks down.
                state.subject, state.entity, state.indicator = whole[0].subject, whole[0].entity, whole[0].indicator
            members = carry.members if by_aspect and carry.whole is None else []
            # Nor is a count at a stage the types' whole when none of the whole's figures holds them (see _of_all_the_projects).
            fallback = [f for f in fallback if not (by_aspect and _of_projects_at_a_stage(f) and f not in whole)]
            state.tracker.continue_from(whole, opened=by_aspect, across=across, fallback=fallback, members=members,
                                        before=carry.levels,
                                        rivals=[] if by_aspect or across else [f for f in carry.levels if f not in carry.inside_shares],
                                        aspect_whole=None if by_aspect or across else carry.whole)
        facts: list[Fact] = []
        asides: set[int] = set()
        previous_end = span.start
        sentence_hits = find_hits(norm, span, masked)
        if carry is None:
            # A sentence of its own (no 其中, no parts by an aspect) that opens with months sets them for the paragraph; one
            # that states no figure (1—9月，全市经济运行总体平稳) by the clause of months it opens with.
            opening = norm[span.start : sentence_hits[0].span.start] if sentence_hits else _months_clause(norm, span)
            doc.months = find_period(opening).months or doc.months
        for clause in clauses(norm, span):
            hits = [h for h in sentence_hits if clause.start <= h.span.start < clause.end]
            clause_year = find_year(norm[clause.start : hits[0].span.start if hits else clause.end])
            if clause_year is not None:
                state.year = clause_year
            if not hits:
                self._read_lead_in(norm[clause.start : clause.end], state)
                continue  # a clause without numbers only sets the stage
            runs = _runs(norm, hits)
            list_subjects = self._list_subjects(norm, clause, runs, state, facts)
            # Keyed by identity: hashing a Hit would hash its values.
            head_of = {id(h): run[0] for run in runs for h in run}
            head_contexts: dict[int, str] = {}
            context_start = clause.start
            clause_target = False
            for hit in hits:
                state.tracker.gap(norm[previous_end : hit.span.start])
                context = norm[context_start : hit.span.start]
                # Every number of a list is read like its first one: 分别增长9.3%、10.5% are both growth.
                head = head_of[id(hit)]
                reading_context = head_contexts.setdefault(id(head), context)
                subject_override = list_subjects.get(id(hit))
                opening = norm[clause.start : hit.span.start]
                aside = opening.count("(") > opening.count(")")
                number = _Number(hit, norm, original, offset, clause, context, reading_context, subject_override, clause_target,
                                 aside)
                year = state.year
                new = self._facts_for(number, state)
                if aside:
                    state.year = year  # （2025年年初预算为20.80亿元）: a year inside an aside dates its own figure alone
                self._link_change(reading_context, hit is head, new, state, norm, span.start, hit.span.start)
                self._link_base(context, new, facts, state, norm[hit.span.end : hit.span.end + 8])
                self._link_years(context, new, state)
                self._share_of_plan(context, new, facts)
                # 民生支出32.86亿元，占一般公共预算支出39.68亿元的82.8%。其中，…: the whole named inside a share is no item
                # of the sentence; what follows (其中) is about the part.
                inside_share = _WHOLE_BEFORE_SHARE.search(context) is not None and _SHARE_AFTER_WHOLE.match(norm, hit.span.end)
                for fact, own_subject, noun_end in new:
                    # A target in parentheses (新增70户（力争100户）、50户) does not make the rest targets.
                    clause_target = clause_target or (fact.measure == "target" and not aside)
                    # 其中，出口38.76亿元，比上年的33.90亿元增长14.3%；进口14.52亿元: last year's export is no further part;
                    # 超收1.09亿元。其中，税收收入…: nor is the amount beyond the budget what a 其中 breaks down.
                    if not (inside_share and state.tracker.item) and not fact.compared \
                            and not _beyond(fact.subject or ""):
                        state.tracker.add(fact, own_subject, norm[fact.end - offset : clause.end])
                    elif inside_share:
                        state.inside_shares.append(fact)
                    facts.append(fact)
                    if aside:
                        asides.add(fact.index)
                    if fact.kind == "level" and fact.entity:
                        state.things.append(fact.entity)
                    context_start = max(context_start, noun_end)
                context_start = max(context_start, hit.span.end)
                previous_end = hit.span.end
        state.tracker.finish()
        name_totals(facts, norm[span.start : span.end], span.start + offset, self.lexicon)
        doc.groups = state.tracker.next_group
        level = _latest_level([state.tracker.item, *reversed(state.tracker.earlier)], facts)
        # …其中，税收收入…，非税收入…。分级次看，…: parts by an aspect after a list are of the list's whole, never of its last part.
        level = state.tracker.list_whole(level)
        amounts = next((item for item in [state.tracker.item, *reversed(state.tracker.earlier)]
                        if any(f.kind == "level" and f.whole is None and f.unit_info is not None and not f.unit_info.is_percent
                               for f in item) and not all(f.index in asides for f in item)), [])
        # An amount carries one sentence further past a sentence that only counts (累计完成投资84.7亿元…。新开工项目中已开工
        # 52个…。分类别看，产业项目完成投资41.2亿元…: the types' amounts are of the 84.7亿元).
        amounts_carried = (doc.carry is not None and not doc.carry.amounts_carried and not any(_measured(f) for f in amounts)
                           and any(_measured(f) for f in doc.carry.amounts))
        if amounts_carried and doc.carry is not None:
            amounts = [*amounts, *(f for f in doc.carry.amounts if _measured(f))]
        listed = {f.index for f in level}
        # The projects counted carry one sentence further: 分类型看，产业项目76个… after a sentence on their progress.
        projects = _all_projects(facts, norm, offset)
        projects_carried = not projects and doc.carry is not None and not doc.carry.projects_carried
        if projects_carried and doc.carry is not None:
            projects = doc.carry.projects
        doc.carry = _Carry(_item_carried(state.tracker, asides), state.year, _months_carried(state), state.subject, state.entity,
                           state.indicator,
                           whole if by_aspect else None, list(level), list(amounts), [f for f in facts if f.whole in listed],
                           [f for f in facts if f.kind == "level" and f.whole is None and not f.compared], projects, projects_carried,
                           state.inside_shares, amounts_carried)
        # Every level stated of its own (not a base compared with), a part of a list too: a breakdown may name either.
        doc.stated.extend(f for f in facts if f.kind == "level" and not f.compared)
        # The item a 其中 went back to past a rate (存贷比为69.4%。其中，普惠小微贷款余额…) is carried too.
        # So is a part of the list before that parts by an aspect broke down (分级次看，县级税收收入… of 税收收入), and an
        # item before the last that a part names by its measure (…营业收入…；利润总额…。其中，甲行业营业收入…), and the whole the
        # sentence before broke down by an aspect (分类别看，…。其中，列入省级重点项目… of all the projects).
        wholes = {f.whole for f in facts if f.whole is not None}
        earlier = carry.amounts + carry.members + carry.levels + (carry.whole or []) if carry else []
        carried = whole + [f for k, f in enumerate(earlier) if f not in whole and f not in earlier[:k] and f.index in wholes]
        sentence = Sentence(
            doc.sentences, offset + span.start, offset + span.end, original[span.start : span.end], facts, carried,
        )
        doc.sentences += 1
        for fact in facts:
            fact.sentence = sentence.index
        return sentence

    def _read_lead_in(self, text: str, state: _SentenceState) -> None:
        """A clause without numbers ("初步核算", "2023年1～5月", a table row's 指标 cell) sets the stage
        for the clauses after it."""
        if len(text) > 2 * _NAME_MAX:
            return
        if ESTIMATE_RE.search(text):
            state.estimates = True
        months = find_period(text).months or clause_month(text)
        if months:
            state.months = months
        if _STAGE_LABEL.match(text):
            state.subject = state.entity = strip_edges(text)
            return
        if not self.lexicon.mentions(text):
            return  # the name is looked for in the text cleaned up: most lead-ins name no indicator at all
        name = strip_edges(text)
        found = self.lexicon.name_in(name) if len(name) <= _NAME_MAX else None
        if found:
            # 地方财政收入突破千亿元, 本市生产总值翻了一番多: the thing is named up to the indicator's name; what follows says
            # what it did (and a year before it when).
            name = strip_edges(blank_periods(name[: name.index(found) + len(found)]))
            indicator = self.lexicon.find(name)
            assert indicator is not None
            state.subject, state.entity, state.indicator = name, name, indicator.code
            state.things.append(name)

    def _link_change(
        self, context: str, run_head: bool, new: list[tuple[Fact, bool, int]], state: _SentenceState,
        norm: str, sentence_start: int, at: int,
    ) -> None:
        """由A增加到B (分别从A1、A2提高到B1、B2): B remembers A as the level it grew from. A is of the year
        the sentence compares with (与2002年相比 …由A), else — in a review of several years (过去五年, 五年来) — of the
        year the span starts (B's year less the span: 这五年…由120亿元增加到316亿元 in a review of 2012 starts in 2007),
        else of an unknown year. A structure (三次产业结构由14.5:29.8:55.7调整为…) starts in that year too."""
        if len(new) >= 3 and all(f.kind == "share" and f.unit is None for f, _, _ in new) and _FROM.search(context):
            if find_year(context) is None:
                start = self._span_start(state.year)
                for fact, _, _ in new:
                    fact.period = Period(start) if start is not None else None
            return
        if len(new) != 1 or new[0][0].kind not in {"level", "share"}:
            return  # 比重由45.2%提高到49.1%: a share reached from another
        fact = new[0][0]
        if _FROM.search(context):
            if run_head:
                state.pending_from = []
            elif state.pending_from:
                fact.period = state.pending_from[-1].period  # 分别从2015年的A1、A2: the year is the list's
            state.pending_from.append(fact)
            named = find_year(context)
            if run_head and reference_year(context) is None and "上年" not in context and "去年" not in context:
                compared = [int(m.group("year")) for m in REFERENCE_YEAR_RE.finditer(norm, sentence_start, at)]
                if named is None:
                    # Without a year to compare with, the starting level's period is unknown (not this year's).
                    fact.period = Period(compared[-1]) if compared else None
                elif compared and compared[-1] < named:
                    # 与2020年相比，2023年全县…由8.0亿元增加到10.0亿元: the year named before 由 is the level reached's; the
                    # level it grew from is of the year compared with.
                    fact.period = Period(compared[-1])
        elif _TO.search(context) and state.pending_from:
            earlier = state.pending_from.pop(0)
            if earlier.unit_info and fact.unit_info and earlier.unit_info.kind == fact.unit_info.kind:
                fact.earlier = earlier.index
                if earlier.kind == "share" and fact.kind == "level" and fact.unit == earlier.unit:
                    # 占全省比重由2000年的13.2%提高到15.9%: the share reached, of the same whole (not a level of GDP).
                    fact.kind, fact.measure, fact.share_of = "share", earlier.measure, earlier.share_of
                    fact.subject, fact.entity, fact.indicator = earlier.subject, earlier.entity, earlier.indicator
                    # …比重由上年的54.2%回落至52.4%，回落1.8个百分点: the change after it is the share's too.
                    state.subject, state.entity, state.indicator = earlier.subject, earlier.entity, earlier.indicator
                if earlier.period is None and fact.period is not None and (start := self._span_start(fact.period.year)) is not None:
                    earlier.period = Period(start)
                if earlier.measure == "estimate" and fact.measure == "actual" and earlier.period != fact.period:
                    # 预计地区生产总值由2007年的1128.7亿元增加到2460亿元: the estimate is the level reached, not the one
                    # it grew from, which is of a year long closed.
                    earlier.measure, fact.measure = "actual", "estimate"

    @staticmethod
    def _link_years(context: str, new: list[tuple[Fact, bool, int]], state: _SentenceState) -> None:
        """1.地区生产总值：2020年3052.6亿元，2023年3826.4亿元，年均增长7.8% (an indicator table's line): two levels of one
        thing, each led by its year alone, the later grown from the earlier as in 由A增加到B."""
        fact = new[0][0] if len(new) == 1 else None
        if fact is None or fact.kind != "level" or not _YEAR_ALONE.fullmatch(context):
            state.year_led = None if new else state.year_led
            return
        earlier, state.year_led = state.year_led, fact
        if (earlier is None or earlier.entity != fact.entity or earlier.unit != fact.unit or earlier.approximate
                or fact.approximate or earlier.period is None or fact.period is None
                or (earlier.period.year or 0) >= (fact.period.year or 0) or fact.earlier is not None):
            return
        fact.earlier = earlier.index

    @staticmethod
    def _link_base(context: str, new: list[tuple[Fact, bool, int]], facts: list[Fact], state: _SentenceState,
                   after: str) -> None:
        """完成168534万元，比上年的155210万元增长8.6% (比2023年的16.80亿元, 比上年末的186家, 比上年末（53.0%）): the level
        after 比…的 is what the level before it was compared with, of the same thing, as A is of B in 由A增加到B — it names
        no thing of its own, and the rates and changes after it are the thing's."""
        compared = _BASE.search(context)
        if compared is None and facts and facts[-1].kind == "growth" and facts[-1].text.startswith("环比"):
            # 9月当月完成7.42亿元，环比增长3.9%（8月当月为7.14亿元）: the month before, in parentheses after the rate over it.
            compared = _MONTH_BEFORE.search(context)
        if compared is None and _OVER_MONTH_BEFORE.match(after):
            compared = _MONTH_BEFORE_DE.search(context)
        if compared is None and _FROM_LAST_YEAR.search(context) and _CHANGE_NOT_TO.match(after):
            # 使用率82.6%，由上年的79.5%提高3.1个百分点: 由 last year's level with a change and no level reached after it.
            compared = _FROM_LAST_YEAR.search(context)
        if len(new) != 1 or compared is None or strip_edges(blank_periods(context[: compared.start()])):
            return  # 服务业比上年的40亿元: a thing named before 比 is the base's own, not the level before it
        own = compared.groupdict().get("own")
        base = new[0][0]
        unit = base.unit_info
        if base.kind not in {"level", "share"} or unit is None:
            return
        rate = facts[-1] if facts else None
        if rate is not None and rate.kind == "growth" and rate.unit == base.unit == "%":
            # 规上工业增加值增长7.1%，比上年的8.4%回落1.3个百分点: last year's rate of the growth right before it, no level's.
            base.compared = True
            base.subject, base.entity, base.indicator = rate.subject, rate.entity, rate.indicator
            return
        # Not the plan inside a completion (完成年度目标26.00亿元的112.8%，比上年的24.18亿元增长21.3%: the 29.34 done before it).
        # The plan stands between its name and 的 (…26.00亿元的112.8%); a completion with its own words (为预算的102.0%) follows
        # the figure done.
        planned = plans_of_completions(facts)
        reached = next((f for f in reversed(facts) if f.kind in {"level", "share"} and f.unit_info is not None
                        and f.unit_info.kind == unit.kind and f.unit_info.is_percent == unit.is_percent
                        and f.earlier is None and f.index not in planned), None)
        if reached is None or (own is not None and own != reached.entity) or (
                compared.groupdict().get("alone") and own is None and not _only_rates_after(reached, facts)):
            # 上年为… alone is of the figure right before it (or its rates), never of one further back; named, of the latest
            # level of that name only.
            return
        reached.earlier = base.index
        base.compared = True
        if reached.kind == "share":
            base.kind, base.measure = "share", reached.measure  # 比重为48.8%，比上年的47.1%: last year's share of the same whole
        base.subject, base.entity, base.indicator, base.share_of = reached.subject, reached.entity, reached.indicator, reached.share_of
        state.subject, state.entity, state.indicator = reached.subject, reached.entity, reached.indicator

    @staticmethod
    def _share_of_plan(context: str, new: list[tuple[Fact, bool, int]], facts: list[Fact]) -> None:
        """产业项目98个，…，年度计划投资128.6亿元，占年度计划投资的59.7%: right after a plan's own figure, a percentage of
        the plan of that name is the share of this plan in the whole's — a plan is never done by its own figure."""
        named = _OF_PLAN_NAMED.fullmatch(context)
        fact = new[0][0] if len(new) == 1 else None
        plan = facts[-1] if facts else None
        if (named is None or fact is None or fact.kind != "completion" or plan is None or plan.kind != "level"
                or plan.measure != "target" or not plan.attribute or not plan.attribute.endswith(named.group("plan"))):
            return
        fact.kind, fact.measure = "share", "share"
        fact.subject, fact.entity, fact.indicator = plan.subject, plan.entity, plan.indicator

    def _span_start(self, year: int | None) -> int | None:
        """The year a review of several years starts in, ending in `year` (五年来 in a review of 2012: 2007)."""
        span = self.doc.review_years
        return year - span if year is not None and span else None

    def _list_subjects(
        self, norm: str, clause: Span, runs: list[list[Hit]], state: _SentenceState, facts: list[Fact]
    ) -> dict[int, str]:
        """One subject for each number of a list: "A、B分别增长9.3%、10.5%" names them before 分别; a second
        list without its own subject (同比增长5.5%、7.2%) takes the first list's; "甲12起，乙5人，同比分别下降
        25%、37.5%" takes the things just named."""
        found: dict[int, str] = {}
        pos = norm.find("分别", clause.start, clause.end)
        for run in runs:
            if len(run) < 2:
                continue
            respectively = 0 <= pos < run[0].span.start
            subjects: list[str] = []
            if respectively:
                before = strip_edges(re.sub(r"同比|比上年末?|较上年末?|去年|上年末?|同期", "", norm[clause.start : pos]))
                subjects = split_list(_last_phrase(before), len(run), self.lexicon.heads) if before else []
                if industries := _INDUSTRIES.search(norm, clause.start, pos):
                    # 第一、二、三产业增加值分别为…: what is measured may stand between 产业 and 分别.
                    measured = industries.group("measured") or ""
                    subjects = [f"第{n}产业{measured}" for n in re.findall("[一二三]", industries.group("which"))]
                elif _THREE_INDUSTRIES.search(before) and len(run) == 3:
                    # 三次产业增加值分别为…: the three industries in their order.
                    subjects = [f"第{n}产业{_THREE_INDUSTRIES.sub('', before)}" for n in "一二三"]
                # 一、二、三产业分别实现增加值…: what is measured may come after 分别.
                if (noun := _MEASURED_AFTER.search(norm, pos, run[0].span.start)) and subjects:
                    subjects = [s if s.endswith(noun.group()) else s + noun.group() for s in subjects]
                if len(subjects) == len(run):
                    state.list_subjects = subjects
            if len(subjects) != len(run) and not respectively and "、" in (phrase := _last_phrase(strip_edges(norm[clause.start : run[0].span.start]))):
                # 存款、贷款余额为3860亿元、2245亿元: names listed with 、 before as many numbers go with them in order,
                # with or without 分别, sharing a head noun.
                named = split_list(phrase, len(run), self.lexicon.heads)
                if len(named) == len(run) and all(len(name) >= 2 for name in named):
                    subjects = named
                    state.list_subjects = named
            if len(subjects) != len(run):
                if own := subject_before(norm[clause.start : run[0].span.start]):
                    # 存贷款余额达到564亿元、486亿元: a merged pair names the two values in order.
                    if len(run) == 2 and (pair := split_pair(own)):
                        found.update(zip(map(id, run), pair, strict=True))
                        state.list_subjects = pair
                    continue  # else the list has a subject of its own that all its numbers share
                if len(state.list_subjects) == len(run):
                    subjects = state.list_subjects
                elif respectively:
                    subjects = _last_things(state.things, len(run))
            if len(subjects) == len(run):
                found.update(zip(map(id, run), subjects, strict=True))
        return found

    def _facts_for(self, number: _Number, state: _SentenceState) -> list[tuple[Fact, bool, int]]:
        """The facts of one number (a ratio gives several), with whether each names its own subject and where
        its subject's words end. The steps: what it measures, about what, when and in which role, then facts."""
        reading = self._reading(number)
        who = self._subject(number, reading, state)
        when = self._when(number, reading, who, state)
        facts = self._build(number, reading, who, when, state)
        if reading.kind in {"level", "share"} and when.role == "actual" and _LAST_YEARS.search(number.context):
            for fact, _, _ in facts:
                fact.compared = True  # 由上年的87.4%, 比上年的47.35亿元, （上年400.6亿元）: last year's, never this year's figure
        # How many years (连续7年获评…) says how long, not what the clauses after it are about.
        duration = number.hit.unit is not None and number.hit.unit.kind == "duration"
        if who.own and not duration and not who.aside and not number.aside:
            state.subject, state.entity, state.indicator = who.own, who.entity, who.indicator
            state.elsewhere = self._elsewhere(number.context)
        for fact, _, _ in facts:
            fact.elsewhere = state.elsewhere
        state.last_role = when.role
        state.had_target = state.had_target or when.role == "target"
        return facts

    def _elsewhere(self, context: str) -> bool:
        """Whether the words before a number name a whole place above the text's own: the first whole place a figure
        is said of (全县…) is the text's; one of a higher tier after it (全市…, 全省…) is another place's. A tier no higher
        (全区 after 全市, which may be a district or a region) is taken as the text's own."""
        named = _WHOLE_PLACE.match(context.lstrip())
        if named is None:
            return False
        tier = _TIERS[named.group("tier")]
        if self.doc.place is None:
            self.doc.place = tier
        return tier > self.doc.place

    @staticmethod
    def _reading(number: _Number) -> Reading:
        """Measure: level, growth, change, share, completion or rank, with sign and role markers."""
        if number.hit.kind == "rank":
            return Reading("rank", False, False, False)
        if number.hit.kind == "ratio":
            return Reading("share", False, False, False)
        reading = read_context(number.reading_context, number.hit.unit)
        unit = number.hit.unit
        if (reading.kind == "level" and unit is not None and unit.base in POINT_UNITS and _AFTER_ASIDE.fullmatch(number.context)
                and (opened := number.norm.rfind("(", number.clause.start, number.hit.span.start)) > number.clause.start):
            # 高于全省平均水平（4.9%）0.7个百分点: the words before the other rate say what the points are.
            gap = read_context(number.norm[number.clause.start : opened], unit)
            if gap.compared_with:
                reading = gap
        if unit is not None and unit.kind == "duration":
            return replace(reading, kind="level", negative=False)  # 增幅连续12年第一: how long, not a change
        if unit is not None and unit.is_percent and _ENDS_IN_SHARE_WORDS.search(number.context):
            if _OF_THE_PLAN.search(number.norm, number.clause.start, number.hit.span.start):
                return Reading("completion", False, False, False)  # 为年度计划10万亩的120%: the plan between 计划 and 的
            if within := _OF_THE_WHOLE.search(number.norm, number.clause.start, number.hit.span.start):
                return Reading("share", False, False, False, within.group("whole"))  # 占全市地区生产总值500亿元的60%
        if reading.kind == "level" and unit is not None and unit.is_percent and _DONE_ALONE.fullmatch(number.reading_context) \
                and _AMOUNT_CLOSES.search(number.norm, max(0, number.clause.start - _AMOUNT_TAIL), number.clause.start):
            return Reading("completion", False, False, False)  # 预计完成10.95亿元，完成103.3%: how much of the plan
        after = number.norm[number.hit.span.end : number.clause.end]
        rate = _RATE_BEFORE.search(number.context) is not None
        if reading.kind == "level" and unit is not None and unit.text == "%" and not rate and _SHARE_AFTER.match(after):
            return replace(reading, kind="share")
        return reading

    def _subject(self, number: _Number, reading: Reading, state: _SentenceState) -> _Who:
        """Subject: the list's, the words before the number, the noun after a count, an attribute of the thing
        just named, or the sentence's."""
        hit, context = number.hit, number.context
        noun_end = hit.span.end
        attribute = attribute_of(context, self.lexicon.attributes) if hit.kind != "ratio" else None
        own = ""
        whole_named = _WHOLE_BEFORE_SHARE.search(context) if _SHARE_AFTER_WHOLE.match(number.norm, hit.span.end) else None
        if _PLAN_BEFORE.search(context) and _COMPLETION_AFTER.match(number.norm, hit.span.end):
            # 一般公共预算收入完成12.36亿元，为年初预算12.14亿元的101.8%: the budget is the revenue's, not a new thing
            # whose parts the next 其中 lists.
            return _Who("", state.subject, state.entity, state.indicator, None, noun_end, plan=True)
        if number.aside and _percent(hit) and (place := _PLACE_RATE.search(context)) and (
                not place.group("thing") or (state.subject or "").startswith(place.group("thing"))):
            # 增速高于全市0.8个百分点（全市增长5.5%）, 高于全省平均水平（4.9%）: the other place's rate, not the sentence's thing.
            own = place.group("place")
            return _Who(own, own, own, None, None, noun_end, aside=True)
        named_part = ""
        if reading.kind == "share" and _percent(hit) and \
                (within := _OF_THE_WHOLE.search(number.norm, number.clause.start, hit.span.start)) is not None:
            # 基本医疗保险参保人数占户籍人口（55.37万人）的82.1%: the part is named before 占, not the item before the clause.
            named_part = subject_before(number.norm[number.clause.start : within.start()], self.lexicon.attributes)
        if number.subject_override:
            own = number.subject_override
        elif named_part:
            own = named_part
        elif whole_named is not None:
            own = strip_edges(whole_named.group("whole"))  # 占全市地区生产总值500亿元的60%: the 500亿元 is the whole's
        elif attribute is None and reading.kind != "completion":
            own = subject_before(context, self.lexicon.attributes)
            after = number.norm[hit.span.end : number.clause.end]
            chinese_numeral = not number.norm[hit.span.start].isdigit()
            unit = hit.unit
            if (
                unit is not None
                and (unit.kind == "count" or chinese_numeral)
                # 在签约的50个项目中: words ending in 的 describe the noun after the count, which names the thing.
                and (not own or ends_with_list_separator(context) or chinese_numeral or context.rstrip().endswith("的"))
                and not _BASE.search(context)  # 比上年末的186家净增17家: 净增 says what happened, it names no thing
                and after[:1] >= "\u4e00"
                and (noun := noun_after(after))
            ):
                own = noun
                noun_end = hit.span.end + len(noun) + (after[len(noun) : len(noun) + 1] == "中")
        if _BARE_INVESTMENT.fullmatch(context) and not number.subject_override \
                and (built := self._work_built(number.norm[: number.clause.start])):
            # 加大基础设施建设力度，完成投资55亿元: investment named alone after a clause about building one kind of work is that
            # work's investment, when the lexicon knows it (基础设施投资 within 固定资产投资).
            own = built
        elif own and _BARE_VALUE_ADDED.fullmatch(context) and not number.subject_override \
                and (sector := _SECTOR_GROWING.search(number.norm, 0, number.clause.start)):
            # 装备制造业加快振兴，实现增加值43.13亿元; 第一产业平稳发展，预计完成增加值64亿元: the value added of the sector
            # the clause right before says grew.
            own = sector.group("sector") + "增加值"
        elif own and (bare := _BARE_MEASURE.fullmatch(context)) and state.entity and not _MEASURE_END.search(state.entity) \
                and not number.subject_override:
            # 产值超亿元工业企业增至1704家，完成增加值1941.94亿元: a measure named alone after its verb is of the things the
            # clause before counted (their value added), as 第三产业实现增加值 is 第三产业's.
            own = state.entity + bare.group("noun")
        if own in _HOW_MUCH_MORE:
            # 全年多864元, （多864元）: by how much more or less than a figure it does not name — of no thing of its own, and
            # no level of the sentence's thing either.
            return _Who(own, None, None, None, None, noun_end, aside=True)
        if own:
            entity, attribute = split_attribute(own, self.lexicon.attributes)
            # 收入完成48.36亿元，…，超收1.09亿元，比上年增加2.65亿元: the amount beyond the budget is said in passing; the
            # change after it is the revenue's, as whole_named's is.
            beyond = _beyond(own)
            return _Who(own, own, entity, self._indicator(own), attribute, noun_end,
                        aside=whole_named is not None or beyond)
        if attribute:
            subject = (state.entity or "") + attribute
            return _Who("", subject, state.entity, self._indicator(subject), attribute, noun_end)
        return _Who("", state.subject, state.entity, state.indicator, None, noun_end)

    def _when(self, number: _Number, reading: Reading, who: _Who, state: _SentenceState) -> _When:
        """Role (actual, target, estimate) and period."""
        context = number.context
        mention = find_period(context)
        if reading.kind == "completion" and mention.months is None:
            mention = find_period(number.reading_context)  # 分别完成年计划的85.3%、92.1%: both of the year's plan
        mention = _of_last_year_list(context, mention, reading.kind, state)
        beyond_plan = reading.kind == "level" and _BEYOND_PLAN.search(context.rstrip()) is not None
        role = "target" if who.plan and not beyond_plan else self._role(
            reading, context, mention, number.hit, state, who.subject or "", who.attribute, number.clause_target)
        period_stated = mention.months is not None or (role not in {"target", "estimate"} and state.months is not None)
        period = self._period(context, mention, role, reading.kind, state)
        unnamed = (mention.previous_year and reading.kind == "level" and role == "actual" and period.year is None
                   and reference_year(context) is None and _SAME_TIME_LAST_YEAR.search(context) is not None)
        return _When(role, period, period_stated, unnamed)

    def _build(self, number: _Number, reading: Reading, who: _Who, when: _When, state: _SentenceState) -> list[tuple[Fact, bool, int]]:
        """One fact per value: a ratio (40.1:16.9:43) gives one per member, grouped."""
        hit, context, norm = number.hit, number.context, number.norm
        start = hit.span.start - len(context) + _leading_edge(context)
        values = hit.values
        spans = [Span(start, hit.span.end)] if len(values) == 1 else [
            Span(start if i == 0 else s.start, s.end) for i, s in enumerate(hit.value_spans)
        ]
        ratio_group = None
        names: list[str | None] = [who.subject] * len(values)
        if hit.kind == "ratio" and len(values) == 2 and values[1] == 1:
            # 城乡居民收入比2.8:1 is one number, a ratio of two quantities; the ":1" is its unit of comparison.
            values, spans = values[:1], [Span(start, hit.span.end)]
            reading = Reading("level", False, reading.target, reading.estimate)
            # 城乡居民收入比由2020年的2.31缩小到2.08: the name ends where the level it came from starts.
            names = [strip_edges(re.sub(r"从|由|缩小|扩大|为|至|到", "", re.sub(r"[由从].*$", "", context))) or who.subject]
        elif hit.kind == "ratio":
            ratio_group = self.doc.groups
            self.doc.groups += 1
            state.tracker.next_group = self.doc.groups
            industries = _THREE_NAMED.search(norm, number.clause.start, hit.span.start) is not None
            names = list(_ratio_names(context, len(values), industries))
        measure = measure_of(reading.kind, when.role)
        # 超过100亿、200亿元: the members of a list share the qualifier written before the first.
        qualifier = hit.qualifier or qualifier_before(context) or (
            qualifier_before(number.reading_context) if number.reading_context is not context else None) or (
            # 约占地区生产总值的43%: the share is said about, though 约 stands before 占, not before the number.
            "约" if reading.kind == "share" and _ABOUT_SHARE.search(context) else None)
        facts = []
        for value, span, name in zip(values, spans, names, strict=True):
            fact = Fact(
                text=number.original[span.start : span.end],
                start=number.offset + span.start,
                end=number.offset + span.end,
                value=-value if reading.negative else value,
                unit=hit.unit.text if hit.unit else None,
                measure=measure,
                kind=reading.kind,
                subject=name,
                entity=who.entity if hit.kind != "ratio" else name,
                indicator=who.indicator,
                period=when.period,
                qualifier=qualifier,
                adjusted=hit.kind == "adjusted",
                attribute=who.attribute,
                share_of=reading.share_of,
                compared_with=reading.compared_with,
                group=ratio_group,
                period_stated=when.period_stated,
                yearly_average="年均" in number.reading_context and reading.kind in {"growth", "change"},
                # 累计 over the years before (今年以来累计… is of months it does not name, so no running total of the year).
                cumulative=self._summed(norm[number.clause.start : hit.span.start], reading, when),
                index=self.doc.facts,
                # Last year's level with no year to date it by is a base, as one after 比…的 is: no whole or part of this year's.
                compared=when.last_year_unnamed,
            )
            self.doc.facts += 1
            facts.append((fact, bool(who.own), who.noun_end))
        return facts

    def _reach_of_review(self, norm: str) -> None:
        """A paragraph that opens with a span of years reviewed (这五年，…; ——五年来，…) is about those years; one that only
        opens the review, stating no figure (回望本届政府的奋斗路，…), gives its span to the next paragraph too. A span named
        inside a paragraph (超过近5年总和, 近十年来首次) says nothing of its other figures."""
        if "年" not in norm:
            return
        if _DIGIT.search(norm) is None:
            if (review_years(norm, None) or 0) > 1:
                self.doc.review_reach = self.doc.paragraphs + 1
        elif (opening := _OPENING_CLAUSE.match(norm)) is not None and (review_years(opening.group(), None) or 0) > 1:
            self.doc.review_reach = self.doc.paragraphs

    def _summed(self, before: str, reading: Reading, when: _When) -> bool:
        """A figure added up over the years before: said with 累计 (今年以来累计… is of months it does not name, so no
        running total of the year; 项目开工以来累计… runs from the project's start, over years), or, in the paragraph that names a review of several years or the one after a paragraph
        that only opens it (回望本届政府的奋斗路，…。), a flow of new things with no year of its own (新增各类市场主体14.7万户:
        the term's, not the last year's). Further on, a report may be back at the year without saying so (刚刚过去的2020年)."""
        if "累计" in before:
            return "以来" not in before or _SINCE_THIS_YEAR.search(before) is None
        doc = self.doc
        near = doc.paragraphs <= doc.review_reach and not doc.plan_section
        return (near and (doc.review_years or 0) > 1 and reading.kind == "level" and when.role == "actual"
                and _NEW_IN_SPAN.match(before) is not None and _A_YEAR_SAID.search(before) is None)

    def _work_built(self, before: str) -> str:
        """The investment of the work the clause right before says is built up (加大基础设施建设力度,), named as the lexicon
        names it, else ''."""
        work = _WORK_BUILT.search(before)
        if work is None:
            return ""
        return next((name for name in (work.group("work") + "投资", work.group("work") + "建设投资")
                     if self.lexicon.named(name) is not None), "")

    def _indicator(self, subject: str) -> str | None:
        found = self.lexicon.find(subject)
        return found.code if found else None

    def _role(
        self,
        reading: Reading,
        context: str,
        mention: PeriodMention,
        hit: Hit,
        state: _SentenceState,
        subject: str,
        attribute: str | None,
        clause_target: bool,
    ) -> str:
        """target, estimate or actual: explicit words first, then what the sentence and section imply."""
        if reading.kind in {"completion", "rank"}:
            return "actual"
        if reading.kind in {"level", "share"} and _BASE.search(context):
            return "actual"  # 一般公共预算收入17.90亿元，比2023年的16.80亿元增长6.5%: the base of a target is what was done
        if reading.kind == "level" and _BEYOND_PLAN.search(context.rstrip()):
            return "actual"
        if reading.target or (state.target_from is not None and hit.span.start >= state.target_from):
            return "target"
        if mention.previous_year and reading.kind == "level":
            return "actual"
        if reading.estimate or (state.estimates and reading.kind in {"level", "growth"}):
            return "estimate"
        if clause_target:
            return "target"
        if state.last_role == "estimate" and reading.kind == "growth" and mention.months is None:
            return "estimate"
        if self.doc.plan_section and self._plan_goal(reading, context, hit, subject, attribute, state.had_target):
            return "target"
        return "actual"

    @staticmethod
    def _plan_goal(
        reading: Reading, context: str, hit: Hit, subject: str, attribute: str | None, after_target: bool
    ) -> bool:
        """In a plan section, is this figure a goal (rather than a description of the project list)?"""
        if hit.qualifier in _TARGET_QUALIFIERS or reading.kind == "growth":
            return True
        describes_projects = "项目" in subject or attribute == "总投资"
        return (after_target or PLAN_VERBS.search(context) is not None) and not describes_projects

    def _period(self, context: str, mention: PeriodMention, role: str, kind: str, state: _SentenceState) -> Period:
        year = find_year(context)
        if year is not None:
            state.year = year
        if mention.months:
            months = mention.months
            if kind != "completion" and role != "target":
                # 1—11月…，完成年计划的88.2%，排名全市第五位: the rank is of 1—11月; 1—6月…完成年度预算（132000万元）的52.2%，
                # 同比增长4.3%: the growth too — the plan's year is its own.
                state.to_date = state.months if _OWN_MONTHS.search(context) else None
                state.months = months
        elif role in {"target", "estimate"}:
            months = (1, 12)
        else:
            months = state.months or (1, 12)
        if (self.doc.work_report and self.doc.plan_year is not None and not self.doc.plan_section and role == "actual"
                and _LAST_YEAR_WHEN.search(context)):
            # 2007年实现…后，去年全市实现生产总值846.28亿元: in a work report 去年 is the year it reviews, whatever year the
            # sentence named before.
            state.year = self.doc.plan_year - 1
            mention = replace(mention, previous_year=False)
        period_year = state.year
        if mention.previous_year and kind == "level" and role == "actual" and period_year is not None:
            period_year -= 1
        # 由2015年的94.51亿元, 占…比重由2024年的62.1%: a level or a share a reference year introduces is that year's.
        if (reference := reference_year(context)) is not None and kind in {"level", "share"}:
            period_year = reference
        return Period(period_year, *months)


# 上年地区生产总值为: a clause of last year's level "X为"; 规模以上工业增加值为: one going on from it with no time of its own.
_LAST_YEAR_IS = re.compile(r"(?:^|[,;:。])\s*(?:上年|去年)(?:末|同期)?[\u4e00-\u9fff()]{2,20}为$")
_IS_CLAUSE = re.compile(r"(?:^|[,;、])\s*[\u4e00-\u9fff()]{2,20}为$")


def _of_last_year_list(context: str, mention: PeriodMention, kind: str, state: _SentenceState) -> PeriodMention:
    """The period of a level in a list of "X为" clauses that one of last year's opened (上年A为…，B为…，C为…)."""
    if kind != "level":
        state.last_year_list = False
        return mention
    if mention.previous_year and _LAST_YEAR_IS.search(context):
        state.last_year_list = True
        return mention
    if state.last_year_list and _IS_CLAUSE.search(context) and mention.months is None and find_year(context) is None:
        return replace(mention, previous_year=True)
    state.last_year_list = False
    return mention


# 1—9月，… 上半年，…: a clause of months alone opening a sentence.
_MONTHS_CLAUSE = re.compile(rf"\s*(?:(?:19|20)\d{{2}}\s*年)?\s*(?:{PERIOD_WORDS_RE.pattern})份?\s*[,:]")


def _months_clause(norm: str, span: Span) -> str:
    """The clause of months alone a sentence opens with, else nothing."""
    found = _MONTHS_CLAUSE.match(norm, span.start, span.end)
    return found.group() if found else ""


# 9月单月完成18.3亿元, 三季度单季实现87.41亿元, 10月当月入库…: a month's (or quarter's) own figure, against the months to date.
_OWN_MONTHS = re.compile(OWN_MONTHS + r"[^\d,;。]{0,4}$")


def _months_carried(state: _SentenceState) -> tuple[int, int] | None:
    """The months a sentence leaves to the one that continues it: after the months to date and the month that follows
    them (其中1—8月完成…，9月单月完成…。分领域看，…), both together — the parts after are of the whole's months, not the
    last month's alone."""
    before, last = state.to_date, state.months
    if before is not None and last is not None and before[1] + 1 == last[0]:
        return (before[0], last[1])
    return last


# 为年度计划10万亩的120%, 完成省下达任务4万人的125%, 为年度目标（200亿元）的110%: the plan stands between its name and 的.
# Inside parentheses the figure may come after its year and a few words (完成规划目标（五年累计550亿元）的56.8%, 达到规划
# 目标值（2025年19500元）的88.3%).
_FIGURE_THEN_DE = (r"\s*(?:\(\s*(?:(?:19|20)\d{2}年)?[^\d,;。()]{0,6}?|\(?\s*)"
                   r"(?<![\d.])\d[\d.,]*(?![\d.,]*\s*年)[^\d,;。()年]{0,6}?\)?\s*的\s*$")  # a figure, never a year
# 为年初预算12.14亿元的101.8%, 完成调整预算11.18亿元的86.2%, 为预算数48.53亿元的87.3%: a budget is the plan of a budget
# report; 完成年度计划投资288.4亿元的108.4% names the plan's measure after it.
# 占规划目标（2000亿元）的64.3%: a share of the plan's own figure is its completion.
_PLAN_NAMED = r"(?:完成|为|达到?|占)了?[^,;。\d]{0,6}?(?:计划|目标|任务|预算)(?:数|值|投资)?"
_OF_THE_PLAN = re.compile(_PLAN_NAMED + _FIGURE_THEN_DE)
# The plan's own figure, named before it and followed by 的 and the completion (为年度计划10万亩的120%).
_PLAN_BEFORE = re.compile(_PLAN_NAMED + r"\s*(?:\(\s*(?:(?:19|20)\d{2}年)?[^\d,;。()]{0,6}?|\(?\s*)$")
_COMPLETION_AFTER = re.compile(r"[^\d,;。()]{0,6}?\)?\s*的\s*\d[\d.]*\s*%")
_WHOLE_BEFORE_SHARE = re.compile(r"占(?P<whole>[^,;。\d占]{2,20}?)\s*\(?\s*$")
_SHARE_AFTER_WHOLE = re.compile(r"\s*\)?\s*的\s*(?:比重|比例)?\s*(?:为|达到?)?\s*\d[\d.]*\s*%")
# 占全市地区生产总值500亿元的60%, 占地区生产总值（268.9亿元）的比重为32.1%: the whole, named and stated, between 占 and 的.
_SHARE_WORDS = r"的\s*(?:比重|比例)?\s*(?:为|达到?)?\s*$"
_ENDS_IN_SHARE_WORDS = re.compile(_SHARE_WORDS)
_RATE_BEFORE = re.compile(r"率\s*(?:达到?|为)?\s*$")
_OF_THE_WHOLE = re.compile(r"占(?P<whole>[^,;。\d占]{2,20}?)" + _FIGURE_THEN_DE.replace(r"的\s*$", _SHARE_WORDS))
_BARE_MEASURE = re.compile(r"[\s,;、]*(?:共|合计)?(?:完成|实现|创造)(?P<noun>增加值|总产值|产值|营业收入|主营业务收入|销售收入|利润|利税)\s*")
_BARE_VALUE_ADDED = re.compile(r"[\s,;、]*(?:预计|初步预计)?(?:完成|实现|创造)增加值\s*")
# A sector (…业, …经济) said to grow, as a whole clause that ends right before the number's: 以旅游业为龙头的第三产业快速恢复发展，
_SECTOR_GROWING = re.compile(r"(?:^|[,;。!?的])(?P<sector>(?:(?!的)[\u4e00-\u9fff]){1,10}?(?:产业|业|经济))"
                             r"(?:加快|平稳|快速|稳步|持续|稳定|健康|较快|蓬勃|恢复|逆势)*(?:发展|振兴|壮大|增长|回升|提速)\s*,\s*$")
_DIGIT = re.compile(r"\d")
# The first clause of a paragraph, after a dash or a count of points (——, 一是).
_OPENING_CLAUSE = re.compile(r"^\s*(?:——|[一二三四五六七八九十]+是)?[^,;。!?:]{0,16}[,;。!?:]")
# A flow of new things (新增各类市场主体, 新培育高新技术企业) opening its clause, and words that give a figure a year of its own.
# 今年以来, 2024年以来, 9月以来: since a start within the year — not 项目开工以来, 建园以来, “十四五”以来.
_SINCE_THIS_YEAR = re.compile(r"(?:[今本当]年|年初|(?:19|20)\d{2}\s*年|\d{1,2}\s*月(?:份)?)(?:初|底)?以来")
_NEW_IN_SPAN = re.compile(r"^\s*(?:全[市县区省州])?(?:新增|净增|新培育|新认定|新引进|新登记)")
_A_YEAR_SAID = re.compile(r"(?:19|20)\d{2}|[今去上当全]年|年内|年度|本年|同比|比上年")
_ABOUT_SHARE = re.compile(r"(?:约|大约|接近|近)占")
_HOW_MUCH_MORE = {"多", "少"}
# 上年同期地区生产总值为190.52亿元: the same months of last year (上年结转收入 is this year's, carried over from last year).
_SAME_TIME_LAST_YEAR = re.compile(r"(?:上年|去年)同期")
# 超收, 短收, 超支: by how much a figure went beyond or fell short of its budget.
_BEYOND_BUDGET = re.compile(r"超收|短收|超支")
# 超年度计划0.60亿元, 比年度计划多完成0.60亿元, 超额完成0.6亿元: by how much a figure went beyond its plan — no plan itself.
_BEYOND_PLAN = re.compile(r"(?:超(?:过|出)?|比)(?:年度|全年|年初)?(?:计划|目标|预算|任务)(?:多完成|多)?$|超额完成$")


def _beyond(subject: str) -> bool:
    """Whether a subject names by how much a figure went beyond its budget or plan (超收, 短收; 比年度计划多)."""
    return _BEYOND_BUDGET.fullmatch(subject) is not None or _BEYOND_PLAN.fullmatch(subject) is not None
_BARE_INVESTMENT = re.compile(r"[\s,;、]*(?:共|全年)?(?:完成|实现)投资\s*")
# A clause about building one kind of work up, ending right before the number's: 加大基础设施建设力度, 加快交通基础设施建设,
_WORK_BUILT = re.compile(r"(?:^|[,;。])\s*(?:加大|加快|推进|加强|强化|抓好|大力推进|全力推进)(?P<work>[\u4e00-\u9fff]{2,8}?)建设"
                         r"(?:力度|步伐|进度)?\s*,\s*$")
_MEASURE_END = re.compile(r"(?:增加值|产值|收入|利润|利税|总值|总额|投资|产量|支出)$")
# 去年 saying when (去年全市实现…), not what with (比去年, 较去年, 由去年, 去年同期, 去年底的).
_LAST_YEAR_WHEN = re.compile(r"(?<![比较由从与同于在])去年(?!同期|末|底|的|同|基础)")
# 比上年的155210万元, 比2023年的16.80亿元, 较上年末的186家, 比上年末（53.0%）: a level compared with, of last year or the year named.
# Also last year's figure in parentheses after the rate: 合同引资486.3亿元，同比增长21.4%（上年400.6亿元）.
# And a clause of last year's figure alone right after this year's: 优良天数比率85.5%，上年为82.8%.
# Last year's figure named as what it was (比2025年执行数21.07亿元, 较上年决算数…): a base as 比上年的… is.
_LAST_FIGURE = "(?:的\\s*)?(?:预计)?(?:执行数|完成数|决算数)"
_BASE = re.compile(r"(?:(?:比|较|同比)\s*(?:上年|去年|年初|(?:19|20)\d{2}\s*年)(?:末|底|同期)?(?:的\s*|\s*\(\s*|" + _LAST_FIGURE + r"\s*)"
                   # 决算数为16.08亿元，比向县人大报告的预算执行数（16.05亿元）增加0.03亿元: the figure reported before, named.
                   r"|(?:比|较)[\u4e00-\u9fff]{0,12}?的?(?:预算)?执行数\s*\(\s*"
                   # 同比增长12.4%（上年争取55.9亿元）: last year's figure in parentheses, named by any verb.
                   r"|\(\s*(?:上年|去年)(?:末|底|同期)?(?:为|是|[\u4e00-\u9fff]{1,4})?\s*"
                   # 民生支出333.5亿元…；民生支出上年为314.8亿元: last year's figure said alone, or with the thing's own name again.
                   r"|^\s*[,;]?\s*(?P<own>[\u4e00-\u9fff]{2,12}?)?(?P<alone>(?:上年|去年)(?:末|底|同期)?"
                   # 上年同期重工业占比为61.5%: the earlier period's rate, named again between the period and its verb.
                   r"(?:[\u4e00-\u9fff]{2,10}?(?:占比|比重|率))?(?:为|是|完成|实现))\s*)$")
_MONTH_BEFORE = re.compile(r"^\s*\(\s*(?:上月|上个月|上期|(?:1[0-2]|0?[1-9])\s*月(?:份)?(?:当月|单月)?)(?:为|是)?\s*$")
# 5月当月完成34.12亿元，比4月的32.68亿元环比增长4.4%: the month before, after 比…的 and before the rate over it.
_MONTH_BEFORE_DE = re.compile(r"(?:比|较)\s*(?:上月|上个月|(?:1[0-2]|0?[1-9])\s*月(?:份)?(?:当月|单月)?)的\s*$")
_OVER_MONTH_BEFORE = re.compile(r"\s*环比(?:增长|下降)")
_FROM_LAST_YEAR = re.compile(r"[,;]?\s*由(?:上年|去年)(?:末|底|同期)?的\s*$")
_CHANGE_NOT_TO = re.compile(r"\s*(?:提高|增加|上升|下降|降低|减少|回落)(?![到至])")
# 占年度计划投资的59.7%: a completion's words naming the plan by its own figure's name.
_OF_PLAN_NAMED = re.compile(r"\s*[,;]?\s*占(?P<plan>(?:年度|全年)?计划(?:总投资|投资|资金))的?\s*")
# A clause that names only the year of its figure: 2020年3052.6亿元, ，2023年末405家.
_YEAR_ALONE = re.compile(r"\s*[,:;]?\s*(?:19|20)\d{2}\s*年(?:末|底)?\s*")
# A figure said to be last year's right before it (由上年的87.4%, 较上年末的186家, 同比增长21.4%（上年400.6亿元）, 上年为…);
# in parentheses opening with 上年 whatever verb names it (同比增长12.4%（上年争取55.9亿元）): an aside about last year.
_LAST_YEARS = re.compile(r"(?:上年|去年)(?:同期|末|底|度)?(?:的|为|是)?\s*\(?\s*$"
                         r"|\(\s*(?:上年|去年)(?:同期|末|底|度)?[\u4e00-\u9fff]{1,6}\s*$")
# A rate in parentheses that the words before it give to a whole place: （全市增长5.5%）, 高于全省平均水平（4.9%）.
# 比全省第二产业增速（5.9%）: the place's rate of the sentence's own thing, named between them (checked against the subject).
_PLACE_RATE = re.compile(r"(?:^|\()\s*(?:(?:高于|低于|快于|慢于|高出|低出|比)\s*)?(?P<place>全(?:国|省|市|县|区|州|盟))"
                         r"(?P<thing>[\u4e00-\u9fff]{2,8}?(?=增速|增幅))?"
                         r"(?:平均水平|平均|水平)?(?:增长|增速|增幅|为)?\s*\(?\s*$")
# Only the close of a parenthesis between a number and the one before it: （4.9%）0.7个百分点.
_AFTER_ASIDE = re.compile(r"\s*\)\s*")
# 由上年同期的13.5%提高到14.8%: last year's same months, in a period's review.
# 由每人每年670元提高到700元: a standard per head and period, named between 由 and its figure.
_FROM = re.compile(r"(?:由|从)(?:上年|去年|(?:19|20)\d{2}\s*年)?(?:末|底|同期)?(?:的)?(?:每人)?(?:每(?:年|月|天))?\s*$")
_TO = re.compile(
    r"(?:增加|减少|提高|提升|上升|下降|降低|扩大|缩小|增长|升|增|降|减|达|调整|跃升|发展|回落|回升|下滑)(?:到|至|为)"
    r"(?:(?:19|20)\d{2}\s*年(?:末|底)?的?)?\s*$"
)
# 一、二、三产业 (and 第一、二、三产业): the three industries, written short.
_INDUSTRIES = re.compile(r"(?P<which>第?[一二三](?:、第?[一二三])+)(?:次)?产业(?P<measured>增加值|总产值|产值|投资|营业收入|收入)?\s*$")
_THREE_INDUSTRIES = re.compile(r"^.*三次产业")
# A structure of the three industries, named so or by their short names (一产、二产、三产结构比例为3.32:47.06:49.62).
_THREE_NAMED = re.compile(r"三次产业|一产、?二产、?三产|一、二、三产|一二三产|第一、(?:第)?二、(?:第)?三产业")
_MEASURED_AFTER = re.compile(r"增加值|总产值|产值|营业收入|收入|利润|产量")
_LISTABLE = {"quantity", "adjusted"}
# 增长5%—6%: a range, read as one reading (two growth targets, not a growth and a level).
_RUN_JOINT = re.compile(r"\s*(?:[、和及与]|[—–―~\-]{1,2})\s*")
_ASIDE = re.compile(r"\([^()]*\)")


def _runs(norm: str, hits: list[Hit]) -> list[list[Hit]]:
    """Numbers joined only by 、 or 和 (41250元、19870元; 8.46、7.93、6.05亿元) or a range's dash (5%—6%) form one list; a number in
    parentheses (70户（力争100户）、50户) is an aside, neither a member nor a break."""
    runs: list[list[Hit]] = []
    member: list[Hit] | None = None
    for hit in hits:
        last = member[-1] if member else None
        between = norm[last.span.end : hit.span.start] if last else ""
        if last is not None and "(" in between and ")" not in between:
            runs.append([hit])  # an aside: the list goes on after the closing parenthesis
            continue
        joined = last is not None and _RUN_JOINT.fullmatch(_ASIDE.sub("", between)) is not None
        if member is not None and last is not None and joined and hit.kind in _LISTABLE and last.kind in _LISTABLE and last.unit == hit.unit:
            member.append(hit)
        else:
            member = [hit]
            runs.append(member)
    return runs


def _last_things(named: list[str], count: int) -> list[str]:
    """The last `count` different things named in the sentence, in order."""
    things: list[str] = []
    for thing in reversed(named):
        if thing not in things:
            things.insert(0, thing)
    return things[-count:] if len(things) >= count else []


def _leading_edge(text: str) -> int:
    return len(text) - len(text.lstrip(_EDGE))


def _last_phrase(text: str) -> str:
    """The list of subjects right before 分别: the words after the last verb or comma-like break."""
    subject = subject_before(text.replace("、", "\x00")).replace("\x00", "、")
    return subject or text


def _ratio_names(context: str, count: int, industries: bool) -> list[str]:
    if industries and count == 3:
        return ["第一产业", "第二产业", "第三产业"]
    name = strip_edges(re.sub(r"结构比|比例|之比|比为|为", "", context)) or "结构比"
    return [f"{name}第{i + 1}项" for i in range(count)]


def extract_facts(text: str, lexicon: Lexicon | None = None) -> list[Fact]:
    """Every fact in `text`, numbered in order; offsets are character offsets into `text`."""
    extractor = Extractor(lexicon)
    return [fact for offset, para in iter_paragraphs(split_lines(text)) for s in extractor.feed(offset, para) for fact in s.facts]



def _measured(fact: Fact) -> bool:
    """A level of an amount other than a count (亿元, 万吨), which a sentence of counts alone does not replace."""
    unit = fact.unit_info
    return fact.kind == "level" and fact.whole is None and unit is not None and not unit.is_percent and unit.kind != "count"


def _tabbed(paragraph: str, norm: str) -> str:
    """The normalised line with each run of ideographic spaces between cells as one tab and spaces after it (one
    character for one), so that the run separates two cells and no empty ones."""
    chars = list(norm)
    for found in _CELL_SPACE.finditer(paragraph):
        chars[found.start()] = "\t"
        for k in range(found.start() + 1, found.end()):
            chars[k] = " "
    return "".join(chars)


def _unquoted(norm: str) -> str:
    """A line of quoted comma-separated cells ("科目","执行数") with its quotes as blanks (one character for one)."""
    return norm.replace('"', " ") if _QUOTED_CELLS.fullmatch(norm.strip()) else norm


def _parts_of_row(doc: _Document, columned: list[tuple[int, Fact]], part: bool) -> list[Fact]:
    """其中：第一产业 / 第二产业 / 第三产业 under 地区生产总值: the levels of the part rows below a whole row are a list of parts
    of the whole's level in the same column, one list a column. The list is whole only when a row that is no part comes:
    that row's sentence carries it, its wholes and all its parts (the check tells whether they are all of the whole)."""
    if not part:
        closed = [*doc.whole_columns.values(), *doc.part_levels] if doc.part_levels else []
        doc.whole_columns = {i: f for i, f in columned if f.kind == "level"}
        doc.part_levels = []
        doc.groups += len(doc.whole_columns)
        return closed
    first_group = doc.groups - len(doc.whole_columns)
    for k, (i, whole) in enumerate(doc.whole_columns.items()):
        for at, fact in columned:
            if at == i and fact.kind == "level" and fact.unit == whole.unit and fact.period == whole.period:
                fact.whole, fact.group = whole.index, first_group + k
                doc.part_levels.append(fact)
    return []


def _shares_of_total(doc: _Document, facts: list[Fact]) -> list[Fact]:
    """来源地 到位资金 占比%: a row's share that is no part's of the row above is its share of the table's 合计 row, which
    comes after it; the row keeps the share back and the total's row states it, its whole before it."""
    shares = [f for f in facts if f.kind == "share" and f.share_of is None]
    if not shares:
        if TOTAL_ROW.match(facts[0].subject or "") and doc.shares:
            return _with_shares(doc, facts)
        return facts
    kept = [f for f in facts if not (f.kind == "share" and f.share_of is None)]
    if TOTAL_ROW.match(facts[0].subject or ""):
        return _with_shares(doc, kept)  # the total's own share (100.0) is of itself
    doc.shares.extend(shares)
    return kept


def _with_shares(doc: _Document, total_row: list[Fact]) -> list[Fact]:
    whole = next((f for f in total_row if f.kind == "level" and f.entity), None)
    shares, doc.shares = doc.shares, []
    if whole is None:
        return total_row
    for share in shares:
        share.share_of = whole.entity
    return total_row + shares


def _columns_of(table: Table, norm: str, offset: int, facts: list[Fact]) -> list[tuple[int, Fact]]:
    """Each fact of a table's row with the column it is in."""
    starts = {offset + a: i for i, (a, _) in enumerate(row_spans(table, norm) or [])}
    return [(starts[f.start], f) for f in facts if f.start in starts]


def _summed_column(doc: _Document, at: int, total: Fact) -> list[Fact]:
    """The rows kept in column `at` of the total's unit, made its parts (one group), when there are two or more."""
    column = [f for i, f in doc.rows if i == at and f.unit == total.unit]
    if len(column) < 2:
        return []
    for row in column:
        row.whole, row.group = total.index, doc.groups
    doc.groups += 1
    return column


def _rows_below_total(doc: _Document) -> list[Fact]:
    """A 合计 row first in its table and the rows below it that are no parts, column by column: the total and its parts."""
    carried: list[Fact] = []
    for at, total in doc.total_first:
        if column := _summed_column(doc, at, total):
            carried += [total, *column]
    doc.total_first, doc.rows = [], []
    return carried


def _total_of_rows(doc: _Document, facts: list[tuple[int, Fact]], part: bool) -> list[Fact]:
    """The rows above a 合计 row (全市合计, 支出合计) that are no part of another row are its parts, column by column; the
    rows are kept until then, and the total's sentence carries them."""
    if doc.table is None:
        return []
    name = (facts[0][1].subject or "") if facts else ""
    if not TOTAL_ROW.match(name):
        if not part:
            doc.rows.extend((i, f) for i, f in facts if f.kind == "level")
        return []
    if not doc.rows and not doc.whole_columns:
        doc.total_first = [(i, f) for i, f in facts if f.kind == "level"]  # 合计 first: its parts are the rows below
        return []
    parts: list[Fact] = []
    for at, total in facts:
        if total.kind == "level":
            parts.extend(_summed_column(doc, at, total))
    doc.rows = []
    return parts

"""Tables of indicators as county plan reports print them: a header row names each column (单位, 1—10月,
同比增长(%), 完成年计划(%), 排名), and every row below it gives one indicator's figures as bare numbers.

A row of a .docx or PDF table reaches the reader as one line of cells joined by commas; a text table
separates them with tabs, bars or runs of spaces. A header is only taken as one when its first cell names
the rows (指标, 项目, 名称) and no cell holds a number other than a period (1—10月, 2024年), so prose is never
read as a table; a row is only read as one of the table's when it has as many cells as the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from devplan.reader.facts import Fact
from devplan.reader.lexicon import Lexicon
from devplan.reader.measures import ESTIMATE_RE, TARGET_RE, measure_of, read_context
from devplan.reader.numbers import parse_arabic, too_long
from devplan.reader.periods import YEAR_RE, Period, find_period, find_year
from devplan.reader.subjects import split_attribute, strip_edges
from devplan.reader.units import UNIT_PATTERN, parse_unit

# Cells: tabs, bars, runs of spaces, or commas that are no thousands separator (1,250.6 is one number).
# A tab followed by spaces (a run of ideographic spaces the reader turned into one tab and padding) is one separator.
# A slash with a blank after it (指标 / 2025年 / 完成) separates cells too.
_CELLS = re.compile(r"\t *|\s*[|｜]\s*|\s*/\s+|\s{2,}|,")
# A thousands separator: one to three digits before it that are no decimals (9.5,120 is two cells) and exactly
# three after.
_THOUSANDS = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})*$")
_NUMBER_REACH = 40
_THREE_AFTER = re.compile(r"\d{3}(?!\d)")
# 县市区, 县(市、区), 地区, 乡镇: a table of places, each row a place's figures and a 合计 row their total.
PLACES = r"^(?:县市区|县\(市、?区\)|市\(县、?区\)|区县|县区|县市|地区|区域|乡镇(?:\(街道\))?)$"
# 全市合计, 合计, 总计: the row of a table of places that totals the rows above it.
TOTAL_ROW = re.compile(r"^(?:全[市县区省州]|[\u4e00-\u9fff]{1,4})?(?:合计|总计)$|^全[市县区省州]$")
# 单位：亿元、%: the units of a table's value columns, in order, on the line before its header.
_UNITS_LINE = re.compile(r"^\s*单位\s*:\s*(?P<units>[^\d:]{1,30})$")
# 指标, 项目名称, 产品名称 (a bulletin's table of products): the first cell names the rows.
_NAME_COLUMN = re.compile(r"^(?:主要)?(?:[\u4e00-\u9fff]{1,4}?)?(?:指标|项目|名称|类别|分类|内容|科目|来源地)(?:名称)?$|^$|" + PLACES)
_UNIT_COLUMN = re.compile(r"^(?:计量)?单位$")
# A column that gives each row's own months (数据截至: 1—10月), for the columns that name none.
_PERIOD_COLUMN = re.compile(r"^(?:数据)?\s*(?:截至|截止)\s*(?:时间|月份|日期)?$|^(?:统计)?(?:时间|期间|月份)$")
_RANK_COLUMN = re.compile(r"排名|排位|位次|名次")
# A header cell holds no number but a period's: 1—10月, 2024年, 上年同期.
_PERIOD_NUMBERS = re.compile(rf"{YEAR_RE.pattern}|\d{{1,2}}\s*[—–―\-~～至到]+\s*\d{{1,2}}\s*月(?:份)?|\d{{1,2}}\s*月(?:份)?")
_UNIT_IN_HEADER = re.compile(rf"[(]\s*{UNIT_PATTERN}\s*[)]$|(?<=[\u4e00-\u9fff]){UNIT_PATTERN.replace('?P<unit>', '?P<bare>')}$")
_VALUE = re.compile(rf"^(?P<sign>[-+])?(?P<num>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)\s*(?:{UNIT_PATTERN})?$")
_RANK_VALUE = re.compile(r"^第?\s*(?P<num>\d{1,3})\s*(?:位|名)?$")
# 占比(%), 比重(%), 构成(%): a share column that names no whole — each row's share of the row it is a part of.
_SHARE_OF_ROW_ABOVE = re.compile(r"^(?:所?占比(?:重)?|比重|构成)$")
# A row that is a part of the row above: indented under it, or opened with 其中.
_PART_ROW = re.compile(r"^(?: +|\s*其中\s*[:,]?)")
_LEVEL_COLUMN = re.compile(r"绝对值|绝对额|总量|完成|累计|实绩|实际|本年|本期|全年|当年|数值|金额|产量|产值|数量|总额|余额|执行数|决算数|到位")
# 2024年, 2023年: a column headed by a year alone holds that year's levels.
_YEAR_ONLY = re.compile(rf"^\s*(?:{YEAR_RE.pattern})\s*$")
# 5.5以内, 8%左右: a cell of a target given as a bound, no figure to check; the row goes on.
_BOUND_VALUE = re.compile(r"^[-+]?\d+(?:\.\d+)?\s*%?\s*(?:以内|以上|以下|左右)$")
# 单位：个、亿元: a count's unit (项目数, 签约项目) among the units of a line naming several.
_COUNT_UNIT = re.compile(r"^(?:个|家|项|户|人|座|所|次|件|宗)$")
_COUNT_COLUMN = re.compile(r"(?:项目|企业|个|家|户|人|单位)数$|^(?:签约|新开工|在建|竣工|续建)项目$")
# 增减量, 比年初增加, 环比增加: a column of changes, no level, whatever unit it is in.
_CHANGE_COLUMN = re.compile(r"增减|增加|减少|增量|差额|变动")
# 增长, 增速, 到位率, 比重: a column of rates, in percent whatever amount unit the units line names first.
_RATE_COLUMN = re.compile(r"增长|增速|增幅|下降|率|比重|占比|构成|同比|环比|%")
# 2024年目标, 调整预算, 预算数: a column of what was planned.
_TARGET_COLUMN = re.compile(r"(?:目标|计划|预算)(?:数|值|额)?$")
# 10月: one month's figures.
_ONE_MONTH_COLUMN = re.compile(r"^(?P<m>1[0-2]|0?[1-9])月份?$")
# 备注, 说明, 责任单位: columns that hold no indicator's figures, whatever the units line says.
_NOTE_COLUMN = re.compile(r"备注|说明|责任|单位$|序号|牵头")
# 比上年增减(%): a header's rise or fall in percent is the growth rate (a header holds no amount of its own).
_GROWTH_HEADER = re.compile(r"增减(?:幅度|率)?$")
# 完成率, 占调整预算, 为年计划: a column of each row's completion of a target (the one a target column names).
_COMPLETION_HEADER = re.compile(r"^完成(?:率|进度)$|^(?:占|为|完成)(?:年初|调整|年度?|全年)?(?:目标|计划|预算)(?:数)?$")
# 收支情况表(单位:万元), 项目统计(单位：个、亿元), 推进情况   单位：万元、%: the title's units (in brackets or after a
# run of spaces at its end), when the table has no units line of its own.
_TITLE_UNITS = re.compile(r"(?:[(]|\s{2,})\s*(?P<line>单位\s*:\s*[^\d:()]{1,30}?)\s*[)]?\s*$")
# |---|:--:|--:|: a Markdown table's rule under its header, no row.
_RULE_ROW = re.compile(r"^\s*[|｜]?(?:\s*:?-{2,}:?\s*[|｜])+\s*(?::?-{2,}:?\s*)?$")
# 地区生产总值(亿元): a row naming its own unit in brackets after its name, for a table with no unit column.
_UNIT_IN_NAME = re.compile(rf"[(]\s*{UNIT_PATTERN}\s*[)]$")


def _separates(norm: str, sep: re.Match[str], every_comma: bool) -> bool:
    """A separator, unless it is a comma inside a number (1,250.6) — and in a row of comma-joined cells every comma is."""
    if sep.group() != "," or every_comma:
        return True
    # Only the text just before the comma is looked at: a search from the line's start would make a long line of commas
    # take time growing with the square of its length.
    return not (_THOUSANDS.search(norm, max(0, sep.start() - _NUMBER_REACH), sep.start()) and _THREE_AFTER.match(norm, sep.end()))


def cells(norm: str, every_comma: bool = False) -> list[tuple[int, int]]:
    """The spans of a line's cells, blanks around each removed; spaces before the first cell indent it (a part of
    the row above), they separate no empty cell."""
    start = len(norm) - len(norm.lstrip(" "))
    spans = []
    for sep in _CELLS.finditer(norm, start):
        if not _separates(norm, sep, every_comma):
            continue
        spans.append((start, sep.start()))
        start = sep.end()
    spans.append((start, len(norm)))
    trimmed = []
    for a, b in spans:
        text = norm[a:b]
        a += len(text) - len(text.lstrip())
        b -= len(text) - len(text.rstrip())
        trimmed.append((a, max(a, b)))
    return trimmed


def row_cells(norm: str, every_comma: bool = False) -> list[tuple[int, int]]:
    """A row's cells: a bar opening or closing the row (| 指标 | 1-9月 |) opens or closes no empty cell."""
    spans = cells(norm, every_comma)
    if len(spans) > 1 and spans[0][0] == spans[0][1] and re.match(r"\s*[|｜]", norm):
        spans = spans[1:]
    if len(spans) > 1 and spans[-1][0] == spans[-1][1] and re.search(r"[|｜]\s*$", norm):
        spans = spans[:-1]
    return spans


@dataclass(frozen=True, slots=True)
class Column:
    """What a column's numbers are: a unit of its own (同比增长(%)) or the row's, a kind, a role, months."""

    unit: str | None
    kind: str
    role: str
    months: tuple[int, int] | None
    previous_year: bool
    year: int | None
    compared_with: str | None = None  # 环比增加: a change against the month before, no other column's base


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[Column | None, ...]  # None for the name and unit columns, and columns not understood
    name_column: int  # 0, or 1 after a 序号 column
    unit_column: int | None
    period_column: int | None
    months: tuple[int, int] | None
    year: int | None
    places: bool = False


def _own_unit(header: str) -> re.Match[str] | None:
    """The unit a column's header names (同比增长(%), 增长%), if any."""
    found = _UNIT_IN_HEADER.search(header)
    if found and found.group("bare") and header.endswith("到位"):
        return None  # 已到位: 位 ends the word, it is no unit
    return found


# 同比±%: the sign ± says a rise or fall in percent — the growth rate, never the row's amount.
_PLUS_MINUS = re.compile(r"(?:±|\+/?-)(?=\s*[(]?\s*%)")


# 比预算增减%, 较计划增减: a change against the plan, not against last year — no growth (its base is the plan's column).
_AGAINST_PLAN = re.compile(r"(?:比|较|与)(?:年初|调整)?(?:预算|计划|目标)")


def _column(header: str, unit_given: str | None = None, row_unit: bool = False) -> Column | None:
    if _AGAINST_PLAN.search(header):
        return None
    header = _PLUS_MINUS.sub("增长", header)
    if _RANK_COLUMN.search(header):  # before units: 排名 ends with the counting word 名
        period = find_period(header)
        return Column(None, "rank", "actual", period.months, period.previous_year, find_year(header))
    found = _own_unit(header)
    unit = (found.group("unit") or found.group("bare")) if found else unit_given
    words = header[: found.start()] if found else header
    period = find_period(words)
    if (month := _ONE_MONTH_COLUMN.match(words.strip())) is not None:
        period = replace(period, months=(int(month.group("m")), int(month.group("m"))))
    percent = parse_unit(unit).is_percent if unit is not None else not row_unit
    # 完成%: the word for the level column (完成) with a percent of its own is the completion.
    if percent and (_COMPLETION_HEADER.match(words.strip()) or (found is not None and words.strip() == "完成")):
        return Column("%", "completion", "actual", period.months, period.previous_year, find_year(words))
    if found is not None and percent and _GROWTH_HEADER.search(words):
        return Column("%", "growth", "actual", period.months, period.previous_year, find_year(words))
    reading = read_context(words, parse_unit(unit) if unit else parse_unit("%"))
    target = TARGET_RE.search(words) or _TARGET_COLUMN.search(words.strip())
    role = "target" if target else "estimate" if ESTIMATE_RE.search(words) else "actual"
    if reading.kind == "share" and _SHARE_OF_ROW_ABOVE.match(words.strip()):
        return Column("%", "share", "actual", period.months, period.previous_year, find_year(words))
    amount = (unit is not None and not parse_unit(unit).is_percent) or (unit is None and row_unit)
    if amount and _CHANGE_COLUMN.search(words) and reading.kind in {"change", "level"}:
        # 比年初增加, 增减量 (亿元): a column of changes, in an amount unit.
        return Column(unit, "change", "actual", period.months, period.previous_year, find_year(words),
                      "环比" if "环比" in words else None)
    if reading.kind in {"share", "change"} or (reading.kind == "level" and _CHANGE_COLUMN.search(words)):
        return None  # a share names its whole, a change its own unit: neither can be read from a header alone
    if reading.kind == "level" and unit is not None and parse_unit(unit).is_percent and not period.months \
            and not _GROWTH_HEADER.search(words):
        return None  # a "(%)" column that names no period or measure
    kind = reading.kind
    if kind in {"growth", "completion"}:
        unit = unit or "%"
    previous = period.previous_year
    if kind == "level" and not (period.months or previous or role != "actual" or _LEVEL_COLUMN.search(words)
                                or _YEAR_ONLY.match(words)
                                or (unit_given is not None and not found)
                                or (found is not None and unit is not None and not parse_unit(unit).is_percent)):
        return None  # 备注, 序号 …: a column that does not say it holds the indicator's figures
    return Column(unit, kind, "actual" if kind == "completion" else role, period.months, previous, find_year(words))


def units_line(line: str) -> bool:
    """Whether a line is a table's units line (单位：万元) rather than its title."""
    return _UNITS_LINE.match(line) is not None


def _given_units(units_line: str, texts: list[str], values: list[int]) -> dict[int, str]:
    """The unit of each value column that a units line gives: in order when it names one for each (单位：亿元、%, a
    table of places' columns), else the one amount unit for every column (单位：万元), a count unit (单位：个、亿元) for the
    columns that count (项目数, 签约项目)."""
    given = _UNITS_LINE.match(units_line)
    units = [u.strip() for u in re.split(r"[、,，/]", given.group("units"))] if given else []
    units = [u for u in units if re.fullmatch(UNIT_PATTERN, u)]
    values = [i for i in values if not _NOTE_COLUMN.search(texts[i])]
    if len(units) == len(values):
        return dict(zip(values, units, strict=True))
    amounts = [u for u in units if not parse_unit(u).is_percent and not _COUNT_UNIT.match(u)]
    counts = [u for u in units if _COUNT_UNIT.match(u)]
    unit_of = {}
    for i in values:
        if _own_unit(texts[i]):
            continue  # 增长%, 到位资金（亿元）: a column naming its own unit
        if _RATE_COLUMN.search(texts[i]) or _COMPLETION_HEADER.match(texts[i]):
            if "%" in units:
                unit_of[i] = "%"  # 比年初增长 under 单位：亿元、%: a rate is in the percent the line names
        elif _COUNT_COLUMN.search(texts[i]):
            if len(counts) == 1:
                unit_of[i] = counts[0]
        elif len(amounts) == 1:
            unit_of[i] = amounts[0]
    return unit_of


# 2023年主要指标完成情况及2024年计划: the year of the figures done, not the year of the plan after it.
_PLAN_YEAR = re.compile(rf"(?:{YEAR_RE.pattern})(?:计划|目标|预算)")


def _title_year(title: str) -> int | None:
    """The year of a table's figures its title names: a year of a plan (2024年计划) only when no other year is named."""
    done = _PLAN_YEAR.sub("", title)
    return find_year(done) or find_year(title)


def read_header(norm: str, title: str, units: str = "") -> Table | None:
    """A table's header row (with its title, the line before it, for the period, and its units line, if any), or None."""
    spans = row_cells(norm)
    if len(spans) < 3:
        return None
    texts = [norm[a:b] for a, b in spans]
    name_column = 1 if texts[0] == "序号" else 0
    if not _NAME_COLUMN.match(texts[name_column]) or any(re.search(r"\d", _PERIOD_NUMBERS.sub("", t)) for t in texts):
        return None
    unit_column = next((i for i, t in enumerate(texts) if _UNIT_COLUMN.match(t)), None)
    period_column = next((i for i, t in enumerate(texts) if _PERIOD_COLUMN.match(t)), None)
    places = re.match(PLACES, texts[name_column]) is not None
    values = [i for i in range(len(texts)) if i > name_column and i not in (unit_column, period_column)]
    if not units and (given := _TITLE_UNITS.search(title)) and units_line(given.group("line")):
        units = given.group("line")
    unit_of = _given_units(units, texts, values) if unit_column is None else {}
    columns = [None if i <= name_column or i in (unit_column, period_column) else _column(t, unit_of.get(i), unit_column is not None)
               for i, t in enumerate(texts)]
    if all(c is None for c in columns):
        return None
    columns = _one_target(columns, texts)
    columns = _changes_of_one_level(columns)
    # 1—10月, 上年同期, 同比增长%, 占比%, 排名: a column of last year's level, a growth, share or rank column without months
    # is of the months of the figures just before it.
    months = None
    for i, column in enumerate(columns):
        if column is None or column.role != "actual" or column.kind == "completion":
            continue
        if column.months is None and months is not None and (column.kind in {"growth", "rank", "share"} or column.previous_year):
            columns[i] = replace(column, months=months)
        months = column.months or months
    mention = find_period(title)
    return Table(tuple(columns), name_column, unit_column, period_column, mention.months, _title_year(title), places)


def two_row_header(upper: str, lower: str) -> str | None:
    """指标 | 2024年 | | 2025年 | | over | | 目标 | 完成 | 目标 | 完成 | 增长%: a header in two rows, the lower opening with an
    empty cell, as one row of tab-separated cells, each the words above it (carried right over empty cells) and its own
    (2024年目标, 2025年增长%)."""
    tops, bottoms = row_cells(upper), row_cells(lower)
    if len(tops) != len(bottoms) or len(tops) < 3 or bottoms[0][0] != bottoms[0][1] or tops[0][0] == tops[0][1]:
        return None
    words, above = [upper[slice(*tops[0])]], ""
    for top, bottom in zip(tops[1:], bottoms[1:], strict=True):
        above = upper[slice(*top)] or above
        words.append(above + lower[slice(*bottom)])
    return "\t".join(words)


def _changes_of_one_level(columns: list[Column | None]) -> list[Column | None]:
    """11月末余额 | 比年初增加: a change column is the change of the one level column before it; after two (2024年 | 2023年 |
    增减量) it is their difference, which a check of the change against a level would misread."""
    kept: list[Column | None] = []
    for i, column in enumerate(columns):
        levels = sum(1 for c in columns[:i] if c is not None and c.kind == "level")
        kept.append(None if column is not None and column.kind == "change" and levels != 1 else column)
    return kept


def _one_target(columns: list[Column | None], texts: list[str]) -> list[Column | None]:
    """年初预算, 调整预算, 执行数, 为调整预算%: of several target columns (of one year), a completion is of the one its
    header names; when it names none, no target is read, since which one it is measured against cannot be told."""
    targets = [i for i, c in enumerate(columns) if c is not None and c.role == "target" and c.kind == "level"]
    years = [c.year for c in columns if c is not None and c.role == "target" and c.kind == "level"]
    if len(targets) < 2 or (len(set(years)) == len(targets) and None not in years):
        return columns  # 2024年目标 | 2024年完成 | 2025年目标: one target a year, none in the way of another
    named = {i for i in targets for k, c in enumerate(columns)
             if c is not None and c.kind == "completion" and texts[i] in texts[k]}
    return [None if i in targets and (len(named) != 1 or i not in named) else c for i, c in enumerate(columns)]


def rule_row(norm: str) -> bool:
    """Whether a line is a Markdown table's rule (|---|:--:|), which goes on with the table above it."""
    return _RULE_ROW.match(norm) is not None


def part_row(norm: str) -> bool:
    """Whether a row is a part of the row above it (indented under it, or opened with 其中); a bar opening the row
    (| 其中：住户存款 |) indents nothing, and a total row (合计) is no part."""
    row = re.sub(r"^\s*[|｜]\s*", "", norm)
    first = cells(row)[0]
    return _PART_ROW.match(row) is not None and not TOTAL_ROW.match(row[first[0] : first[1]])


def row_spans(table: Table, norm: str) -> list[tuple[int, int]] | None:
    """The spans of a row's cells, one for each of `table`'s columns, or None when the line has another count."""
    spans = row_cells(norm)
    if len(spans) != len(table.columns):
        # 固定资产投资,亿元,102.4,9.5,120,85.3: a row of a .docx or PDF table, its cells joined by commas.
        spans = row_cells(norm, every_comma=True)
    if len(spans) == len(table.columns) - 1 and table.name_column == 1 and TOTAL_ROW.match(norm[slice(*spans[0])].strip()):
        spans = [(spans[0][0], spans[0][0]), *spans]  # 合计｜280000｜…: a total row whose 序号 cell was left out
    return spans if len(spans) == len(table.columns) else None


def read_row(
    table: Table, norm: str, original: str, offset: int, default_year: int | None, lexicon: Lexicon, first_index: int,
    part_of: str | None = None,
) -> list[Fact] | None:
    """The facts of a row of `table`, or None when the line is not one of its rows; `part_of` names the row it is a
    part of, whose share a share column gives (the row of a whole gives none)."""
    spans = row_spans(table, norm)
    if spans is None:
        return None
    raw = norm[spans[table.name_column][0] : spans[table.name_column][1]].strip()
    # 全市合计: a table of places' total row keeps its name, all lead words though it is.
    name = raw if TOTAL_ROW.match(raw) else strip_edges(raw)
    if not name or (re.search(r"\d", name) and not re.search(r"[\u4e00-\u9fff]", name)):
        return None
    row_unit = None
    if table.unit_column is None and (own := _UNIT_IN_NAME.search(raw)) is not None:
        name, row_unit = strip_edges(raw[: own.start()]), own.group("unit")
    if table.unit_column is not None:
        a, b = spans[table.unit_column]
        row_unit = norm[a:b] if re.fullmatch(UNIT_PATTERN, norm[a:b]) else None
    row_months = None
    if table.period_column is not None:
        a, b = spans[table.period_column]
        row_months = find_period(norm[a:b]).months
    entity, attribute = split_attribute(name, lexicon.attributes)
    indicator = lexicon.find(name)
    facts: list[Fact] = []
    for column, (a, b) in zip(table.columns, spans, strict=True):
        if column is None:
            continue
        text = norm[a:b]
        matched = _RANK_VALUE.match(text) if column.kind == "rank" else _VALUE.match(text)
        if matched is None:
            if re.search(r"\d", text) and not _BOUND_VALUE.match(text):
                return None  # a cell that says more than a number (同比增长9.0%) is read as prose, with its row
            continue
        if too_long(matched.group("num")):
            continue  # a cell of a long run of digits holds no figure
        value = parse_arabic(matched.group("num"))
        unit = None if column.kind == "rank" else (matched.groupdict().get("unit") or column.unit or row_unit)
        if column.kind != "rank" and unit is None:
            continue  # a bare number with no unit anywhere says nothing checkable
        if matched.groupdict().get("sign") == "-":
            value = -value
        year = column.year or table.year or default_year
        if column.previous_year and year is not None and column.kind == "level":
            year -= 1
        # 2023年完成 beside 1-9月完成: a column naming its year alone is of that whole year, not of the title's months.
        months = column.months or (None if column.role in {"target", "estimate"} or column.year is not None
                                   else row_months or table.months)
        facts.append(Fact(
            text=original[a:b], start=offset + a, end=offset + b, value=value, unit=unit,
            measure=measure_of(column.kind, column.role), kind=column.kind, subject=name, entity=entity,
            indicator=indicator.code if indicator else None, attribute=attribute,
            period=Period(year, *(months or (1, 12))), period_stated=months is not None,
            share_of=part_of if column.kind == "share" and part_of else None, index=first_index + len(facts),
            compared_with=column.compared_with,
        ))
    return facts or None


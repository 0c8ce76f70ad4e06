"""Periods: which year and which months a figure covers (1—9月, 上半年, 一季度, 全年, 上年同期)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from devplan.reader.numbers import ordinal

DASHES = "—–―\\-~～至到"

YEAR = r"(?P<year>(?:19|20)\d{2})\s*年"
# A year written in Chinese digits: 二〇二一年.
CN_YEAR = r"(?P<cnyear>[〇零一二三四五六七八九]{4})年"
MONTHS = rf"(?P<m1>1[0-2]|0?[1-9])\s*[{DASHES}]+\s*(?P<m2>1[0-2]|0?[1-9])\s*月(?:份)?(?:累计)?"
HALF = r"(?P<half>上半年|下半年)"
QUARTER = r"(?P<q>前三季度|(?<!连续)第?[一二三四1-4]季度)"
FULL = r"(?P<full>全年|年度|年计划|年初)"
PREVIOUS = r"(?P<prev>上年同期|去年同期|(?:上年|去年)(?:末|底)?)"

# 截至10月底, 截止2024年9月末: the months so far, as 1—10月.
UP_TO = r"截[至止](?:(?:19|20)\d{2}\s*年)?\s*(?P<upto>1[0-2]|0?[1-9])\s*月(?:底|末|份)?"

# 前10个月: the months so far, as 1—10月.
FIRST_MONTHS = r"前(?P<firstn>1[0-2]|0?[1-9])个月"

# 9月当月, 9月份单月: one month alone, said so beside the months so far (1—8月累计…，9月当月…); so is a clause opening with
# the month (12月份，社会消费品零售总额…): the figures after it are that month's, not the year's.
ONE_MONTH = rf"(?<![\d{DASHES}])(?P<month>1[0-2]|0?[1-9])\s*月(?:份)?(?:当月|单月)|(?<![\d{DASHES}])(?P<monthof>1[0-2]|0?[1-9])\s*月份(?=\s*[,，])"

# Every period word holds 年, 月 or 季: find_period does not scan text without them (most contexts). Keep it so.
PERIOD_RE = re.compile("|".join([UP_TO, FIRST_MONTHS, ONE_MONTH, MONTHS, HALF, QUARTER, FULL, PREVIOUS]))
# Period words that can be cut out of a subject; 年计划 and 全年 are left for the subject rules.
PERIOD_WORDS_RE = re.compile("|".join([UP_TO, FIRST_MONTHS, ONE_MONTH, MONTHS, HALF, QUARTER, PREVIOUS]))
# 9月当月, 5月单月, 三季度单季: the words that set a month's (or quarter's) own figure against the months to date.
OWN_MONTHS = r"(?:当月|单月|单季|当季)"
YEAR_RE = re.compile(rf"{YEAR}|{CN_YEAR}")
# Year ranges and spans of years are names of plans, not periods of a figure.
YEAR_SPAN_RE = re.compile(rf"(?:19|20)\d{{2}}\s*[{DASHES}]+\s*(?:19|20)\d{{2}}\s*年?")
# The years a sentence's change runs over, said before it: 2019—2023年, 2019年至2023年, 2019年到2023年.
YEARS_BETWEEN_RE = re.compile(rf"(?P<first>(?:19|20)\d{{2}})\s*年?\s*[{DASHES}]+\s*(?P<last>(?:19|20)\d{{2}})\s*年")
# A day (2026年12月6日) in a document's opening lines dates its writing, not the period of its figures.
DAY_RE = re.compile(r"(?:19|20)\d{2}\s*年\s*(?:1[0-2]|0?[1-9])\s*月\s*(?:3[01]|[12]\d|0?[1-9])\s*日")


class Period(NamedTuple):
    """Months first..last of a year; `year` is None when the text never says which year. A named tuple: every figure
    has one, and the checks compare and look them up all the time (a frozen dataclass's are slower to make, compare
    and hash)."""

    year: int | None
    first: int = 1
    last: int = 12

    def label(self) -> str | None:
        if self.year is None:
            return None
        return f"{self.year}-{self.first:02d}/{self.year}-{self.last:02d}"

    def with_year(self, year: int | None) -> Period:
        return Period(year, self.first, self.last)

    @property
    def full_year(self) -> bool:
        return self.first == 1 and self.last == 12


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """What a clause says about its period: months, and whether it points at last year."""

    months: tuple[int, int] | None
    previous_year: bool
    spans: tuple[tuple[int, int], ...]


def _quarter_months(token: str) -> tuple[int, int]:
    if token == "前三季度":
        return (1, 9)
    q = ordinal(token.lstrip("第").removesuffix("季度"))
    return (3 * q - 2, 3 * q)


_COMPARED_WITH = re.compile(r"[比较]")
_NO_MENTION = PeriodMention(None, False, ())


def find_period(text: str) -> PeriodMention:
    """The period words in a stretch of (normalised) text; the last month expression wins."""
    if "年" not in text and "月" not in text and "季" not in text:
        return _NO_MENTION
    months: tuple[int, int] | None = None
    previous = False
    spans: list[tuple[int, int]] = []
    for m in PERIOD_RE.finditer(text):
        spans.append(m.span())
        if not m.group("prev") and _COMPARED_WITH.search(text, max(0, m.start() - 1), m.start()):
            continue  # 增速较1—9月回升0.5个百分点: the months compared with are not the figure's
        if m.group("upto"):
            months = (1, int(m.group("upto")))
        elif m.group("firstn"):
            months = (1, int(m.group("firstn")))
        elif m.group("month") or m.group("monthof"):
            month = int(m.group("month") or m.group("monthof"))
            months = (month, month)
        elif m.group("m1"):
            first, last = int(m.group("m1")), int(m.group("m2"))
            if first <= last:
                months = (first, last)
        elif m.group("half"):
            months = (1, 6) if m.group("half") == "上半年" else (7, 12)
        elif m.group("q"):
            months = _quarter_months(m.group("q"))
        elif m.group("full"):
            months = (1, 12)
        else:
            previous = True
    return PeriodMention(months, previous, tuple(spans))


# A year after 由, 从, 比, 是 … is a reference: it dates the number it introduces (由2015年的94.51亿元,
# 是2005年22557亿元的2倍), not the figures of the sentence.
REFERENCE_YEAR_RE = re.compile(r"(?:由|从|比|较|是|与|同|相比|对比)\s*(?P<year>(?:19|20)\d{2})\s*年(?:末|底)?(?:的)?")


def reference_year(context: str) -> int | None:
    """The reference year that introduces the number right after `context` (…由2015年的 → 2015)."""
    if "年" not in context[-10:]:
        return None
    found = list(REFERENCE_YEAR_RE.finditer(context))
    return int(found[-1].group("year")) if found and len(context) - found[-1].end() <= 2 else None


def find_year(text: str) -> int | None:
    """The last year named in the text (2023年 or 二〇二三年), ignoring spans like 2023—2025年 and reference
    years (比2005年)."""
    if "年" not in text:
        return None  # no year without 年; most clauses and contexts have none
    cleaned = YEAR_SPAN_RE.sub(lambda m: " " * len(m.group()), text)
    cleaned = REFERENCE_YEAR_RE.sub(lambda m: " " * len(m.group()), cleaned)
    year = None
    for m in YEAR_RE.finditer(cleaned):
        year = int(m.group("year")) if m.group("year") else ordinal(m.group("cnyear"))
    return year


def find_document_year(text: str) -> int | None:
    """The year a document's opening line says its figures are of: 2023 in "（2023年11月数据，截至2026年12月6日
    已知）" — a year named as a day only when no other is."""
    return find_year(DAY_RE.sub(lambda m: " " * len(m.group()), text)) or find_year(text)


# How many years a review covers, said before its figures: 过去五年, 这五年, 五年来, 经过五年的发展, “十二五”期间. A 年均
# rate between two levels whose years are not stated is over that many years. 今后五年 looks ahead (the plan part);
# 过去一年, 一年来 go back to one year, and “十四五”以来 to an unknown number.
_YEARS = r"(?P<n>[一两二三四五六七八九十]|\d{1,2})"
_REVIEW_YEARS_RE = re.compile(
    # The first characters of every cue, tested first: the engine passes over other characters fast (a third less time).
    r"(?=[今未再过这近经回本十一两二三四五六七八九\d])"
    rf"(?:(?:(?P<ahead>今后|未来|再用|再过)|过去的?|这|近|经过|回顾){_YEARS}年"
    rf"|(?<!\d){_YEARS.replace('n>', 'm>')}年(?:来|间|以来)"
    r"|十(?P<plan>[一二三四五])五”?(?:期间|时期|(?P<since>以来)|的五年|[^。，；]{0,3}收官)"
    # 回望本届政府的奋斗路, 本届政府任期以来: a government's term of five years.
    r"|(?P<term>(?:回顾|回望|回首)(?:过去)?本届政府|本届政府(?:任期|成立)以来))"
)


def review_years(text: str, years: int | None) -> int | None:
    """The years of review after `text`, given those before it: the last cue wins; None looks ahead or back to one year."""
    if "年" not in text and "十" not in text and "届" not in text:
        return years  # every cue holds one of them (…年, 十二五, 本届政府); most sentences need no scan
    for m in _REVIEW_YEARS_RE.finditer(text):
        if m.group("plan") or m.group("term"):
            # “十四五”以来 runs to the report's year, which may be before the plan's last: how many years is not said.
            years = None if m.group("since") else 5
            continue
        n = ordinal(m.group("n") or m.group("m"))
        years = None if m.group("ahead") or n < 2 else n
    return years


def years_between(text: str) -> int | None:
    """How many years the last span of years in `text` covers (2019—2023年, 2019年至2023年: 4), None when none does."""
    found = None
    for m in YEARS_BETWEEN_RE.finditer(text):
        first, last = int(m.group("first")), int(m.group("last"))
        if last > first:
            found = last - first
    return found


# One month's figure (8月份, 8月当月, 当月, 单月) beside a figure of the months to date (1—8月, 累计, 截至8月底): the reader
# dates both to the months to date, so only these words tell them apart.
_ONE_MONTH = re.compile(r"(?<![\d—~至-])(?:1[0-2]|0?[1-9])月(?:份|当月)|当月|单月")
_TO_DATE = re.compile(r"\d\s*[—~至-]+\s*\d{1,2}\s*月|累计|截[至止]")


# A clause of its own naming one month (12月份，…; 2025年12月份，…) — a figure right after 8月份 is found by one_month.
_MONTH_CLAUSE = re.compile(rf"(?<![\d{DASHES}])(?P<month>1[0-2]|0?[1-9])\s*月份\s*$")


def clause_month(text: str) -> tuple[int, int] | None:
    """The month a clause without figures ends naming (12月份 → 12 to 12), None when it names none."""
    found = _MONTH_CLAUSE.search(text)
    return None if found is None else (int(found.group("month")),) * 2


def one_month(text: str) -> bool:
    """Whether a figure's words name one month's figure (8月份7.14亿元, 8月当月完成…)."""
    return _ONE_MONTH.search(text) is not None


def months_to_date(text: str) -> bool:
    """Whether a figure's words name the months to date (1—8月…, 累计…, 截至8月底…)."""
    return _TO_DATE.search(text) is not None


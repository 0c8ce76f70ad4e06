"""Where the numbers are in a clause: quantities with units, ranks (排…第一) and structure ratios (40.1:16.9:43)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from devplan.reader.numbers import CHINESE_DIGITS, ordinal, parse_number, too_long
from devplan.reader.segments import Span, in_spans
from devplan.reader.units import BASE_PATTERN as _BASE_PATTERN
from devplan.reader.units import MAGNITUDE_PATTERN as _MAGNITUDE_PATTERN
from devplan.reader.units import UNIT_PATTERN, Unit, parse_unit

_CN = "〇零一二两三四五六七八九十百千万亿"
QUANTITY_RE = re.compile(
    # Only a sign or a numeral starts one: testing that first spares the engine the whole pattern at every other
    # character (four times faster over a report).
    rf"(?=[-\d{_CN}])"
    # A minus sign counts only after a word or punctuation (增速为-6.1%), never between digits (3-5个).
    rf"(?P<sign>(?<![\dA-Za-z.])-)?"
    # 第12次 is an ordinal, not a count; 63. 27% and 112. 46亿元 (a space a PDF or a copy left after the point) are one
    # number each, but 1. 2023年 is an item's mark and a year: a point and a space go on only into a percentage or into
    # one or two decimals. A space a PDF left between the digits of a decimal's whole part (营业收入28 6.4亿元) is inside
    # the number too: right after a word (never after 表, 图, 第 or 附件's label) no count stands bare before a
    # decimal with its unit — two numbers side by side each carry their unit or sit in cells.
    rf"(?P<num>(?<![A-Za-z0-9.第])(?:(?<=[\u4e00-\u9fff])(?<![表图第件])\d{{1,3}}\s\d{{1,3}}(?=\.\d)|\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+|\.\s(?=\d+\s?%|\d{{1,2}}(?![\d.]))\d+)?(?![\d.])"
    rf"|(?<![{_CN}第])[{_CN}]*[〇零一二两三四五六七八九十百千])"
    # 3万余户, 2亿多元: the loose word may stand between the magnitude and the base.
    rf"\s?(?P<more>多|余)?\s?(?:(?P<lead>{_MAGNITUDE_PATTERN})(?P<inner>多|余)(?={_BASE_PATTERN}))?{UNIT_PATTERN}"
    # 60岁及以上, 10亿元及以上: a floor that holds the bound itself is a floor still.
    rf"(?:及(?=以上))?(?P<post>以上|以下|以内|左右|多(?![\d.]))?(?![A-Za-z]|产业|创业)"
    # 部 and 位 count laws and people (法规2部, 96位劳模), never 12部门, 零部件, 两位数, 3位居…; 对 counts pairs
    # (友好城市43对), never 对口, 对接, 对标 ….
    rf"(?<!部(?=[门署分委长队属件]))(?<!位(?=[数居列于置次]))(?<!对(?=[口接标外象于比照话称应冲]))"
    # 种, 笔, 岁, 小时, 秒 count kinds, deals, years of age and time after digits (500余种, 115笔, 77.9岁, 4小时), never
    # after a Chinese numeral (一种新模式, 一笔一划) nor in 种植, 种子, 种类.
    rf"(?<![{_CN}][种笔岁秒])(?<![{_CN}]小时)(?<!种(?=[植子类养]))(?<!秒(?=杀))"
    # 连续18个月 is a duration (DURATION_RE), not 18 things.
    rf"(?<!个(?=月))"
)
# A rank follows a verb (排…, 居…) or the field it is ranked in (增速全国第五, 居全省首位).
RANK_RE = re.compile(
    r"(?:排名|排位|位居|位列|排在|排|居|蝉联|列|升至|升到|移到|跃升至|降至|全国|全省|全市|全区|全州|省区|西部|中部|东部|同类城市"
    r"|(?<=[位名])[和、及])"
    r"[^,;。、\d]{0,12}?"
    r"(?:第\s?(?P<ord>\d{1,3}|[一二三四五六七八九十]{1,3})\s?(?:位|名)?|(?P<first>首位))"
    # 第三方评估, 第一方阵, 第一梯队, 第一批试点: an ordinal naming a party, a tier or a batch is no place in a ranking; nor
    # one naming an industry (比全省第二产业增速（5.9%）高0.9个百分点).
    r"(?![\d一二三四五六七八九十方批梯期轮届]|产业)"
)
# Numbers of a list that print the unit only after the last one: 产值分别达8.46、7.93、6.05亿元.
_BARE_BEFORE = re.compile(r"(?<![\d.:])(\d+(?:\.\d+)?)\s?[、和]\s?$")
# A ratio and a duration start with a digit (or 连续, 近): tested before the rest, as in QUANTITY_RE, so that the engine
# passes over other characters fast.
RATIO_RE = re.compile(r"(?=\d)(?<![\d.])\d+(?:\.\d+)?(?:\s?:\s?\d+(?:\.\d+)?){1,4}(?![\d.])")
RATIO_CONTEXT = re.compile(r"结构|比例|之比|比为|比重|产业比|收入比|差距")
# 城乡居民收入比为2.05, 城乡收入比由2020年的2.31缩小到2.08: the ratio of the two incomes to one (the one reached), its ":1"
# left unsaid — never a year
# (收入比2023年增长…) nor a change (收入比下降0.05, 比上年缩小0.07: no verb of a level reached before the number).
_INCOME_RATIO_TO_ONE = re.compile(
    r"城乡[\u4e00-\u9fff]{0,10}?收入(?:之)?比(?:值)?(?:由[^,;，；]{1,16}?(?=缩小|下降|降))?"
    r"(?:为|是|达|缩小到|缩小至|缩小为|降至|降到|下降到|下降至|下降为)?\s?"
    r"(?P<value>\d+\.\d+)(?![\d.%:∶倍万亿元年])"
)
# 连续7年获评…, 连续4年居…第9位, 近8年最高: how many years, a count (the labels' convention); only where no other
# quantity follows in the clause (粮食产量连续5年稳定在50万吨以上 is about the 50万吨, and reads the years as a period).
# In digits only: the labels, like the reader, leave quantities written in Chinese numerals alone (连续三年, 近十年).
# Months in digits are a duration wherever they stand (连续18个月, 仅用1个月, 去化周期9个月), except the months of a
# period (前10个月, 1—3个月: periods.FIRST_MONTHS).
DURATION_RE = re.compile(
    r"(?=[连近\d])(?:(?:连续|近)(?P<n>\d{1,2})个?年(?!前|后|度|级|制|期|底|末|初|内)"
    r"|(?<![\d.])(?<!\d[—–―\-~～至到])(?<!(?<!提)前)(?P<months>\d{1,3})个月)"
)
_CLAUSE_END = re.compile(r"[,;:。]")
# A word every rank (第…, 首位) and every duration (连续…年, 近…年, …个月) holds: most sentences have none, and need no
# scan for them.
_RANK_WORD = re.compile(r"第|首位")
_DURATION_WORD = re.compile(r"连续|近|个月")
# What a bare 万 or 亿 counts when the words right after it name people or households (45.8万农村人口, 14亿中国人民,
# 4.5万贫困户); 户籍, 户口 name no household.
_COUNTED_AFTER = re.compile(
    r"[\u4e00-\u9fff“”]{0,6}?(?:(?P<people>人口|人员|人民|群众|农民|农牧民|牧民|居民|村民|市民|职工|劳动力|毕业生|学生|儿童|"
    r"旅客|游客|移民)|(?P<households>户(?![籍口])))"
)
ADJUSTED_RE = re.compile(r"\s?\(调整后\)|\s?(调整后)")
# 实现了2000、3000亿元的跨越 (的突破): a threshold crossed, named after the figure; the numbers listed before share it.
_CROSSED_AFTER = re.compile(r"的(?P<word>跨越|突破)")


@dataclass(frozen=True, slots=True)
class Hit:
    """One number in a clause: `span` covers the number, unit and trailing qualifier."""

    span: Span
    kind: str  # quantity, rank or ratio
    values: tuple[Decimal, ...]
    unit: Unit | None = None
    qualifier: str | None = None
    value_spans: tuple[Span, ...] = ()


# 教育、卫生健康、社会保障和就业三项支出分别为…: the names listed before a Chinese count of as many things (项, 类, 种),
# whose figures 分别 gives next, make that count the group's name, not a figure of its own.
_LIST_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{1,12}、)+[\u4e00-\u9fff]{1,12}$")
_GROUP_RESPECTIVELY = re.compile(r"[\u4e00-\u9fff]{0,8}分别")
_GROUP_WORDS = re.compile(r"[和及与]")


def _counts_the_list_before(text: str, m: re.Match[str], start: int) -> bool:
    """The count `m` (in Chinese numerals, of 项, 类 or 种) counts the names listed right before it, and 分别 follows."""
    unit = m.group("unit")
    if unit not in ("项", "类", "种") or _GROUP_RESPECTIVELY.match(text, m.end()) is None:
        return False
    listed = _LIST_BEFORE.search(text, start, m.start())
    if listed is None:
        return False
    names = listed.group().split("、")
    # 社会保障和就业 is one name or two (…、甲和乙): either count is the list's.
    counts = {len(names), len(names) + bool(_GROUP_WORDS.search(names[-1]))}
    return parse_number(m.group("num")) in counts


def _is_noise(m: re.Match[str], text: str, start: int) -> bool:
    num = m.group("num")
    if too_long(num):
        return True
    if num[0] not in "0123456789":
        # A lone 一 ("一批", "一次") is an article, not a count; 十, 千 alone ("千人口") are not numerals here.
        unit = parse_unit(m.group("unit"))
        lone_one = num == "一" and unit.magnitude == 1
        # 二次会议, 三次产业: 次 after a Chinese numeral names a session or a tier, not a count.
        if lone_one or unit.base == "次" or not any(ch in CHINESE_DIGITS for ch in num):
            return True
        return _counts_the_list_before(text, m, start)
    return False


def find_hits(text: str, span: Span, masked: list[Span]) -> list[Hit]:
    """Every quantity, rank and ratio inside `span` of `text`, in order, skipping masked spans."""
    hits: list[Hit] = []
    taken: list[Span] = []
    ranks = (
        RANK_RE.finditer(text, span.start, span.end) if _RANK_WORD.search(text, span.start, span.end) else ()
    )
    for m in ranks:
        at = m.start("ord") if m.group("ord") else m.start("first")
        if not in_spans(at, masked):
            place = ordinal(m.group("ord")) if m.group("ord") else 1
            hits.append(Hit(Span(*m.span()), "rank", (Decimal(place),)))
            taken.append(Span(*m.span()))
    if RATIO_CONTEXT.search(text, span.start, span.end):
        for m in _INCOME_RATIO_TO_ONE.finditer(text, span.start, span.end):
            bare = Span(*m.span("value"))
            hits.append(Hit(bare, "ratio", (Decimal(m.group("value")), Decimal(1)), value_spans=(bare, bare)))
            taken.append(bare)
        for m in RATIO_RE.finditer(text, span.start, span.end):
            parts = [p for p in re.finditer(r"\d+(?:\.\d+)?", m.group())]
            spans = tuple(Span(m.start() + p.start(), m.start() + p.end()) for p in parts)
            hits.append(
                Hit(Span(*m.span()), "ratio", tuple(Decimal(p.group()) for p in parts), value_spans=spans)
            )
            taken.append(Span(*m.span()))
    for m in QUANTITY_RE.finditer(text, span.start, span.end):
        if in_spans(m.start(), masked) or in_spans(m.start(), taken) or _is_noise(m, text, span.start):
            continue
        end = m.end()
        adjusted = ADJUSTED_RE.match(text, end)
        crossed = _CROSSED_AFTER.match(text, end)
        qualifier = (
            m.group("post")
            or m.group("more")
            or m.group("inner")
            or (crossed.group("word") if crossed else None)
        )
        unit = parse_unit((m.group("lead") or "") + m.group("unit"))
        if unit.base == "" and (counted := _COUNTED_AFTER.match(text, m.end())) is not None:
            # 对45.8万农村人口实施搬迁, 帮助2.36万边缘户: a bare 万 or 亿 before the people or households it counts.
            unit = parse_unit(unit.text + ("户" if counted.group("households") else "人"))
        value = parse_number(m.group("num"))
        hits.extend(
            _bare_before(text, m.start(), span.start, unit, masked, taken, qualifier if crossed else None)
        )
        hits.append(
            Hit(
                Span(m.start(), end),
                "quantity",
                (-value if m.group("sign") else value,),
                unit,
                qualifier,
                value_spans=(Span(m.start(), m.end("num")),),
            )
        )
        if adjusted:
            hits[-1] = Hit(
                hits[-1].span, "adjusted", hits[-1].values, hits[-1].unit, qualifier, hits[-1].value_spans
            )
    hits.extend(_durations(text, span, masked, hits))
    hits.sort(key=lambda h: h.span.start)
    return _complete_units(text, hits)


def _durations(text: str, span: Span, masked: list[Span], hits: list[Hit]) -> list[Hit]:
    found: list[Hit] = []
    if not _DURATION_WORD.search(text, span.start, span.end):
        return found
    for m in DURATION_RE.finditer(text, span.start, span.end):
        clause_end = _CLAUSE_END.search(text, m.end(), span.end)
        end = clause_end.start() if clause_end else span.end
        # Months are no period of a yearly figure (连续24个月保持18%以上 states both); years may be (连续5年稳定在50万吨以上).
        if in_spans(m.start(), masked) or (
            not m.group("months") and any(h.kind != "rank" and m.start() <= h.span.start < end for h in hits)
        ):
            continue
        unit = parse_unit("个月" if m.group("months") else "年")
        number = "months" if m.group("months") else "n"
        value = parse_number(m.group(number))
        found.append(
            Hit(
                Span(m.start(), m.end()),
                "quantity",
                (value,),
                unit,
                None,
                value_spans=(Span(m.start(number), m.end(number)),),
            )
        )
    return found


def _complete_units(text: str, hits: list[Hit]) -> list[Hit]:
    """8.3个和2.1个百分点: a unit cut short before 和 is the longer unit of the number after it."""
    for k in range(len(hits) - 2, -1, -1):
        first, second = hits[k], hits[k + 1]
        if (
            first.unit
            and second.unit
            and first.kind == second.kind == "quantity"
            and second.unit.text != first.unit.text
            and second.unit.text.startswith(first.unit.text)
            and text[first.span.end : second.span.start].strip() in {"、", "和", "及"}
        ):
            hits[k] = Hit(
                first.span, first.kind, first.values, second.unit, first.qualifier, first.value_spans
            )
    return hits


def _bare_before(
    text: str,
    at: int,
    floor: int,
    unit: Unit,
    masked: list[Span],
    taken: list[Span],
    qualifier: str | None = None,
) -> list[Hit]:
    """The unitless numbers listed right before a quantity, which share its unit (and a qualifier written after it)."""
    found: list[Hit] = []
    # The list mark (、 or 和) stands in the last three characters before a listed number: where it does not (most
    # numbers), no search back through the sentence is needed.
    while _list_mark_in(text, max(floor, at - 3), at):
        m = _BARE_BEFORE.search(text, floor, at)
        if m is None or in_spans(m.start(), masked) or in_spans(m.start(), taken):
            break
        span = Span(m.start(1), m.end(1))
        found.insert(
            0, Hit(span, "quantity", (parse_number(m.group(1)),), unit, qualifier, value_spans=(span,))
        )
        at = m.start()
    return found


def _list_mark_in(text: str, start: int, end: int) -> bool:
    return text.find("、", start, end) >= 0 or text.find("和", start, end) >= 0

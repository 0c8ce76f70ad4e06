"""Who or what a number is about: the subject phrase before it (or the noun after a count)."""

from __future__ import annotations

import re
from functools import lru_cache

from devplan.reader.numbers import parse_chinese
from devplan.reader.periods import PERIOD_WORDS_RE, YEAR_RE, YEAR_SPAN_RE

_EDGE = " \t,;:、.。!?—–―-~()[]【】\"'·•　"
_BULLET = re.compile(r"^(?:[一二三四五六七八九十]+是|[(][一二三四五六七八九十\d]+[)]|[一二三四五六七八九十]+、|\d+[.、])")
_LEAD = re.compile(
    # 全州, 全盟, 全旗, 全地区: the whole of an autonomous prefecture, a league, a banner or a prefecture (地区), as 全市 and 全县.
    r"^(?:其中|另外|此外|同时|共计|合计|总计|累计|共|全市|全县|全区|全镇|全省|全州|全盟|全旗|全地区|我市|我县|我区|我州|我盟|我旗|市本级|县本级|今年|全年|当年|年内|"
    r"目前|截至目前|年计划|规划目标|计划|(?:年初|调整后?的?)?预算数(?=\s*(?:为)?\s*$)|年初预算|调整后?预算|年末|年底|的|初步预计|初步统计|预计全年|预计|初步核算|力争|确保|争取到|首次|首度|再次|在|对|"
    # 比年初增加38.42亿元: what the figure is compared with, not what it is of.
    r"(?:同比|比|较)(?:年初|上年末|上年|去年)(?:末|底)?(?=$|增|减|提|下|上|净)|"
    # 比上年执行数增长5.0%: last year's figure as executed (上年 cut out as a period word).
    r"(?:比|较)(?:上年|去年)?(?:执行数|完成数|实际数|决算数|预计数)(?=$|增|减|提|下|上|净)|"
    # 按可比口径增长23.5%, 同口径年均增长25.3%: on what basis the rate is figured, not of what.
    r"按?(?:可比|同)口径(?:计算)?|按可比价格?(?:计算)?|按(?:现价|当年价格?)(?:计算)?)"
)
# The thing comes after the last of these verbs: "全市完成科技型中小企业入库" is about 科技型中小企业入库.
_VERB = re.compile(
    r"(?:完成|实现|达到|引进|争取|审核|实施|新认定|认定|培育|申报|建设(?!项目)|建成|新建|组织|开展|达成|拜访|走访|邀请|"
    r"举办|打造|推动|获批|获得|拨付|发放|创建|申请|通过|拥有|发展|落实|投入|招引|建立|增发|新增认定|安排|带动了?|出台|涌现)"
    # 产业发展类项目, 招商引资类: a verb before 类 names a class of things.
    r"(?!类)"
)
_TRAIL = re.compile(
    r"(?:同比|环比|比上年|较上年|比去年|较去年|上年同期|去年同期|同期|比年初|较年初|比|较|分别|共计|合计|累计|总计|完成|实现|达到|达|为|是|有|"
    r"约|近|超过|突破|(?:先后|相继|连续)?(?:跨过|跨越|迈过|迈上)|先后|相继|连续|首次|首度|逾|不低于|不少于|不超过|控制在|稳定在|保持在|保持|提高到|提高至|降至|增至|年均|的|了|已|共|"
    r"负增长|增长|增速|增幅|上升|提高|提升|回升|增加|净增|扩大|缩小|上涨|涨幅|下降|减少|回落|降低|减低|下滑|降幅|下跌|跌幅|增收|减收|增产|减产|压缩|压减|削减|精减|精简|压降|撤减|"
    # 增速加快0.4个百分点: a change of pace, no thing.
    r"加快|放缓|减缓|"
    # 由A增加到B: the thing is before 由/从, and the clause of B names none.
    r"(?:增加|减少|提高|提升|上升|下降|降低|扩大|缩小|增长|升|增|降|减|达)(?:到|至)|调整为|缩小为|"
    r"分别由|分别从|(?:由|从)每人(?:每[年月天])?|由|从|分别|新增|"
    # 地区生产总值预计完成1500亿元: a role word after the thing, before its verb.
    r"预计|预期|初步核算|力争|确保|争取|有望|可望|(?:可|将)达|"
    # 煤炭产量在连续两年每年增产…的基础上，再增产5743万吨: adverbs of repetition and 在 before the verb.
    r"每年|再|又|在|"
    # 全社会固定资产投资年计划96亿元，实际完成98.6亿元; 一般公共预算收入预期目标为12.98亿元: the role, not the thing.
    r"实际|年计划|年度计划|预期目标|"
    # 2025年目标增长5%, 2025年按增长6%左右安排: the role or the way the figure is set, no thing (the line's title is).
    r"(?<![\u4e00-\u9fff])(?:目标|按)|"
    # 一般公共预算收入年初预算12.3亿元, 一般公共预算收入预算为12.3亿元: the budget is the role, not the thing.
    r"年初预算|调整后?预算|(?<=收入|支出)预算数?)$"
)
_TRAIL_MAX = 8  # longer than any word _TRAIL strips
# The last character of every word _TRAIL strips (tests/reader/test_subjects.py keeps the two in step): a subject ending in
# another (three in four) needs no match.
_TRAIL_ENDS = frozenset("上为按了争于产人从低保共再减划初别到加升又取后在均增大天小少已幅年度快成持收数是月有望期标次比涨滑现由的破简算约继续缓缩至落计越跌较达过近速逾长际降高")
# Nouns naming what is measured of the thing before the verb: 第三产业实现增加值 is 第三产业增加值.
MEASURE_NOUN = re.compile(r"(?:增加值|生产总值|产值|投资|收入|利润|利税|税收|产量|出口|进口|营业额|交易额|成交额|总额)$")
_AFTER_STOP = re.compile(r"[,;:、。()\d]|低于|高于|及|和|已|有(?=\s?\d)|稳步|成功|全部|实现|完成|通过|纳入|来|落地|并|等|正在|有序|加快|顺利")
# Words that name a measure, not a thing: the thing is the subject of the sentence before.
_GENERIC = {"增长率", "增速", "增幅", "比重", "占比", "总量", "总额", "规模", "比例", "增长面", "亏损面", "盈利面"}
LIST_SEP = re.compile(r"[、]|和|及|与")


_COMPARED = re.compile(
    r"占|相当于|高于|低于|快于|慢于|高出|领先|落后|(?:比|较)(?!重|例|率)(?=[^,;。、\d]{1,16}?(?<![提降升])(?:高出?|低|快|慢)$)"
)
# 连续3年, and 五年年均增长, 三年累计: a span of years before 年均 or 累计 says over how long, not of what.
_DURATION = re.compile(r"连续[一二三四五六七八九十\d]+个?(?:季度|年|月|周)|[两三四五六七八九十]年(?=年均|累计)")


# 截至2023年底, 截至年底: a date the figure is taken at, not part of what it is of (the periods read 截至10月底 as
# 1—10月; a year's end names no months to read).
_DATE_END = re.compile(r"截[至止]\s*(?:(?:19|20)\d{2}\s*年|[上去本今当]?年)?\s*(?:(?:1[0-2]|0?[1-9])\s*月)?\s*(?:底|末)")


# The words before a number are blanked for its attribute and again for its subject: the second time is a lookup.
@lru_cache(maxsize=64)
def blank_periods(text: str) -> str:
    if "年" not in text and "月" not in text and "季" not in text and "周" not in text:
        return YEAR_SPAN_RE.sub("", text)  # every other pattern names a 年, 月, 季度 or 周 (most contexts have none)
    for pattern in (_DURATION, _DATE_END, YEAR_SPAN_RE, YEAR_RE, PERIOD_WORDS_RE):
        text = pattern.sub("", text)
    return text


# 地区生产总值(GDP), 居民消费价格指数(CPI): a Latin abbreviation in brackets after a name says the name again.
_ABBREVIATION = re.compile(r"\s*\(\s*[A-Z]{2,6}\s*\)?\s*$")


def strip_edges(text: str) -> str:
    """Punctuation, bullets (一是, (一)) and words like 全市, 其中, 年计划 off the front; verbs off the end; a Latin
    abbreviation in brackets after the name."""
    text = _ABBREVIATION.sub("", text.strip(_EDGE)).strip(_EDGE)
    while True:
        before = text
        text = _BULLET.sub("", text).strip(_EDGE)
        text = _LEAD.sub("", text).strip(_EDGE)
        if text[-1:] in _TRAIL_ENDS:
            # The trailing words are short: matching the tail alone is the same and much faster.
            text = (text[:-_TRAIL_MAX] + _TRAIL.sub("", text[-_TRAIL_MAX:])).strip(_EDGE)
        if text == before:
            return text


def attribute_of(context: str, attributes: tuple[str, ...]) -> str | None:
    """An attribute word (总投资, 年计划投资 …) when it is all the context says."""
    blanked = blank_periods(context)
    for text in (context,) if blanked == context else (context, blanked):
        if not _any_of(attributes).search(text):
            continue  # the core is a part of the text: most contexts hold no attribute word at all
        core = _BULLET.sub("", text.strip(_EDGE)).strip(_EDGE)
        core = re.sub(r"^(?:其中|共计|合计|累计|共|当年|实际)", "", core).strip(_EDGE)
        core = _TRAIL.sub("", core).strip(_EDGE)
        if core in attributes:
            return core
    return None


@lru_cache(maxsize=4)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding any of `words`: one scan instead of one per word."""
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


# 固定资产投资（不含农户）208.98亿元: a note in parentheses on what is counted is no part of the thing's name.
_SCOPE_NOTE = re.compile(r"\((?:不含|含|包括|不包括|扣除|剔除)[^()]{1,12}\)")


# 在2025年完成数基础上增长5%: the base a figure grows from, not what it is of.
_BASE = re.compile(r"在[^,;:。]{0,24}?基础上")
# 比2025年预计完成数增长11.2%, 降幅比上半年收窄1.6个百分点: what a change is measured from follows 比; the subject is before
# it, or the sentence's (比上年多864万元 is a change too). Only before a change: in 比“十五”计划目标3000亿元
# the number is the compared figure, and the phrase is kept to pair with no level. Not 比重, 比例, 比率, 比值,
# 比较 … nor a ratio's name (存贷比, 城乡居民收入比) at the end.
_COMPARED_WITH = re.compile(r"(?<![占对相无好类])比(?![重例率值较赛拼如翼肩])(?=.)")
# 比二季度末增加12.3亿元, 比上月末…: a change over part of a year, not the year's; kept to pair with nothing.
_PART_YEAR_BASE = re.compile(r"比[^,;。]*?(?:月|季|年初|半年|周|旬)")
# 比上年多争取4.3亿元, 比上年少1.2亿元, 较年初多864万元: the gap to the level compared with is a change too (never 多增, a gap
# between increases).
_CHANGE_END = re.compile(r"(?:增长|增加|减少|下降|提高|提升|降低|上升|回升|回落|收窄|扩大|缩小|加快|放缓|(?<=[年期初末底])[多少])了?\s*$"
                         r"|(?:上年|去年)[多少](?![增减])[\u4e00-\u9fff]{0,2}\s*$")


def subject_before(context: str, attributes: tuple[str, ...] = ()) -> str:
    """The subject phrase in the words before a number; '' when they hold only verbs and periods."""
    text = stripped = strip_edges(_BASE.sub("", _SCOPE_NOTE.sub("", blank_periods(context))))
    compared = _COMPARED.search(text) or (
        _CHANGE_END.search(context) and not _PART_YEAR_BASE.search(context) and _COMPARED_WITH.search(text)
    )
    if compared:
        # "占…比重" names the whole, "高于…" what a gap is measured from; the subject is before them, or the sentence's.
        text = strip_edges(text[: compared.start()])
    while verbs := list(_VERB.finditer(text)):
        if verbs[-1].end() < len(text):
            after = text[verbs[-1].end() :]
            if MEASURE_NOUN.search(after) and (before := strip_edges(text[: verbs[-1].start()])) and not _VERB.search(before):
                # 新开工项目完成投资: an attribute word (完成投资) stays whole, to be split off later.
                verb_and_noun = text[verbs[-1].start() :]
                text = before + (verb_and_noun if verb_and_noun in attributes else after)
            else:
                text = after
            break
        # A verb at the end ("研发经费投入") closes the phrase; look again in what is before it.
        text = strip_edges(text[: verbs[-1].start()])
    if "、" in text:
        text = text.rsplit("、", 1)[1]
    # strip_edges leaves its own result as it is: only text cut down above needs stripping again (most subjects are not).
    text = (text if text == stripped else strip_edges(text))[-24:]
    return "" if text in _GENERIC else text


# 项目中 but not 高中, 初中, 集中, 其中.
AMONG_END = re.compile(r"(?<![高初集其])中$")


# 14个地表水国考断面中优良水质断面达12个: 中 inside the words after a count ends its noun; the next count is among
# them. Not 中央, 中心, 中小 … (words that begin with 中), nor 空中, 集中 … (words that end with it).
AMONG_WORD = re.compile(r"(?<![高初集其空心途手家])中(?![央心国部小型层医期标级华职欧亚外药试])")
AMONG_INSIDE = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}}){AMONG_WORD.pattern}(?=[\u4e00-\u9fff])")


_CHANGE_TO = re.compile(r"(?:增加|减少|提高|提升|上升|下降|降低|扩大|缩小|增长|升|增|降|减)(?:到|至)|调整为")


def noun_after(text: str) -> str:
    """The noun a count is about when it follows the count: '10个乡镇卫生院改扩建' -> '乡镇卫生院改扩建'."""
    if text.startswith("的"):
        return ""  # 完成年计划3000人的108.7%: what follows the count is of the count, no noun of it
    if _CHANGE_TO.match(text):
        return ""  # 由2019年的50家增加到2023年的120家: the count's thing is before 由, what follows is what it did
    stop = _AFTER_STOP.search(text)
    noun = text[: stop.start()] if stop else text
    if inside := AMONG_INSIDE.search(noun):
        noun = noun[: inside.start()]
    if (stop is None or stop.group() in {",", "有"}) and AMONG_END.search(noun):
        noun = noun[:-1]  # 50个项目中，… (39个行业中有28个…): the count's noun is 项目; 中 says the next count is among them
    return noun.strip(_EDGE)[:16]


def split_attribute(subject: str, attributes: tuple[str, ...]) -> tuple[str, str | None]:
    """'重点项目年计划投资' -> ('重点项目', '年计划投资'); a subject without an attribute word is kept whole."""
    for attribute in attributes:
        if subject.endswith(attribute) and len(subject) > len(attribute):
            return subject[: -len(attribute)], attribute
    return subject, None


def ends_with_list_separator(context: str) -> bool:
    return context.rstrip().endswith(("、", "和", "及", "与", "等"))


_MODIFIER_MAX = 4
# A noun that merges two things into one word, each of which a list of two values names in order:
# 城乡居民收入 (城镇, 农村 — only at the start: 统筹城乡 is a verb phrase), 金融机构存贷款余额 (存款, 贷款).
_PAIRS = re.compile(r"^城乡|存贷款")
_PAIR_PARTS = {"城乡": ("城镇", "农村"), "存贷款": ("存款", "贷款")}


def split_pair(subject: str) -> list[str] | None:
    """'金融机构存贷款余额' -> 金融机构存款余额, 金融机构贷款余额; None when the subject merges no pair."""
    found = _PAIRS.search(subject)
    if found is None:
        return None
    before, after = subject[: found.start()], subject[found.end() :]
    return [f"{before}{part}{after}" for part in _PAIR_PARTS[found.group()]]



# 装备制造、新材料、食品加工三大主导产业: the things listed named together after the last, with how many they are.
_COUNTED_GROUP = re.compile(r"(?P<n>[两二三四五六七八九十]{1,2})(?:大|个|项|类|种)[\u4e00-\u9fff]{1,8}$")


def counted_group(names: str, count: int) -> str | None:
    """The name `names` ends with that counts `count` things together (三大主导产业 of 装备制造、新材料、食品加工三大主导产业
    for three), or None."""
    found = _COUNTED_GROUP.search(names)
    if found is None or found.start() == 0 or parse_chinese(found.group("n")) != count:
        return None
    return found.group()


def split_list(subject: str, count: int, heads: tuple[str, ...]) -> list[str]:
    """Subjects of a "分别" list: '刑事、治安警情' -> 刑事警情, 治安警情; '城乡居民…' -> 城镇…, 农村….

    `heads` are head nouns (警情, 投资, 居民人均可支配收入 …) that short modifiers before the last item share. A name
    counting the items together after the last (…、食品加工三大主导产业) is none of theirs.
    """
    if count >= 2 and (group := counted_group(subject, count)):
        subject = subject[: -len(group)]
    items = [item for item in LIST_SEP.split(subject) if item]
    if len(items) == 1 and count == 2 and (pair := split_pair(items[0])):
        return pair
    head = next((h for h in heads if len(items) >= 2 and items[-1].endswith(h) and items[-1] != h), None)
    if head and all(len(item) <= _MODIFIER_MAX and not item.endswith(head) for item in items[:-1]):
        items = [*(item + head for item in items[:-1]), items[-1]]
    return items

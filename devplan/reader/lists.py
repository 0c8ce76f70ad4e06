""""其中" lists inside a sentence: which facts are parts of which whole.

A list opens at 其中 with the item before it as the whole; each new subject after it starts a part.
Parts are matched to the whole's fact with the same unit and attribute (a project list has a count,
a 总投资 and a 年计划投资, and so does each of its parts). A parenthesised 其中 closes at ")"; after
a semicolon the list goes on only if the next item starts like the first part did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from devplan.reader.facts import Fact
from devplan.reader.interval import half_unit
from devplan.reader.lexicon import Indicator, Lexicon
from devplan.reader.numbers import parse_chinese
from devplan.reader.periods import months_to_date, one_month
from devplan.reader.subjects import AMONG_INSIDE, MEASURE_NOUN, counted_group
from devplan.reader.units import POINT_UNITS, one_count_unit

INCOMPLETE_RE = re.compile(r"其中(?:主要)?(?:包括|有)|主要(?:有|包括)")
# "100个高新技术项目有75个开工建设" (已有 too: 100个重点项目已有50个建成): a count, its noun and 有 before a second
# count — the second is some of the first, as after 其中. Verbs ending in 有 (拥有, 共有, 还有 …) say nothing of a part.
_SOME_OF = re.compile(r"^[\u4e00-\u9fff]{1,12}(?<![拥具共现已还占所享都没只])已?有$")
# "在签约的50个项目中，已开工30个": a count, its noun and 中 then a second count — some of them, too.
# 28项主要指标中，截至2023年底有23项…: a date after the comma says when, not which. 14个考核断面中，水质达到或优于Ⅲ类的断面13个:
# a class in Roman numerals is part of the words naming which.
_AMONG = re.compile(r"^[\u4e00-\u9fff]{1,12}(?<![高初集其])中,(?:截至\s*(?:\d{4}\s*年)?\s*(?:\d{1,2}\s*月)?\s*[底末]?\s*,?)?"
                    r"[\u4e00-\u9fff\u2160-\u216b]{0,12}$")
# 专项债券额度12.60亿元中，新增专项债券11.25亿元，再融资专项债券1.35亿元: an amount and 中 right after it lists its parts.
_MONEY_AMONG = re.compile(r"^中\s*,[\u4e00-\u9fff]{0,12}$")
# 14个地表水国考断面中优良水质断面达12个: the same inside one clause, the words before 中 naming the first count's things.
_AMONG_INSIDE = re.compile(rf"^(?P<noun>[\u4e00-\u9fff]{{2,12}}?){AMONG_INSIDE.pattern}[\u4e00-\u9fff]{{1,12}}$")
# 人身险保费收入364.8亿元；人身险中，寿险保费收入…: a clause opening with the start of the item's name and 中 lists
# that item's parts; so does one naming the part right after 中 (，专项债务余额中土地储备债务32.5亿元).
_OF_THE_ITEM = re.compile(r"[,;:]\s*(?P<noun>[\u4e00-\u9fff]{2,12}?)(?<![高初集其空心途手家])中\s*(?:,|[\u4e00-\u9fff]{2,12}$)")
# "重点项目120个，包括续建项目60个、新开工项目60个": 包括 right after a figure lists its parts, as 其中 does; it
# may name only some (主要包括), so parts below the whole are a note, above it an error.
_CONTAINS = re.compile(r"^\(\s*(?:含|包含|包括)")
_INCLUDES = re.compile(r"^\s*[,(]\s*包括")
# 再就业1934人、困难人员就业786人（目标分别为1600人和600人）: the items' targets in their order, no parts of the last.
_TARGETS_IN_TURN = re.compile(r"\(\s*(?:年度|全年)?(?:目标|计划|任务)[\u4e00-\u9fff]{0,4}?分别")
# What a figure is a figure of, told by the last words of its subject. A part names the same kind of
# figure as its whole: 规模以上工业总产值 (output) is no part of 地区生产总值 (value added).
_MEASURE_CLASSES = (
    ("增加值", "value added"), ("生产总值", "value added"), ("GDP", "value added"), ("经济总量", "value added"),
    ("总产值", "output"), ("产值", "output"), ("投资", "investment"), ("支出", "spending"),
    ("收入", "revenue"), ("利润", "profit"), ("面积", "area"), ("产量", "output quantity"),
    # 当年收支结余2.49亿元。分险种看，甲基金收入8.36亿元: what is left over holds no income.
    ("结余", "balance"),
)


def _measure_class(subject: str | None) -> str | None:
    if not subject:
        return None
    return next((name for suffix, name in _MEASURE_CLASSES if subject.endswith(suffix)), None)


# 园区入园企业40家、投产18家; 实施项目120个，开(复)工108项，竣工投产26项: a count named by a state alone (投产, 开工,
# 竣工 …) right after a count of things counts some of those things, as 有 does (100个项目有75个开工建设), and so do
# the states listed after it.
STATES = r"建成|竣工|开\(复\)工|开复工|开工|复工|投产|达产|完工|投用|入驻|开业|运营|上市|挂牌|落地|开工建设|建成投产|竣工投产"
_STATE_ONLY = re.compile(rf"^(?:已|其中|全部|陆续|相继|先后|新)?(?:{STATES})$")
# 查处环境问题企业546家，限期整改431家、责令停产59家: what was done with the things an inspection found (整改, 取缔,
# 关停 …) counts some of them, as a state counts some of the things before it.
_INSPECTED = re.compile(r"^(?:全面|集中|依法|深入)?(?:排查出?|查处|检查|摸排|巡查|核查|清查|督查|抽查|查出|清理)")
_DISPOSALS = r"(?:整改|取缔|拆除|关停|停产|关闭|查封|处罚|立案|移送|淘汰|搬迁|销号|停建|缓建|停工)+"
_DISPOSED = re.compile(rf"^(?:限期|责令|依法|立即|已|全部)?{_DISPOSALS}(?:到位|完成)?$")
# 清理投资项目3666个，停建、缓建不符合产业政策的项目137个: what was done, to one or more, named with the noun of the
# things found (its last two characters the whole's).
_DISPOSED_NOUN = re.compile(rf"^(?:限期|责令|依法|立即|已)?{_DISPOSALS}(?:、{_DISPOSALS})*(?P<noun>[\u4e00-\u9fff]{{2,16}})$")


def _disposed_of(words: str, whole: str | None) -> bool:
    """The words before a count name what was done with some of the things an inspection found (整改, 关停不达标企业)."""
    if _DISPOSED.match(words):
        return True
    named = _DISPOSED_NOUN.match(words)
    return named is not None and len(whole or "") >= 2 and named.group("noun").endswith((whole or "")[-2:])


def _a_state(entity: str | None, whole: str | None, inspected: bool = False) -> bool:
    """A part named by a state alone (投产) or by a state and the whole's noun (竣工项目 after 产业项目), or after an
    inspection by what was done with what it found (整改)."""
    return _by_state(entity, whole) or (inspected and _DISPOSED.match(entity or "") is not None)


# 分级次看, 按城乡分, 分产业看 between a figure and the next, after a comma: parts by one aspect follow (never 从全年看,
# 按期, 按照, 分别).
_ASPECT_INSIDE = re.compile(r"[,;]\s*(?:分|按)(?![全总整照期时别])[\u4e00-\u9fff]{1,8}?(?:看|分|来看)\s*[,:]")


# A comma, semicolon or full stop between two figures ends a list joined by 、 (ListTracker.gap).
_LIST_END = re.compile(r"[,;。]")


# A stage of building (竣工项目, 续建项目), never a kind of firm (上市企业 are listed firms, 入驻企业 tenants).
_STAGE_AND_NOUN = re.compile(r"^(?:已|其中|全部|新)?(?:续建|在建|建成|竣工|开\(复\)工|开复工|开工|复工|投产|达产|完工|投用|开工建设|建成投产|竣工投产)"
                             r"(?P<noun>[\u4e00-\u9fff]{2,})$")


def _by_state(entity: str | None, whole: str | None) -> bool:
    named = _STAGE_AND_NOUN.match(entity or "")
    return _STATE_ONLY.match(entity or "") is not None or (named is not None and (whole or "").endswith(named.group("noun"))
                                                           and not _sibling_stages(entity or "", whole or ""))


# A project is either carried on from earlier years or newly started: 续建项目26个，…；新开工项目34个 are two groups side by
# side, neither some of the other.
_CARRIED_ON = re.compile(r"^(?:其中)?续建")
_NEWLY_STARTED = re.compile(r"^(?:其中)?(?:新开工|新建)")


def _sibling_stages(entity: str, whole: str) -> bool:
    return any(a.match(entity) and b.match(whole) for a, b in ((_CARRIED_ON, _NEWLY_STARTED), (_NEWLY_STARTED, _CARRIED_ON)))


# A sentence opening with such a count (…项目120个。开(复)工108项，…) goes on about the things of the sentence before.
OPENS_WITH_STATE = re.compile(rf"\s*(?:已|全部|陆续|相继|先后)?(?:{STATES})\s*\d")
# Counts of this year's doings are flows, not the set a state is counted in: 引进项目25个、开工31个 (started this year
# is not some of those brought in), 新建住房14000套，竣工10000套 (completions include earlier starts); a whole
# named by a verb alone is a doing (注册212个、开工220个), not a set of things.
FLOW = re.compile(r"引进|签约|新建|改建|改造|开工|开建|评定|认定|新增|招引|落户|启动|新签")
_DOING = re.compile(r"^(?:注册|备案|立项|审批|" + FLOW.pattern + r")$")
_AT_A_STATE = re.compile(rf"{FLOW.pattern}|{STATES}")
RUNNING_TOTAL = re.compile(r"总数|总量|累计|共有")
# 新建学校12所、幼儿园8所，共计20所: a total after its parts, named only by 合计/共计/总计.
TOTAL_OF_LIST = re.compile(r"^(?:合计|共计|总计)")
# 五大传统产业合计13409.6亿元: a total after parts, named by what they are together and how many (五大, 三项 …).
_NAMED_TOTAL = re.compile(r"^(?:其中)?[\u4e00-\u9fff]{0,6}?(?P<n>[两二三四五六七八九十]{1,2})(?:大|个|项|类|家|种|条)"
                          r"[\u4e00-\u9fff]{0,10}?(?:合计|共计|总计)(?:为|达到?)?\s*\d")
# 其中，教育支出…，卫生健康支出…，民生支出合计28.6亿元: a thing named and totalled after parts is a sum that some or all of
# them are in (how many, unsaid), no further part beside them. Not a total of things counted (南部三县合计, 三大主导产业合计:
# _NAMED_TOTAL decides whether they are the parts before) nor of the others (其他两类产业合计, 其余合计): one more part.
_NAMED_SUM = re.compile(r"^(?:其中)?(?!其他|其余|其它|剩余|另外)(?:(?![两二三四五六七八九十\d]{1,2}[大个项类家种条县区镇乡市])"
                        r"[\u4e00-\u9fff]){2,16}(?:合计|共计|总计)")
# 其中教育、卫生健康支出分别为…，合计…: the things listed after 其中 (some of the whole), whose 合计 is theirs.
_LISTED_AMONG = re.compile(r"^其中[,\s]*(?P<names>[\u4e00-\u9fff]{1,12}(?:、[\u4e00-\u9fff]{1,12})+)\s*$")


def _listed_under_among(lead: str) -> str | None:
    """The names listed after 其中 before 分别 (教育、卫生健康支出), or None."""
    listed = _LISTED_AMONG.match(lead)
    return listed.group("names") if listed else None


# Averages and amounts per head do not add up: a district's 人均 may exceed the whole's.
# So are figures per household or per mu (户均2253元, 亩均投入2000元, 每亩补贴120元).
AVERAGE = re.compile(r"人均|平均|均价|[户亩]均|每(?:户|亩)")
# Nor do figures per so many people named so (每千人口床位6.82张, 每万人发明专利拥有量).
_PER_SO_MANY = re.compile(r"每[十百千万]+")
# Nor do figures per thousand people, named right before the number (卫生技术人员3890人，其中执业医师1520人；每千人口执业
# 医师3.1人 names no further part).
PER_THOUSAND = re.compile(r"每[千万](?:常住|户籍)?(?:人口|人|名)[^\d,;，；]*[\d.]+\S*$")
# A difference of two figures (贸易顺差 after 出口 and 进口, 存贷差, 收支结余) is no part of what they are parts of.
DIFFERENCE = re.compile(r"顺差|逆差|差额|存贷差|差距|结余|相差")
# What is per person even when the name does not say 人均 (城镇居民收入3.5万元 is above 居民收入2.8万元, both averages),
# when it is money in 元.
PER_PERSON = re.compile(r"居民|农民|牧民|职工|工资|人均|平均|均价")
# 城乡居民基本养老保险基金收入21846万元, 城乡居民储蓄存款余额: a fund or an account named after the people it serves holds
# their money in total.
_ACCOUNT_OF_PEOPLE = re.compile(r"保险|基金|存款|贷款")


def per_person(fact: Fact) -> bool:
    """Money per person: in 元 or 万元 and named for people or pay (城镇居民可支配收入9684元, 居民收入2.8万元) — not a
    total in 亿元 such as 城乡居民储蓄存款余额, nor a fund or account of theirs (城乡居民基本养老保险基金收入21846万元)."""
    unit = fact.unit_info
    if unit is None or unit.base != "元" or unit.magnitude > 10**4:
        return False
    name = fact.entity or ""
    people = PER_PERSON.search(name)
    return people is not None and _ACCOUNT_OF_PEOPLE.search(name, people.end()) is None


def _averaged(fact: Fact) -> bool:
    """An average, a figure per head or per so many people (人均, 每千人口床位6.82张): no part of a sum, nor a whole."""
    return AVERAGE.search(fact.text) is not None or _PER_SO_MANY.search(fact.entity or "") is not None or per_person(fact)


def _larger(part: Fact, whole: Fact) -> bool:
    a, b = part.unit_info, whole.unit_info
    return a is not None and b is not None and part.value * a.magnitude > whole.value * b.magnitude


def _shared(item: list[Fact], part: Fact) -> int:
    """The longest run of characters the item's subject shares with the part's (设施农业面积 with 高效农业面积: 4)."""
    a, b = (item[0].entity if item else "") or "", part.entity or ""
    return max((k for i in range(len(a)) for k in range(1, len(a) - i + 1) if a[i : i + k] in b), default=0)


_ESTIMATED = {"actual", "estimate"}
_MEMBER_MIN = 4


def _planned_projects(part: Fact, whole: Fact) -> bool:
    """计划安排重点项目126个…。其中，产业项目68个: the projects of a plan's list are counted, not planned — the count
    of a kind of them is read as described, its whole as planned."""
    units = (part.unit_info, whole.unit_info)
    return ({part.measure, whole.measure} == {"actual", "target"} and all(u is not None and u.kind == "count" for u in units)
            and (part.entity or "").endswith("项目") and (whole.entity or "").endswith("项目"))


def _budgeted(part: Fact, whole: Fact) -> bool:
    """收入预算安排22.08亿元。其中，税收收入15.24亿元: a budget's parts do not repeat 预算安排, they are the budget's — an
    amount of the same period read as done."""
    return (whole.measure == "target" and part.measure == "actual" and "预算安排" in whole.text
            and part.period == whole.period and part.unit_info is not None and part.unit_info.kind == "money")


# 年度计划投资208.5亿元。其中，产业项目…，计划投资118.6亿元: a year's plan named short is the same figure (and a
# contract's 协议总投资 its 协议投资, a total signed 签约总额 its 签约额).
_SAME_ATTRIBUTE = {"年度计划投资": "计划投资", "年计划投资": "计划投资", "协议总投资": "协议投资", "签约总额": "签约额"}


def may_be_part(part: Fact, whole: Fact) -> bool:
    """A part is a part only when it is the same measure (actual, target …) and its subject names the same kind
    of figure as the whole's (or does not say)."""
    if (part.measure != whole.measure and {part.measure, whole.measure} != _ESTIMATED and not _planned_projects(part, whole)
            and not _budgeted(part, whole)):
        # 新增70户（力争100户）: a target beside an actual figure restates it, it is no part of it. An estimate's
        # parts (预计生产总值1285亿元，其中规上工业增加值530亿元) may not repeat the word that makes them estimates.
        return False
    if _averaged(part) or _averaged(whole):
        return False  # …，其中地方财政收入57.64亿元；城镇居民可支配收入9684元: an income per person is no part of a sum
    if (DIFFERENCE.search(part.text) or PER_THOUSAND.search(part.text) or _of_a_later_year(part, whole)
            or _priced_apart(part, whole)):
        return False
    mine, theirs = _measure_class(part.entity), _measure_class(whole.entity)
    return mine is None or theirs is None or mine == theirs


def _of_a_later_year(part: Fact, whole: Fact) -> bool:
    """2023年地区生产总值291.5亿元。2024年…增长5.8%。其中，第一产业增加值…: a figure of a year after the whole's is no part
    of it (the years a total is listed by — 三年累计…，其中2021年… — are its own year or before)."""
    first, last = whole.period, part.period
    return first is not None and last is not None and first.year is not None and last.year is not None and last.year > first.year


# 地区生产总值（不变价）…: a level at constant prices, which the parts at current prices do not add up to.
_CONSTANT_PRICES = re.compile(r"不变价|可比价")


def _priced_apart(part: Fact, whole: Fact) -> bool:
    """地区生产总值（不变价）291.5亿元。其中，第一产业增加值…: a whole at constant prices has no parts at current prices."""
    return _CONSTANT_PRICES.search(whole.text) is not None and _CONSTANT_PRICES.search(part.text) is None


def _an_increase(fact: Fact) -> bool:
    """A rise of an amount or a count (学位增加5300个), not of a rate (增长5%, 提高2个百分点); its measure is a change."""
    unit = fact.unit_info
    return (fact.kind == "change" and fact.measure == "change" and fact.value > 0 and unit is not None
            and not unit.is_percent and unit.base not in POINT_UNITS and _OWN_RISE.search(fact.text) is not None)


# The part's own rise, its name and verb in its own words (普通高中学位增加5300个) — not a rise on last year
# (较上年分别新增10个) nor one whose name a 分别 list lends it.
_OWN_RISE = re.compile(r"^(?:其中)?(?:(?!比|较|同比)[\u4e00-\u9fff]){2,}(?:增加|净增|新增)")


def signature(fact: Fact) -> tuple[str, str, str | None] | None:
    """What must agree between a part and its whole; None for facts that are not summable levels."""
    unit = fact.unit_info
    if fact.kind != "level" or unit is None or unit.is_percent:
        return None
    return (unit.kind, unit.base, _SAME_ATTRIBUTE.get(fact.attribute or "", fact.attribute))


def summable_with(a: Fact, b: Fact) -> bool:
    """Figures of one list: the same signature, or counts of projects in 个 and 项 (units.one_count_unit)."""
    sig_a, sig_b = signature(a), signature(b)
    if sig_a is None or sig_b is None:
        return False
    if sig_a == sig_b:
        return True
    unit_a, unit_b = a.unit_info, b.unit_info
    assert unit_a is not None and unit_b is not None
    return sig_a[2] == sig_b[2] and one_count_unit(unit_a, a.entity, unit_b, b.entity)


def _counts_alike(whole: Fact, part: Fact) -> bool:
    """Two exact counts of things whose subjects end in the same noun of two characters or more (新签约项目96个 and
    制造业项目58个)."""
    x, y, unit = whole.entity or "", part.entity or "", whole.unit_info
    return (unit is not None and unit.kind == "count" and not whole.approximate and summable_with(whole, part)
            and len(x) >= 2 and len(y) >= 2 and x[-2:] == y[-2:])


def _other_things(fact: Fact, whole: str | None, text_after: str) -> bool:
    """The count is followed by a noun of its own that is neither a state (75个开工建设) nor holds the head of the whole's
    (75个项目开工 after 100个项目): things of another kind (300个项目入驻 after 5个园区)."""
    noun = fact.entity or ""
    return (bool(noun) and text_after.startswith(noun) and not _by_state(noun, whole) and _STATE_FIRST.match(noun) is None
            and (len(whole or "") < 2 or (whole or "")[-2:] not in noun))


_STATE_FIRST = re.compile(rf"(?:已|全部|陆续|相继|先后|新)?(?:{STATES})")


def _kind_of(whole: Fact, part: Fact) -> bool:
    """The part's subject is the whole's with words in front that say which kind (高新技术企业 of 企业), not at
    which stage (新开工重点项目 of 项目); the whole's subject opens its clause (企业达到320家, not 出台政府规章6部, whose
    next clause may have a verb of its own: 清理…政府规章12部)."""
    x, y = whole.entity or "", part.entity or ""
    topic = _TOPIC.fullmatch(whole.text[: max(0, whole.text.find(x))]) is not None
    return len(x) >= 2 and len(y) > len(x) and y.endswith(x) and not _AT_A_STATE.search(y[: -len(x)]) and topic


def _staged(whole: Fact, part: Fact) -> bool:
    """The part's subject is the whole's with a stage in front (新建项目 of 项目, 续建项目 of 项目)."""
    x, y = whole.entity or "", part.entity or ""
    return len(x) >= 2 and y.endswith(x) and _STAGE.fullmatch(y[: -len(x)]) is not None


_STAGE = re.compile(rf"新建|续建|新开工|(?:{STATES})")
_ENDS_AT_A_STAGE = re.compile(rf"(?:{_STAGE.pattern})$")
_TOPIC = re.compile(r"\s*(?:全[市县区省州盟旗]|我[市县区省])?")


# A floor right before the noun and number of a count (5亿美元以上合同项目2个, 5000万元以上项目295个): a size class.
_FLOOR_OF_NEXT = re.compile(r"[\u4e00-\u9fff]{2,12}\d")
# 产值超10亿元企业12家: a floor said by 超/过 before the number, as by 以上 after it.
_OVER = re.compile(r"(?:超过?|过)\d")
# 5亿至10亿元项目9个, 5—10亿元项目9个: a size class between two bounds — the lower bound with 至 or 到 after it, the
# upper one opening with 至 or 到, or both in one figure.
_RANGE_ON = re.compile(r"\s*(?:至|到)\s*\d")
_RANGE_END = ("至", "到")
_RANGE_INSIDE = re.compile(r"\d\s*(?:至|到|—|–|~|～)\s*\d")


@dataclass
class Frame:
    group: int
    whole: list[Fact]
    parenthesised: bool
    incomplete: bool
    first_part: Fact | None = None
    parts: list[Fact] = field(default_factory=list)
    implicit: bool = False  # opened by a parenthesis, not by 其中
    # Opened by N个…中 (19项指标中，13项增幅前三，8项增幅第一): what follows may count along other lines that
    # overlap, so only the first figure is taken as some of the whole.
    single: bool = False
    # Items listed with 、 before the whole (甲240万亩、乙60万亩，其中…): the 其中 may be about any of them.
    alternatives: list[list[Fact]] = field(default_factory=list)
    # Opened by a count named by a state alone (项目120个，开工108个): only further states are parts
    # (…，新签约项目60个 is the next statement).
    states: bool = False
    # Opened by 有 after a count (100个项目已有50个…): the count after it is of the same things.
    having: bool = False
    # Opened by an aspect (分园区看，…): its parts are of the whole's thing.
    aspect: bool = False
    # Its parts each followed by a figure of their own of another kind (普通高中9所，在校生1.62万人；初中34所，…): groups
    # alike after each semicolon, whatever their names (幼儿园 of 学校).
    paired: bool = False
    # The list those figures beside the parts make, of the figure the sentence before stated in their unit (在校学生).
    beside: Frame | None = None
    # Opened after a full stop or a semicolon that closed a run of items alike (户籍人口…，常住人口…，城镇人口…。其中，…):
    # those items, which the 其中 may be about as well as the last.
    rivals: list[list[Fact]] = field(default_factory=list)


_PLANNED = re.compile(r"总|计划|累计|概算|协议|合同|签约|预算")
_DONE = re.compile(r"^(?:共|累计)?(?:完成|实现)")


# What a bare count may be followed by when it counts some of the things just counted: a measure of them or a verb,
# never a noun of other things (25个重点企业，11个主营业务收入增速超50% / 10个通过验收; not 15个村实现…).
_SAID_OF_THEM = re.compile(r"\s*(?:主营业务收入|营业收入|销售收入|产值|利润|利税|增速|增加值|税收|实现|通过|达到|建成|投产|完成|获得|获批|"
                           r"入选|超过|突破|被评为|列入|进入)")


# A figure said only by what was done, with no name of its own: 执行中完成612.38亿元, 实际完成….
_DONE_ALONE = re.compile(r"^(?:执行中|实际|全年)?(?:完成|实现)\s*[\d.]")


def _whole_among_rivals(frame: Frame, part: Fact) -> list[Fact] | None:
    """户籍人口100万人，常住人口90万人，城镇人口55万人。其中，男性人口51万人: after a run of items alike, a 其中 that opens
    a sentence or a clause after a semicolon is about the one item whose name the part shares most of (出口…，进口…。
    其中，机电产品出口…: 出口); None when two share as much (男性人口 with each …人口), since which one is not guessed."""
    # The whole's own figure stated again as a plan (完成年度预算（69.5亿元）) is the same thing, no rival; so is the figure
    # right before a whole said only by what was done (预算收入596.86亿元，执行中完成612.38亿元: the account's budget).
    names = {w.entity for w in frame.whole}
    planned = {w.index - 1 for w in frame.whole if _DONE_ALONE.match(w.text)}
    rivals = [item for item in frame.rivals if not names & {f.entity for f in item} and not planned & {f.index for f in item}]
    alike = [item for item in [frame.whole, *rivals]
             if any(summable_with(w, part) and w.measure == part.measure and not _averaged(w) for w in item)]
    if len(alike) < 2:
        return alike[0] if alike else frame.whole
    scores = sorted((_shared(item, part) for item in alike), reverse=True)
    best = max(alike, key=lambda item: _shared(item, part))
    # 规上工业增加值…；地区生产总值…。其中，工业增加值…: a part named as the end of an item's name names no kind of it (it
    # may hold it), so it is not guessed either.
    wider = any((w.entity or "").endswith(part.entity or "") and w.entity != part.entity for w in best)
    return best if scores[0] > scores[1] and not wider else None


# 甲县, 乙镇, 城区: a place of one tier named at the front (not 全县, 本市, 各区: the whole place or all of its places).
# Nor a common noun of areas (地区生产总值, 城区, 园区, 社区 …).
_PLACE_FRONT = re.compile(r"^(?![全本我各])(?!(?:地|城|市|社|园|景|辖|山|郊|新|矿|库|牧|林|老|城乡|开发|集)区)"
                          r"[\u4e00-\u9fff]{1,3}?[县区镇乡市]")


def _sibling_places(part: Fact, whole: Fact) -> bool:
    """甲县一般公共预算收入…，乙县…，丙县…。其中，甲县税收收入…，乙县税收收入…: a figure named for another place of the
    whole's tier (乙县 beside 甲县) is no part of the whole, whatever list it stands in."""
    mine, theirs = _PLACE_FRONT.match(part.entity or ""), _PLACE_FRONT.match(whole.entity or "")
    return (mine is not None and theirs is not None and mine.group() != theirs.group()
            and mine.group()[-1] == theirs.group()[-1])


def _measured_whole(whole: list[Fact], part: Fact) -> list[Fact]:
    """完成投资86.4亿元（交通52.3亿元、水利18.6亿元…）; 完成投资86.4亿元，其中交通52.3亿元: parts named by what they are
    alone are of the figure done (its 完成投资), the latest of the item's of the part's measure — never of a 总投资 or a
    计划投资, which span years and plans."""
    found = next((w for w in reversed(whole) if w.attribute and not _PLANNED.search(w.attribute)
                  and summable_with(w, replace(part, attribute=w.attribute)) and may_be_part(part, w)), None)
    return [found] if found is not None else []


def _done_of_whole(whole: list[Fact], part: Fact, lexicon: Lexicon) -> list[Fact]:
    """分区域看，经济开发区完成投资96.84亿元 after 固定资产投资208.98亿元: a part by an aspect named by its place and the
    measure done (完成投资 → 投资) is of the indicator named by that measure — not a 总投资 or 计划投资, nor one kind of
    work's (完成前期工作投资)."""
    measure = _DONE.sub("", part.attribute or "")
    if not part.attribute or _PLANNED.search(part.attribute) or not MEASURE_NOUN.fullmatch(measure):
        return []
    bare = replace(part, attribute=None)
    return [w for w in whole if w.attribute is None and (w.entity or "").endswith(measure) and summable_with(bare, w)
            and lexicon.find(w.entity) is not None][:1]


def _common_end(a: str, b: str) -> str:
    """The longest end the two names share."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[len(a) - n :]


def _common_start(a: str, b: str) -> str:
    """The longest start the two names share."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _verb_before_name(fact: Fact) -> str:
    """The words of the fact's own text before its name (全年发放 of 全年发放城乡低保金6856万元)."""
    at = fact.text.find(fact.entity) if fact.entity else -1
    return fact.text[:at] if at > 0 else ""


def _said_as_whole(fact: Fact, whole: list[Fact], first: Fact | None) -> bool:
    """…发放城乡低保金6856万元，其中城市低保金…，农村低保金…；发放特困人员供养金1385万元: after a semicolon, an item opening
    with the verb the whole was stated with is said as the whole was — the next thing done, not a further part. The verb
    may be in the whole's name, the first part naming a kind of what follows it (发行新增债券10.60亿元，其中新增一般债券…；
    发行再融资一般债券4.50亿元: 发行, then 新增)."""
    verb = _verb_before_name(fact)
    if len(verb) >= 2 and any(_verb_before_name(w).endswith(verb) for w in whole):
        return True
    part = (first.entity or "") if first is not None else ""
    for w in whole:
        name = w.entity or ""
        said = _common_start(name, fact.entity or "")
        if len(said) >= 2 and len(name) >= len(said) + 2 and part.startswith(name[len(said) : len(said) + 2]):
            return True
    return False


def _drops_the_wholes_kind(fact: Fact, frame: Frame) -> bool:
    """新增债券资金35.2亿元，其中新增一般债券6.2亿元、新增专项债券29.0亿元；发行再融资债券12.6亿元: after a semicolon, an
    item without the word the whole's name and every part so far open with (新增) is of another kind — the next
    statement, not a further part."""
    names = [f.entity or "" for f in (*frame.whole[:1], *frame.parts)]
    if len(names) < 2:
        return False
    front = names[0]
    for name in names[1:]:
        front = _common_start(front, name)
    return len(front) >= 2 and not (fact.entity or "").startswith(front)


def _leaves_the_parts_name(fact: Fact, frame: Frame) -> bool:
    """供水总量3860万立方米，其中生活用水1650万立方米，工业用水1520万立方米；售水量3280万立方米: after a semicolon, an
    item without the end all the parts so far share (用水, two characters at least), nor one of the whole's, is another
    measure — the next statement, not a further part (parts sharing no end, 交通…、水利…, say nothing of it)."""
    name = fact.entity or ""
    parts = [p.entity or "" for p in frame.parts]
    if len(parts) < 2 or not name:
        return False
    shared = parts[0]
    for part in parts[1:]:
        shared = _common_end(shared, part)
    return (len(shared) >= 2 and not name.endswith(shared)
            and all(len(_common_end(name, w.entity or "")) < 2 for w in frame.whole))


def _filled(frame: Frame, fact: Fact) -> bool:
    """一般公共预算支出98.72亿元，其中县本级支出82.5亿元，乡镇支出16.22亿元；民生支出78.35亿元: the parts so far (two at
    least) already add up to the whole, within the rounding of each; an item alike after a semicolon is the next statement
    — one more part would overshoot."""
    whole = next((w for w in frame.whole if summable_with(w, fact)), None)
    parts = [p for p in frame.parts if summable_with(p, fact)]
    if whole is None or len(parts) < 2 or whole.approximate or any(p.approximate for p in parts):
        return False
    total = sum((_in_base(p, p.value) for p in parts), Decimal(0))
    allowance = sum((_in_base(p, half_unit(p.value)) for p in parts), _in_base(whole, half_unit(whole.value)))
    return abs(total - _in_base(whole, whole.value)) <= allowance


def _in_base(fact: Fact, amount: Decimal) -> Decimal:
    """An amount stated in the fact's unit, in the unit's base (亿元 → 元)."""
    return amount * (fact.unit_info.magnitude if fact.unit_info is not None else 1)


def _names_other_things(fact: Fact, frame: Frame) -> bool:
    """银行业金融机构38家，其中法人机构9家；证券营业部21家: after a semicolon, a count whose noun ends like neither the
    whole's nor any part's, and holds nothing of the whole's head noun, names another kind of thing — the next
    statement, not a further part (学校…，其中普通高中20所；初中80所；小学300所 goes on: 中 ends 高中, 小学 holds 学)."""
    unit, name = fact.unit_info, fact.entity or ""
    if unit is None or unit.kind != "count" or not name or frame.states or _STATE_ONLY.match(name):
        return False  # 实施项目138个，开(复)工127项…；竣工投产30项: a state names some of the same things
    named = [f.entity for f in (*frame.whole, *frame.parts) if f.entity]
    heads = {char for w in frame.whole for char in (w.entity or "")[-2:]}
    return bool(named) and not any(_common_end(name, other) for other in named) and not heads & set(name)


class ListTracker:
    """Follows the items of one sentence and assigns `whole` and `group` to the parts of 其中 lists."""

    def __init__(self, next_group: int, lexicon: Lexicon) -> None:
        self.next_group = next_group
        self.lexicon = lexicon
        self.frames: list[Frame] = []
        self.opened: list[Frame] = []
        self.item: list[Fact] = []
        self.after_semicolon = False
        # The latest part placed right after a semicolon, which a 其中 of its own makes a whole instead.
        self.after_semicolon_part: Fact | None = None
        self.siblings: list[list[Fact]] = []
        # The sentence's earlier items, latest last: a 其中 may go back past an item of another kind.
        self.earlier: list[list[Fact]] = []
        # The latest item of amounts or counts the sentence before ended with, for a 其中 whose parts its last item
        # (a rate: 存贷比为69.4%) cannot hold.
        self.fallback: list[Fact] = []
        self.last_gap = ""
        # Carried from the sentence before without 其中: its first count may be some of the item carried.
        self.across = False
        # The parts the sentence before listed of the item carried, for parts by an aspect that break one of them down.
        self.members: list[Fact] = []
        # The figures of their own the sentence before stated, for a part naming the measure of one of them.
        self.before: list[Fact] = []
        # The other items alike the sentence before ended a run of, for a 其中 opening this one (see Frame.rivals).
        self.rivals: list[list[Fact]] = []

    def continue_from(self, item: list[Fact], opened: bool, across: bool = False, fallback: list[Fact] | None = None,
                      members: list[Fact] | None = None, before: list[Fact] | None = None,
                      rivals: list[Fact] | None = None, aspect_whole: list[Fact] | None = None) -> None:
        """Start from the previous sentence's last item: its 其中 (or 分产业看, which opens the list at once)
        lists the parts of that item; with `across`, a count named by a state alone may be some of it; `members` are the
        parts the sentence before listed of it; `aspect_whole` is the whole that sentence broke down by an aspect, which
        a 其中 may be about as well as its last part."""
        self.item = list(item)
        self.across = across
        self.fallback = list(fallback or [])
        self.members = list(members or [])
        self.before = list(before or [])
        # 重点项目128个…。分类别看，产业项目…；社会民生项目26个…。其中，列入省级重点项目23个: of the projects, not the last class.
        self.rivals = [[f] for f in rivals or [] if f not in item] + ([list(aspect_whole)] if aspect_whole else [])
        if opened and item:
            # 按行业分：制造业投资…；基础设施投资…: parts by one aspect may name only some (below the whole, a note).
            self._open(parenthesised=False, incomplete=True, aspect=True)

    def _open(self, parenthesised: bool, incomplete: bool, implicit: bool = False, single: bool = False,
              states: bool = False, having: bool = False, aspect: bool = False) -> None:
        frame = Frame(group=self.next_group, whole=list(self.item), parenthesised=parenthesised, incomplete=incomplete,
                      implicit=implicit, alternatives=list(self.siblings), single=single, states=states, having=having,
                      aspect=aspect)
        self.frames.append(frame)
        self.opened.append(frame)
        self.next_group += 1
        self.item = []

    def gap(self, text: str) -> None:
        """Read the words between the previous fact and the next one for 其中, ')' and ';'."""
        self.last_gap = text
        if ")" in text and self.frames and self.frames[-1].parenthesised:
            self.frames.pop()
        if ";" in text:
            self.after_semicolon = True
        pos = text.find("其中")
        if pos >= 0 and self._month_beside_months():
            self.item = []  # the 其中 may be about either figure: its parts have no whole
        elif pos >= 0 and self.item:
            if "(" not in text[:pos]:
                self._unlist_new_whole()
            rivals = self._rivals(after_semicolon=";" in text[:pos])
            self._open(parenthesised="(" in text[:pos], incomplete=INCOMPLETE_RE.search(text) is not None)
            self.frames[-1].rivals = rivals
            # …，同口径增长7.8%；其中，税收收入…: the list opens after the semicolon, which ends nothing of it.
            self.after_semicolon = self.after_semicolon and ";" in text[pos:]
        elif _MONEY_AMONG.match(text) and self.item and self.item[-1].unit_info is not None \
                and self.item[-1].unit_info.kind == "money":
            self._open(parenthesised=False, incomplete=INCOMPLETE_RE.search(text) is not None)
        elif _INCLUDES.match(text) and self.item:
            self._open(parenthesised="(" in text, incomplete=True)
        elif _ASPECT_INSIDE.search(text) and self.item and not self.frames:
            # 税收收入80亿元，分级次看，中央级收入…: parts by one aspect inside the sentence, as after a full stop.
            self._open(parenthesised=False, incomplete=True, aspect=True)
        elif (_SOME_OF.match(text) or _AMONG.match(text) or self._among_inside(text)) and self.item and len(self.item) == 1 \
                and self.item[0].unit_info is not None and self.item[0].unit_info.kind == "count":
            among = _AMONG.match(text) is not None or self._among_inside(text)
            self._open(parenthesised=False, incomplete=among, single=among, having=not among)
        elif "中" in text and (inner := _OF_THE_ITEM.search(text)) and self._names_item(inner.group("noun")):
            # …，人身险保费收入364.8亿元；人身险中，寿险…，健康险…: the parts of the item just named, not further parts of
            # the list it is in; they may be only some of it.
            self._open(parenthesised=False, incomplete=True)
            self.after_semicolon = False
        elif text.lstrip().startswith("(") and ")" not in text and self.item and signature(self.item[-1]) is not None \
                and not _TARGETS_IN_TURN.match(text.lstrip()):
            # Not after a rate (高于全省3.9个百分点（全省增长5.3%）: the other place's rate, no part of the item).
            # 完成投资86.4亿元（交通52.3亿元、水利7.6亿元…）: parts in parentheses right after their total; with 含
            # (86.4亿元（含交通52.3亿元）) even one is a part.
            named = _CONTAINS.match(text.lstrip()) is not None
            self._open(parenthesised=True, incomplete=named or INCOMPLETE_RE.search(text) is not None, implicit=not named)
        # Items joined by 、 are a list the next 其中 may be about; a comma or semicolon ends it.
        ends_list = _LIST_END.search(text) is not None
        if "、" in text and not ends_list and self.item:
            self.siblings.append(list(self.item))
        elif ends_list:
            self.siblings = []

    def _unlist_new_whole(self) -> None:
        """耕地98.6万亩，其中水田42.3万亩；粮食播种面积86.5万亩，其中…: an item after a semicolon that opens a 其中 list of
        its own and holds nothing of the whole's head noun (耕地) is the next statement's whole, not a further part of the
        list before, which ends (学校…；小学86所，其中… goes on: 学 of 学校)."""
        part = self.after_semicolon_part
        if part is None or part not in self.item or not self.frames or part not in self.frames[-1].parts:
            return
        if {char for w in self.frames[-1].whole for char in (w.entity or "")[-2:]} & set(part.entity or "") \
                and not _overshoots(self.frames[-1], part):
            return
        self.frames[-1].parts.remove(part)
        part.whole = part.group = None
        self.frames.pop()

    def _unlist_parallel_whole(self, frame: Frame, first: Fact) -> None:
        """签约项目86个，其中工业项目52个；开工项目68个，其中工业项目41个: a list whose first part is named as the first part
        of the list its whole stands in (工业项目 again) is a statement alike, not a part of that list, which ends there."""
        outer = self.frames[-2] if len(self.frames) >= 2 else None
        if outer is None or outer.first_part is None or outer.first_part.entity != first.entity:
            return
        listed = [w for w in frame.whole if w in outer.parts]
        if not listed:
            return
        for whole in listed:
            outer.parts.remove(whole)
            whole.whole = whole.group = None
        self.frames.remove(outer)

    def _rivals(self, after_semicolon: bool) -> list[list[Fact]]:
        """The items alike a 其中 may be about besides the last: those of the sentence before when it opens this one,
        this sentence's own items of no list when it follows a semicolon; none after a comma (…，城镇人口55万人，其中…
        is about the 55)."""
        if not self.frames and not self.earlier and self.rivals:
            return self.rivals
        if not after_semicolon:
            return []
        # …，其中男性1526人，女性3326人；其中，执业医师…: the whole of the list the last item is a part of is one too.
        wholes = [frame.whole for frame in self.frames if any(f in frame.parts for f in self.item)]
        return wholes + [item for item in self.earlier if any(f.kind == "level" and f.whole is None for f in item)]

    def _member_broken_down(self, fact: Fact) -> Fact | None:
        """The one part listed before whose name the fact's name ends with, after words of its own (县级 + 税收收入) — a name
        of its own, not a bare head (项目 of 10亿元以上项目11个 is no thing 工业项目 could be of)."""
        name = fact.entity or ""
        found = [m for m in self.members if m.entity and _MEMBER_MIN <= len(m.entity) < len(name) and name.endswith(m.entity)
                 and summable_with(m, fact)]
        return found[0] if len(found) == 1 else None

    def _measured_elsewhere(self, part: Fact, whole: list[Fact]) -> list[Fact]:
        """The items stated before, in this sentence or the one it continues, whose name ends with the part's measure
        (营业收入) when the whole's name does not (利润总额); none when the whole's does."""
        mine = MEASURE_NOUN.search(part.entity or "")
        theirs = [m.group() for w in whole if summable_with(w, part) and (m := MEASURE_NOUN.search(w.entity or ""))]
        if mine is None or not theirs or mine.group() in theirs:
            return []
        others = [f for item in self.earlier for f in item] + self.before
        return [f for f in others if f not in whole and summable_with(f, part) and (f.entity or "").endswith(mine.group())
                and len(_common_end(f.entity or "", part.entity or "")) >= 3]

    def _month_beside_months(self) -> bool:
        """…1—8月累计62.37亿元，8月份7.14亿元，其中装备制造业…: a 其中 right after one month's figure, with a figure of the
        months to date stated before it in the sentence, may be about either."""
        return _one_month_beside_months(self.item, [f for item in self.earlier for f in item])

    def _names_item(self, noun: str) -> bool:
        return bool(self.item) and all((f.entity or "").startswith(noun) for f in self.item)

    def _among_inside(self, text: str) -> bool:
        inside = _AMONG_INSIDE.match(text) if "中" in text else None
        return inside is not None and len(self.item) == 1 and self.item[0].entity == inside.group("noun")

    def add(self, fact: Fact, new_item: bool, text_after: str) -> None:
        """Place a fact: a new item (own subject) or a further figure of the current item."""
        bound = (fact.qualifier == "以上" or _OVER.search(fact.text) or fact.text.lstrip().startswith(_RANGE_END)
                 or _RANGE_INSIDE.search(fact.text))
        if (bound and _FLOOR_OF_NEXT.match(text_after)) or _RANGE_ON.match(text_after):
            return  # 其中5亿美元以上合同项目2个: the bound names the class of the count after it; it is no part itself
        semicolon = self.after_semicolon
        if (amount_of := self._amount_beside_part(fact)) is not None:
            # 按产业分，先进制造业项目39个、合同引资182.7亿元；…: the part's amount, of the whole's amount, and the list goes on.
            frame = self.frames[-1]
            fact.whole, fact.group = amount_of.index, frame.group
            frame.parts.append(fact)
            self.item.append(fact)
            return
        some_of = self._some_of_item(fact, new_item, text_after) if not self.frames else self._state_of_part(fact, new_item)
        self.across = False
        if new_item:
            self._close_if_list_changed(fact)
            if self.item:
                self.earlier.append(self.item)
        if some_of is not None:
            # The item is the whole.
            self._open(parenthesised=False, incomplete=True, single=some_of == "one", states=some_of == "list")
        elif new_item:
            self.item = []
        self.item.append(fact)
        if not self.frames:
            return
        frame = self.frames[-1]
        if fact.kind == "share" and fact.share_of:
            self._nest_under_named_whole(frame, fact.share_of)
        # 增加学位9.7万个，其中普通高中学位增加5300个: a part's own increase is some of a whole of things, as its level is.
        candidate = replace(fact, kind="level", measure="actual") if new_item and _an_increase(fact) else fact
        if signature(candidate) is None:
            return
        if frame.having and frame.first_part is None and _other_things(fact, frame.whole[0].entity if frame.whole else None, text_after):
            self.frames.pop()  # 5个园区已有300个项目入驻: the count after 有 is of other things, held by the first
            return
        if frame.first_part is None and new_item and fact.entity and any(w.entity == fact.entity and summable_with(w, fact) for w in frame.whole):
            # 财政总收入突破两千亿元，其中地方财政收入…，分别达到2115亿元和1067亿元: the whole's own figure, stated again
            # before any part, is the whole too (the exact one goes before the floor).
            frame.whole.append(fact)
            return
        if frame.first_part is None:
            frame.first_part = fact
            self._unlist_parallel_whole(frame, fact)
            if frame.rivals:
                among = _whole_among_rivals(frame, fact)
                if among is None:
                    # No list goes on past it either: the one before ended where this 其中 opened.
                    self.frames.clear()
                    return
                frame.whole = among
            if frame.aspect and (member := self._member_broken_down(fact)) is not None:
                # …其中税收收入9.0亿元，非税收入3.0亿元。分级次看，县级税收收入5.0亿元…: parts by an aspect that each name one
                # part of the list before (县级税收收入 of 税收收入) break that part down, not the list's whole.
                frame.whole = [member]
            elif frame.alternatives and fact.entity:
                frame.whole = max([*frame.alternatives, frame.whole], key=lambda item: _shared(item, fact))
            elif not any(summable_with(w, fact) and not _averaged(w) for w in frame.whole):
                # 新签约项目96个、总投资310亿元，新引进龙头企业12家，其中制造业项目58个: the item just before counts
                # other things, so 其中 goes back to the latest item counting the same things. So does one after an
                # average (床位5217张，每千人口床位6.82张，其中医院床位3986张: the 5217), which no part is of.
                counting: list[Fact] | None = next((item for item in reversed(self.earlier)
                                                    if any(_counts_alike(w, fact) and not _averaged(w) for w in item)), None)
                frame.whole = (counting or (self.fallback if any(summable_with(w, fact) for w in self.fallback) else None)
                               or (None if frame.aspect else self._only_alike_before(fact)) or frame.whole)
            if named := self._measured_elsewhere(fact, frame.whole):
                # 实现营业收入386.52亿元；实现利润总额21.74亿元。其中，甲行业实现营业收入118.36亿元: the part names the measure
                # of another item than the one 其中 follows. It is of that item when only one is so named and the part
                # names a kind of its own before the measure (甲行业); otherwise which one is not guessed (工业增加值
                # after 规上工业增加值 and 地区生产总值 names no kind: it may be of either).
                end = _common_end(named[0].entity or "", fact.entity or "")
                if len(named) > 1 or fact.entity == end or not MEASURE_NOUN.search(end):
                    self.frames.pop()
                    return
                frame.whole = named
        # 年计划完成12.6亿元，实际完成12.93亿元…；其中税收收入9.28亿元: of a plan and what was done, the parts are of the
        # figure of their own measure.
        alike = _of_its_period(sorted((w for w in frame.whole if summable_with(w, candidate)),
                                      key=lambda w: (w.approximate, w.measure == "target" != candidate.measure)), candidate)
        if not alike and (counted := self._amount_of_counted(frame, fact)) is not None:
            alike = [counted]
        if not alike and new_item and candidate.attribute is None:
            alike = _measured_whole(frame.whole, candidate)
        if not alike and frame.aspect:
            alike = _done_of_whole(frame.whole, candidate, self.lexicon) or self._done_named_before(candidate)
        # 规上工业企业由454家增加到787家，其中5家…: the list is of the level reached, not of the one it grew from.
        whole = next((w for w in alike if w.earlier is not None and any(e.index == w.earlier for e in alike)),
                     alike[0] if alike else None)
        # 其中国家级6家、省级80家: an item joined to the last part by 、 alone is of the same list, however large.
        joined = (bool(frame.parts) and re.fullmatch(r"\s*、[\u4e00-\u9fff]{0,6}\s*", self.last_gap) is not None
                  and not RUNNING_TOTAL.search(fact.text))
        # 重点项目206个，其中新开工项目86个、续建项目120个，竣工项目52个: things at a stage (竣工项目, of 项目) are some of the
        # whole however large, counted inside the other stages.
        staged = _by_state(fact.entity, whole.entity) if whole is not None else False
        # …，其中装备制造业…，新材料产业…，8月份7.14亿元: one month's figure after parts that already add up to the whole is
        # no further part.
        a_month = one_month(fact.text) and _filled(frame, fact)
        if whole is not None and new_item and not joined and (
                RUNNING_TOTAL.search(fact.text) or a_month or (frame.parts and _larger(fact, whole) and not staged)):
            # 其中甲3万人，乙540万人 / …，总数达到550家: after the first part, an item larger than the whole, or a
            # running total, is the next statement, not a further part; the list has ended.
            self.frames.pop()
            return
        if whole is not None and frame.parts and TOTAL_OF_LIST.match(fact.text) and summable_with(fact, whole) \
                and self._total_of_counted(frame, fact):
            self._total_parts_before(frame, fact, whole)
            return
        if whole is not None and frame.parts and TOTAL_OF_LIST.match(fact.text) and summable_with(fact, whole):
            # 分区县看，甲区…，丁县62.1亿元，合计362.4亿元: the parts' total is their whole stated again, no further part,
            # and what the next sentence's parts (按行业分：…) are of.
            fact.subject, fact.entity, fact.indicator = whole.subject, whole.entity, whole.indicator
            self.item = [fact]
            self.frames.pop()
            return
        if whole is not None and may_be_part(candidate, whole) and self._totals_parts(frame, fact):
            self._total_parts_before(frame, fact, whole)
            return
        if whole is not None and (_sibling_places(candidate, whole) or (frame.parts and _NAMED_SUM.match(fact.text))):
            self.frames.pop()
            return
        if whole is not None and frame.aspect and frame.first_part is fact and not self._same_thing(candidate, whole):
            # 土地增值税…。从月度看，1—8月一般公共预算收入…，9月当月入库…: the first part names a thing not within the whole
            # guessed, so the aspect breaks down another; no figure after it is a part of this one.
            self.frames.pop()
            return
        if whole is not None and may_be_part(candidate, whole) and (not frame.aspect or self._same_thing(candidate, whole)):
            fact.whole = whole.index
            fact.group = frame.group
            frame.parts.append(fact)
            self.after_semicolon_part = fact if semicolon and new_item else None
            if frame.single:
                self.frames.pop()
                return
        if text_after.lstrip().startswith("等"):
            frame.incomplete = True

    @staticmethod
    def _totals_parts(frame: Frame, fact: Fact) -> bool:
        """规上工业总产值…，纺织服装产值…，…，机械装备产值…，五大传统产业合计13409.6亿元: a total named by as many things as the
        parts listed before it sums them (not 城区…，东部新区…，南部三县合计…: three counties not listed, one more part)."""
        named = _NAMED_TOTAL.match(fact.text) if "计" in fact.text else None
        return named is not None and parse_chinese(named.group("n")) == sum(summable_with(p, fact) for p in frame.parts) >= 2

    @staticmethod
    def _total_of_counted(frame: Frame, total: Fact) -> bool:
        """规上工业总产值434.1亿元。分产业看，装备制造、新材料、食品加工三大主导产业分别实现产值…，合计296.6亿元: a total after
        parts that a name counting as many things named together before 分别 sums them, not the whole; it takes that name
        (三大主导产业产值). So does one after things listed under 其中 (其中教育、卫生健康支出分别为…，合计…): they are some
        of the whole."""
        parts = [p for p in frame.parts if summable_with(p, total)]
        lead, respectively, _ = parts[0].text.partition("分别") if parts else ("", "", "")
        if not respectively or len(parts) < 2:
            return False
        group = counted_group(lead.rstrip(), len(parts)) or (None if frame.aspect else _listed_under_among(lead))
        if group is None:
            return False
        measure = _common_end(parts[0].entity or "", parts[1].entity or "")
        # Parts that all kept one name (the list's last) were not told apart: that name is no measure they share.
        shared = measure != parts[0].entity and not group.endswith(measure) \
            and all((p.entity or "").endswith(measure) for p in parts)
        total.entity = group + measure if measure and shared else group
        total.subject, total.indicator = total.entity + (total.attribute or ""), None
        return True

    def _total_parts_before(self, frame: Frame, total: Fact, whole: Fact) -> None:
        """The parts listed before a total that sums them are its parts, and it is one part of the whole; the list ends."""
        inner = Frame(group=self.next_group, whole=[total], parenthesised=False, incomplete=False,
                      parts=[p for p in frame.parts if summable_with(p, total)])
        self.next_group += 1
        for part in inner.parts:
            part.whole, part.group = total.index, inner.group
        self.opened.append(inner)
        frame.parts = [p for p in frame.parts if p not in inner.parts] + [total]
        total.whole, total.group = whole.index, frame.group
        self.item = [total]
        self.frames.pop()

    def _some_of_item(self, fact: Fact, new_item: bool, text_after: str) -> str | None:
        """A count right after a count of the same things, in the next clause, is some of them without 其中:
        "one" for 实施科技计划项目86个，41个通过验收 (no noun of its own, a verb after it) and 企业达到320家，高新技术企业95家
        (a kind of the things just counted); "list" for 实施项目120个，开(复)工108项，竣工投产26项 (a stage of
        progress of the things just counted, and the stages after it)."""
        if fact.kind != "level" or not self.item:
            return None
        # The item's count (项目474个、当年完成投资230.4亿元: the count, not the amount of the same projects).
        whole = next((f for f in self.item if summable_with(f, fact)), None)
        if whole is None or (len(self.item) > 1 and whole is not self.item[0]):
            return None
        unit = whole.unit_info
        if (unit is None or unit.kind != "count" or whole.measure != fact.measure or whole.approximate
                or whole.whole is not None):
            return None
        # 实施86个科技计划项目，41个…: the whole's noun after its count is no word between the two.
        gap = self.last_gap[len(whole.entity):] if whole.entity and self.last_gap.startswith(whole.entity) else self.last_gap
        # Counts of whole things (个, 家, 项 …, not 人) not counted at a state themselves (4条通道基本建成，10条加快建设:
        # two states side by side).
        things = (unit.is_whole_count and fact.unit_info is not None and fact.unit_info.is_whole_count
                  and not _AT_A_STATE.search(whole.entity or ""))
        if not new_item:
            bare = re.fullmatch(r"\s*,\s*(?:已有|已|有)?\s*", gap) is not None
            return "one" if bare and things and text_after[:1] >= "\u4e00" else None
        # Only the part's subject stands between the two counts: a verb of its own (出台规章6部，清理规章12部)
        # makes it a statement about other things.
        joint = re.match(r"\s*([,、;]?)\s*", gap)
        assert joint is not None
        rest = gap[joint.end():]
        if not joint.group(1) and not (self.across and rest):
            return None
        head = fact.entity or ""
        if joint.group(1) == "," and not rest and things and len(head) >= 2 and (whole.entity or "").endswith(head):
            return "one"  # 科技计划项目86个，41个项目通过验收: the count's noun after it is the whole's, or its head
        if joint.group(1) == "," and not rest and things and not FLOW.search(whole.text) and _staged(whole, fact):
            return "list"  # 实施项目474个，274个新建项目…: the projects of one stage among those carried out
        if (joint.group(1) == "," and not rest and things and _SAID_OF_THEM.match(text_after)
                and not _SAID_OF_THEM.search(whole.entity or "")):
            # 25个重点培育企业，11个主营业务收入增速超50%: no noun of its own, what is said of the things before — unless
            # the things before are named by what is said of them too (2项科研成果达到国际先进水平，3项达到国内领先水平:
            # two findings side by side).
            return "one"
        if (_INSPECTED.match(whole.entity or "") and _disposed_of(rest, whole.entity) and fact.unit_info is not None
                and fact.unit_info.base not in {"人", "人次"}):
            return "list"  # 排查隐患1200处，整改1180处 (not people: 检查…人, 处罚…人 count other things)
        if rest != fact.entity:
            return None
        if _kind_of(whole, fact):
            # Items listed with 、 are alike (定点医院床位1000张、亚定点医院床位5100张), not one within another.
            return "one" if joint.group(1) == "," else None
        # A count of this year's doings, or at a state of its own (安居房建成2466套、新开工18111套; 续建51个、新开工20个),
        # is no set the next state is counted in — 入驻企业75家、投产39家 names the things by a state, which is no doing.
        after_noun = whole.text[whole.text.find(whole.entity) + len(whole.entity) :] if whole.entity and whole.entity in whole.text else whole.text
        flow = (FLOW.search(whole.text) or _DOING.match(whole.entity or "") or _AT_A_STATE.search(after_noun)
                or _ENDS_AT_A_STAGE.search(whole.entity or ""))
        counted = fact.unit_info is not None and fact.unit_info.is_whole_count
        # …产业项目709项，完成投资369.7亿元；竣工项目532项: the state names the things counted, so a semicolon between is
        # no new statement.
        return "list" if _by_state(fact.entity, whole.entity) and counted and not flow else None

    def _state_of_part(self, fact: Fact, new_item: bool) -> str | None:
        """从项目类型看，续建项目26个…；新开工项目34个，已开工28个: inside a list, a count named by a state alone right after a
        part's count is some of that part ("one"), not a further part of the list's whole."""
        # After a comma only: items listed with 、 (其中签约200个、开工100个) are alike, parts of the same whole.
        if (not new_item or fact.kind != "level" or _STATE_ONLY.match(fact.entity or "") is None or ";" in self.last_gap
                or "," not in self.last_gap):
            return None
        # Not after a part named by a state itself (项目120个，开(复)工108项，竣工投产26项: stages of the whole, side by side).
        part = next((f for f in self.item if f.whole is not None and summable_with(f, fact)
                     and _STATE_ONLY.match(f.entity or "") is None), None)
        return "one" if part is not None and part.unit_info is not None and part.unit_info.kind == "count" else None

    def _nest_under_named_whole(self, frame: Frame, whole_name: str) -> None:
        """"其中，甲67.9亿元；乙51.7亿元，占甲的76.1%": the share names 乙's whole, so 乙 is a part of 甲,
        not a further part of the list."""
        sibling = next((p for p in frame.parts if p.entity and p.entity not in {f.entity for f in self.item}
                        and (p.entity in whole_name or whole_name in p.entity)), None)
        if sibling is None:
            return
        for fact in self.item:
            if fact in frame.parts:
                frame.parts.remove(fact)
                fact.whole, fact.group = sibling.index, self.next_group
        self.next_group += 1

    def _close_if_list_changed(self, fact: Fact) -> None:
        """A list ends at a semicolon unless the next item starts like its first part did, and wherever an
        item of another kind comes between its parts (其中工业项目806个，…，协议引资额4514亿元，…开工项目458个)."""
        frame = self.frames[-1] if self.frames else None
        sig = signature(fact)
        first = frame.first_part if frame else None
        like_first = first is not None and summable_with(fact, first)
        other_kind = sig is not None and first is not None and not like_first
        changed = not like_first and not (sig is None and first is None)
        inspected = frame is not None and bool(frame.whole) and _INSPECTED.match(frame.whole[0].entity or "") is not None
        not_a_state = frame is not None and frame.states and not _a_state(fact.entity, frame.whole[0].entity if frame.whole else None, inspected)
        if other_kind and frame is not None and self._beside_last_part(frame, fact):
            other_kind = False  # 其中，普通高中9所，在校生1.62万人；初中34所…: the part's own figure, not the next statement
            frame.paired = True
            self._place_beside(frame, fact)
        other_things = frame is not None and not frame.paired and _names_other_things(fact, frame)
        if frame and not frame.parenthesised and (other_kind or not_a_state or (self.after_semicolon and changed)
                                                  or (self.after_semicolon and (_said_as_whole(fact, frame.whole, first)
                                                                                or other_things
                                                                                or _drops_the_wholes_kind(fact, frame)
                                                                                or _leaves_the_parts_name(fact, frame)
                                                                                or _filled(frame, fact)))):
            if self.after_semicolon and other_things:
                # Whether the item ended a list of all the parts or the list goes on under another name (…；幼儿园90所 of
                # 学校) is not known: the parts said are some of the whole.
                frame.incomplete = True
            self.frames.pop()
        self.after_semicolon = False

    def _only_alike_before(self, part: Fact) -> list[Fact] | None:
        """学校268所，在校学生11.86万人，专任教师8932人。其中，普通高中9所…: a 其中 opening a sentence whose first part the
        last item cannot hold is of the one figure of its own the sentence before states in the part's unit and measure
        (not parts by an aspect: 已开工项目90个…。分类型看，… are of all the projects, not of those started)."""
        alike = [f for f in self.before if summable_with(f, part) and not f.approximate]
        return alike if len(alike) == 1 else None

    def _beside_last_part(self, frame: Frame, fact: Fact) -> bool:
        """学校268所，在校学生11.86万人。其中，普通高中9所，在校生1.62万人；初中34所…: a 其中 sentence breaking down two
        figures the sentence before stated, each part followed past a comma by its own figure in the unit of the other
        (not the whole's): that figure says more of the part, and the list goes on after it when the next part opens as
        the first did."""
        gap, unit = self.last_gap.lstrip(), fact.unit_info
        # 幼儿园95所（其中公办幼儿园41所），在园幼儿1.38万人: past the part's own parts in parentheses, the figure is still beside it.
        nested = bool(self.item) and bool(frame.parts) and self.item[-1].whole == frame.parts[-1].index and gap.startswith("),")
        if unit is None or not frame.parts or not self.item or (self.item[-1] is not frame.parts[-1] and not nested) \
                or self.after_semicolon:
            return False
        gap = gap[1:] if nested else gap
        alike = [f for f in self.before if f.unit_info is not None and f.unit_info.base == unit.base]
        return (gap.startswith(",") and ";" not in gap and "其中" not in gap and bool(alike)
                and not any(w.unit_info is not None and w.unit_info.base == unit.base for w in frame.whole))

    def _place_beside(self, frame: Frame, fact: Fact) -> None:
        """学校268所，在校学生11.86万人，专任教师8932人。其中，普通高中9所，在校生1.62万人；…；幼儿园129所，在园幼儿2.67万人: the
        figures beside the parts are parts of the one figure before in their unit whose name ends as the first of them
        does (在校学生 for 在校生, not 专任教师), whatever the later ones are named (在园幼儿); none when that is not clear."""
        if frame.beside is None:
            alike = [f for f in self.before if summable_with(f, fact) and not f.approximate
                     and _common_end(f.entity or "", fact.entity or "")]
            if len(alike) != 1:
                return
            frame.beside = Frame(group=self.next_group, whole=alike, parenthesised=False, incomplete=True)
            self.opened.append(frame.beside)
            self.next_group += 1
        whole = frame.beside.whole[0]
        if summable_with(fact, whole) and may_be_part(fact, whole):
            fact.whole, fact.group = whole.index, frame.beside.group
            frame.beside.parts.append(fact)

    def _amount_of_counted(self, frame: Frame, fact: Fact) -> Fact | None:
        """完成固定资产投资205亿元，其中实施重点工程项目43个，完成投资50.8亿元: after 其中 a count of things that is no
        part of the whole (it counts, the whole is an amount), the amount of the same things (their 投资) in the whole's
        unit, before any semicolon, is the part when the whole is named by that measure (固定资产投资): the whole it
        belongs to, or None."""
        first, unit = frame.first_part, fact.unit_info
        if (first is None or first.whole is not None or frame.parts or self.after_semicolon or first.kind != "level"
                or first.unit_info is None or first.unit_info.kind != "count" or fact.kind != "level" or not first.entity
                or fact.entity != first.entity or unit is None or unit.is_percent):
            return None
        # The measure as named after its verb (完成投资 → 投资, 实现营业收入 → 营业收入), all of it the end of the whole's name.
        measure = _DONE.sub("", fact.attribute or "")
        if not MEASURE_NOUN.fullmatch(measure) or _PLANNED.search(fact.attribute or ""):
            return None  # 总投资, 计划投资 of the projects span years and plans: no part of a year's amount
        # By aspect (按投资规模分，亿元以上项目74个，完成投资168.2亿元) only within an indicator the lexicon knows: the item
        # before may be the amount of one kind of work (完成前期工作投资6.9亿元), not the whole the aspect breaks down.
        return next((w for w in frame.whole if w.kind == "level" and w.attribute is None and w.unit_info is not None
                     and (w.unit_info.kind, w.unit_info.base) == (unit.kind, unit.base)
                     and (w.entity or "").endswith(measure) and may_be_part(fact, w)
                     and (not frame.aspect or self.lexicon.find(w.entity) is not None)), None)

    def _done_named_before(self, part: Fact) -> list[Fact]:
        """累计完成投资161.7亿元。分类别看，产业项目78个，完成投资92.36亿元；…: a part by an aspect named by its things and the
        measure done is of the one figure the sentence before states named by that measure alone — never a 总投资 or 计划投资."""
        if not part.attribute or _PLANNED.search(part.attribute) or not _DONE.match(part.attribute):
            return []
        named = [f for f in self.before if f.kind == "level" and f.entity is None and f.subject == part.attribute
                 and f.unit == part.unit and not f.approximate]
        return named if len(named) == 1 else []

    def _amount_beside_part(self, fact: Fact) -> Fact | None:
        """新签约项目68个，合同引资总额286.4亿元。…按产业分，先进制造业项目39个、合同引资182.7亿元: an amount joined by 、 to a
        part's count, named as the whole's amount without 总额, is that part's share of the whole's amount."""
        frame = self.frames[-1] if self.frames else None
        first, unit = (frame.first_part if frame else None), fact.unit_info
        if (frame is None or first is None or first.unit_info is None or first.unit_info.kind != "count" or unit is None
                or unit.kind != "money" or fact.kind != "level" or not fact.entity
                or re.fullmatch(r"\s*、[\u4e00-\u9fff]{0,8}", self.last_gap) is None):
            return None
        return next((w for w in frame.whole if w.kind == "level" and w.entity == fact.entity + "总额" and w.unit == fact.unit
                     and may_be_part(fact, w)), None)

    def _same_thing(self, part: Fact, whole: Fact) -> bool:
        """分园区看，甲园区完成规上工业总产值…: a part by an aspect names the whole's thing, a thing the lexicon puts within
        it (工业投资 of 固定资产投资), or only its place (西区70.2亿元) — 规上工业总产值 is no part of 进出口总额.
        A part named exactly as an indicator (从月度看，1—8月一般公共预算收入… after 土地增值税…) is that indicator's months
        or places, never some of a whole the lexicon does not put it within."""
        mine, theirs = MEASURE_NOUN.search(part.entity or ""), MEASURE_NOUN.search(whole.entity or "")
        if mine is not None and theirs is not None and mine.group() == theirs.group():
            return True
        if (named := self.lexicon.named(part.entity)) is not None:
            return self._within(named, whole)
        if mine is None or theirs is None:
            return True
        inner = self.lexicon.find(part.entity)
        return (inner is not None and self._within(inner, whole)) or self.lexicon.kind_within(whole.entity, part.entity) is not None

    def _within(self, inner: Indicator, whole: Fact) -> bool:
        """The indicator is the whole's own or one the lexicon puts within it."""
        outer = self.lexicon.find(whole.entity)
        return outer is not None and (inner.code == outer.code or inner.code in self.lexicon.parts_of(outer.code))

    def list_whole(self, item: list[Fact]) -> list[Fact]:
        """The whole of the list `item` is a part of (up to the outermost), else the item itself."""
        frame = next((f for f in self.opened if f.whole and any(p in f.parts for p in item)), None)
        return self.list_whole(frame.whole) if frame is not None else item

    def finish(self) -> None:
        """At the end of the sentence: mark the parts of lists that said they are incomplete."""
        for frame in self.opened:
            if frame.implicit and len(frame.parts) < 2:
                # One number in parentheses (70户（力争100户）) restates its figure; it lists no parts.
                for part in frame.parts:
                    part.whole = part.group = None
                continue
            for part in frame.parts:
                part.incomplete_list = frame.incomplete


def _overshoots(frame: Frame, part: Fact) -> bool:
    """户籍人口98.65万人，其中农业人口66.5万人；常住人口82.36万人，其中…: the item after the semicolon, opening a list of its
    own and named by the whole's head noun (人口), would take the parts past their whole (all in one unit): it is another
    whole alike, not a further part (小学 of 学校 stays a part)."""
    if len(frame.whole) != 1:
        return False
    whole = frame.whole[0]
    if not (part.entity or "").endswith((whole.entity or "")[-2:]) or any(f.unit != whole.unit for f in frame.parts):
        return False
    return sum((f.value for f in frame.parts), Decimal(0)) > whole.value


def _of_its_period(alike: list[Fact], part: Fact) -> list[Fact]:
    """8月份…总产值9.6亿元…；1—8月累计完成68.2亿元，其中装备制造业26.3亿元: of the item's levels alike dated apart (the
    month and the months to date), the parts are of the one of their own months."""
    same = [w for w in alike if w.period == part.period]
    return same if same and len({w.period for w in alike}) > 1 else alike


def _one_month_beside_months(item: list[Fact], others: list[Fact]) -> bool:
    """Whether the item's last level is one month's figure (8月份, 当月) and `others` hold a level in its unit of the
    months to date (1—8月, 累计, or a period stated without naming one month): the reader dates both alike."""
    last = next((f for f in reversed(item) if f.kind == "level"), None)
    return last is not None and one_month(last.text) and any(
        f is not last and f.kind == "level" and f.unit == last.unit and not one_month(f.text)
        and (months_to_date(f.text) or f.period_stated) for f in others)

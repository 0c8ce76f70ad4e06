"""What a number measures, read from the words just before it: its kind, sign and role."""

from __future__ import annotations

import re
from dataclasses import dataclass

from devplan.reader.units import POINT_UNITS, Unit

COMPLETION_RE = re.compile(
    r"(?:完成|占|为|达到?|超)了?(?:全年|年度|年初|全年度|年|规划)?(?:投资)?(?:计划|目标|任务)(?:任务)?的?|完成率|完成进度"
    # 为年初预算的101.8%, 完成调整预算的96.3%: a budget is the plan of a budget report.
    r"|(?:完成|为|达到?)了?(?:年初|年度|全年|调整后?的?)?预算(?:数)?的?"
)
# 占…比重 and 占比 name a share, and so does 占… alone right before a percentage (占一般公共预算支出78.4%).
SHARE_RE = re.compile(
    r"占(?P<whole>[^,;。]{0,24}?)(?:的)?(?:比重|比例)|比重|占比|比例"
    # 39个行业中有28个增加值实现增长，增长面达71.8%: the share of the things that grew.
    r"|增长面|亏损面|盈利面"
    # 相当于全市地区生产总值的2.71%: what a figure is as a share of a whole named right before its percentage.
    r"|(?:占|相当于)(?P<bare>[^,;。、\d占]{1,24}?)的?(?:分别)?(?:为|达到?|约|近|超过)?$|^\s*(?:分别)?(?:约|近)?占$"
    # 来自天津以外的货物占70%以上: 占 right after what is measured, the whole left unsaid.
    r"|(?<=[\u4e00-\u9fff])占(?:约|近|超过)?$"
)
_NO_WHOLE = {"到", "达", "达到", "为", "了"}
_NAMED_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,}\s*$")
_FIGURE_OF_PLAN = re.compile(r"(?:总?投资|资金)")
# A contribution to the growth of a whole is a share of that growth, not a growth of the whole.
CONTRIBUTION_RE = re.compile(r"贡献率|贡献了|拉动[^,;。]{0,16}?增长|拉动")
# 增加值 is a noun (value added), not 增加 (an increase); 自然增长率 is a level, not a growth.
GROWTH_RE = re.compile(
    # 较上年新增10个 is an increase on last year, not a count of new things (新增就业); so is 比上年扩大210万亩, not a
    # goal (扩大有效投资); and 比上年多争取4.3亿元, 较去年同期少3.2亿元 (少…), the gap to the level compared with — never
    # 多增/少减, which compare two increases (贷款比上年多增12亿元), not two levels.
    r"(?<!自然)(?P<verb>负增长|增长|增速|增幅|上升|提高|提升|回升|跃升|前移|增加(?!值)|净增|"
    r"(?:(?<=[比较]上年)|(?<=[比较]去年)|(?<=[比较]上年分别))(?:新增|扩大)|"
    r"(?:(?<=[比较]上年)|(?<=[比较]去年)|(?<=[比较]上年分别)|(?<=年同期)|(?<=[比较]年初)|(?<=上年末)|(?<=上年底))[多少](?![增减])|"
    r"上涨|涨幅|下降|减少|回落|降低|减低|下滑|降幅|增收|减收|(?<!新)增产(?!值)|减产(?!值)|"
    r"缩减|下跌|跌幅|收窄|缩小|"
    # 行政许可办理时限压缩20%, 压减煤炭产能875万吨: cuts are falls.
    r"压缩|压减|削减|精减|精简|压降|撤减)"
    r"(?:率)?(?:了)?(?P<to>到|至)?"
)
_RATE_NOUNS = {"增速", "增幅", "降幅"}
# 增加 before the noun it governs (增加学位9.7万个, 增加就业岗位5000个) counts the things added, a level like 新增…;
# after its noun (学位增加5300个) or after a comparison (比上年增加就业岗位300个) it is a change. So do things upgraded
# (改造提升公交站亭615处, 提升改造农村公路491.8公里) and costs taken off someone (为企业降低各类成本700亿元, 减轻负担…).
_ADDS_THINGS = re.compile(r"(?:增加|(?:改造)?提升(?:改造)?|降低|减轻)[\u4e00-\u9fff“”]{2,}")
# 产值同比增长的企业161家, 实现增长的行业29个: the verb picks the things counted by what they did (增长面's part).
_WHICH_CHANGED = re.compile(r"的[\u4e00-\u9fff]{1,6}\s*")
# 比上年增加的企业30家 is how the count changed, not the firms that grew.
_COUNT_COMPARED = re.compile(r"(?<!同)(?:比|较)(?:上年|去年|年初)末?\s*$")
_COMPARED = re.compile(r"(?:比|较|同比)[^,;。]{0,6}$")
NEGATIVE_VERBS = {"负增长", "少", "下降", "减少", "回落", "降低", "减低", "下滑", "降幅", "缩减", "下跌", "跌幅", "收窄", "缩小", "减收", "减产",
                  "压缩", "压减", "削减", "精减", "精简", "压降", "撤减"}
ESTIMATE_RE = re.compile(r"预计|初步核算|预估|有望")
TARGET_RE = re.compile(
    # 列入年度计划的重点项目共128个: the things put in the plan, counted as they are — no figure the plan sets.
    r"(?<!列入)(?<!纳入)(?:年计划|年度计划)|计划完成|计划对|计划开展|计划新增|计划投资|年度目标|目标任务|目标为|目标是|预期目标|力争|确保|年初目标|(?<![超过比较出于])规划目标"
    # 年初预算一般公共预算收入12.3亿元, 一般公共预算收入预算为12.3亿元: the budget of a figure is its plan.
    r"|年初预算|调整后?预算|(?:收入|支出)预算(?:数|为)?"
    # 一般公共预算收入预期132.50亿元: what a budget expects of the year is its plan, as 预算 is.
    r"|(?:收入|支出)预期(?:数|为)?"
    # 社会消费品零售总额：计划136亿元，预计完成131.8亿元; 计划增长7%: a clause opening with the plan right before its figure
    # (never 超计划, 高出计划: gaps to it; nor 重点研发计划183项, a programme).
    r"|(?:^|[,:;])\s*计划(?:增长|下降)?\s*$"
    # 计划改造120公里，已完成126.4公里; 计划筛查1.2万人: a clause opening with the plan and what it plans (never 计划生育,
    # 计划单列, a project's 计划总投资, its size, nor the projects of a list, 计划竣工项目38个, 计划实施重点项目1300个, which
    # are counted as described; nor 计划所述, what the plan report says was done, beside the figure registered).
    r"|(?:^|[,:;])\s*计划(?!生育|单列|总投资|经济|外|内|所)(?![\u4e00-\u9fff]{0,6}项目)[\u4e00-\u9fff]{1,8}\s*$"
    # 一般公共预算收入完成8.96亿元，增长3.8%，预算数8.8亿元: a clause opening with the budget right before its figure.
    r"|(?:^|[,:;])\s*(?:年初|调整后?的?)?预算数\s*(?:为)?\s*$"
)
# In a plan section these verbs introduce goals (安排: a budget draft's spending); 实施 and bare amounts describe the
# plan's project list.
PLAN_VERBS = re.compile(r"达到|达|实现|完成|新增|认定|引进|培育|建设|建成|创建|推动|开展|争取|稳定在|控制在|保持|入规|提高|提升|安排")
# 全年签约31.36万人, 节约资金2.3亿元: 约 ending a word of its own says nothing of the number's precision.
_WORDS_ENDING_ABOUT = ("签约", "合约", "节约", "制约", "预约", "履约", "违约", "解约", "特约", "契约", "集约", "邀约", "如约")
BEFORE_QUALIFIERS = ("不低于", "不少于", "不超过", "超过", "突破", "跨过", "跨越", "迈过", "迈上", "不足", "接近", "约", "近", "逾")


@dataclass(frozen=True, slots=True)
class Reading:
    """How the words before a number read: kind of quantity, sign, and whether it is a goal or estimate."""

    kind: str
    negative: bool
    target: bool
    estimate: bool
    share_of: str | None = None
    compared_with: str | None = None


# 高于规模以上工业2.3个百分点: a gap in points to the rate of another thing (or place: 高于全省; 分别高于全国、全省1.8和0.9个
# 百分点 lists the references).
# 比全市平均水平高0.4个百分点 says the same with 比/较 before the reference (never 比重, nor 提高/降低).
GAP_RE = re.compile(
    r"(?:(?P<verb>高于|低于|快于|慢于|高出|低出|领先|落后|超过?(?=(?:序时|时序|时间)进度))(?P<ref>[^,;。、\d]{0,16}?(?:、[^,;。、\d]{1,16}?)*)"
    r"|(?<![占])(?:比|较)(?!重|例|率)(?P<ref_before>[^,;。、\d]{1,16}?))(?:增速|增幅|平均水平|水平|平均)?"
    r"(?(ref_before)(?<![提降升])(?P<verb_after>高出|高|低|快|慢))$"
)
_BELOW = {"低于", "慢于", "低出", "落后", "低", "慢"}
# 增速加快0.4个百分点, 放缓0.2个百分点: a rate's change of pace in points — only right before the points, never 加快 governing
# what follows it (加快3个园区建设).
_PACE = re.compile(r"(?P<verb>加快|放缓|减缓)\s*$")


def read_context(context: str, unit: Unit | None) -> Reading:
    """The kind (level, growth, change, completion, share) and role markers in `context`."""
    percent = unit is not None and unit.is_percent
    target = TARGET_RE.search(context) is not None
    estimate = ESTIMATE_RE.search(context) is not None
    completion = COMPLETION_RE.search(context) if percent else None
    if completion and not (completion.group().startswith("占") and _NAMED_BEFORE.search(context, 0, completion.start())
                           and _FIGURE_OF_PLAN.match(context, completion.end())):
        # 产业项目计划投资占年度计划投资的56.9%: a thing named before 占 takes its share of a figure of the plan; 完成投资…，
        # 占年计划的105% (nothing named in the clause, or the plan itself) is the completion.
        return Reading("completion", False, False, False)
    if unit is not None and (percent or unit.base == "个百分点") and CONTRIBUTION_RE.search(context):
        return Reading("share", False, target, estimate)
    if unit is not None and unit.base in POINT_UNITS and (gap := GAP_RE.search(context)):
        verb, ref = gap.group("verb") or gap.group("verb_after"), gap.group("ref") or gap.group("ref_before") or ""
        return Reading("change", verb in _BELOW, target, estimate, None, ref.strip() or None)
    if unit is not None and unit.base in POINT_UNITS and (pace := _PACE.search(context)):
        return Reading("change", pace.group("verb") != "加快", target, estimate)
    share = SHARE_RE.search(context)
    verbs = list(GROWTH_RE.finditer(context))
    growth = verbs[-1] if verbs else None
    # "占比回落1.3个百分点" is a change of the share, a growth in points; "占比35%" is the share itself.
    # "比重提高到41.3%" is the share reached; "占比回落1.3个百分点" below is its change.
    reached = growth is not None and growth.group("to") is not None and growth.group("verb") not in _RATE_NOUNS
    if percent and share and (growth is None or growth.start() < share.end() or reached):
        whole = (share.group("whole") or share.group("bare") or "").strip() or None
        if whole in _NO_WHOLE:
            whole = None  # 占到66%: a verb, no whole named
        return Reading("share", False, target, estimate, whole)
    # "提高到5%" names a level; "增速至5%" is still a rate of growth.
    if growth is None or (growth.group("to") and growth.group("verb") not in _RATE_NOUNS):
        return Reading("level", False, target, estimate)
    if _ADDS_THINGS.fullmatch(context, growth.start()) and not percent and not _COMPARED.search(context, 0, growth.start()):
        return Reading("level", False, target, estimate)  # 增加学位9.7万个: the places added, as 新增学位 is
    if not percent and _WHICH_CHANGED.fullmatch(context, growth.end()) and not _COUNT_COMPARED.search(context, 0, growth.start()):
        return Reading("level", False, target, estimate)  # 产值同比增长的企业161家: which things are counted, not a change
    negative = growth.group("verb") in NEGATIVE_VERBS
    # A rate that rises by points changes; a % (or 增长3倍, a multiple) is a rate of growth.
    rate = unit is not None and ((percent and unit.base not in POINT_UNITS) or unit.kind == "multiple")
    kind = "growth" if rate else "change"
    return Reading(kind, negative, target, estimate)


def qualifier_before(context: str) -> str | None:
    """约, 近, 超过 … written just before the number."""
    tail = context.rstrip()
    if not tail.endswith(BEFORE_QUALIFIERS) or tail.endswith(_WORDS_ENDING_ABOUT):
        return None  # most numbers have none: one test instead of one per qualifier
    return next((q for q in BEFORE_QUALIFIERS if tail.endswith(q)), None)


def measure_of(kind: str, role: str) -> str:
    """The contract's measure from the kind of quantity and its role (target, estimate, actual)."""
    if kind in {"rank", "completion"}:
        return kind
    if role in {"target", "estimate"}:
        return role
    return {"share": "share", "growth": "growth", "change": "change"}.get(kind, "actual")

"""How the illustrative projects of `demo_registry.py` describe their year: the 年度建设目标 and the monthly
形象进度 a project of each kind writes — farmland is levelled and gets ditches, a school gets a teaching
building, a road a roadbed and a surface, a river its banks, a factory its workshops and production line —
so that no farmland "竣工投产" and no river "主体完工，设备安装"."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Phases:
    """What a kind of project reports at each stage of its year's plan (several wordings a stage), what it
    says when the work is finished, and its year's goals: in the year it starts, in a middle year, in the
    year it is finished."""

    early: tuple[str, ...]
    middle: tuple[str, ...]
    late: tuple[str, ...]
    finishing: tuple[str, ...]
    done: str
    goal_start: str
    goal_middle: str
    goal_finish: str


KINDS: dict[str, Phases] = {
    "农田": Phases(("项目区测量放线完成，土地平整中", "土地平整施工中"), ("沟渠和田间道路施工中", "灌排渠系建设中"),
                 ("田间工程基本完成，配套设施建设中",), ("田间工程完工，待验收",), "已建成并通过验收",
                 "完成项目区土地平整", "完成沟渠路配套建设", "完成建设并通过验收"),
    "学校": Phases(("场地平整和基础施工中",), ("教学楼主体施工中", "校舍主体结构施工中"),
                 ("主体封顶，室内装修中", "装饰装修和附属工程施工中"), ("设施设备安装，准备交付",),
                 "已竣工交付使用", "完成教学楼主体工程", "完成装修和附属工程", "竣工并交付使用"),
    "道路": Phases(("征拆和路基土石方施工中", "路基施工中"), ("路基完成，路面基层施工中", "桥涵及路基施工中"),
                 ("沥青路面摊铺中", "路面铺设中"), ("交通安全设施施工中",), "已建成通车",
                 "完成路基工程", "完成路面工程", "建成通车"),
    "水利": Phases(("清淤和土方开挖中", "围堰施工中"), ("堤防加固施工中", "护岸和渠道衬砌施工中"),
                 ("主体工程基本完成，配套建筑物施工中",), ("附属工程收尾，待验收",), "已完工并通过验收",
                 "完成清淤和土方工程", "完成堤岸和渠系工程", "完工并通过验收"),
    "市政": Phases(("管网沟槽开挖中",), ("主管网铺设中", "雨污管网铺设中"), ("管网基本铺设完成，路面恢复中",),
                 ("收尾和路面恢复中",), "已完工投入使用", "完成主管网铺设", "完成支管网和路面恢复", "完工投入使用"),
    "公共服务": Phases(("基础施工中",), ("主体结构施工中",), ("主体完工，装饰装修中",), ("设备安装，准备投入使用",),
                   "已竣工投入使用", "完成主体工程", "完成装修和设备配置", "竣工投入使用"),
    "园区": Phases(("场地平整中",), ("标准厂房主体施工中", "园区道路及管网施工中"), ("厂房主体完工，配套设施施工中",),
                 ("配套工程收尾",), "已建成交付", "完成场地平整和基础工程", "完成主体和配套工程", "建成并交付使用"),
    "生态": Phases(("场地清理和边坡整治中",), ("覆土复绿施工中",), ("植被恢复和养护中",), ("收尾养护，待验收",),
                 "已完成修复并通过验收", "完成场地清理和边坡整治", "完成覆土复绿", "完成修复并通过验收"),
    "农业": Phases(("场地平整和基础设施建设中",), ("种养设施主体建设中", "基地建设中"), ("配套设施建设中",),
                 ("设备安装调试中",), "已建成投产", "完成基地基础设施建设", "完成主体设施建设", "建成投产"),
    "文旅": Phases(("场地平整中",), ("主体建筑施工中",), ("景观和配套设施施工中",), ("装修布展，准备开业",),
                 "已建成开业", "完成主体建筑基础工程", "完成主体建筑和景观工程", "建成开业"),
    "商贸物流": Phases(("基础施工中",), ("主体结构施工中", "仓储主体施工中"), ("主体完工，内部装修中",),
                   ("设施设备安装调试中",), "已建成运营", "完成基础和主体工程", "完成主体和设施安装", "建成运营"),
    "能源": Phases(("场地平整和基础施工中",), ("设备基础及支架安装中",), ("主要设备安装中",), ("并网调试中",),
                 "已建成投运", "完成基础工程", "完成设备安装", "建成投运"),
    "产业": Phases(("场地平整和基础施工中", "桩基工程施工中"), ("厂房主体结构施工中", "钢结构厂房吊装中"),
                 ("厂房主体完工，设备采购安装中", "生产线设备安装中"), ("设备调试，准备试生产", "生产线联动调试中"),
                 "已竣工投产", "完成厂房主体建设", "完成设备安装并试生产", "建成投产"),
}

# Words of a project's name or sector that say its kind, the most telling first.
_SIGNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("农田", ("农田",)),
    ("学校", ("学校", "幼儿园", "教学楼", "中学", "教育")),
    ("水利", ("河", "水利", "山塘", "灌区", "防洪", "排涝", "排水")),
    ("道路", ("道路", "公路", "桥", "大道", "交通")),
    ("市政", ("管网", "污水", "雨污", "老旧小区", "城市更新", "市政")),
    ("生态", ("生态", "矿山")),
    ("园区", ("标准厂房", "园区道路", "化工产业园", "基础设施")),
    ("公共服务", ("卫生", "医院", "养老", "敬老院", "健身", "文化服务", "公共服务", "检测所", "人力资源", "健康")),
    ("农业", ("农业", "养殖", "油茶", "茶油", "蔬菜", "乡村振兴", "人居环境")),
    ("文旅", ("文旅", "旅游", "度假", "研学")),
    ("商贸物流", ("商贸", "物流", "批发", "商业", "仓储", "冷链")),
    ("能源", ("能源", "光伏", "储能", "电站")),
)


# The largest total investment (亿元) a county's project of each kind reads as: a township's river works or
# clinic is a few hundred million at most, a factory or energy project ten times that. The seed's own
# projects keep their numbers (its 储能 project is 18亿元); the generated ones stay under these.
LARGEST: dict[str, Decimal] = {
    "农田": Decimal(2), "学校": Decimal(2), "水利": Decimal(3), "道路": Decimal(4), "市政": Decimal(3),
    "公共服务": Decimal("2.5"), "园区": Decimal(5), "生态": Decimal("1.5"), "农业": Decimal(5), "文旅": Decimal(8),
    "商贸物流": Decimal(8), "能源": Decimal(10), "产业": Decimal(10),
}


def _kind(name: str, sector: str) -> str:
    for words in (name, sector):
        for kind, signs in _SIGNS:
            if any(sign in words for sign in signs):
                return kind
    return "产业"


def kind_of(name: str, sector: str) -> Phases:
    """The phases of a project by the words of its name, then of its sector; a factory when nothing says."""
    return KINDS[_kind(name, sector)]


def largest_total(name: str, sector: str) -> Decimal:
    """The most a project of this kind may cost in the generated registry (`LARGEST`)."""
    return LARGEST[_kind(name, sector)]


def year_goal(phases: Phases, year: int, start_year: int, end_year: int) -> str:
    """The year's goal: finishing in its last year, starting in its first, the middle work otherwise."""
    if year >= end_year:
        return phases.goal_finish if year > start_year else f"开工建设，{phases.goal_finish}"
    if year <= start_year:
        return f"开工建设，{phases.goal_start}"
    return phases.goal_middle


def stage_words(phases: Phases, share: float) -> tuple[str, ...]:
    """What the project reports when `share` of its year's plan is done."""
    if share < 0.25:
        return phases.early
    if share < 0.6:
        return phases.middle
    if share < 0.9:
        return phases.late
    return phases.finishing

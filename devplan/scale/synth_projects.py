"""Synthetic key projects (重点项目) for every county: the registry, annual plans and categories go into the
database in batches; the monthly cumulative progress is written as the long progress CSV that
`devplan import-csv` reads, so memory stays flat at any size.

Each project gets a construction span of one to five years, a total investment drawn log-normally around
5亿元, annual plans weighted to the middle of its span, and per year a cumulative curve through the months
(slow over the Spring Festival, steady after) that ends near the plan. About one project-year in eight lags
(40—75% of its plan by December), and a few projects planned to start in the last year never do: both fire
the lagging flags of `devplan projects`. A few percent of the monthly figures get a corrected revision.
"""

from __future__ import annotations

import calendar
import csv
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from devplan.projects.models import AnnualPlan, Category, Project
from devplan.regions.models import Region
from devplan.scale.csv_progress import PROGRESS_COLUMNS

if TYPE_CHECKING:
    from _csv import Writer

PROJECT_BATCH = 2000
LAGGING_SHARE = 0.12
NOT_STARTED_SHARE = 0.3  # of the projects planned to start in the last year
REVISED_SHARE = 0.03
MONTH_WEIGHTS = (0.04, 0.05, 0.08, 0.09, 0.09, 0.1, 0.09, 0.09, 0.09, 0.09, 0.09, 0.1)
CENT = Decimal("0.01")

FUNDING = {"social": ("社会投资类", 1), "government": ("政府投资类", 2)}
PLACES = ("城东", "城西", "城南", "城北", "高新区", "经开区", "滨江", "湖滨", "北部新区", "工业园", "高铁新城", "老城区")
SOCIAL = (  # subject, sector
    ("新能源电池", "新能源"), ("智能装备制造", "先进制造"), ("电子信息", "电子信息"), ("生物医药", "医药"),
    ("冷链物流", "现代物流"), ("农产品精深加工", "农业"), ("新型建材", "建材"), ("大数据中心", "数字经济"),
    ("文旅融合", "文化旅游"), ("商贸综合体", "商贸"), ("光伏发电", "新能源"), ("预制菜产业", "食品"),
)
GOVERNMENT = (
    ("污水处理", "生态环保"), ("城乡供水一体化", "水利"), ("棚户区改造", "城市更新"), ("老旧小区改造", "城市更新"),
    ("人民医院", "卫生健康"), ("职业教育中心", "教育"), ("综合交通枢纽", "交通"), ("农村公路提质", "交通"),
    ("高标准农田", "农业"), ("防洪治理", "水利"), ("智慧城市", "数字政府"), ("公共租赁住房", "保障性住房"),
)
SOCIAL_KINDS = ("产业园", "生产基地", "项目", "产业化项目", "智能工厂")
GOVERNMENT_KINDS = ("工程", "建设项目", "提质改造工程", "一期工程", "综合治理工程")
BRANDS = ("华盛", "宏达", "中联", "远大", "金源", "恒通", "鑫达", "润丰", "楚天", "正邦", "瑞康", "天成")
STATE_OWNERS = ("城市建设投资集团有限公司", "交通建设投资有限公司", "水务投资有限公司", "城市发展集团有限公司",
                "产业投资集团有限公司")
SECTOR_CODES = {sector: n for n, sector in enumerate(sorted({s for _n, s in SOCIAL + GOVERNMENT}), start=10)}
PHASES = ("", "二期", "三期", "四期", "五期")
NARRATIVE = {
    "前期": ("前期手续办理中", "正在办理用地和环评手续", "方案设计审查中"),
    "early": ("场地平整及基础施工", "桩基施工中", "土地征收和场平推进中"),
    "middle": ("主体工程施工中", "主体结构封顶，二次结构施工", "钢结构吊装中"),
    "late": ("设备安装调试中", "附属工程及室外配套施工", "竣工验收准备中"),
    "竣工投产": ("已竣工投产", "已建成投用"),
}
LAG_NOTE = ("，受征拆影响进度滞后", "，资金到位不足，进度滞后", "，要素保障不足，进度慢于序时")
REVISION_NOTES = ("核实后更正", "有责修数", "统计口径调整")


@dataclass(frozen=True)
class ProjectsResult:
    projects: int
    progress: int
    revisions: int
    lagging: int  # projects lagging (or not started) in the last year, as generated


@dataclass
class _Pending:
    project: Project
    category: str
    plans: list[tuple[int, Decimal]]


@dataclass
class _Counts:
    projects: int = 0
    progress: int = 0
    revisions: int = 0
    lagging: int = 0
    pending: list[_Pending] = field(default_factory=list)


@dataclass(frozen=True)
class _Years:
    first: int
    last: int


def _money(value: float) -> Decimal:
    return Decimal(f"{value:.2f}")


def _name(rng: random.Random, funding: str, used: set[str]) -> tuple[str, str, str]:
    """A project name unique in the county, its sector and its place."""
    subjects, kinds = (SOCIAL, SOCIAL_KINDS) if funding == "social" else (GOVERNMENT, GOVERNMENT_KINDS)
    subject, sector = rng.choice(subjects)
    place = rng.choice(PLACES)
    base = f"{place}{subject}{rng.choice(kinds)}"
    for phase in PHASES:
        name = f"{base}{phase}" if not phase else f"{base}（{phase}）"
        if name not in used:
            break
    else:
        name = f"{base}（{len(used) + 1}号）"
    used.add(name)
    return name, sector, place


def _owner(rng: random.Random, county: Region, funding: str, sector: str) -> str:
    if funding == "government":
        return f"{county.name}{rng.choice(STATE_OWNERS)}"
    return f"{rng.choice(BRANDS)}{sector}有限公司"


def _day(year: int, month: int, rng: random.Random) -> date:
    return date(year, month, rng.randint(1, calendar.monthrange(year, month)[1]))


def _plan_weights(years: int) -> list[float]:
    """Heavier in the middle of the span: 1, 2, …, 2, 1."""
    return [min(n + 1, years - n) + 0.5 for n in range(years)]


def _actual_start(rng: random.Random, planned: date) -> date:
    """On time (the first of the planned month) or up to two months late."""
    if rng.random() < 0.3:
        return planned.replace(day=1)
    return _day(planned.year, planned.month + rng.randint(0, 2), rng)


def _project(rng: random.Random, county: Region, number: int, years: _Years, used: set[str]) -> tuple[_Pending, bool]:
    """A project and whether it lags in the last year: it never starts, or (unless it is finished that
    year) it was drawn to."""
    funding = "government" if rng.random() < 0.45 else "social"
    name, sector, place = _name(rng, funding, used)
    start_year = rng.randint(years.first - 2, years.last)
    end_year = max(years.first, start_year + rng.randint(0, 4))
    planned_start = _day(start_year, rng.randint(1, 9), rng)
    never_starts = start_year == years.last and rng.random() < NOT_STARTED_SHARE
    actual_start = None if never_starts else _actual_start(rng, planned_start)
    # Started at most two months late, so a project finishing in its first year finishes after it starts.
    earliest_end = planned_start.month + 3 if end_year == start_year else 1
    planned_completion = _day(end_year, rng.randint(max(6, earliest_end), 12), rng)
    done = actual_start is not None and planned_completion.year <= years.last
    total = _money(min(200.0, max(0.3, rng.lognormvariate(1.6, 0.8))))
    span = list(range(start_year, end_year + 1))
    weights = _plan_weights(len(span))
    plans = [(year, _money(float(total) * w / sum(weights) * 0.98)) for year, w in zip(span, weights, strict=True)
             if years.first <= year <= years.last]
    project = Project(
        region=county, ref=f"{county.code}-{number:03d}",
        code=f"{start_year}-{county.code}-{SECTOR_CODES.get(sector, 99):02d}-01-{number:06d}",
        name=name, owner=_owner(rng, county, funding, sector), location=f"{county.name}{place}", sector=sector,
        start_year=start_year, end_year=end_year, total_investment=total,
        planned_start=planned_start, actual_start=actual_start, planned_completion=planned_completion,
        actual_completion=planned_completion if done else None,
        funding_source="财政资金、专项债券" if funding == "government" else "企业自筹、银行贷款",
        status=_status(actual_start, planned_completion if done else None, years.last, 12),
    )
    finishing = done and planned_completion.year == years.last
    lags = never_starts or (rng.random() < LAGGING_SHARE and not finishing)
    return _Pending(project, funding, plans), lags


def _status(start: date | None, completion: date | None, year: int, month: int) -> str:
    period_end = date(year, month, calendar.monthrange(year, month)[1])
    if start is None or start > period_end:
        return Project.Status.PREPARATORY
    if completion is not None and completion <= period_end:
        return Project.Status.COMPLETED
    return Project.Status.NEW if start.year == year else Project.Status.CONTINUING


def _narrative(rng: random.Random, status: str, share: float, lagging: bool) -> str:
    if status in (Project.Status.PREPARATORY, Project.Status.COMPLETED):
        return rng.choice(NARRATIVE[status])
    stage = "early" if share < 0.35 else "middle" if share < 0.75 else "late"
    return rng.choice(NARRATIVE[stage]) + (rng.choice(LAG_NOTE) if lagging else "")


def _year_rows(rng: random.Random, project: Project, year: int, planned: Decimal,
               lagging: bool) -> Iterable[tuple[int, Decimal, str, str]]:
    """(month, cumulative completed, status, narrative) for the twelve months of one plan year."""
    start, completion = project.actual_start, project.actual_completion
    first_active = 13 if start is None or start.year > year else start.month if start.year == year else 1
    last_active = completion.month if completion is not None and completion.year == year else 12
    active = range(first_active, last_active + 1)
    weights = {m: MONTH_WEIGHTS[m - 1] * rng.uniform(0.8, 1.2) for m in active}
    factor = rng.uniform(0.4, 0.75) if lagging else rng.uniform(0.93, 1.1)
    goal = min(float(planned) * factor, float(project.total_investment or 0))
    total_weight, running = sum(weights.values()) or 1.0, 0.0
    for month in range(1, 13):
        running += weights.get(month, 0.0)
        status = _status(start, completion, year, month)
        value = _money(goal * running / total_weight)
        yield month, value, status, _narrative(rng, status, running / total_weight, lagging)


def _write_progress(rng: random.Random, pending: _Pending, years: _Years, writer: Writer, revisions: Writer,
                    lag_last_year: bool) -> tuple[int, int]:
    written = revised = 0
    project = pending.project
    for year, planned in pending.plans:
        finishing = project.actual_completion is not None and project.actual_completion.year == year
        lagging = lag_last_year if year == years.last else rng.random() < LAGGING_SHARE and not finishing
        for month, value, status, narrative in _year_rows(rng, project, year, planned, lagging):
            period = f"{year}-{month:02d}"
            writer.writerow((project.ref, period, str(value), status, narrative, ""))
            written += 1
            if value > 0 and rng.random() < REVISED_SHARE:
                corrected = min(_money(float(value) * rng.uniform(0.95, 1.03)), project.total_investment or value)
                revisions.writerow((project.ref, period, str(corrected), status, narrative, rng.choice(REVISION_NOTES)))
                revised += 1
    return written, revised


def _categories() -> dict[str, Category]:
    found = {}
    for code, (name, order) in FUNDING.items():
        found[code], _ = Category.objects.get_or_create(
            code=code, defaults={"name": name, "kind": Category.Kind.FUNDING, "sort_order": order})
    return found


def _flush(counts: _Counts, categories: dict[str, Category]) -> None:
    """Store the pending projects, then their plans and categories (which need the projects' ids)."""
    if not counts.pending:
        return
    Project.objects.bulk_create([p.project for p in counts.pending])
    AnnualPlan.objects.bulk_create(
        AnnualPlan(project=p.project, year=year, planned_investment=amount)
        for p in counts.pending for year, amount in p.plans
    )
    link = Project.categories.through
    link.objects.bulk_create(link(project_id=p.project.pk, category_id=categories[p.category].pk) for p in counts.pending)
    counts.projects += len(counts.pending)
    counts.pending = []


def generate_projects(counties: Iterable[Region], per_county: int, first_year: int, years: int, seed: int,
                      folder: Path, *, progress: bool = True) -> ProjectsResult:
    """`per_county` projects for every county into the database; their progress (and its few revisions) into
    `folder`/progress.csv and `folder`/progress-revisions.csv."""
    rng = random.Random(f"{seed}:projects")  # its own stream: the figures of a seed stay the same
    span = _Years(first_year, first_year + years - 1)
    categories = _categories()
    counts = _Counts()
    with (folder / "progress.csv").open("w", newline="", encoding="utf-8") as f1, \
            (folder / "progress-revisions.csv").open("w", newline="", encoding="utf-8") as f2:
        writer, revisions = csv.writer(f1), csv.writer(f2)
        writer.writerow(PROGRESS_COLUMNS)
        revisions.writerow(PROGRESS_COLUMNS)
        for county in tqdm(counties, desc="生成重点项目", unit="县", disable=not progress):
            used: set[str] = set()
            for number in range(1, per_county + 1):
                pending, lags = _project(rng, county, number, span, used)
                has_last_plan = any(year == span.last for year, _a in pending.plans)
                counts.lagging += lags and has_last_plan
                w, r = _write_progress(rng, pending, span, writer, revisions, lags)
                counts.progress, counts.revisions = counts.progress + w, counts.revisions + r
                counts.pending.append(pending)
            if len(counts.pending) >= PROJECT_BATCH:
                _flush(counts, categories)
        _flush(counts, categories)
    return ProjectsResult(counts.projects, counts.progress, counts.revisions, counts.lagging)

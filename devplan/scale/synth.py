"""`devplan synth`: a deterministic synthetic country (or province) of any size, streamed to the database
through the same bulk path as `devplan import-csv`, so memory stays flat whatever the size: figures and
targets here, key projects and their monthly progress in `synth_projects`."""

from __future__ import annotations

import csv
import random
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from tqdm import tqdm

from devplan.indicators.models import Figure, Indicator, Target
from devplan.lib.errors import UsageError
from devplan.recording.actors import Actor
from devplan.recording.bulk import close_change_set, open_change_set
from devplan.recording.clock import current_month
from devplan.recording.models import ChangeSet, Door
from devplan.recording.service import Upload
from devplan.regions.models import Region
from devplan.scale.csv_import import import_csv
from devplan.scale.staging import COLUMNS
from devplan.scale.synth_projects import ProjectsResult, generate_projects
from devplan.scale.synth_series import SeriesRow, monthly_series
from devplan.scale.synth_tree import TreeSize, build_tree

if TYPE_CHECKING:
    from _csv import Writer

MAIN = [
    ("gdp", "地区生产总值", "亿元", "flow", True, 300.0),
    ("fiscal_revenue", "地方一般公共预算收入", "亿元", "flow", True, 15.0),
    ("fai", "固定资产投资", "亿元", "flow", True, 200.0),
    ("retail_sales", "社会消费品零售总额", "亿元", "flow", True, 150.0),
    ("disposable_income", "城乡居民人均可支配收入", "元", "flow", False, 30000.0),
]
REVISED_SHARE = 0.02
TARGET_BATCH = 5000
SYNTH_BY = "devplan synth"
NO_PROJECTS = ProjectsResult(0, 0, 0, 0)
MAX_PROJECTS = 999  # per county: the registry numbers (登记编号) have three digits
MAX_REGIONS = 100_000
MAX_INDICATORS = 999


@dataclass(frozen=True)
class SynthSpec:
    regions: int = 2844
    indicators: int = 50
    years: int = 3
    first_year: int = 2022
    seed: int = 1
    projects: int = 0  # key projects per county


@dataclass(frozen=True)
class SynthResult:
    counties: int
    indicators: int
    figures: int
    revisions: int
    targets: int
    projects: ProjectsResult = NO_PROJECTS


def _indicators(count: int) -> list[tuple[Indicator, float]]:
    """The main indicators first, then synthetic ones: every fifth a stock, every seventh a rate."""
    made = []
    for order, (code, name, unit, quantity, additive, base) in enumerate(MAIN[:count], start=1):
        indicator, _ = Indicator.objects.get_or_create(
            code=code,
            defaults={"name": name, "unit": unit, "quantity": quantity, "is_main": True, "sort_order": order,
                      "additive": additive, "comparable_prices": code == "gdp", "default_department": "统计局"},
        )
        made.append((indicator, base))
    for n in range(len(made) + 1, count + 1):
        quantity = "rate" if n % 7 == 0 else "stock" if n % 5 == 0 else "flow"
        indicator, _ = Indicator.objects.get_or_create(
            code=f"syn{n:02d}",
            defaults={"name": f"模拟指标{n:02d}", "unit": "%" if quantity == "rate" else "万元", "quantity": quantity,
                      "sort_order": 100 + n, "additive": quantity != "rate", "higher_is_better": quantity != "rate",
                      "default_department": "统计局"},
        )
        made.append((indicator, 4.0 if quantity == "rate" else 5000.0))
    return made


def _rate_series(rng: random.Random, spec: SynthSpec, base: float) -> list[SeriesRow]:
    level = base * rng.uniform(0.7, 1.3)
    return [
        SeriesRow(spec.first_year + y, m, Decimal(f"{max(0.1, level + rng.gauss(0, 0.2)):.2f}"), Decimal(0))
        for y in range(spec.years)
        for m in range(1, 13)
    ]


def _target(county: Region, indicator: Indicator, rows: list[SeriesRow], year: int, rng: random.Random,
            gdp: Indicator | None, change_set: ChangeSet) -> Target:
    december = [r for r in rows if r.month == 12]
    this_year = next(r for r in december if r.year == year)
    last_full = this_year.value / (1 + this_year.growth_pct / 100)
    common = {"region": county, "indicator": indicator, "year": year, "revision": 1, "change_set": change_set}
    if indicator.quantity == Indicator.Quantity.RATE:
        return Target(**common, kind="ceiling", value=Decimal("4.5"), unit="%", qualifier="以内")
    if not indicator.additive and gdp is not None:
        return Target(**common, kind="in_step", step_with=gdp)
    growth = Decimal(f"{rng.gauss(6.5, 1.0):.1f}")
    if indicator.quantity == Indicator.Quantity.STOCK or rng.random() < 0.5:
        level = (last_full * (1 + growth / 100)).quantize(Decimal("0.01"))
        return Target(**common, kind="level", value=level, unit=indicator.unit, qualifier="以上")
    return Target(**common, kind="growth", value=growth, unit="%", qualifier="以上")


def _write_rows(writer: Writer, county: Region, indicator: Indicator, rows: Iterable[SeriesRow],
                revisions: Writer, rng: random.Random) -> tuple[int, int]:
    written = revised = 0
    rate = indicator.quantity == Indicator.Quantity.RATE
    for row in rows:
        period = f"{row.year}-{row.month:02d}"
        growth = "" if rate else str(row.growth_pct)
        writer.writerow((county.code, indicator.code, period, str(row.value), growth, ""))
        written += 1
        if rng.random() < REVISED_SHARE:
            corrected = (row.value * Decimal(str(1 - rng.uniform(0.01, 0.05)))).quantize(Decimal("0.01"))
            revisions.writerow((county.code, indicator.code, period, str(corrected), growth, "有责修数"))
            revised += 1
    return written, revised


@dataclass(frozen=True)
class Generated:
    """The figure files written for the bulk loader, and what went into the database directly."""

    figures_csv: Path
    revisions_csv: Path
    result: SynthResult
    progress_csv: Path | None = None  # with projects: their monthly progress, then its few revisions
    progress_revisions_csv: Path | None = None


def check_spec(spec: SynthSpec) -> None:
    """The sizes and years asked for, each refused with a sentence naming its option: the figures of every
    year are written for all twelve months, so the last year must have ended."""
    last_year = current_month()[0] - 1
    bounds = [("--regions", spec.regions, 1, MAX_REGIONS, "县级单位个数"),
              ("--indicators", spec.indicators, 1, MAX_INDICATORS, "指标个数"),
              ("--projects", spec.projects, 0, MAX_PROJECTS, "每个县的重点项目个数"),
              ("--first-year", spec.first_year, settings.DEVPLAN_YEAR_MIN, last_year, "第一年"),
              ("--years", spec.years, 1, max(1, last_year - spec.first_year + 1), "年数")]
    for option, value, low, high, meaning in bounds:
        if not low <= value <= high:
            why = "（模拟数据按整年生成，最后一年须已结束）" if option in {"--first-year", "--years"} else ""
            raise UsageError(f"{option} 应在 {low} 到 {high} 之间（{meaning}），而不是 {value}{why}")


def generate(spec: SynthSpec, folder: Path, *, progress: bool = True) -> Generated:
    """Build the tree, the indicators, the targets and the projects in the database, and write the figures and
    the projects' progress (and their few revisions) as long-format CSV files in `folder`, streamed so memory
    stays flat at any size."""
    check_spec(spec)
    if Region.objects.filter(code__startswith="9", level=Region.Level.PROVINCE).exists():
        raise UsageError("数据库里已有模拟数据：请换一个新的数据库（--db）再运行 devplan synth")
    if Figure.objects.exists():
        # Synthetic months beside real ones would be judged against them (a demo's quarterly GDP, its locks).
        raise UsageError("数据库里已有数据（示例数据或正式数据）：devplan synth 只写入新建的数据库，请换一个新的数据库（--db）再运行")
    rng = random.Random(spec.seed)
    counties = build_tree(TreeSize.for_counties(spec.regions), rng)
    actor = synth_actor()
    change_set = open_change_set(actor, "模拟数据：年度目标", Upload("devplan synth", ""))
    indicators = _indicators(spec.indicators)
    gdp = next((i for i, _ in indicators if i.code == "gdp"), None)
    first, second = folder / "figures.csv", folder / "revisions.csv"
    figures = revised = targets = 0
    pending: list[Target] = []
    with first.open("w", newline="", encoding="utf-8") as f1, second.open("w", newline="", encoding="utf-8") as f2:
        writer, revisions = csv.writer(f1), csv.writer(f2)
        writer.writerow(COLUMNS)
        revisions.writerow(COLUMNS)
        for county in tqdm(counties, desc="生成模拟数据", unit="县", disable=not progress):
            for indicator, base in indicators:
                scale = base * rng.lognormvariate(0, 0.5)
                rows = (
                    _rate_series(rng, spec, base)
                    if indicator.quantity == Indicator.Quantity.RATE
                    else list(monthly_series(rng, spec.first_year, spec.years, scale))
                )
                w, r = _write_rows(writer, county, indicator, rows, revisions, rng)
                figures, revised = figures + w, revised + r
                pending.extend(_target(county, indicator, rows, spec.first_year + y, rng, gdp, change_set)
                               for y in range(spec.years))
            if len(pending) >= TARGET_BATCH:
                Target.objects.bulk_create(pending)
                targets, pending = targets + len(pending), []
    Target.objects.bulk_create(pending)
    targets += len(pending)
    close_change_set(actor, change_set, Target._meta.db_table)
    result = SynthResult(len(counties), len(indicators), figures, revised, targets)
    if not spec.projects:
        return Generated(first, second, result)
    projects = generate_projects(counties, spec.projects, spec.first_year, spec.years, spec.seed, folder,
                                 progress=progress)
    return Generated(first, second, replace(result, projects=projects),
                     folder / "progress.csv", folder / "progress-revisions.csv")


def synthesise(spec: SynthSpec, *, progress: bool = True) -> SynthResult:
    """Generate and load everything in one transaction: the figures first, then their revisions; the projects'
    progress, then its revisions."""
    with transaction.atomic(), tempfile.TemporaryDirectory() as tmp:
        generated = generate(spec, Path(tmp), progress=progress)
        for path in (generated.figures_csv, generated.revisions_csv, generated.progress_csv,
                     generated.progress_revisions_csv):
            if path is not None:
                import_csv(path, synth_actor(), reason="模拟数据")
    return generated.result


def synth_actor() -> Actor:
    return Actor.of_system(SYNTH_BY, Door.SYNTH)

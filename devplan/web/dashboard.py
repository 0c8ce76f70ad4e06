"""What the dashboard shows for a region and month: indicator cards with lights, completion against time
progress, the peer ranking in the prefecture, and the reports still missing for the month."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from devplan.accounts.access import area_access, indicator_access
from devplan.arithmetic.ranking import rank
from devplan.collection.completeness import Completeness, completeness
from devplan.collection.reporting import Reported, month_states, returned
from devplan.indicators.assessment import Thresholds, indicator_thresholds
from devplan.indicators.models import Figure, Indicator
from devplan.indicators.services import figure_as_of
from devplan.indicators.status import stated_figures
from devplan.indicators.status_cache import cached_status
from devplan.indicators.wording import in_step_words
from devplan.lib.periods import month_span, parse_month
from devplan.projects.rules import LAGGING_WORDS
from devplan.projects.summary import lagging_views, project_views
from devplan.regions.models import Region


def light_words(rules: Thresholds) -> dict[str, tuple[str, str]]:
    """The legend of the lights, from the thresholds the assessment uses. 滞后 is a yellow or a red light, as
    every count of lagging indicators and projects takes it (`Assessment.lagging`,
    `projects.rules.is_lagging`)."""
    green = "完成进度达到或超过应达进度" if rules.green_gap == 0 else f"落后应达进度不超过{rules.green_gap}个百分点"
    return {
        "green": ("绿灯", f"正常，{green}"),
        "yellow": ("黄灯", f"滞后，落后应达进度不超过{rules.yellow_gap}个百分点"),
        "red": ("红灯", f"滞后，落后应达进度超过{rules.yellow_gap}个百分点"),
        "none": ("暂无", "缺少目标或数据，无法判断"),
    }

KIND_WORDS = {"level": "总量", "growth": "增长", "ceiling": "控制在", "in_step": "与经济增长同步"}


@dataclass(frozen=True)
class Card:
    """A status row, its indicator, whether the user may open the indicator page, and the figure the row
    names (its numbers are printed as stated: 12.60 stays 12.60)."""

    row: dict[str, Any]
    indicator: Indicator
    readable: bool
    figure: Figure | None = None

    @property
    def light_label(self) -> str:
        return light_words(indicator_thresholds())[self.row["light"]][0]

    @property
    def light_help(self) -> str:
        return light_words(indicator_thresholds())[self.row["light"]][1]

    @property
    def target_text(self) -> str:
        target = self.row["target"]
        if target is None:
            return "未设目标"
        if target["kind"] == "in_step":
            step = target["step_with"]
            return in_step_words(step, Indicator.objects.filter(code=step).values_list("name", flat=True).first())
        unit = "%" if target["kind"] == "growth" else (target["unit"] or self.indicator.unit)
        prefix = "增长" if target["kind"] == "growth" else ("控制在" if target["kind"] == "ceiling" else "")
        adjusted = "（调整后）" if target["adjusted"] else ""
        return f"{prefix}{target['value']}{unit}{target['qualifier'] or ''}{adjusted}"

    @property
    def through_text(self) -> str:
        actual = self.row["actual"]
        if actual is None:
            return ""
        _, month = parse_month(actual["through"])
        return month_span(month)


@dataclass(frozen=True)
class RankRow:
    name: str
    place: int | None
    out_of: int
    basis: str


def cards(user: Any, region: Region, year: int, month: int = 12) -> list[Card]:
    """The main indicators through `month` as known now: the rows of `devplan status --month`."""
    indicators = {i.code: i for i in Indicator.objects.filter(is_main=True)}
    rows = cached_status(region, year, month=month)
    figures = stated_figures(region, rows)
    return [
        Card(row, indicators[row["indicator"]], indicator_access(user, region, indicators[row["indicator"]]).read,
             figures.get(row["indicator"]))
        for row in rows
    ]


def progress_chart(items: list[Card]) -> dict[str, Any]:
    """Data for the bar chart of completion against time progress (ECharts, static/web/charts.js)."""
    return {
        "names": [c.indicator.name for c in items],
        "completion": [c.row["completion_pct"] for c in items],
        "expected": [c.row["expected_pct"] for c in items],
        "lights": [c.row["light"] for c in items],
    }


def _peer_rank(region: Region, indicator: Indicator, year: int, month: int) -> RankRow | None:
    growths: dict[int, Decimal | None] = {}
    for place in [region, *region.peers()]:
        figure = figure_as_of(place, indicator, year, month)
        growths[place.pk] = figure.growth_pct if figure else None
    present = sum(1 for g in growths.values() if g is not None)
    if present < 2 or growths[region.pk] is None:
        return None
    places = rank(growths, descending=indicator.higher_is_better)
    return RankRow(indicator.name, places[region.pk], present,
                   f"按{month_span(month)}同比增速，{present}个{region.peer_words}有数据")


def peer_ranking(region: Region, year: int, items: list[Card]) -> list[RankRow]:
    """The rank among the prefecture's counties by growth; without peers' figures, the rank the source
    states (marked as stated)."""
    prefecture = region.parent.name if region.parent else "上级"
    rows = []
    for card in items:
        actual = card.row["actual"]
        if actual is None:
            continue
        _, month = parse_month(actual["through"])
        computed = _peer_rank(region, card.indicator, year, month)
        if computed is not None:
            rows.append(computed)
        elif actual.get("stated_rank"):
            scope = actual.get("rank_scope") or prefecture
            rows.append(RankRow(card.indicator.name, actual["stated_rank"], 0, f"材料所述（{scope}排名）"))
    return rows


def project_rows(region: Region, year: int, month: int | None = None) -> tuple[int | None, list[dict[str, Any]]]:
    """The key projects of the year as `devplan projects --json` rows, reported through `month`."""
    through, views = project_views(region, year, month)
    return through, [view.json(year) for view in views]


def lagging_projects(region: Region, year: int, month: int) -> list[dict[str, Any]] | None:
    """The lagging projects as `devplan projects --json` rows, the worst first (`lagging_views`)."""
    views = lagging_views(region, year, month)
    return None if views is None else [view.json(year) for view in views]


@dataclass(frozen=True)
class BelowSummary:
    """How many regions under an area reported the month to it, and how many it accepted."""

    total: int
    reported: int
    accepted: int
    returned: int


def below_summary(states: list[Reported]) -> BelowSummary | None:
    if not states:
        return None

    def count(*wanted: str) -> int:
        return sum(1 for item in states if item.state in wanted)

    return BelowSummary(len(states), count("awaiting", "accepted"), count("accepted"), count("returned"))


def dashboard_context(user: Any, region: Region, year: int, month: int) -> dict[str, Any]:
    items = cards(user, region, year, month)
    table: Completeness = completeness(region, year, month)
    return {
        # The regions' reporting is the area's planners', viewers' and admins' view (its departments and owners
        # see their own reporting, not a count with a link they may not open).
        "below": below_summary(month_states(region, year, month))
        if region.level != Region.Level.COUNTY and area_access(user, region).read else None,
        "returned": returned(region, year, month),
        "cards": items,
        "chart": progress_chart(items),
        "ranking": peer_ranking(region, year, items),
        "completeness": table,
        "missing": [(row.name, row.missing) for row in table.rows if row.missing],
        "lagging": lagging_projects(region, year, month),
        "lagging_words": LAGGING_WORDS,
        "lights": light_words(indicator_thresholds()),
    }

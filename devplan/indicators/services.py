"""Reading targets and figures; reads take an optional "as of". Writes go through the one door,
`devplan.recording.service`."""

from __future__ import annotations

from datetime import datetime

from devplan.indicators.models import Figure, Indicator, Target
from devplan.lib.errors import NotFound
from devplan.regions.models import Region
from devplan.revisions import latest_as_of


def find_indicator(code: str) -> Indicator:
    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None:
        raise NotFound(f"没有代码为“{code}”的指标")
    return indicator


def target_as_of(region: Region, indicator: Indicator, year: int, as_of: datetime | None = None) -> Target | None:
    queryset = Target.objects.filter(region=region, indicator=indicator, year=year).select_related("step_with")
    return latest_as_of(queryset, as_of).first()


def target_history(region: Region, indicator: Indicator, year: int) -> list[Target]:
    rows = Target.objects.filter(region=region, indicator=indicator, year=year).select_related("change_set")
    return list(rows.order_by("revision"))


def figure_as_of(
    region: Region, indicator: Indicator, year: int, month: int, as_of: datetime | None = None
) -> Figure | None:
    queryset = Figure.objects.filter(region=region, indicator=indicator, year=year, month=month)
    return latest_as_of(queryset, as_of).first()


def figure_history(region: Region, indicator: Indicator, year: int, month: int) -> list[Figure]:
    return list(
        Figure.objects.filter(region=region, indicator=indicator, year=year, month=month)
        .select_related("change_set")
        .order_by("revision")
    )


def withdrawn(figure: Figure) -> bool:
    """A revision that holds no number: the figure was withdrawn (a reverted first figure)."""
    return all(getattr(figure, name) is None for name in ("value", "growth_pct", "estimate_value",
                                                          "estimate_growth_pct", "stated_completion_pct"))


def latest_figures(
    region: Region, year: int, as_of: datetime | None = None, through: int = 12
) -> dict[int, Figure]:
    """Per indicator id: the figure for the latest month up to `through` known at `as_of`, in its latest
    revision then; a month whose latest revision was withdrawn counts as without data."""
    queryset = Figure.objects.filter(region=region, year=year, month__lte=through)
    if as_of is not None:
        queryset = queryset.filter(known_at__lte=as_of)
    per_month: dict[tuple[int, int], Figure] = {}
    for figure in queryset.order_by("indicator_id", "-month", "-revision"):
        per_month.setdefault((figure.indicator_id, figure.month), figure)
    latest: dict[int, Figure] = {}
    for (indicator_id, _month), figure in per_month.items():
        if indicator_id not in latest and not withdrawn(figure):
            latest[indicator_id] = figure
    return latest


def latest_target(region: Region, indicator: Indicator, year: int) -> Target | None:
    """The newest revision of the target with who wrote it; None when no target was ever set."""
    rows = Target.objects.filter(region=region, indicator=indicator, year=year)
    return rows.select_related("change_set", "step_with", "region", "indicator").order_by("-revision").first()

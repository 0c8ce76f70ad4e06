"""One reading and one writing of a measure kind (funds won, investment attraction, the plan's tasks): its
rows for the write door, its status — each series' latest year-to-date figure against its target, judged by
the one assessment rule (`devplan.indicators.assessment.assess`) — and its pipeline by stage."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from devplan.arithmetic.progress import Light
from devplan.indicators.assessment import FLOW, GROWTH, LEVEL, Assessment, FigureValues, TargetValues, assess
from devplan.lib.errors import UsageError
from devplan.lib.jsonnum import to_number
from devplan.lib.periods import format_month, month_span
from devplan.measures.models import MeasureFigure, MeasureResponsibility, MeasureTarget
from devplan.projects.sums import pct
from devplan.reader.units import WHOLE_COUNT_UNITS
from devplan.recording.rows import Measure, RecordRow
from devplan.regions.models import Region

# How a series is judged: a year-to-date total against time progress, a level to reach by December (judged
# then only), or a growth rate against the target rate.
CUMULATIVE, YEAR_END, GROWTH_RATE = "cumulative", "level", "growth"
TEXTS = {"note": "备注", "source_text": "出处原文", "qualifier": "限定词"}


@dataclass(frozen=True)
class Quantity:
    """What the assessment rule reads of an indicator, for a measure."""

    quantity: str
    growth_convention: str = "index"


@dataclass(frozen=True)
class Series:
    """One measure of a kind: its key, name and unit, how it is judged, and — for the plan's tasks, whose
    targets are the plan's own — its target; `extra` goes into its status as it is."""

    key: str
    name: str
    unit: str
    kind: str = CUMULATIVE
    target: Decimal | None = None
    qualifier: str = ""
    source: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)


def assigned(kind: str, region: Region, measure: str) -> int | None:
    """The department the region assigned a series of `kind` to (`MeasureResponsibility`), if any."""
    return (MeasureResponsibility.objects.filter(region=region, kind=kind, measure=measure)
            .values_list("department_id", flat=True).first())


@dataclass(frozen=True)
class Declaration:
    """A measure kind: its name, its two models, the labels of its numbers, the steps of its pipeline, its key
    (what a submission names it by), its series in a region and year, and the department responsible for a
    series — by default the region's `MeasureResponsibility`; the plan's tasks name theirs themselves."""

    name: str
    figure: type[MeasureFigure]
    target: type[MeasureTarget] | None
    numbers: Mapping[str, str]
    stages: Mapping[str, str] = field(default_factory=dict)
    key: str = ""
    series: Callable[[Region, int], Sequence[Series]] = lambda region, year: ()
    responsible: Callable[[Region, int, str], int | None] | None = None

    def department_id(self, region: Region, year: int, measure: str) -> int | None:
        if self.responsible is not None:
            return self.responsible(region, year, measure)
        return assigned(self.key, region, measure)

    def one_series(self, region: Region, year: int, measure: str) -> Series | None:
        return next((one for one in self.series(region, year) if one.key == measure), None)

    def figure_row(self, region: Region, year: int, month: int, measure: str, raw: Mapping[str, Any],
                   known_at: datetime | None = None, *, stage: str = "", chain: str = "") -> RecordRow:
        """A figure for the write door: the unstaged one (judged against the target) or a pipeline stage's,
        with its industry chain where the kind keeps one (`chain` in the model's identity)."""
        chained = "chain" in self.figure.identity_fields
        chain = chain if chained else ""
        keys: dict[str, Any] = {"region": region, "year": year, "month": month, "measure": measure, "stage": stage,
                                **({"chain": chain} if chained else {})}
        one = self.one_series(region, year, measure)
        shown_chain = f"（产业链“{chain[:20]}{'…' if len(chain) > 20 else ''}”）" if chain else ""
        label = (f"{self.name}{one.name if one else measure}{shown_chain}{year}年{month_span(month)}"
                 + (f"（{self.stages.get(stage, stage)}）" if stage else ""))
        counted = one is not None and not stage and one.unit in WHOLE_COUNT_UNITS
        subject = Measure(self.key, measure, stage, chain, self.department_id(region, year, measure),
                          whole=("count", "value") if counted else ("count",),
                          cumulative=one is None or one.kind == CUMULATIVE)
        return RecordRow(self.figure, region, year, month, keys, raw, self.numbers, TEXTS, label, known_at, subject)

    def target_row(self, region: Region, year: int, measure: str, raw: Mapping[str, Any],
                   known_at: datetime | None = None) -> RecordRow:
        assert self.target is not None
        keys = {"region": region, "year": year, "measure": measure}
        return RecordRow(self.target, region, year, None, keys, raw, {"value": "目标值"}, TEXTS,
                         f"{self.name}{measure}{year}年目标", known_at)


def judge(kind: str, value: Decimal | None, target: Decimal | None, month: int | None) -> Assessment:
    """The one assessment rule for a measure: a cumulative series is a flow, a year-end level a stock (no light
    before December), a growth series compares growth indices."""
    growth = kind == GROWTH_RATE
    figure = None if month is None or value is None else FigureValues(
        month, None if growth else value, value if growth else None)
    usable = target is not None and (growth or target > 0)
    judged = assess(Quantity(FLOW if kind == CUMULATIVE else "stock"),
                    TargetValues(GROWTH if growth else LEVEL, target) if usable else None, figure, None)
    return replace(judged, light=Light.NONE) if kind == YEAR_END and month != 12 else judged


def _record(revision: MeasureFigure | MeasureTarget | None) -> dict[str, Any]:
    """Which revision a number is, who recorded it and when: what a citation links to."""
    if revision is None:
        return {}
    return {"id": revision.pk, "revision": revision.revision, "recorded_by": revision.who,
            "recorded_at": revision.recorded_at.isoformat()}


@dataclass(frozen=True)
class Status:
    series: Series
    figure: MeasureFigure | None
    target: MeasureTarget | None
    judged: Assessment

    def as_json(self, year: int) -> dict[str, Any]:
        s, f, t = self.series, self.figure, self.target
        target = t.value if t is not None else s.target
        return {
            "measure": s.key, "name": s.name, "unit": s.unit, "kind": s.kind, **s.extra,
            "target": None if target is None else {
                "value": to_number(target), "qualifier": (t.qualifier if t else s.qualifier) or None,
                "source": (t.source_text if t else s.source) or None, **_record(t)},
            "actual": None if f is None else {
                "through": format_month(year, f.month), "value": to_number(f.value), "count": f.count,
                "total": to_number(f.total), "note": f.note or None, "source": f.source_text or None, **_record(f)},
            "completion_pct": pct(self.judged.completion_pct),
            "expected_pct": pct(self.judged.expected_pct) if f is not None and target is not None else None,
            "light": self.judged.light.value,
        }


def _known[Q: QuerySet[Any]](rows: Q, month: int | None, as_of: datetime | None) -> Q:
    if month is not None:
        if not 1 <= month <= 12:
            raise UsageError(f"月份应为 1 到 12 之间的整数，而不是 {month}")
        rows = rows.filter(month__lte=month)
    return rows if as_of is None else rows.filter(known_at__lte=as_of)


def _latest(rows: QuerySet[Any], names: Sequence[str]) -> dict[tuple[Any, ...], Any]:
    """Per identity (`names`): the latest revision of the latest month."""
    latest: dict[tuple[Any, ...], Any] = {}
    for row in rows.order_by(*names, "-month", "-revision"):
        latest.setdefault(tuple(getattr(row, name) for name in names), row)
    return latest


def statuses(kind: Declaration, region: Region, year: int, series: Sequence[Series], month: int | None = None,
             as_of: datetime | None = None) -> list[Status]:
    """Each series with a figure or a target, in the order given: its latest unstaged figure up to `month`
    (all when None) known at `as_of` (now when None), its latest target, and their assessment."""
    figures = _latest(_known(kind.figure.objects.filter(region=region, year=year, stage=""), month, as_of)
                      .select_related("change_set"), ["measure"])
    targets: dict[str, MeasureTarget] = {}
    if kind.target is not None:
        rows = _known(kind.target.objects.filter(region=region, year=year), None, as_of).select_related("change_set")
        for target in rows.order_by("revision"):
            targets[target.measure] = target
    rows = []
    for one in series:
        figure, target = figures.get((one.key,)), targets.get(one.key)
        goal = target.value if target is not None else one.target
        if figure is None and goal is None:
            continue
        rows.append(Status(one, figure, target, judge(one.kind, figure.value if figure else None, goal,
                                                      figure.month if figure else None)))
    return rows


def pipeline(kind: Declaration, region: Region, year: int, names: Mapping[str, str], month: int | None = None
             ) -> list[dict[str, Any]]:
    """The latest staged figures up to `month`, in the order of the kind's stages, one per identity."""
    identity = [name for name in kind.figure.identity_fields if name not in ("region", "year", "month")]
    staged = _known(kind.figure.objects.filter(region=region, year=year).exclude(stage=""), month, None)
    order = list(kind.stages)
    rows = sorted(_latest(staged, identity).values(),
                  key=lambda f: (order.index(f.stage) if f.stage in order else len(order), f.measure))
    return [{**{name: getattr(f, name) for name in identity}, "name": names.get(f.measure, f.measure),
             "stage_name": kind.stages.get(f.stage, f.stage), "through": format_month(year, f.month),
             "value": to_number(f.value), "count": f.count, "total": to_number(f.total)} for f in rows]


def status(kind: Declaration, region: Region, year: int, series: Sequence[Series], month: int | None = None,
           as_of: datetime | None = None) -> dict[str, Any]:
    """The one status shape of every measure kind."""
    rows = statuses(kind, region, year, series, month, as_of)
    through = max((row.figure.month for row in rows if row.figure is not None), default=None)
    return {
        "kind": kind.name, "region": region.name, "year": year,
        "through": format_month(year, through) if through else None,
        "rows": [row.as_json(year) for row in rows],
        "pipeline": pipeline(kind, region, year, {s.key: s.name for s in series}, month) if kind.stages else [],
    }

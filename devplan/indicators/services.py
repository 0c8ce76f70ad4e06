"""Recording and reading targets and figures. Every write adds a revision; reads take an optional "as of"."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from devplan.indicators.models import Figure, Indicator, Target
from devplan.lib.errors import DevplanError, NotFound
from devplan.regions.models import Region
from devplan.revisions import append_revision, latest_as_of


@dataclass(frozen=True)
class Provenance:
    """Who records a revision, why, from what source, and when the figure became known."""

    reason: str = ""
    by: AbstractBaseUser | None = None
    by_name: str = ""
    source: str = ""
    source_document: str = ""
    known_at: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def fields(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "recorded_by": self.by,
            "recorded_by_name": self.by_name,
            "source": self.source,
            "source_document": self.source_document,
            "known_at": self.known_at or timezone.now(),
        }


def find_indicator(code: str) -> Indicator:
    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None:
        raise NotFound(f"没有代码为“{code}”的指标")
    return indicator


def _check_not_backdated(model: type[Figure] | type[Target], identity: dict[str, Any], known_at: datetime) -> None:
    latest = model.objects.filter(**identity).order_by("-revision").first()
    if latest is not None and known_at < latest.known_at:
        raise DevplanError(
            f"新修订的数据时点 {known_at:%Y-%m-%d} 早于上一修订的 {latest.known_at:%Y-%m-%d}：修订只能向后追加"
        )


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


@transaction.atomic
def record_figure(
    region: Region,
    indicator: Indicator,
    year: int,
    month: int,
    provenance: Provenance,
    **values: Any,
) -> Figure:
    """Add a revision of the year-to-date figure through `month`. `values` are Figure fields (value,
    growth_pct, estimate_value, estimate_growth_pct, estimate_status, estimate_method, stated_completion_pct,
    stated_rank, rank_scope, note); those not given are empty in the new revision."""
    if not 1 <= month <= 12:
        raise DevplanError(f"月份应在 1 到 12 之间，而不是 {month}")
    identity = {"region": region, "indicator": indicator, "year": year, "month": month}
    fields = provenance.fields()
    _check_not_backdated(Figure, identity, fields["known_at"])
    precision = {name: _places(value) for name, value in values.items() if isinstance(value, Decimal)}
    return append_revision(Figure, identity, {**fields, **values, "precision": precision})


@transaction.atomic
def record_target(
    region: Region,
    indicator: Indicator,
    year: int,
    kind: str,
    provenance: Provenance,
    **values: Any,
) -> Target:
    """Add a revision of the annual target. An official mid-year change (调整后) passes adjusted=True;
    the earlier revisions, the original included, stay readable."""
    if kind not in Target.Kind.values:
        raise DevplanError(f"目标类型应为 {'/'.join(Target.Kind.values)} 之一，而不是“{kind}”")
    if kind == Target.Kind.IN_STEP and values.get("step_with") is None:
        raise DevplanError("“同步”目标须指明与哪个指标同步")
    if kind != Target.Kind.IN_STEP and values.get("value") is None:
        raise DevplanError(f"{indicator.name}的{Target.Kind(kind).label}目标须有目标值")
    identity = {"region": region, "indicator": indicator, "year": year}
    fields = provenance.fields()
    _check_not_backdated(Target, identity, fields["known_at"])
    return append_revision(Target, identity, {**fields, "kind": kind, **values})


def target_as_of(region: Region, indicator: Indicator, year: int, as_of: datetime | None = None) -> Target | None:
    queryset = Target.objects.filter(region=region, indicator=indicator, year=year).select_related("step_with")
    return latest_as_of(queryset, as_of).first()


def target_history(region: Region, indicator: Indicator, year: int) -> list[Target]:
    return list(Target.objects.filter(region=region, indicator=indicator, year=year).order_by("revision"))


def figure_as_of(
    region: Region, indicator: Indicator, year: int, month: int, as_of: datetime | None = None
) -> Figure | None:
    queryset = Figure.objects.filter(region=region, indicator=indicator, year=year, month=month)
    return latest_as_of(queryset, as_of).first()


def figure_history(region: Region, indicator: Indicator, year: int, month: int) -> list[Figure]:
    return list(
        Figure.objects.filter(region=region, indicator=indicator, year=year, month=month)
        .select_related("recorded_by")
        .order_by("revision")
    )


def latest_figures(region: Region, year: int, as_of: datetime | None = None) -> dict[int, Figure]:
    """Per indicator id: the figure for the latest month known at `as_of`, in its latest revision then."""
    queryset = Figure.objects.filter(region=region, year=year)
    if as_of is not None:
        queryset = queryset.filter(known_at__lte=as_of)
    latest: dict[int, Figure] = {}
    for figure in queryset.order_by("indicator_id", "-month", "-revision"):
        latest.setdefault(figure.indicator_id, figure)
    return latest

"""What a door hands the recording service: rows of raw values as the user stated them, one kind per kind
of record. A row knows its record's identity and its period; the checks (`checks.py`) turn its raw values
into the fields stored."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from devplan.indicators.models import Figure, Indicator, Target
from devplan.lib.periods import month_span
from devplan.projects.models import Progress, Project
from devplan.regions.models import Region
from devplan.revisions import Revision


@dataclass(frozen=True)
class FigureRow:
    """An indicator's year-to-date figure through `month` (value, growth_pct, estimate_value,
    estimate_growth_pct, estimate_status, note, …)."""

    region: Region
    indicator: Indicator
    year: int
    month: int
    raw: Mapping[str, Any]
    known_at: datetime | None = None
    # The change set that stored the row already (the bulk door judges its rows once they are in): a later
    # month it wrote too is not compared with this one, it compares itself with this one.
    written_with: int | None = None

    model = Figure
    kind = "figure"

    @property
    def subject(self) -> Indicator:
        return self.indicator

    def identity(self) -> dict[str, Any]:
        return {"region": self.region, "indicator": self.indicator, "year": self.year, "month": self.month}

    def label(self) -> str:
        return f"{self.indicator.name}{self.year}年{month_span(self.month)}"


@dataclass(frozen=True)
class ProgressRow:
    """A key project's report through `month`: completed investment this year, status, dates, texts."""

    project: Project
    year: int
    month: int
    raw: Mapping[str, Any]
    known_at: datetime | None = None
    written_with: int | None = None  # as a figure row's

    model = Progress
    kind = "progress"

    @property
    def region(self) -> Region:
        return self.project.region

    @property
    def subject(self) -> Project:
        return self.project

    def identity(self) -> dict[str, Any]:
        return {"project": self.project, "year": self.year, "month": self.month}

    def label(self) -> str:
        return f"{self.project.name}{self.year}年{month_span(self.month)}"


@dataclass(frozen=True)
class TargetRow:
    """An indicator's annual target. `base_revision`, when given, is the revision the edit was based on: the
    write is refused if a newer one exists (an edit never overwrites someone else's)."""

    region: Region
    indicator: Indicator
    year: int
    raw: Mapping[str, Any]
    known_at: datetime | None = None
    base_revision: int | None = None
    month = None

    model = Target
    kind = "target"

    @property
    def subject(self) -> Indicator:
        return self.indicator

    def identity(self) -> dict[str, Any]:
        return {"region": self.region, "indicator": self.indicator, "year": self.year}

    def label(self) -> str:
        return f"{self.indicator.name}{self.year}年年度目标"


@dataclass(frozen=True)
class Measure:
    """What a measure figure (funds won, investment attraction, a task's progress) is about, for the approval
    policy and for the submission it becomes when a department sends it: the kind (`Declaration.key`), the
    series, its pipeline stage and industry chain, and the department responsible for the series in the
    row's region (`Declaration.responsible`: data, not code); `whole` the numbers that count things (项目个数,
    a series counted in 家 or 个), `cumulative` whether its figures are year-to-date sums that cannot fall."""

    kind: str
    measure: str
    stage: str = ""
    chain: str = ""
    department_id: int | None = None
    whole: tuple[str, ...] = ("count",)
    cumulative: bool = True


@dataclass(frozen=True)
class RecordRow:
    """Any other revisioned record (funds won, investment attraction, task progress, report paragraphs):
    `numbers` and `texts` name which raw fields are numbers and texts (with their labels). `subject` is set
    on measure figures only: a department may send those for approval."""

    model: type[Revision]
    region: Region
    year: int
    month: int | None
    identity_values: Mapping[str, Any]
    raw: Mapping[str, Any]
    numbers: Mapping[str, str] = field(default_factory=dict)
    texts: Mapping[str, str] = field(default_factory=dict)
    name: str = ""
    known_at: datetime | None = None
    subject: Measure | None = None

    kind = "record"

    def identity(self) -> dict[str, Any]:
        return dict(self.identity_values)

    def label(self) -> str:
        return self.name or str(self.model._meta.verbose_name)


Row = FigureRow | ProgressRow | TargetRow | RecordRow

"""A key project's six milestones in order — the approval ones (立项, 用地, 环评, 施工许可) kept as `Milestone`
rows, the construction ones (开工, 竣工) read from the project's own start and completion dates — and which
of them are overdue on a day: past the planned date and not done by then. How late the latest one is feeds
the project's one light (`devplan.projects.pace`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from devplan.projects.models import Milestone, Project

# The construction milestones and the project's (planned, actual) date fields that hold them.
PROJECT_DATES = {"start": ("planned_start", "actual_start"), "completion": ("planned_completion", "actual_completion")}
NAMES: dict[str, str] = {**{kind.value: str(kind.label) for kind in Milestone.Kind}, "start": "开工", "completion": "竣工"}
KEYS = tuple(NAMES)


@dataclass(frozen=True)
class Dated:
    """One milestone of a project: `key` among KEYS, its name, planned and actual dates."""

    key: str
    name: str
    planned: date | None
    actual: date | None
    illustrative: bool = False

    def overdue_days(self, on: date) -> int:
        """Days past the planned date on `on` when not done by then (done later counts as not yet done)."""
        if self.planned is None or self.planned >= on or (self.actual is not None and self.actual <= on):
            return 0
        return (on - self.planned).days

    def json(self, on: date) -> dict[str, Any]:
        late = self.overdue_days(on)
        return {"key": self.key, "name": self.name, "planned": _iso(self.planned), "actual": _iso(self.actual),
                "overdue": late > 0, "overdue_days": late, "illustrative": self.illustrative}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def milestones(project: Project) -> list[Dated]:
    """All six in order; an approval milestone never recorded has neither date. Reads `project.milestones`
    through `.all()`, so a prefetch (`services.plans_for`) serves a whole list without a query per project."""
    rows = {row.kind: row for row in project.milestones.all()}
    found = []
    for key, name in NAMES.items():
        if key in PROJECT_DATES:
            planned, actual = (getattr(project, field) for field in PROJECT_DATES[key])
            found.append(Dated(key, name, planned, actual, project.illustrative))
        else:
            row = rows.get(key)
            found.append(Dated(key, name, row.planned if row else None, row.actual if row else None,
                               row.illustrative if row else False))
    return found


def overdue(project: Project, on: date) -> list[Dated]:
    return [step for step in milestones(project) if step.overdue_days(on)]

"""The demo's approval milestones (示意数据): each project that has a planned start gets 立项, 用地, 环评 and
施工许可 planned before it and done on time; a few new projects still lack their construction permit at the
end of October 2023 (yellow) and one its land (red), so that the pages show overdue milestones. Idempotent:
a project that has milestones keeps them."""

from __future__ import annotations

from datetime import date, timedelta

from devplan.projects.models import Milestone, Project

# How long before the planned start each approval is planned.
LEAD_DAYS = {Milestone.Kind.APPROVAL: 240, Milestone.Kind.LAND: 150, Milestone.Kind.EIA: 120, Milestone.Kind.PERMIT: 30}
PERMIT_LATE = (date(2023, 10, 10), Milestone.Kind.PERMIT)  # 21 days overdue on 31 October: yellow
LAND_LATE = (date(2023, 8, 31), Milestone.Kind.LAND)  # 61 days overdue: red


def _late(index: int, project: Project) -> tuple[date, str] | None:
    if project.status != Project.Status.NEW or project.planned_start is None or project.planned_start.year != 2023:
        return None
    return LAND_LATE if index % 40 == 7 else PERMIT_LATE if index % 8 == 3 else None


def load_milestones_demo(projects: list[Project]) -> None:
    have = set(Milestone.objects.filter(project__in=projects).values_list("project_id", flat=True))
    rows = []
    candidates = sorted((p for p in projects if p.planned_start is not None and p.pk not in have), key=lambda p: p.ref)
    for index, project in enumerate(candidates):
        start = project.planned_start
        assert start is not None
        late = _late(index, project)
        for kind, lead in LEAD_DAYS.items():
            planned = start - timedelta(days=lead)
            actual: date | None = min(planned + timedelta(days=index % 11), project.actual_start or date.max)
            if late is not None and late[1] == kind:
                planned, actual = late[0], None
            rows.append(Milestone(project=project, kind=kind, planned=planned, actual=actual, illustrative=True))
    Milestone.objects.bulk_create(rows)

"""The 月度调度 view of a region's key projects for a year: each project against its annual plan and the time
elapsed, totals by category (as the plan states them and as the registry adds up), the checks of parts
against totals, the start rate, and key-project investment beside fixed-asset investment."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from devplan.arithmetic.numbers import HUNDRED
from devplan.arithmetic.progress import Light
from devplan.lib.jsonnum import to_number
from devplan.lib.numbers import stated
from devplan.lib.periods import format_month
from devplan.projects.milestones import overdue
from devplan.projects.models import AnnualPlan, Category, PlanTotal, Progress, Project
from devplan.projects.pace import pace
from devplan.projects.rules import is_lagging, light_reason, project_rules
from devplan.projects.services import latest_progress, latest_reported_month, plans_for
from devplan.projects.sums import Check, Severity, exact, parts_against_total, pct
from devplan.projects.totals import fai_comparison, registry_total, stated_total
from devplan.regions.models import Region

ILLUSTRATIVE_MARK = "（示意数据）"
MEASURES = (
    ("project_count", "项目个数", "个", True),
    ("total_investment", "总投资", "亿元", False),
    ("planned_investment", "年计划投资", "亿元", False),
    ("completed_investment", "完成投资", "亿元", False),
)


@dataclass
class ProjectView:
    plan: AnnualPlan
    progress: Progress | None
    through: int | None
    categories: list[Category] = field(default_factory=list)

    @property
    def project(self) -> Project:
        return self.plan.project

    @property
    def completed(self) -> Decimal | None:
        return exact(self.progress.completed_investment) if self.progress else None

    @property
    def illustrative_fields(self) -> list[str]:
        marks = []
        if self.project.illustrative:
            marks += ["total_investment", "dates"]
        if self.plan.illustrative:
            marks.append("planned_investment")
        if self.progress is not None and self.progress.illustrative:
            marks.append("completed_investment")
        return marks

    def as_stated(self) -> dict[str, str | None]:
        """Total, planned and completed investment as `devplan.lib.numbers.stated` prints them: the completed
        investment with the places it was reported with (1.20 stays 1.20); the registry's and the plan's
        amounts, whose places are not recorded, without trailing zeros."""
        total, planned = self.project.total_investment, self.plan.planned_investment
        return {
            "total_investment": None if total is None else stated(total),
            "planned_investment": None if planned is None else stated(planned),
            "completed_investment": self.progress.stated("completed_investment") if self.progress else None,
        }

    def due_to_start(self, year: int) -> bool:
        """Planned to start in `year` by the end of the month reported through; nothing is due before any
        month is reported (a plan draft)."""
        start = self.project.planned_start
        if self.through is None or start is None:
            return False
        return start.year == year and start <= _period_end(year, self.through)

    def started(self, year: int) -> bool:
        start = self.project.actual_start
        return start is not None and start <= _period_end(year, self.through)

    def json(self, year: int) -> dict[str, Any]:
        project = self.project
        # Judged against the time progress of its own data month: 1—10月 progress is not behind November.
        # Milestones are judged on the last day of that month (today while it runs); like the start, nothing
        # is overdue before any month is reported (a plan draft).
        month = self.progress.month if self.progress else self.through
        on = None if month is None else min(_period_end(year, month), timezone.localdate())
        late = overdue(project, on) if on is not None else []
        worst = max(step.overdue_days(on) for step in late) if on is not None and late else 0
        rules = project_rules()
        result = pace(self.completed, exact(self.plan.planned_investment), month,
                      rules.gaps.green_gap, rules.gaps.yellow_gap, worst, rules.red_days)
        not_started = self.due_to_start(year) and not self.started(year)
        late_names = [step.name for step in late]
        progress = self.progress
        return {
            "ref": project.ref,
            "code": project.code,
            "name": project.name,
            "owner": project.owner,
            "department": project.department.name if project.department else None,
            "leader": project.leader or None,
            "location": project.location or None,
            "sector": project.sector or None,
            "categories": [c.name for c in self.categories],
            "status": project.status,
            "start_year": project.start_year,
            "end_year": project.end_year,
            "total_investment": to_number(project.total_investment),
            "planned_investment": to_number(self.plan.planned_investment),
            "completed_investment": to_number(self.completed),
            # The three amounts as printed (JSON numbers cannot keep a stated "1.20"): every renderer prints these.
            "as_stated": self.as_stated(),
            "reported_through": format_month(year, progress.month) if progress else None,
            "completion_pct": pct(result.completion_pct),
            "time_progress_pct": pct(result.time_progress_pct),
            "light": result.light.value,
            "lagging": is_lagging(result.light, not_started),
            "not_started": not_started,
            # Why the light is what it is where the progress gap does not say it ("节点逾期：用地"), else null.
            "light_reason": light_reason(result, late_names, not_started),
            # The milestones past their planned date and not done at the end of the data month.
            "milestones_overdue": late_names,
            "judged_on": _iso(on),
            "overdue_days": result.overdue_days,
            "planned_start": _iso(project.planned_start),
            "actual_start": _iso(project.actual_start),
            "planned_completion": _iso(project.planned_completion),
            "actual_completion": _iso(project.actual_completion),
            "narrative": progress.narrative if progress else None,
            "problems": progress.problems if progress else None,
            "help_requested": progress.help_requested if progress else None,
            "reported_by": progress.reported_by if progress else None,
            "illustrative": bool(self.illustrative_fields),
            "illustrative_fields": self.illustrative_fields,
            "source": project.source or None,
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _period_end(year: int, month: int | None) -> date:
    last = month or 12
    return date(year, last, calendar.monthrange(year, last)[1])


KIND_ORDER = {kind: order for order, kind in enumerate(Category.Kind.values)}


def _category_order(category: Category) -> tuple[int, int, str]:
    """Funding categories first, then attachments, then lists, as the plan presents them."""
    return KIND_ORDER[category.kind], category.sort_order, category.code


def project_views(region: Region, year: int, month: int | None = None, as_of: datetime | None = None
                  ) -> tuple[int | None, list[ProjectView]]:
    """The through month — the latest any project reported, up to `month` when given (`month` itself before
    any report, so that milestones are still judged on its last day) — and a view of every planned project,
    with progress as known at `as_of` (now when None). Every list of projects (the page, the dashboard's
    lagging panel, the brief, `devplan projects`) judges them on this."""
    reported = latest_reported_month(region, year, as_of)
    through = month if reported is None else reported if month is None else min(month, reported)
    progress = latest_progress(region, year, through, as_of) if through is not None else {}
    views = [
        ProjectView(plan, progress.get(plan.project_id), through, sorted(plan.project.categories.all(), key=_category_order))
        for plan in plans_for(region, year)
    ]
    return through, views


def lagging_views(region: Region, year: int, month: int, as_of: datetime | None = None) -> list[ProjectView] | None:
    """The lagging projects (`rules.is_lagging`: yellow or red, or due to start and not started), the worst
    first (red before yellow, then the lowest completion) — the dashboard's panel and the brief's table list the same
    projects in the same order. Each is on its latest progress through the month as known at `as_of`, judged
    against the time progress of its own data month. None when no project has reported through the month
    (nothing can be said to lag or not)."""
    through, views = project_views(region, year, month, as_of)
    if through is None or not any(view.progress for view in views):
        return None
    judged = [(view, view.json(year)) for view in views]
    worst_first = sorted(((view, row) for view, row in judged if row["lagging"]),
                         key=lambda pair: (pair[1]["light"] != Light.RED.value, pair[1]["completion_pct"] or 0))
    return [view for view, _ in worst_first]


def _category_checks(overall: PlanTotal | None, parts: list[PlanTotal]) -> list[Check]:
    """The plan's own arithmetic: the funding categories (社会投资类、政府投资类、重大前期) against the total."""
    if overall is None or not parts:
        return []
    names = "、".join(part.category.name for part in parts if part.category)
    checks = []
    for name, label, unit, counts in MEASURES:
        total, values = exact(getattr(overall, name)), [exact(getattr(part, name)) for part in parts]
        if total is None or None in values:
            continue
        checks.append(
            parts_against_total("category_parts_sum", f"{names}的{label}", total, [v for v in values if v is not None],
                                unit, exact=counts)
        )
    return checks


def _coverage_checks(label: str, stated: PlanTotal, views: list[ProjectView]) -> list[Check]:
    """The registry against the plan's total: comparable only when it lists every project."""
    if stated.project_count is None:
        return []
    count, listed = Decimal(stated.project_count), Decimal(len(views))
    if listed < count:
        message = (
            f"{label}：计划共{count}个项目，登记册逐项登记{listed}个，其余{count - listed}个未逐项登记；"
            "登记册合计只是部分项目之和，不与计划合计比较"
        )
        return [Check("registry_coverage", Severity.INFO, message, count, listed)]
    if listed > count:
        message = f"{label}：登记册有{listed}个项目，多于计划所列{count}个，请核对项目分类"
        return [Check("registry_coverage", Severity.WARNING, message, count, listed)]
    checks = []
    for name, measure, unit in (("total_investment", "总投资", "亿元"), ("planned_investment", "年计划投资", "亿元")):
        total = exact(getattr(stated, name))
        values = [exact(v.project.total_investment if name == "total_investment" else v.plan.planned_investment)
                  for v in views]
        if total is not None and None not in values:
            checks.append(parts_against_total("registry_matches_plan", f"{label}登记册各项目{measure}", total,
                                              [v for v in values if v is not None], unit))
    return checks


def _start_rate(year: int, views: list[ProjectView]) -> dict[str, Any]:
    due = [v for v in views if v.due_to_start(year)]
    started = [v for v in due if v.started(year)]
    rate = Decimal(len(started)) / len(due) * HUNDRED if due else None
    return {"due": len(due), "started": len(started), "rate_pct": pct(rate)}


def project_summary(
    region: Region, year: int, *, month: int | None = None, category: Category | None = None,
    lagging_only: bool = False, as_of: datetime | None = None,
) -> dict[str, Any]:
    """Everything `devplan projects --json` prints (docs/projects.md describes the shape); progress as known
    at `as_of` (the registry itself — names, categories, totals — is read as it is now)."""
    through, views = project_views(region, year, month, as_of)
    stated = {t.category_id: t for t in PlanTotal.objects.filter(region=region, year=year).select_related("category")}
    overall = stated.get(None)
    categories = sorted(
        {c for v in views for c in v.categories} | {t.category for t in stated.values() if t.category},
        key=_category_order,
    )
    checks = _category_checks(overall, [t for t in stated.values() if t.category and t.category.kind == "funding"])
    if overall is not None:
        checks += _coverage_checks("全部重点项目", overall, views)
    category_totals = []
    for c in categories:
        members = [v for v in views if c in v.categories]
        if c.pk in stated:
            checks += _coverage_checks(c.name, stated[c.pk], members)
        category_totals.append(
            {"category": c.code, "name": c.name, "kind": c.kind, "stated": stated_total(stated.get(c.pk)),
             "registry": registry_total(members)}
        )
    rows = [v.json(year) for v in views if category is None or category in v.categories]
    if lagging_only:
        rows = [row for row in rows if row["lagging"]]
    return {
        "region": region.name,
        "region_code": region.code,
        "year": year,
        "through": format_month(year, through) if through else None,
        "category": category.name if category else None,
        "time_progress_pct": pct(Decimal(through) / 12 * HUNDRED) if through else None,
        "totals": {
            "overall": {"stated": stated_total(overall), "registry": registry_total(views)},
            "categories": category_totals,
        },
        "checks": [check.as_json() for check in checks],
        "start_rate": _start_rate(year, views),
        "fai_comparison": fai_comparison(region, year, overall, views, through),
        "lagging": [row["name"] for row in rows if row["lagging"]],
        "not_started": [row["name"] for row in rows if row["not_started"]],
        "projects": rows,
    }

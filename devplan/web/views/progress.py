"""Monthly progress entry for a project owner (业主单位): its own projects only, last month's completed
investment and the annual plan beside each, save as draft or submit for the planners' approval.

Fields are named `invest_<ref>`, `narrative_<ref>`, `problems_<ref>`, `help_<ref>`; a posted project the
user does not own is refused with 403. Saving is all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from devplan.accounts.access import memberships, project_access
from devplan.accounts.models import Role
from devplan.collection import workflow
from devplan.collection.checks import parse_decimal, plain
from devplan.collection.models import Submission
from devplan.lib.errors import DevplanError
from devplan.projects.models import AnnualPlan, Progress, Project
from devplan.projects.services import latest_progress
from devplan.regions.models import Region
from devplan.web.periods import check_month, default_period, home_region, region_by_code
from devplan.web.views.common import period_context, require

PREFIXES = ("invest_", "narrative_", "problems_", "help_")


@dataclass(frozen=True)
class ProjectEntry:
    plan: AnnualPlan
    submission: Submission | None
    last_month: Progress | None

    @property
    def project(self) -> Project:
        return self.plan.project

    @property
    def editable(self) -> bool:
        return self.submission is None or self.submission.is_editable

    @property
    def value_text(self) -> str:
        value = self.submission.value if self.submission else None
        return "" if value is None else plain(value)


def owner_units(user: object, region: Region) -> list[str]:
    return [m.owner_unit for m in memberships(user, region) if m.role == Role.OWNER]


def _entries(region: Region, units: list[str], year: int, month: int) -> list[ProjectEntry]:
    plans = AnnualPlan.objects.filter(project__region=region, project__owner__in=units, year=year).select_related(
        "project"
    )
    existing = {s.project_id: s for s in Submission.objects.filter(project__in=[p.project for p in plans],
                                                                     year=year, month=month)}
    before = latest_progress(region, year, month - 1) if month > 1 else {}
    return [ProjectEntry(plan, existing.get(plan.project_id), before.get(plan.project_id))
            for plan in plans.order_by("project__ref")]


def _project(ref: str) -> Project:
    project = Project.objects.select_related("region").filter(ref=ref).first()
    if project is None:
        raise Http404(f"没有登记编号为“{ref}”的项目")
    return project


def _save(request: HttpRequest, region: Region, year: int, month: int, send: bool) -> int:
    refs = sorted({key.split("_", 1)[1] for key in request.POST if key.startswith(PREFIXES)})
    saved = 0
    with transaction.atomic():
        for ref in refs:
            project = _project(ref)
            require(project_access(request.user, project).write)
            invested = parse_decimal(request.POST.get(f"invest_{ref}"), f"{project.name}的累计完成投资")
            if invested is None:
                continue
            draft = workflow.save_draft(
                request, region, project, year, month, value=invested,
                note=request.POST.get(f"narrative_{ref}", "").strip(),
                problems=request.POST.get(f"problems_{ref}", "").strip(),
                help_requested=request.POST.get(f"help_{ref}", "").strip(),
            )
            if send:
                workflow.submit(request, draft)
            saved += 1
    return saved


@login_required
def progress_default(request: HttpRequest) -> HttpResponse:
    region = home_region(request.user)
    year, month = default_period(region)
    return redirect("web:progress", region=region.code, year=year, month=month)


@login_required
def progress_page(request: HttpRequest, region: str, year: int, month: int) -> HttpResponse:
    place = region_by_code(region)
    check_month(year, month)
    units = owner_units(request.user, place)
    require(bool(units), "只有项目业主单位的账户可以填报项目进度")
    if request.method == "POST":
        send = request.POST.get("action") == "submit"
        try:
            count = _save(request, place, year, month, send)
        except DevplanError as exc:
            messages.error(request, f"未保存任何数据：{exc.sentence()}")
        else:
            messages.success(request, f"已{'提交' if send else '保存草稿'} {count} 个项目的进度。")
            return redirect("web:progress", region=place.code, year=year, month=month)
    return render(request, "web/progress.html", {
        "region": place, "units": units, "entries": _entries(place, units, year, month),
        "locked": workflow.is_locked(place, year, month),
        **period_context(year, month),
    })

"""Key projects: the list (filter by category, status, department, light) and a project's page with its
monthly progress history."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from devplan.accounts.access import evidence_access, project_access, region_access
from devplan.evidence.models import Attachment
from devplan.projects.milestones import milestones
from devplan.projects.models import Category, Progress, Project
from devplan.projects.rules import LAGGING_WORDS, project_rules
from devplan.web.dashboard import light_words, project_rows
from devplan.web.periods import check_year, default_period, home_region, region_by_code
from devplan.web.views.common import require

FILTERS = ("category", "status", "department", "light")


LAGGING = "lagging"  # the light filter's value for every lagging project (`projects.rules.is_lagging`)


def _matches(row: dict[str, Any], chosen: dict[str, str]) -> bool:
    light = chosen["light"]
    return (
        (not chosen["category"] or chosen["category"] in row["categories"])
        and (not chosen["status"] or row["status"] == chosen["status"])
        and (not chosen["department"] or row["department"] == chosen["department"])
        and (not light or (row["lagging"] if light == LAGGING else row["light"] == light))
    )


def _month(request: HttpRequest) -> int | None:
    """The month the list is judged through (?month=M, as the dashboard links to it), else the latest reported."""
    text = request.GET.get("month", "")
    if not text:
        return None
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= 12):
        raise Http404("没有这个月份")
    return int(text)


@login_required
def projects_default(request: HttpRequest) -> HttpResponse:
    region = home_region(request.user)
    return redirect("web:projects", region=region.code, year=default_period(region)[0])


@login_required
def projects_list(request: HttpRequest, region: str, year: int) -> HttpResponse:
    place = region_by_code(region)
    check_year(year)
    require(region_access(request.user, place).read)
    chosen = {name: request.GET.get(name, "") for name in FILTERS}
    month = _month(request)
    through, rows = project_rows(place, year, month)
    shown = [row for row in rows if _matches(row, chosen)]
    return render(request, "web/projects.html", {
        "region": place, "year": year, "through": through, "rows": shown, "total": len(rows),
        "chosen": chosen, "month": month, "lagging_words": LAGGING_WORDS, "rule": project_rules().sentence(),
        "categories": Category.objects.values_list("name", flat=True),
        "statuses": Project.Status.values,
        "departments": sorted({row["department"] for row in rows if row["department"]}),
        "lights": _project_lights(),
    })


@login_required
def project_page(request: HttpRequest, ref: str, year: int) -> HttpResponse:
    project = Project.objects.select_related("region", "department").filter(ref=ref).first()
    if project is None:
        raise Http404(f"没有登记编号为“{ref}”的项目")
    check_year(year)
    require(project_access(request.user, project).read)
    _, rows = project_rows(project.region, year)
    row = next((r for r in rows if r["ref"] == ref), None)
    history = Progress.objects.filter(project=project, year=year).select_related("change_set").order_by(
        "-month", "-revision"
    )
    evidence = evidence_access(request.user, project)
    return render(request, "web/project.html", {
        "project": project, "region": project.region, "year": year, "row": row, "history": history,
        "lights": _project_lights(),
        "milestones": [step.json(_judged_on(year, row)) for step in milestones(project)],
        "plans_dates": region_access(request.user, project.region).write,
        "reports_dates": region_access(request.user, project.region).write or project_access(request.user, project).write,
        "evidence": evidence,
        "attachments": Attachment.objects.filter(project=project, year=year) if evidence.read else [],
        "months": range(1, 13),
        "row_month": int(row["reported_through"][5:]) if row and row["reported_through"] else 0,
        "milestone_red_days": settings.DEVPLAN_MILESTONE_RED_DAYS,
        "evidence_max_mb": settings.DEVPLAN_EVIDENCE_MAX_MB,
    })


def _judged_on(year: int, row: dict[str, Any] | None) -> date:
    """The day the page judges milestones on: the one the project's light was judged on (the end of its data
    month, today while that month runs), or today (the end of a past year) before any month is reported."""
    return date.fromisoformat(row["judged_on"]) if row and row["judged_on"] else min(date(year, 12, 31), timezone.localdate())


def _project_lights() -> dict[str, tuple[str, str]]:
    """The legend with the thresholds projects are judged by (`projects.rules.project_rules`)."""
    return light_words(project_rules().gaps)

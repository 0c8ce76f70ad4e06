"""The monthly entry pages: a department's indicator figures (`submit`) and a project owner's progress
(`progress`), one view over the core in `devplan/web/entry.py`. Each field shows what is recorded beside it;
saving writes through the one door as drafts or as submissions for the planners' approval, all or nothing;
rule problems are shown as the user types (htmx)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from devplan.accounts.access import user_departments
from devplan.lib.errors import DevplanError
from devplan.recording.actors import Actor
from devplan.recording.checks import future_month_message
from devplan.recording.models import Door
from devplan.recording.periods import is_locked
from devplan.recording.service import Forbidden, write
from devplan.regions.models import Region
from devplan.web.entry import (
    FIGURES,
    PROJECTS,
    Form,
    entries,
    fields_for,
    find_subject,
    owner_units,
    posted_rows,
)
from devplan.web.periods import check_month, entry_period, home_region, region_by_code
from devplan.web.views.common import period_context

PAGES = {"figures": ("web:submit", "web/submit.html"), "projects": ("web:progress", "web/progress.html")}


def _save(request: HttpRequest, form: Form, region: Region, year: int, month: int) -> str:
    draft = request.POST.get("action") != "submit"
    rows = posted_rows(form, request.user, region, year, month, request.POST)
    if not rows:
        return "没有填写任何数据。"
    try:
        outcome = write(Actor.of_request(request, Door.WEB), rows, draft=draft)
    except Forbidden as exc:
        raise PermissionDenied(exc.sentence()) from None
    if draft and outcome.submissions:
        return f"已保存草稿 {len(outcome.submissions)} 项；确认无误后请“提交审核”。"
    return outcome.sentence() + "。"


def _page(request: HttpRequest, form: Form, region: str, year: int, month: int) -> HttpResponse:
    place = region_by_code(region)
    check_month(year, month)
    if (future := future_month_message(year, month)) is not None:
        raise Http404(future)
    name, template = PAGES[form.kind]
    form.subjects(request.user, place, year)  # refuses a user who reports nothing here
    posted = None
    if request.method == "POST":
        try:
            said = _save(request, form, place, year, month)
        except DevplanError as exc:
            messages.error(request, f"未保存任何数据：{exc.sentence()}")
            posted = form.posted(request.POST)
        else:
            messages.success(request, said)
            return redirect(name, region=place.code, year=year, month=month)
    return render(request, template, {
        "region": place,
        "departments": user_departments(request.user, place),
        "units": owner_units(request.user, place),
        "fields": fields_for(form, month),
        "entries": entries(form, request.user, place, year, month, posted),
        "locked": is_locked(place, year, month),
        **period_context(year, month),
    })


def _default(request: HttpRequest, name: str) -> HttpResponse:
    region = home_region(request.user)
    year, month = entry_period(region)
    return redirect(name, region=region.code, year=year, month=month)


@login_required
def submit_default(request: HttpRequest) -> HttpResponse:
    return _default(request, "web:submit")


@login_required
def submit_page(request: HttpRequest, region: str, year: int, month: int) -> HttpResponse:
    return _page(request, FIGURES, region, year, month)


@login_required
def progress_default(request: HttpRequest) -> HttpResponse:
    return _default(request, "web:progress")


@login_required
def progress_page(request: HttpRequest, region: str, year: int, month: int) -> HttpResponse:
    return _page(request, PROJECTS, region, year, month)


def _check(request: HttpRequest, form: Form, region: str, year: int, month: int, key: str) -> HttpResponse:
    """The htmx fragment of what the rules say of one subject as the user types."""
    place = region_by_code(region)
    check_month(year, month)
    subject = find_subject(form, request.user, place, key)
    found = entries(form, request.user, place, year, month, form.posted(request.POST))
    return render(request, "web/_warnings.html", {"entry": next(e for e in found if e.subject == subject)})


@login_required
@require_POST
def check_entry(request: HttpRequest, region: str, year: int, month: int, code: str) -> HttpResponse:
    return _check(request, FIGURES, region, year, month, code)


@login_required
@require_POST
def check_progress(request: HttpRequest, region: str, year: int, month: int, ref: str) -> HttpResponse:
    return _check(request, PROJECTS, region, year, month, ref)

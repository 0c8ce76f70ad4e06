"""修改记录: the region's change sets (who, when, through which door, how many rows, which months), one change
set's rows as old → new, and reverting it (planners and admins; new revisions restoring what it replaced)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from devplan.accounts.access import oversight_access, region_access
from devplan.lib.errors import DevplanError
from devplan.recording.actors import Actor
from devplan.recording.changes import change_sets, revert, rows_of
from devplan.recording.models import ChangeSet, Door
from devplan.regions.models import Region
from devplan.web.periods import home_region, region_by_code
from devplan.web.views.common import require

READERS = "只有本级或上级发改局（计划科）、领导和系统管理员可以查看修改记录"


def _may_read(user: object, region: Region) -> bool:
    return oversight_access(user, region).read


@login_required
def changes_default(request: HttpRequest) -> HttpResponse:
    return redirect("web:changes", region=home_region(request.user).code)


@login_required
def changes_page(request: HttpRequest, region: str) -> HttpResponse:
    place = region_by_code(region)
    require(_may_read(request.user, place), READERS)
    page = Paginator(change_sets(place), 50).get_page(request.GET.get("page"))
    return render(request, "web/changes.html", {"region": place, "page": page})


def _in_region(change_set: ChangeSet, region: Region) -> bool:
    return change_set.region_id in (None, region.pk)


@login_required
def change_page(request: HttpRequest, region: str, pk: int) -> HttpResponse:
    place = region_by_code(region)
    require(_may_read(request.user, place), READERS)
    change_set = get_object_or_404(ChangeSet, pk=pk)
    require(_in_region(change_set, place), READERS)
    shown, total = rows_of(change_set)
    return render(request, "web/change.html", {
        "region": place, "change_set": change_set, "rows": shown, "total": total,
        "can_revert": region_access(request.user, place).write and change_set.region_id == place.pk,
        "reverted_by": change_set.reverted_by.first(),
    })


@login_required
@require_POST
def revert_change(request: HttpRequest, region: str, pk: int) -> HttpResponse:
    place = region_by_code(region)
    require(region_access(request.user, place).write, "只有发改局（计划科）和系统管理员可以撤销修改")
    change_set = get_object_or_404(ChangeSet, pk=pk, region=place)
    try:
        done = revert(Actor.of_request(request, Door.WEB), change_set, request.POST.get("reason", ""))
    except DevplanError as exc:
        messages.error(request, exc.sentence())
        return redirect("web:change", region=place.code, pk=pk)
    messages.success(request, f"已撤销修改记录 #{pk}：恢复 {done.rows} 条数据（修改记录 #{done.pk}）。")
    return redirect("web:change", region=place.code, pk=done.pk)

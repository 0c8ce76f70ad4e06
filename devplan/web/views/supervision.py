"""督办 pages: a region's items of the year (overdue first) with the form a planner opens one with, and an
item's page with its steps and the form of its next step — the assignee's answer, the planner's 退回 or 销号.
Every change goes through `devplan.supervision.workflow`."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from devplan.accounts.access import evidence_access, region_access, supervision_access
from devplan.evidence.service import check_size
from devplan.indicators.judged import judge_region
from devplan.indicators.models import Responsibility
from devplan.lib.errors import DevplanError, UsageError
from devplan.projects.models import Project
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.service import Forbidden
from devplan.regions.models import Department, Region
from devplan.supervision import summary, workflow
from devplan.supervision.models import Item, StepFile
from devplan.tasks.models import Task
from devplan.web.periods import check_year, default_period, home_region, region_by_code
from devplan.web.views.common import require
from devplan.web.views.evidence import stored_file


@login_required
def supervision_default(request: HttpRequest) -> HttpResponse:
    region = home_region(request.user)
    return redirect("web:supervision", region=region.code, year=default_period(region)[0])


def _subjects(region: Region, year: int, month: int) -> list[tuple[str, list[tuple[str, str]]]]:
    """The things an item may be opened on, grouped: main indicators (with their light this month), the
    year's projects and tasks; values "kind:subject"."""
    lights = {"green": "绿灯", "yellow": "黄灯", "red": "红灯"}
    indicators = [(f"indicator:{j.indicator.code}", f"{j.indicator.name}（{lights.get(j.assessment.light.value, '未评价')}）")
                  for j in judge_region(region, year, month)]
    projects = [(f"project:{p.ref}", p.name) for p in
                Project.objects.filter(region=region, plans__year=year).distinct().order_by("name")]
    tasks = [(f"task:{t.code}", t.title) for t in Task.objects.filter(region=region, year=year).order_by("code")]
    return [(title, options) for title, options in (("主要指标", indicators), ("重点项目", projects), ("主要任务", tasks))
            if options]


OWNER = "owner"  # the choice "项目业主单位" of the form's 责任单位


def _assignee(region: Region, kind: str, subject: str, department_id: str) -> tuple[Department | None, str, str]:
    """(department, owner unit, name) of what the item is on: the department chosen ("owner": a project's own
    owner unit), else the one responsible (an indicator's department, a project's 责任单位 or its owner unit, a
    task's department)."""
    chosen = Department.objects.filter(region=region, pk=department_id).first() if department_id.isdigit() else None
    if department_id == OWNER and kind != Item.Kind.PROJECT:
        raise UsageError("只有重点项目可以交由业主单位反馈：请为指标或任务选择责任部门")
    if kind == Item.Kind.INDICATOR:
        responsible = Responsibility.objects.filter(region=region, indicator__code=subject).select_related(
            "department", "indicator").first()
        if responsible is None:
            raise UsageError("没有这个主要指标")
        return chosen or responsible.department, "", responsible.indicator.name
    if kind == Item.Kind.PROJECT:
        project = Project.objects.filter(region=region, ref=subject).select_related("department").first()
        if project is None:
            raise UsageError("没有这个重点项目")
        department = None if department_id == OWNER else chosen or project.department
        return department, "" if department else project.owner, project.name
    task = Task.objects.filter(region=region, code=subject).select_related("department").first()
    if task is None:
        raise UsageError("没有这个主要任务")
    return chosen or task.department, "", task.title


def _open(request: HttpRequest, region: Region, year: int, month: int) -> Item:
    kind, _, subject = request.POST.get("subject", "").partition(":")
    if kind not in Item.Kind.values or not subject:
        raise UsageError("请选择督办对象（指标、项目或任务）")
    try:
        deadline = date.fromisoformat(request.POST.get("deadline", ""))
    except ValueError:
        raise UsageError("请填写反馈期限（年-月-日）") from None
    department, owner_unit, name = _assignee(region, kind, subject, request.POST.get("department", ""))
    return workflow.open_item(Actor.of_request(request, Door.WEB), region, year, month, kind=kind, subject=subject,
                              subject_name=name, reason=request.POST.get("reason", ""), deadline=deadline,
                              department=department, owner_unit=owner_unit)


@login_required
@require_http_methods(["GET", "POST"])
def supervision_page(request: HttpRequest, region: str, year: int) -> HttpResponse:
    place = region_by_code(region)
    check_year(year)
    access = region_access(request.user, place)
    require(access.read)
    month = default_period(place)[1] if default_period(place)[0] == year else 12
    if request.method == "POST":
        require(access.write)
        try:
            item = _open(request, place, year, month)
        except Forbidden as exc:
            raise PermissionDenied(exc.sentence()) from None
        except DevplanError as exc:
            messages.error(request, f"未提出督办：{exc.sentence()}")
            return redirect("web:supervision", region=place.code, year=year)
        messages.success(request, f"已提出督办：{item.subject_name}，由{item.assignee}在{item.deadline:%Y年%m月%d日}前反馈。")
        return redirect("web:supervision_item", pk=item.pk)
    context: dict[str, Any] = {
        "region": place, "year": year, "items": summary.items(place, year), "counts": summary.counts(place, year),
        "today": timezone.localdate(), "planner": access.write,
    }
    if access.write:
        context.update(subjects=_subjects(place, year, month),
                       departments=Department.objects.filter(region=place).order_by("name"),
                       deadline=timezone.localdate() + timedelta(days=settings.DEVPLAN_SUPERVISION_DAYS))
    return render(request, "web/supervision.html", context)


def _uploads(request: HttpRequest) -> list[tuple[str, bytes]]:
    """The answer's files, each refused by its size before it is read."""
    files = request.FILES.getlist("file")
    for upload in files:
        check_size(upload.name or "", upload.size or 0)
    return [(upload.name or "", upload.read()) for upload in files]


@login_required
def step_file(request: HttpRequest, pk: int) -> FileResponse:
    """An answer's file, for those who may read its item (a photo shown, a document downloaded)."""
    found = get_object_or_404(StepFile.objects.select_related("step__item__region", "step__item__department"), pk=pk)
    item = found.step.item
    require(supervision_access(request.user, item).read)
    # A project's photos are its evidence, whatever page they came through: seen by whom its evidence is.
    project = Project.objects.filter(region=item.region, ref=item.subject).first() if item.kind == Item.Kind.PROJECT else None
    require(project is None or evidence_access(request.user, project).read)
    return stored_file(found.sha256, found.content_type, found.name)


@login_required
@require_http_methods(["GET", "POST"])
def item_page(request: HttpRequest, pk: int) -> HttpResponse:
    item = Item.objects.select_related("region", "department").filter(pk=pk).first()
    if item is None:
        raise Http404("没有这个督办事项")
    access = supervision_access(request.user, item)
    require(access.read)
    planner = region_access(request.user, item.region).write
    if request.method == "POST":
        step = workflow.STEPS.get(request.POST.get("action", ""))
        if step is None:
            raise Http404("没有这一步")
        try:
            actor, text = Actor.of_request(request, Door.WEB), request.POST.get("text", "")
            if step is workflow.answer:
                workflow.answer(actor, item, text, _uploads(request))
            else:
                step(actor, item, text)
        except Forbidden as exc:
            raise PermissionDenied(exc.sentence()) from None
        except DevplanError as exc:
            messages.error(request, f"未保存：{exc.sentence()}")
        else:
            messages.success(request, "已保存。")
        return redirect("web:supervision_item", pk=item.pk)
    return render(request, "web/supervision_item.html", {
        "item": item, "steps": item.steps.prefetch_related("files"), "region": item.region, "overdue": item.overdue(),
        "answers": access.write and item.state == Item.State.OPEN,
        "decides": planner and item.state == Item.State.ANSWERED, "max_mb": settings.DEVPLAN_EVIDENCE_MAX_MB,
    })

"""A project's milestones and evidence on its page: setting milestone dates (`recording.milestones`),
attaching a photo or document to a month (`evidence.service`), and serving the files and thumbnails — only
to those `accounts.access.evidence_access` lets read them (403 for everyone else), never from a static path."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from devplan.accounts.access import evidence_access, project_access, region_access
from devplan.evidence import store
from devplan.evidence.models import Attachment
from devplan.evidence.service import attach, check_size
from devplan.lib.errors import DevplanError
from devplan.projects.milestones import KEYS
from devplan.projects.models import Project
from devplan.recording.actors import Actor
from devplan.recording.milestones import WHICH, set_milestones
from devplan.recording.models import Door
from devplan.web.views.common import require

FORBIDDEN = "您无权查看这个项目的形象进度照片和文件：只有其业主单位、责任单位和发改局可以查看"


def _project(ref: str) -> Project:
    project = Project.objects.select_related("region", "department").filter(ref=ref).first()
    if project is None:
        raise Http404(f"没有登记编号为“{ref}”的项目")
    return project


@login_required
@require_POST
def upload(request: HttpRequest, ref: str, year: int) -> HttpResponse:
    project = _project(ref)
    require(evidence_access(request.user, project).write,
            "只有该项目的业主单位和本行政区的发改局（计划科）可以上传形象进度照片和文件")
    files = request.FILES.getlist("file")
    given = request.POST.get("month", "")
    month = int(given) if given.isascii() and given.isdigit() and len(given) <= 2 else 0
    if not files:
        messages.error(request, "请选择要上传的照片或文件")
    for upload in files:
        try:
            check_size(upload.name or "", upload.size or 0)
            attachment, created = attach(Actor.of_request(request, Door.WEB), project, year, month, upload.name or "",
                                         upload.read(), request.POST.get("caption", ""))
        except DevplanError as exc:
            messages.error(request, exc.sentence())
            continue
        messages.success(request, f"已上传“{attachment.name}”。" if created else f"“{attachment.name}”此前已上传到该月，未重复保存。")
    return redirect(reverse("web:project", args=[ref, year]) + "#evidence")


@login_required
@require_POST
def milestones(request: HttpRequest, ref: str, year: int) -> HttpResponse:
    project = _project(ref)
    require(region_access(request.user, project.region).write or project_access(request.user, project).write,
            "只有该项目的业主单位和本行政区的发改局（计划科）可以填报项目节点日期")
    dates = {key: {which: request.POST[f"{key}.{which}"] for which in WHICH if f"{key}.{which}" in request.POST}
             for key in KEYS}
    try:
        set_milestones(Actor.of_request(request, Door.WEB), project, {k: v for k, v in dates.items() if v},
                       request.POST.get("reason", ""))
    except DevplanError as exc:
        messages.error(request, exc.sentence())
    else:
        messages.success(request, "项目节点日期已保存。")
    return redirect(reverse("web:project", args=[ref, year]) + "#milestones")


def _served(request: HttpRequest, pk: int, thumbnail: bool) -> FileResponse:
    attachment = get_object_or_404(Attachment.objects.select_related("project__region"), pk=pk)
    require(evidence_access(request.user, attachment.project).read, FORBIDDEN)
    digest = attachment.thumbnail if thumbnail else attachment.sha256
    if not digest:
        raise Http404("该文件没有缩略图")
    return stored_file(digest, "image/jpeg" if thumbnail else attachment.content_type, attachment.name)


def stored_file(sha256: str, content_type: str, name: str) -> FileResponse:
    """A kept file (`evidence.store`) after its access check: a PDF downloaded, a photo shown, either way
    under the name it was uploaded with; never sniffed, cached by the browser only."""
    path = store.path_of(sha256)
    if not path.exists():
        raise Http404("文件已不在存储目录中，请联系系统管理员从备份恢复")
    response = FileResponse(path.open("rb"), content_type=content_type)
    how = "attachment" if content_type == "application/pdf" else "inline"
    response["Content-Disposition"] = f"{how}; filename*=UTF-8''{quote(name)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def evidence_file(request: HttpRequest, pk: int) -> FileResponse:
    return _served(request, pk, thumbnail=False)


@login_required
def evidence_thumbnail(request: HttpRequest, pk: int) -> FileResponse:
    return _served(request, pk, thumbnail=True)

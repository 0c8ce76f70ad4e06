"""Excel templates on the entry pages: download the month's template for one's own department (figures) or
owner unit (projects), and upload it filled. The upload is read as `devplan import` reads it and written
through the one door (`devplan.recording`): a department's or owner's rows become submissions waiting for
the planners' approval, each row's own month must be open, and any problem stores nothing at all.

A template names its region, party and month inside (signed); an upload is accepted only when that party
is the user's own.
"""

from __future__ import annotations

import io
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from devplan.accounts.access import user_departments
from devplan.collection.excel.meta import TemplateMeta, read_meta
from devplan.collection.excel.workbook import build_template, import_workbook, open_workbook
from devplan.lib.errors import DevplanError
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.service import Forbidden
from devplan.regions.models import Region
from devplan.web.entry import owner_units
from devplan.web.limits import expensive, saved_upload
from devplan.web.periods import check_month, region_by_code
from devplan.web.views.common import require

PAGES = {"figures": "web:submit", "projects": "web:progress"}
NOT_YOURS = "这份模板属于“{party}”，不是您的单位：请下载并上传本单位的模板"


def own_parties(user: object, region: Region, kind: str) -> list[str]:
    if kind == "projects":
        return owner_units(user, region)
    return [d.name for d in user_departments(user, region)]


@login_required
def download_template(request: HttpRequest, region: str, year: int, month: int, kind: str) -> FileResponse:
    place = region_by_code(region)
    check_month(year, month)
    parties = own_parties(request.user, place, kind) if kind in PAGES else []
    require(bool(parties), "只有填报部门或项目业主单位可以下载本单位的填报模板")
    buffer = io.BytesIO()
    build_template(kind, place, parties[0], year, month).save(buffer)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=f"{parties[0]}{year}年{month}月填报模板.xlsx")


def _checked_meta(request: HttpRequest, region: Region, path: Path) -> TemplateMeta:
    meta = read_meta(open_workbook(path))  # a file that is not a workbook, or too large inside: DevplanError
    if not isinstance(meta, TemplateMeta):
        raise DevplanError(meta.sentence())
    require(meta.region == region.code and meta.party in own_parties(request.user, region, meta.kind),
            NOT_YOURS.format(party=meta.party))
    return meta


@login_required
@require_POST
@expensive
def upload_template(request: HttpRequest, region: str, year: int, month: int, kind: str) -> HttpResponse:
    place = region_by_code(region)
    check_month(year, month)
    require(kind in PAGES and bool(own_parties(request.user, place, kind)))
    upload = request.FILES.get("workbook")
    if upload is None:
        messages.error(request, "请选择填好的 Excel 模板（.xlsx）")
        return redirect(PAGES[kind], region=place.code, year=year, month=month)
    try:
        with saved_upload(upload, "devplan-upload-") as path:
            _checked_meta(request, place, path)
            result = import_workbook(path, Actor.of_request(request, Door.WEB_EXCEL))
    except Forbidden as exc:
        raise PermissionDenied(exc.sentence()) from None
    except DevplanError as exc:
        messages.error(request, exc.sentence())
    else:
        messages.success(request, result.sentence())
    return redirect(PAGES[kind], region=place.code, year=year, month=month)

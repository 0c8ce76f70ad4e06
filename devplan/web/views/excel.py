"""Excel templates on the entry pages: download the month's template for one's own department (figures) or
owner unit (projects), and upload it filled. The import (devplan.collection.excel, the same code as
`devplan import`) stores every row as a new revision or, with any problem, nothing at all.

A template names its region, party and month inside (signed); an upload is accepted only when that party
is the user's own and the month is not locked.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST
from openpyxl import load_workbook

from devplan.accounts.access import user_departments
from devplan.accounts.audit import record_action
from devplan.collection.excel.meta import TemplateMeta, read_meta
from devplan.collection.excel.workbook import build_template, import_workbook
from devplan.collection.workflow import is_locked
from devplan.lib.errors import DevplanError
from devplan.regions.models import Region
from devplan.web.periods import check_month, region_by_code
from devplan.web.views.common import require
from devplan.web.views.progress import owner_units

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
    try:
        meta = read_meta(load_workbook(path, read_only=False))
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise DevplanError(f"无法读取“{path.name}”：不是有效的 Excel（.xlsx）文件") from None
    if not isinstance(meta, TemplateMeta):
        raise DevplanError(meta.sentence())
    require(meta.region == region.code and meta.party in own_parties(request.user, region, meta.kind),
            NOT_YOURS.format(party=meta.party))
    if is_locked(region, meta.year, meta.month):
        raise DevplanError(f"{meta.year}年{meta.month}月的数据已锁定，不能导入：如需更正，请联系发改局重新开启")
    return meta


@login_required
@require_POST
def upload_template(request: HttpRequest, region: str, year: int, month: int, kind: str) -> HttpResponse:
    place = region_by_code(region)
    check_month(year, month)
    require(kind in PAGES and bool(own_parties(request.user, place, kind)))
    upload = request.FILES.get("workbook")
    if upload is None:
        messages.error(request, "请选择填好的 Excel 模板（.xlsx）")
        return redirect(PAGES[kind], region=place.code, year=year, month=month)
    with tempfile.TemporaryDirectory(prefix="devplan-upload-") as folder:
        path = Path(folder) / Path(upload.name or "upload.xlsx").name
        path.write_bytes(upload.read())
        try:
            meta = _checked_meta(request, place, path)
            with transaction.atomic():
                result = import_workbook(path)
                record_action(request, "excel.import", None, {
                    "file": path.name, "kind": meta.kind, "party": meta.party, "period": meta.period,
                    "rows": result.rows,
                })
        except DevplanError as exc:
            messages.error(request, exc.sentence())
        else:
            messages.success(request, result.sentence())
    return redirect(PAGES[kind], region=place.code, year=year, month=month)

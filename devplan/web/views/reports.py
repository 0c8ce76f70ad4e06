"""The reports page: generate and download the execution report (Word, PDF, HTML), its attachments (Excel)
and the monthly briefing, through devplan.reports — the same code as `devplan report` and `devplan brief`."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from devplan.accounts.access import region_access
from devplan.regions.models import Region
from devplan.reports.brief import build_brief
from devplan.reports.cache import built, ready
from devplan.reports.execution import build_report
from devplan.reports.service import write_documents
from devplan.web.limits import Busy, expensive_slot, server_dir, too_busy
from devplan.web.periods import check_month, default_period, home_region, region_by_code
from devplan.web.views.common import require

# file name → (label, whether it comes from the briefing)
FILES = {
    "report.docx": ("计划执行情况报告（Word）", False),
    "report.pdf": ("计划执行情况报告（PDF）", False),
    "report.html": ("计划执行情况报告（网页）", False),
    "attachments.xlsx": ("附件表（Excel）", False),
    "brief.docx": ("月度经济运行简报（Word）", True),
    "brief.pdf": ("月度经济运行简报（PDF）", True),
}


@login_required
def reports_default(request: HttpRequest) -> HttpResponse:
    region = home_region(request.user)
    year, month = default_period(region)
    return redirect("web:reports", region=region.code, year=year, month=month)


@login_required
def reports_page(request: HttpRequest, region: str, year: int, month: int) -> HttpResponse:
    place = region_by_code(region)
    check_month(year, month)
    require(region_access(request.user, place).read)
    folder = server_dir("reports")
    return render(request, "web/reports.html", {
        "region": place, "year": year, "month": month, "files": FILES.items(),
        "report_ready": ready(folder, _key(place, year, month, False)) is not None,
        "brief_ready": ready(folder, _key(place, year, month, True)) is not None,
    })


def _key(place: Region, year: int, month: int, is_brief: bool) -> str:
    return f"brief-{place.pk}-{year}-{month}" if is_brief else f"report-{place.pk}-{year}"


@login_required
def report_file(request: HttpRequest, region: str, year: int, month: int,
                name: str) -> FileResponse | HttpResponse:
    """Send one of the documents, built once per data version (devplan.reports.cache) and kept on disk. Only
    a build is an expensive request (one slot per user and DEVPLAN_EXPENSIVE_AT_ONCE on the server); a copy
    already built is sent like any page."""
    place = region_by_code(region)
    check_month(year, month)
    require(region_access(request.user, place).read)
    if name not in FILES:
        raise Http404(f"没有名为“{name}”的文件")
    is_brief = FILES[name][1]

    def build(folder: Path) -> None:
        if is_brief:
            write_documents(build_brief(place, year, month), folder, html=False, xlsx=False)
        else:
            write_documents(build_report(place, year), folder)

    key = _key(place, year, month, is_brief)
    folder = ready(server_dir("reports"), key)
    if folder is None:
        try:
            with expensive_slot(request.user):
                folder = built(server_dir("reports"), key, build)
        except Busy as busy:
            return too_busy(request, busy)
    period = f"{year}年{month}月" if is_brief else f"{year}年"
    return FileResponse((folder / name).open("rb"), as_attachment=True, filename=f"{place.name}{period}{name}")

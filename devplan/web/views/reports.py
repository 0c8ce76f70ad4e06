"""The reports page: generate and download the execution report (Word, PDF, HTML), its attachments (Excel)
and the monthly briefing, through devplan.reports — the same code as `devplan report` and `devplan brief`."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from devplan.accounts.access import region_access
from devplan.lib.errors import DevplanError
from devplan.regions.models import Region
from devplan.reports.downloads import brief_files, is_building, is_built, last_seconds, report_files
from devplan.reports.scope import months_with_figures, years_with_data
from devplan.web.limits import Busy, expensive_slot, too_busy
from devplan.web.periods import (
    check_come,
    check_month,
    chosen_month,
    default_period,
    home_region,
    region_by_code,
)
from devplan.web.views.common import require

# file name → (label, whether it comes from the briefing, the document's name in a saved file's name)
FILES = {
    "report.docx": ("计划执行情况报告（Word）", False, "计划执行情况报告"),
    "report.pdf": ("计划执行情况报告（PDF）", False, "计划执行情况报告"),
    "report.html": ("计划执行情况报告（网页）", False, "计划执行情况报告"),
    "attachments.xlsx": ("附件表（Excel）", False, "计划执行情况报告附件"),
    "brief.docx": ("月度经济运行简报（Word）", True, "经济运行简报"),
    "brief.pdf": ("月度经济运行简报（PDF）", True, "经济运行简报"),
}


BUILDING = "该文档正在生成：请几秒钟后再试"


def site_url(request: HttpRequest) -> str:
    """The address the report's HTML links its numbers to: DEVPLAN_SITE_URL when set, else the site this
    request was made to (each such site has its own built copy, `downloads.report_files`)."""
    return settings.DEVPLAN_SITE_URL or request.build_absolute_uri("/")


def download_name(place: Region, year: int, month: int, name: str) -> str:
    """"湘乡市2023年计划执行情况报告.pdf", "湘乡市2023年10月经济运行简报.pdf"."""
    _label, is_brief, document = FILES[name]
    period = f"{year}年{month}月" if is_brief else f"{year}年"
    return f"{place.name}{period}{document}{Path(name).suffix}"


@login_required
def reports_default(request: HttpRequest) -> HttpResponse:
    """The user's region and latest month, or the year and month chosen on the page (?period=YYYY-MM)."""
    code, period = request.GET.get("region"), request.GET.get("period")
    region = region_by_code(code) if code else home_region(request.user)
    year, month = chosen_month(period, "报告期") if period else default_period(region)
    return redirect("web:reports", region=region.code, year=year, month=month)


@login_required
def reports_page(request: HttpRequest, region: str, year: int, month: int) -> HttpResponse:
    place = region_by_code(region)
    check_month(year, month)
    require(region_access(request.user, place).read)
    years = years_with_data(place)
    months = months_with_figures(place, year)
    return render(request, "web/reports.html", {
        "region": place, "year": year, "month": month, "files": FILES.items(),
        # Only the years and months with data are offered; a document without any is not offered at all. A
        # year with a report but no monthly figure has one entry, the month shown when it is this page's.
        "periods": [(y, m) for y in years
                    for m in (months_with_figures(place, y)[::-1] or [month if y == year else 12])],
        "years": years, "months": months, "has_report": year in years, "has_brief": bool(months),
        "report_ready": is_built(place, year, month, False, site_url(request)),
        "brief_ready": is_built(place, year, month, True),
        "report_takes": build_time(last_seconds("report")),
        "brief_takes": build_time(last_seconds("brief")),
    })


def build_time(seconds: float | None) -> str:
    """What the first download may take, from the last build on this server (the machine's load decides it,
    so no fixed promise): "上次生成用时约 30 秒", "上次生成用时约 2 分钟"; without a build yet, "可能需要半分钟左右"."""
    if seconds is None:
        return "可能需要半分钟左右"
    if seconds < 60:
        return f"上次生成用时约 {max(5, 5 * round(seconds / 5))} 秒"
    return f"上次生成用时约 {round(seconds / 60)} 分钟"


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
    if is_brief:  # in the page's words, not `devplan brief`'s (--month：…)
        check_come(year, month, field="简报月份")
    site = site_url(request)

    def files() -> Path:
        return brief_files(place, year, month) if is_brief else report_files(place, year, site)

    try:
        if is_built(place, year, month, is_brief, site):
            folder = files()
        elif is_building(place, year, month, is_brief, site):
            # A second click (or another reader) while it is built: say so, rather than take a worker to wait.
            raise Busy(BUILDING)
        else:
            with expensive_slot(request.user):
                folder = files()
    except Busy as busy:
        return too_busy(request, busy)
    except DevplanError as exc:
        raise Http404(exc.sentence()) from None  # no data for that year, or a year no door accepts
    return FileResponse((folder / name).open("rb"), as_attachment=True,
                        filename=download_name(place, year, month, name))

"""Monthly data entry for a department: its own indicators only, last month and last year beside each
field, warnings for unlikely values (checked as the user types, via htmx), save as draft or submit.

Fields are named `value_<code>`, `growth_<code>`, `note_<code>`; a posted code the user's department is
not responsible for is refused with 403. Saving is all or nothing: one bad value saves none.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from devplan.accounts.access import indicator_access, user_departments
from devplan.collection import workflow
from devplan.collection.checks import Beside, beside, parse_decimal, plain, warnings_for
from devplan.collection.models import Submission
from devplan.indicators.models import Indicator
from devplan.lib.errors import DevplanError
from devplan.regions.models import Region
from devplan.web.periods import check_month, default_period, home_region, indicator_by_code, region_by_code
from devplan.web.views.common import period_context, require

PREFIXES = ("value_", "growth_", "note_")


@dataclass(frozen=True)
class Entry:
    indicator: Indicator
    submission: Submission | None
    beside: Beside
    value: str
    growth: str
    note: str
    warnings: list[str]

    @property
    def editable(self) -> bool:
        return self.submission is None or self.submission.is_editable


@dataclass(frozen=True)
class Posted:
    indicator: Indicator
    value: Decimal | None
    growth_pct: Decimal | None
    note: str


def _text(number: Decimal | None) -> str:
    return "" if number is None else plain(number)


def _entries(region: Region, indicators: list[Indicator], year: int, month: int, data: QueryDict | None) -> list[Entry]:
    existing = {
        s.indicator_id: s for s in Submission.objects.filter(region=region, year=year, month=month)
    }
    entries = []
    for indicator in indicators:
        submission = existing.get(indicator.pk)
        value = data.get(f"value_{indicator.code}") if data else _text(submission.value) if submission else ""
        growth = data.get(f"growth_{indicator.code}") if data else _text(submission.growth_pct) if submission else ""
        note = data.get(f"note_{indicator.code}") if data else submission.note if submission else ""
        try:
            found = warnings_for(
                region, indicator, year, month, parse_decimal(value, "累计值"), parse_decimal(growth, "同比增长")
            )
        except DevplanError as exc:
            found = [exc.sentence()]
        entries.append(Entry(indicator, submission, beside(region, indicator, year, month), value or "",
                             growth or "", note or "", found))
    return entries


def _own_indicators(request: HttpRequest, region: Region) -> list[Indicator]:
    departments = user_departments(request.user, region)
    require(bool(departments), "只有填报部门的账户可以填报数据")
    return list(
        Indicator.objects.filter(responsibility__region=region, responsibility__department__in=departments)
        .order_by("sort_order", "code")
    )


def _posted(request: HttpRequest, region: Region) -> list[Posted]:
    codes = sorted({key.split("_", 1)[1] for key in request.POST if key.startswith(PREFIXES)})
    rows = []
    for code in codes:
        indicator = indicator_by_code(code)
        require(indicator_access(request.user, region, indicator).write)
        value = parse_decimal(request.POST.get(f"value_{code}"), f"{indicator.name}的累计值")
        growth = parse_decimal(request.POST.get(f"growth_{code}"), f"{indicator.name}的同比增长")
        note = request.POST.get(f"note_{code}", "").strip()
        if value is not None or growth is not None or note:
            rows.append(Posted(indicator, value, growth, note))
    return rows


def _save(request: HttpRequest, region: Region, year: int, month: int, rows: list[Posted], send: bool) -> int:
    with transaction.atomic():
        for row in rows:
            draft = workflow.save_draft(
                request, region, row.indicator, year, month, value=row.value, growth_pct=row.growth_pct, note=row.note
            )
            if send:
                workflow.submit(request, draft)
    return len(rows)


@login_required
def submit_default(request: HttpRequest) -> HttpResponse:
    region = home_region(request.user)
    year, month = default_period(region)
    return redirect("web:submit", region=region.code, year=year, month=month)


@login_required
def submit_page(request: HttpRequest, region: str, year: int, month: int) -> HttpResponse:
    place = region_by_code(region)
    check_month(year, month)
    indicators = _own_indicators(request, place)
    data = None
    if request.method == "POST":
        send = request.POST.get("action") == "submit"
        try:
            count = _save(request, place, year, month, _posted(request, place), send)
        except DevplanError as exc:
            messages.error(request, f"未保存任何数据：{exc.sentence()}")
            data = request.POST
        else:
            messages.success(request, f"已{'提交' if send else '保存草稿'} {count} 项指标。" if count else "没有填写任何数据。")
            return redirect("web:submit", region=place.code, year=year, month=month)
    return render(request, "web/submit.html", {
        "region": place,
        "departments": user_departments(request.user, place),
        "entries": _entries(place, indicators, year, month, data),
        "locked": workflow.is_locked(place, year, month),
        **period_context(year, month),
    })


@login_required
@require_POST
def check_entry(request: HttpRequest, region: str, year: int, month: int, code: str) -> HttpResponse:
    """The htmx fragment of warnings for one field as the user types."""
    place = region_by_code(region)
    check_month(year, month)
    indicator = indicator_by_code(code)
    require(indicator_access(request.user, place, indicator).write)
    entry = _entries(place, [indicator], year, month, request.POST)[0]
    return render(request, "web/_warnings.html", {"entry": entry})

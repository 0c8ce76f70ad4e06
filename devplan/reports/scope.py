"""Which documents can be written: a year every door accepts (DEVPLAN_YEAR_MIN—MAX, the write door's own
check), a region and year holding a plan or figures, and a brief's as-of time from the end of its month up to
now. The report and brief builders refuse anything else with one sentence, on the command line and the web
alike, rather than write pages of headings with nothing under them; the reports page offers only the years
and months with data."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.utils import timezone

from devplan.indicators.models import Figure, Target
from devplan.lib.errors import DevplanError
from devplan.lib.periods import end_of_month
from devplan.projects.models import AnnualPlan, PlanTotal
from devplan.recording.checks import year_problem
from devplan.recording.clock import check_past
from devplan.regions.models import Region
from devplan.reports.models import NarrativeBlock


def years_with_data(region: Region) -> list[int]:
    """The years for which the region holds targets, figures, narrative or a project plan, newest first."""
    years: set[int] = set()
    for model in (Target, Figure, NarrativeBlock, PlanTotal):
        years.update(model.objects.filter(region=region).values_list("year", flat=True).distinct())
    years.update(AnnualPlan.objects.filter(project__region=region).values_list("year", flat=True).distinct())
    return sorted(years, reverse=True)


def months_with_figures(region: Region, year: int) -> list[int]:
    """The months of the year holding a main indicator's figure for the region (a brief's data months)."""
    months = Figure.objects.filter(region=region, year=year, indicator__is_main=True).values_list("month", flat=True)
    return sorted(set(months))


def check_year(year: int) -> None:
    problem = year_problem(year)
    if problem is not None:
        raise DevplanError(problem)


def check_report(region: Region, year: int) -> None:
    """Refuse a report on a year outside the accepted years or without any plan or figure of the region."""
    check_year(year)
    if year not in years_with_data(region):
        raise DevplanError(f"{region.name}{year}年没有计划目标、指标数据、报告文字或重点项目，无法生成报告："
                           f"请先录入该年的数据，或选择有数据的年份")


def check_brief(region: Region, year: int, month: int, as_of: datetime | None) -> None:
    """Refuse a brief on a year without figures, on a month not yet come or as known in the future (as every
    read door refuses them, `recording.clock.check_past`), or as known before its month ended (its figures
    cannot be known yet)."""
    check_year(year)
    check_past(year, month, as_of, field="--month", as_of_field="--as-of")
    if as_of is not None:
        end = end_of_month(year, month, settings.TIME_ZONE)
        if as_of < end:
            raise DevplanError(f"{year}年{month}月的简报只能按该月结束以后已知的数据编写：--as-of 应不早于"
                               f"{timezone.localtime(end):%Y-%m-%d}")
    if not Figure.objects.filter(region=region, year=year, indicator__is_main=True).exists():
        raise DevplanError(f"{region.name}{year}年没有主要指标数据，无法生成简报：请先录入数据，或选择有数据的年份")

"""Reading the project registry and appending monthly progress."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import F, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from devplan.lib.errors import NotFound
from devplan.projects.models import AnnualPlan, Category, Progress
from devplan.regions.models import Region
from devplan.revisions import Revision


def find_category(code_or_name: str) -> Category:
    key = code_or_name.strip()
    category = Category.objects.filter(Q(code=key) | Q(name=key)).first()
    if category is None:
        names = "、".join(Category.objects.values_list("name", flat=True))
        raise NotFound(f"没有名为“{key}”的项目分类；可用的分类：{names or '（尚无，请先运行 devplan init --demo）'}")
    return category


def plans_for(region: Region, year: int) -> QuerySet[AnnualPlan]:
    """The year's planned projects of a region, with what the views need loaded."""
    return (
        AnnualPlan.objects.filter(project__region=region, year=year)
        .select_related("project", "project__department")
        .prefetch_related("project__categories", "project__milestones")
        .order_by("project__ref")
    )


def latest_per[R: Revision](queryset: QuerySet[R], key: str, through_month: int | None) -> dict[Any, R]:
    """Per value of `key`: the latest revision of the latest month up to `through_month` (all months when None).
    Serves the month-by-month series of projects: progress reports, Excel forms."""
    if through_month is not None:
        queryset = queryset.filter(month__lte=through_month)
    # Ranked in the database: only the latest rows are read (a region's year of progress is thousands of
    # revisions, of which a report prints one per project).
    newest = Window(RowNumber(), partition_by=[F(key)], order_by=[F("month").desc(), F("revision").desc()])
    return {getattr(row, key): row for row in queryset.annotate(newest=newest).filter(newest=1).order_by(key)}


def year_progress(region: Region, year: int, as_of: datetime | None = None) -> QuerySet[Progress]:
    """Every revision of the region's project progress in `year` known at `as_of` (all when None)."""
    rows = Progress.objects.filter(project__region=region, year=year)
    return rows if as_of is None else rows.filter(known_at__lte=as_of)


def latest_progress(region: Region, year: int, through_month: int, as_of: datetime | None = None) -> dict[int, Progress]:
    """Per project id: its latest revision of the latest month reported up to `through_month`, as known at
    `as_of` (now when None)."""
    return latest_per(year_progress(region, year, as_of), "project_id", through_month)


def latest_reported_month(region: Region, year: int, as_of: datetime | None = None) -> int | None:
    months = year_progress(region, year, as_of).values_list("month", flat=True)
    return max(months, default=None)

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from devplan.projects.models import AnnualPlan, Category, PlanTotal, Progress, Project


class RevisionAdmin(admin.ModelAdmin):
    """Revisions are appended through the services and templates, never edited or deleted in place."""

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind"]
    list_filter = ["kind"]


class AnnualPlanInline(admin.TabularInline):
    model = AnnualPlan
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["ref", "name", "owner", "status", "total_investment", "illustrative"]
    list_filter = ["region", "status", "categories", "illustrative"]
    search_fields = ["ref", "code", "name", "owner"]
    filter_horizontal = ["categories"]
    inlines = [AnnualPlanInline]

    def save_model(self, request: HttpRequest, obj: Project, form: Any, change: bool) -> None:
        """Every change of the registry row counts as a new version, so an API editor holding the older one
        gets 409 rather than overwriting this change."""
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)


@admin.register(Progress)
class ProgressAdmin(RevisionAdmin):
    list_display = ["project", "year", "month", "revision", "completed_investment", "reported_by", "illustrative"]
    list_filter = ["year", "month"]


@admin.register(PlanTotal)
class PlanTotalAdmin(admin.ModelAdmin):
    list_display = ["region", "year", "category", "project_count", "total_investment", "planned_investment"]

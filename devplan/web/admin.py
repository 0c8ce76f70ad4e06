"""The Django admin for master data: regions, departments, indicators and who owns them, targets and figures,
deadlines. Targets and figures are append-only revisions: the admin can add a new revision (through
`append_revision`, numbered after the latest) and read the history, never edit or delete one."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from devplan.collection.models import Deadline, PeriodLock, Submission
from devplan.indicators.models import Indicator, Responsibility, Target
from devplan.regions.models import Department, Region
from devplan.revisions import append_revision

REVISION_FIELDS = ("revision", "recorded_at", "recorded_by", "recorded_by_name")


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "name")


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "region")
    list_filter = ("region",)
    search_fields = ("name",)


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "unit", "quantity", "is_main", "sort_order")
    list_filter = ("is_main", "quantity")
    search_fields = ("code", "name")


@admin.register(Responsibility)
class ResponsibilityAdmin(admin.ModelAdmin):
    list_display = ("indicator", "department", "region")
    list_filter = ("region", "department")


class AppendOnlyAdmin(admin.ModelAdmin):
    """Add a revision or read one; no change, no delete."""

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return REVISION_FIELDS
        return [f.name for f in self.model._meta.fields]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        identity = {name: getattr(obj, name) for name in self.model.identity_fields}
        fields = {
            f.name: getattr(obj, f.name)
            for f in self.model._meta.concrete_fields
            if f.name not in (*identity, "id", "revision") and not f.primary_key
        }
        fields["recorded_by"] = request.user
        stored = append_revision(self.model, identity, fields)
        obj.pk, obj.revision = stored.pk, stored.revision


@admin.register(Target)
class TargetAdmin(AppendOnlyAdmin):
    list_display = ("region", "indicator", "year", "revision", "kind", "value", "qualifier", "adjusted", "recorded_at")
    list_filter = ("region", "year", "kind", "adjusted")
    search_fields = ("indicator__name", "indicator__code")


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    list_display = ("region", "year", "month", "due")
    list_filter = ("region", "year")


class ReadOnlyAdmin(admin.ModelAdmin):
    """Written only by the collection workflow (so that each step is logged); read here."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ("region", "indicator", "year", "month", "status", "value", "growth_pct", "submitted_by", "reviewed_by")
    list_filter = ("status", "region", "year", "month")


@admin.register(PeriodLock)
class PeriodLockAdmin(ReadOnlyAdmin):
    list_display = ("region", "year", "month", "event", "reason", "by", "at")
    list_filter = ("region", "event")

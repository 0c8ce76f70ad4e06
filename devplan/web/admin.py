"""The Django admin for master data: regions, departments, indicators and who owns them, targets, deadlines,
and the read-only records of the collection. Targets are append-only revisions: the admin adds a new one
through the one door (`devplan.recording`, door "admin": the same rules, a change set naming the admin) and
reads the history, never edits or deletes one."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from devplan.collection.models import Deadline, PeriodLock, Submission
from devplan.indicators.models import Indicator, Responsibility, Target
from devplan.measures.models import MeasureResponsibility
from devplan.recording.actors import Actor
from devplan.recording.admin import ReadOnlyAdmin
from devplan.recording.checks import static
from devplan.recording.models import Door
from devplan.recording.rows import TargetRow
from devplan.recording.service import write
from devplan.regions.models import Department, Region

REVISION_FIELDS = ("revision", "change_set", "known_at")


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


@admin.register(MeasureResponsibility)
class MeasureResponsibilityAdmin(admin.ModelAdmin):
    """Which department reports a series of 争资争项 or 招商引资 (`kind` funds or attraction, `measure` its
    code): its figures then come as that department's submissions."""

    list_display = ("kind", "measure", "department", "region")
    list_filter = ("region", "kind", "department")


class AppendOnlyAdmin(admin.ModelAdmin):
    """Add a revision through the one door or read one; no change, no delete."""

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return REVISION_FIELDS
        return [f.name for f in self.model._meta.fields]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change, **kwargs)

        class Checked(form):  # type: ignore[misc, valid-type]
            """The rules of the one door, shown on the form instead of failing at save."""

            def clean(self) -> dict[str, Any]:
                data = super().clean()
                if not self.errors:
                    problems = [p.message for p in static(_target_row(data)).problems]
                    if problems:
                        raise ValidationError(problems)
                return data

        return Checked

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        row = _target_row({name: getattr(obj, name) for name in (*TARGET_FIELDS, "region", "indicator", "year")})
        outcome = write(Actor.of_request(request, Door.ADMIN), [row], reason="管理后台新增目标修订")
        stored = outcome.revisions[0] if outcome.revisions else Target.objects.filter(**row.identity()).order_by("-revision").first()
        obj.pk, obj.revision = stored.pk, stored.revision  # type: ignore[union-attr]


TARGET_FIELDS = ("kind", "value", "unit", "qualifier", "step_with", "adjusted", "source")


def _target_row(data: dict[str, Any]) -> TargetRow:
    raw = {name: data.get(name) for name in TARGET_FIELDS}
    return TargetRow(data["region"], data["indicator"], data["year"], raw)


@admin.register(Target)
class TargetAdmin(AppendOnlyAdmin):
    list_display = ("region", "indicator", "year", "revision", "kind", "value", "qualifier", "adjusted", "change_set")
    list_filter = ("region", "year", "kind", "adjusted")
    search_fields = ("indicator__name", "indicator__code")


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    list_display = ("region", "year", "month", "due")
    list_filter = ("region", "year")


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ("region", "indicator", "year", "month", "status", "value", "growth_pct", "submitted_by", "reviewed_by")
    list_filter = ("status", "region", "year", "month")


@admin.register(PeriodLock)
class PeriodLockAdmin(ReadOnlyAdmin):
    list_display = ("region", "year", "month", "event", "reason", "by", "at")
    list_filter = ("region", "event")

from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from devplan.projects.models import AnnualPlan, Category, PlanTotal, Progress, Project
from devplan.recording.actors import Actor
from devplan.recording.admin import ReadOnlyAdmin, ReadOnlyInline
from devplan.recording.models import Door
from devplan.recording.registry import EDITABLE, checked_values, edit_project
from devplan.recording.rules import Rejected


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind"]
    list_filter = ["kind"]


class AnnualPlanInline(ReadOnlyInline):
    """A project's annual plans (年计划投资), read here only: progress is judged against them
    (`progress_within_plan`), and no door of the recording service writes them, so no change set would say
    who changed one and why."""

    model = AnnualPlan
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["ref", "name", "owner", "status", "total_investment", "illustrative"]
    list_filter = ["region", "status", "categories", "illustrative"]
    search_fields = ["ref", "code", "name", "owner"]
    filter_horizontal = ["categories"]
    inlines = [AnnualPlanInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        """A registered project's identity stays; its registry fields change through the one door."""
        if obj is None:
            return ("version",)
        return [f.name for f in Project._meta.fields if f.name not in EDITABLE]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change, **kwargs)

        class Checked(form):  # type: ignore[misc, valid-type]
            """The registry's rules, shown on the form instead of failing at save."""

            def clean(self) -> dict[str, Any]:
                data = super().clean()
                if not self.errors:
                    project = obj if obj is not None else Project(region=data.get("region"))
                    try:
                        checked_values(project, _changes(self, data))
                    except Rejected as rejected:
                        raise ValidationError([p.message for p in rejected.problems]) from None
                return data

        return Checked

    def save_model(self, request: HttpRequest, obj: Project, form: Any, change: bool) -> None:
        """A new project is registered as entered; a change is an edit through the one door (a new version
        and a change set naming the admin; an API editor holding the older version gets 409)."""
        if not change:
            super().save_model(request, obj, form, change)
            return
        fresh = edit_project(Actor.of_request(request, Door.ADMIN), obj, obj.version, _changes(form, form.cleaned_data))
        obj.version = fresh.version


def _changes(form: Any, data: dict[str, Any]) -> dict[str, Any]:
    """The registry fields the admin changed, as the registry's rules read them (a department by name)."""
    changed = {name: data.get(name) for name in form.changed_data if name in EDITABLE}
    department = changed.get("department")
    if department is not None:
        changed["department"] = department.name
    return changed


@admin.register(Progress)
class ProgressAdmin(ReadOnlyAdmin):
    list_display = ["project", "year", "month", "revision", "completed_investment", "reported_by", "illustrative"]
    list_filter = ["year", "month"]


@admin.register(PlanTotal)
class PlanTotalAdmin(ReadOnlyAdmin):
    """The totals the plan states (reports cite them beside the registry's sums): the plan's own words, read
    here only, as a task's target."""

    list_display = ["region", "year", "category", "project_count", "total_investment", "planned_investment"]

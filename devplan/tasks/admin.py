from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from devplan.measures.admin import MeasureAdmin
from devplan.tasks.models import Task, TaskProgress

# What the plan says of a task — its target, how it is judged, its unit — is the plan's own word: it is judged
# against, so it is not edited here, where no change set would record it (as a project's registry fields).
PLAN_FIELDS = ("region", "year", "code", "kind", "target", "unit", "qualifier", "source")


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["title", "department", "year", "target", "unit", "qualifier", "kind"]
    list_filter = ["region", "year", "department", "kind"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        """A new task is registered whole; a registered one keeps the plan's target (title, department and
        order stay editable)."""
        return () if obj is None else PLAN_FIELDS


admin.site.register(TaskProgress, MeasureAdmin)

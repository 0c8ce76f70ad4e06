from django.contrib import admin

from devplan.measures.admin import MeasureAdmin
from devplan.recording.admin import ReadOnlyAdmin
from devplan.tasks.models import Task, TaskProgress


@admin.register(Task)
class TaskAdmin(ReadOnlyAdmin):
    """What the plan says of a task — its title, target, unit, how it is judged, its department — is the plan's
    own word: progress is judged against it and its department submits for it, and no change set would record
    an edit here (as a project's annual plans). Read only."""

    list_display = ["title", "department", "year", "target", "unit", "qualifier", "kind"]
    list_filter = ["region", "year", "department", "kind"]


admin.site.register(TaskProgress, MeasureAdmin)

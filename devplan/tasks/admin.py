from django.contrib import admin

from devplan.recording.admin import ReadOnlyAdmin
from devplan.tasks.models import Task, TaskProgress


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["title", "department", "year", "target", "unit", "qualifier", "kind"]
    list_filter = ["region", "year", "department", "kind"]


@admin.register(TaskProgress)
class TaskProgressAdmin(ReadOnlyAdmin):
    list_display = ["task", "month", "revision", "value", "reported_by"]

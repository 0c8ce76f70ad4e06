from django.contrib import admin

from devplan.measures.admin import MeasureAdmin
from devplan.tasks.models import Task, TaskProgress


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["title", "department", "year", "target", "unit", "qualifier", "kind"]
    list_filter = ["region", "year", "department", "kind"]


admin.site.register(TaskProgress, MeasureAdmin)

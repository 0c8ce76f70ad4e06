from django.contrib import admin

from devplan.supervision.models import Item, Step


class StepInline(admin.TabularInline):
    model = Step
    extra = 0
    can_delete = False
    readonly_fields = ("action", "text", "by_name", "at")
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    """Read only: items change through the 督办 pages (`supervision.workflow`), which keep every step."""

    list_display = ("subject_name", "region", "year", "assignee", "deadline", "state", "proposed")
    list_filter = ("state", "kind", "proposed")
    inlines = [StepInline]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

"""The admin's view of what the one door writes: revisions, submissions, locks and change sets are read here
and written only through `devplan.recording` (so that every write has its rules, lock check and change set)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from devplan.recording.models import ChangeSet


class ReadOnly:
    """Listed and read; added, changed or deleted only through the one door (or, for what no door writes —
    the plan's own words: annual plans, stated totals, tasks —, by the loaders that read the plan)."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyAdmin(ReadOnly, admin.ModelAdmin):
    pass


class ReadOnlyInline(ReadOnly, admin.TabularInline):
    pass


@admin.register(ChangeSet)
class ChangeSetAdmin(ReadOnlyAdmin):
    list_display = ("id", "at", "actor_name", "door", "rows", "file_name", "reason")
    list_filter = ("door",)

"""Memberships are edited in the admin; the audit log is only read there."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from devplan.accounts.models import AuditLog, Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "region", "department", "owner_unit")
    list_filter = ("role", "region")
    search_fields = ("user__username", "owner_unit", "department__name")


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    list_display = ("at", "username", "action", "object_repr", "ip_address")
    list_filter = ("action",)
    search_fields = ("username", "object_repr")
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

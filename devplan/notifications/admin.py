from django.contrib import admin

from devplan.notifications.models import Delivery, Notification


class ReadOnly(admin.ModelAdmin):
    """Read only: notifications and deliveries are written by `devplan worker` alone."""

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Notification)
class NotificationAdmin(ReadOnly):
    list_display = ("created_at", "recipient", "kind", "subject", "planned", "digest")
    list_filter = ("kind", "planned")
    search_fields = ("subject", "recipient__username")


@admin.register(Delivery)
class DeliveryAdmin(ReadOnly):
    """Where a message stands on a channel: sent, waiting for its next attempt, or given up (and why)."""

    list_display = ("pk", "channel", "notification", "digest", "attempts", "next_attempt_at", "sent_at", "last_error")
    list_filter = ("channel", ("sent_at", admin.EmptyFieldListFilter), ("next_attempt_at", admin.EmptyFieldListFilter))

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "devplan.notifications"
    verbose_name = "通知与提醒"
    label = "notifications"

from __future__ import annotations

from django.urls import path

from devplan.notifications import views

app_name = "notifications"

urlpatterns = [path("notifications/", views.settings_page, name="settings")]

"""The site's URLs: each app brings its own."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("devplan.api.urls")),
    path("", include("devplan.web.urls")),
]

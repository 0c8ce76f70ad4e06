"""The site's URLs: each app brings its own."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "devplan 管理后台"
admin.site.site_title = "devplan 管理后台"
admin.site.index_title = "基础数据管理"

# The API answers JSON for every error, including addresses it does not have and failures outside a view.
handler400 = "devplan.web.limits.bad_request"
handler404 = "devplan.web.limits.not_found"
handler500 = "devplan.web.limits.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("favicon.ico", RedirectView.as_view(url="/static/web/favicon.svg", permanent=True)),
    path("", include("devplan.api.urls")),
    path("", include("devplan.web.urls")),
    path("", include("devplan.notifications.urls")),
]

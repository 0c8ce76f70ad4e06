from __future__ import annotations

from django.urls import path

from devplan.api.app import api, openapi_json

urlpatterns = [
    path("api/", api.urls),
    path("openapi.json", openapi_json, name="openapi-json"),
]

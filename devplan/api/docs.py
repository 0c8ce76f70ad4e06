"""A local API docs page rendered on the server from the OpenAPI description: no outside scripts, no CDN
(django-ninja's Swagger UI would load from a CDN)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

if TYPE_CHECKING:
    from ninja import NinjaAPI

METHODS = ("get", "post", "put", "patch", "delete")


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                op = item[method]
                rows.append({
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "parameters": [p["name"] for p in op.get("parameters", [])],
                    "responses": sorted(op.get("responses", {})),
                    "secured": bool(op.get("security")),
                })
    return rows


class LocalDocs(DocsBase):
    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        schema = api.get_openapi_schema(path_params=kwargs)
        return render(request, "api/docs.html", {"api": api, "operations": operations(schema)})

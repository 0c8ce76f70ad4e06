"""The answer to a login from a user or address that failed too often (django-axes' AXES_LOCKOUT_CALLABLE)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

LOCKED_STATUS = 429


def lockout_message() -> str:
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    return f"登录失败次数过多，账户已暂时锁定：请 {minutes} 分钟后再试，或联系管理员解锁"


def lockout_response(request: HttpRequest, original_response: Any = None, credentials: Any = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": lockout_message()}, status=LOCKED_STATUS)
    return render(request, "web/locked.html", {"message": lockout_message()}, status=LOCKED_STATUS)

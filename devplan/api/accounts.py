"""`POST /api/login` and `POST /api/logout`: a session cookie and the CSRF token to send back."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest
from django.middleware.csrf import get_token
from ninja import Router, Schema, Status

from devplan.accounts.access import memberships
from devplan.accounts.lockout import lockout_message
from devplan.api.errors import SESSION, Detail, errors
from devplan.api.payloads import Body, Text, refuse_body
from devplan.api.security import session

router = Router(tags=["登录"])


class Credentials(Body):
    username: Text
    password: Text


class Membership(Schema):
    role: str
    region: str
    department: str | None
    owner: str | None


class Session(Schema):
    csrf_token: str
    username: str
    roles: list[Membership]


def _same_origin(request: HttpRequest) -> bool:
    """Whether the Origin (or else the Referer), when the browser sent one, is this site or a trusted origin.

    A page elsewhere can make a browser post a form or a `text/plain` fetch here without either header
    being forged; with both checks it cannot log the victim in to an account of its choosing."""
    claimed = request.headers.get("Origin") or request.headers.get("Referer")
    if not claimed:
        return True  # a client that is not a browser (curl, scripts) sends neither
    parts = urlsplit(claimed)
    origin = f"{parts.scheme}://{parts.netloc}"
    return origin == f"{request.scheme}://{request.get_host()}" or origin in settings.CSRF_TRUSTED_ORIGINS


@router.post("/login", response={200: Session, **errors(400, 401, 403, 415, 422, 429)},
             summary="登录：设置会话 cookie，返回 csrf_token（须 Content-Type: application/json，浏览器须同源）")
def api_login(request: HttpRequest, credentials: Credentials) -> Any:
    if request.content_type != "application/json":
        return Status(415, {"detail": "登录请求须以 JSON 发送（Content-Type: application/json）"})
    if not _same_origin(request):
        return Status(403, {"detail": "登录请求来自其他网站（Origin/Referer 与本站不符），已拒绝"})
    user = authenticate(request, username=credentials.username, password=credentials.password)
    if user is None:
        if getattr(request, "axes_locked_out", False):
            return Status(429, {"detail": lockout_message()})
        return Status(401, {"detail": "用户名或密码不正确"})
    login(request, user)
    roles = [
        {"role": m.role, "region": m.region.code, "department": m.department.name if m.department else None,
         "owner": m.owner_unit or None}
        for m in memberships(user)
    ]
    return {"csrf_token": get_token(request), "username": user.get_username(), "roles": roles}


@router.post("/logout", auth=session, response={200: Detail, **errors(400, *SESSION, 422)}, summary="退出登录")
def api_logout(request: HttpRequest) -> Any:
    refuse_body(request)
    logout(request)
    return {"detail": "已退出登录"}

"""What every page view shares: refusing with 403, and the period navigation."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from devplan.recording.clock import current_month
from devplan.web.periods import neighbours

FORBIDDEN = "您无权查看或修改这项内容：它不属于您的部门或角色"


def require(allowed: bool, message: str = FORBIDDEN) -> None:
    if not allowed:
        raise PermissionDenied(message)


def period_context(year: int, month: int, *, ahead: bool = False) -> dict[str, object]:
    """The month and its neighbours for the page's ‹ › links; no link to a month not yet come, which the page
    does not show, unless it is one that looks `ahead` (the review page sets next month's deadline)."""
    nav = neighbours(year, month)
    following = nav["next"] if ahead or nav["next"] <= current_month() else None
    return {"year": year, "month": month, "previous": nav["previous"], "next": following}


def _sentence(exception: Exception | None, otherwise: str) -> str:
    """Our own sentence when the page raised one, otherwise `otherwise` — never Django's English (the name
    Resolver404, the URL patterns it tried, an "Invalid HTTP_HOST header")."""
    message = exception.args[0] if exception is not None and exception.args else None
    return message if isinstance(message, str) and message and not message.isascii() else otherwise


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 404 page: our own sentence ("没有这个月份") when the page raised one, otherwise a plain one."""
    return render(request, "404.html", {"message": _sentence(exception, "您要找的页面不存在。")}, status=404)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 400 page: what is wrong with the address ("报告期应为 YYYY-MM 格式的年月…") when the page said so."""
    return render(request, "400.html", {"message": _sentence(exception, "请求的格式不正确。")}, status=400)

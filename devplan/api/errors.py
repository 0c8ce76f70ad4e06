"""Every API error is JSON `{"detail": "one sentence"}` in Chinese, never a traceback."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from devplan.collection.workflow import WorkflowError
from devplan.lib.errors import DevplanError, NotFound

UNAUTHORIZED = "请先登录（POST /api/login），并在之后的请求中带上会话 cookie"
FORBIDDEN = "您无权查看或报送该指标：它不属于您所在的部门"


def _field_sentence(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors[:3]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "payload", "query"))
        parts.append(f"{where or '请求'}：{error.get('msg', '格式不对')}")
    return "请求的内容不符合要求（" + "；".join(parts) + "），请对照 /api/docs 修改后重试"


def install_error_handlers(api: NinjaAPI) -> None:
    def reply(request: HttpRequest, detail: str, status: int) -> HttpResponse:
        return api.create_response(request, {"detail": detail}, status=status)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return reply(request, UNAUTHORIZED, 401)

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return reply(request, _field_sentence(exc), 422)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        message = str(exc)
        if exc.status_code == 403 and "CSRF" in message:
            message = "缺少或错误的 CSRF 令牌：请在 X-CSRFToken 请求头中带上登录时返回的 csrf_token"
        return reply(request, message, exc.status_code)

    @api.exception_handler(NotFound)
    def not_found(request: HttpRequest, exc: NotFound) -> HttpResponse:
        return reply(request, exc.sentence(), 404)

    @api.exception_handler(WorkflowError)
    def conflict(request: HttpRequest, exc: WorkflowError) -> HttpResponse:
        return reply(request, exc.sentence(), 409)

    @api.exception_handler(DevplanError)
    def bad_input(request: HttpRequest, exc: DevplanError) -> HttpResponse:
        return reply(request, exc.sentence(), 422)

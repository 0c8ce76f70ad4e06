"""Every API error is JSON `{"detail": "one sentence"}` in Chinese, never a traceback, and every operation
declares the error statuses it can answer with (`errors(...)` in its `response={...}`), so that
/openapi.json describes every answer a client can get."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from devplan.lib.errors import DevplanError, NotFound
from devplan.recording.periods import WorkflowError
from devplan.recording.rules import Rejected
from devplan.recording.service import Forbidden

UNAUTHORIZED = "请先登录（POST /api/login），并在之后的请求中带上会话 cookie"
FORBIDDEN = "您无权查看或报送该指标：它不属于您所在的部门"
UNPARSABLE = "请求体不是有效的 JSON：请发送 Content-Type: application/json 的 JSON 对象，并对照 /api/docs 修改后重试"

# Session-authenticated operations answer 401 without a session and 403 without the CSRF token (or when the
# user may not touch the object); an operation with parameters or a body answers 422 to a value it cannot
# use, and one with a JSON body 400 to a body that is not JSON.
SESSION = (401, 403)


class Detail(Schema):
    """An error answer: one sentence saying what went wrong and what to do."""

    detail: str


def errors(*codes: int) -> dict[int, type[Detail]]:
    """The error statuses an operation answers with, each with a `Detail` body: for `response={...}`."""
    return dict.fromkeys(codes, Detail)


# Pydantic's messages for the mistakes a client makes most, in the API's language; others pass through.
_MESSAGES = {
    "missing": "缺少此项",
    "int_parsing": "应为整数", "int_type": "应为整数", "int_from_float": "应为整数",
    "float_parsing": "应为数字", "float_type": "应为数字",
    "string_type": "应为文字", "bool_parsing": "应为 true 或 false", "bool_type": "应为 true 或 false",
    "date_parsing": "应为 YYYY-MM-DD 格式的日期", "date_from_datetime_parsing": "应为 YYYY-MM-DD 格式的日期",
    "date_type": "应为 YYYY-MM-DD 格式的日期", "model_attributes_type": "应为 JSON 对象",
    "dict_type": "应为 JSON 对象", "list_type": "应为 JSON 数组",
}


def _message(error: dict[str, Any]) -> str:
    context = error.get("ctx") or {}
    if error.get("type") == "greater_than_equal":
        return f"应不小于 {context.get('ge')}"
    if error.get("type") == "less_than_equal":
        return f"应不大于 {context.get('le')}"
    return _MESSAGES.get(error.get("type", ""), error.get("msg", "格式不对"))


def _field_sentence(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors[:3]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "payload", "query", "path"))
        parts.append(f"{where or '请求'}：{_message(error)}")
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
        elif exc.status_code == 400 and message.startswith("Cannot parse request body"):
            message = UNPARSABLE
        return reply(request, message, exc.status_code)

    @api.exception_handler(NotFound)
    def not_found(request: HttpRequest, exc: NotFound) -> HttpResponse:
        return reply(request, exc.sentence(), 404)

    @api.exception_handler(Forbidden)
    def forbidden(request: HttpRequest, exc: Forbidden) -> HttpResponse:
        return reply(request, exc.sentence(), 403)

    @api.exception_handler(Rejected)
    def rejected(request: HttpRequest, exc: Rejected) -> HttpResponse:
        # The API names the JSON key a problem is about (the pages and files name their field or cell).
        first = exc.problems[0]
        more = f"（另有 {len(exc.problems) - 1} 处问题，见 problems）" if len(exc.problems) > 1 else ""
        body = {"detail": f"{first.field}：{first.message}{more}", "problems": [p.as_json() for p in exc.problems]}
        # A locked month is a conflict with the planners' decision, not a bad value (contract: 409).
        locked = all(p.rule == "period_open" for p in exc.problems)
        return api.create_response(request, body, status=409 if locked else 422)

    @api.exception_handler(WorkflowError)
    def conflict(request: HttpRequest, exc: WorkflowError) -> HttpResponse:
        return reply(request, exc.sentence(), 409)

    @api.exception_handler(DevplanError)
    def bad_input(request: HttpRequest, exc: DevplanError) -> HttpResponse:
        return reply(request, exc.sentence(), 422)

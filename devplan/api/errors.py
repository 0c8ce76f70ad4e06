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
    "extra_forbidden": "不是此接口的字段（是否拼错？可用的字段见 /api/docs）",
}


def _message(error: dict[str, Any]) -> str:
    context = error.get("ctx") or {}
    if error.get("type") == "greater_than_equal":
        return f"应不小于 {context.get('ge')}"
    if error.get("type") == "less_than_equal":
        return f"应不大于 {context.get('le')}"
    return _MESSAGES.get(error.get("type", ""), error.get("msg", "格式不对"))


# The tags pydantic adds to the location of an error of one member of a union ("value.int", "value.float",
# "value.function-after[_storable(), str]"): internal names, never shown.
_UNION_MEMBERS = {"int", "float", "decimal", "str", "bool", "none", "date", "datetime"}
_NUMBER_TYPES = {"int_type", "float_type", "int_parsing", "float_parsing", "decimal_type", "is_instance_of"}


def _is_member_tag(part: object) -> bool:
    return isinstance(part, str) and (part in _UNION_MEMBERS or "[" in part or part.startswith(("function-",
                                                                                              "constrained-")))


def _where(loc: tuple[Any, ...]) -> str:
    """The field an error is about as the client wrote it ("value", "items.0.value"): without where it was
    (body, query, path), the name of the operation's body parameter, or a union member's tag."""
    parts = list(loc)
    if parts[:1] == ["body"] and len(parts) > 2:
        parts = parts[2:]  # ("body", "observation", "value"): the client sent {"value": …}
    return shown_key(".".join(str(p) for p in parts
                              if p not in ("body", "payload", "query", "path") and not _is_member_tag(p)))


def shown_key(key: object, most: int = 40) -> str:
    """A field name as a message quotes it, which the client may have made up: control characters shown as
    "?", at most `most` characters (a megabyte-long key is not echoed back)."""
    text = "".join(c if c.isprintable() else "?" for c in str(key)[:most + 1])
    return text if len(text) <= most else text[:most] + "…"


def _field_sentence(exc: ValidationError) -> str:
    """One sentence naming each field that is wrong (at most three): a value that fits no member of a union
    (`"value": true` for a number) is one mistake of its field, said once."""
    found: dict[str, list[dict[str, Any]]] = {}
    for error in exc.errors:
        found.setdefault(_where(tuple(error.get("loc", ()))), []).append(error)
    parts = []
    for where, errors in list(found.items())[:3]:
        union = len(errors) > 1 and any(_is_member_tag(p) for e in errors for p in e.get("loc", ()))
        if union and any(e.get("type") in _NUMBER_TYPES for e in errors):
            said = "应为数字（如 12.70）"
        else:
            said = "；".join(dict.fromkeys(_message(e) for e in errors))
        parts.append(f"{where or '请求'}：{said}")
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

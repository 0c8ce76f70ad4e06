"""What one request may cost: a body over the limits is refused before it is read (413; JSON under /api/),
an upload is written to disk in chunks and checked (size, unpacked size) before anything parses it, and
each user may have only DEVPLAN_EXPENSIVE_PER_USER expensive requests (a report built, an audit, an Excel
upload) running at once across all of the server's worker processes (429)."""

from __future__ import annotations

import fcntl
import functools
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.html import escape
from django.views.defaults import server_error as django_server_error

from devplan.lib.limits import MB, check_file, check_size, limits_from
from devplan.lib.runtime import server_dir
from devplan.web.views.common import bad_request as page_bad_request
from devplan.web.views.common import not_found as page_not_found

MULTIPART_SLACK = 64 * 1024  # the form's other fields and the multipart boundaries around the file


def refusal(request: HttpRequest, sentence: str, status: int) -> HttpResponse:
    """One sentence: JSON `{"detail": …}` for the API, a small page for the web."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": sentence}, status=status, json_dumps_params={"ensure_ascii": False})
    page = (f'<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>devplan</title>'
            f"<p>{escape(sentence)}</p><p><a href=\"/\">返回首页</a></p></html>")
    return HttpResponse(page, status=status, content_type="text/html; charset=utf-8")


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        return refusal(request, "没有这个接口地址：请对照 /api/docs", 404)
    return page_not_found(request, exception)  # the site's own 404 page (one sentence, never Resolver404)


CSRF_FAILED = "页面已过期或缺少安全令牌，请刷新页面后重试"


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form posted without a valid security token (CSRF_FAILURE_VIEW): a visitor who is not signed in is sent
    to the login page as any other page sends them; a signed-in user sees one sentence in the site's page,
    not Django's page of developer advice."""
    if request.path.startswith("/api/"):
        return refusal(request, CSRF_FAILED, 403)
    if not request.user.is_authenticated and request.path != settings.LOGIN_URL:
        return redirect_to_login(request.get_full_path())
    return render(request, "403_csrf.html", {"message": CSRF_FAILED}, status=403)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        return refusal(request, API_ERRORS[400], 400)
    return page_bad_request(request, exception)  # the site's own 400 page, saying what is wrong


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return refusal(request, "服务器内部错误，已记录；请稍后重试或联系管理员", 500)
    return django_server_error(request)


class BodyLimitMiddleware:
    """Refuse by Content-Length alone: a 1 GB upload is never read into memory or onto disk."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if request.META.get("CONTENT_TYPE", "").startswith("multipart/"):
            limit, what = settings.DEVPLAN_UPLOAD_MAX_MB * MB + MULTIPART_SLACK, f"{settings.DEVPLAN_UPLOAD_MAX_MB} MB"
        else:
            limit, what = settings.DEVPLAN_API_BODY_MAX_KB * 1024, f"{settings.DEVPLAN_API_BODY_MAX_KB} KB"
        if length > limit:
            return refusal(request, f"请求内容有 {length / MB:.1f} MB，超过 {what} 的上限，未予读取：请上传填好的"
                                    "模板或报告正文本身，或分批提交数据", 413)
        return self.get_response(request)


API_ERRORS = {
    400: "请求格式不正确（如表单字段过多、多部分内容的分隔不对或主机名不被接受）：请按 /api/docs 发送 JSON",
    405: "此接口不支持 {method} 方法：请对照 /api/docs",
}


class ApiErrorsAsJson:
    """An error Django or a decorator answers in HTML (a 405 for DELETE, a 400 for a malformed multipart body
    or a foreign Host) becomes the API's one-sentence JSON under /api/: every API error is JSON."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        html = response.get("Content-Type", "").startswith("text/html")
        if request.path.startswith("/api/") and response.status_code >= 400 and html:
            sentence = API_ERRORS.get(response.status_code, "请求未能完成：请对照 /api/docs").format(method=request.method)
            answer = refusal(request, sentence, response.status_code)
            if response.has_header("Allow"):
                answer["Allow"] = response["Allow"]
            return answer
        return response


@contextmanager
def saved_upload(upload: Any, prefix: str) -> Iterator[Path]:
    """The uploaded file in a private temporary folder (removed afterwards), refused when it or what it
    unpacks to is over the limits — before anything parses it."""
    limits = limits_from(settings)
    name = Path(getattr(upload, "name", "") or "upload").name
    check_size(int(getattr(upload, "size", 0) or 0), name, limits)
    clear_stale_uploads()  # a worker killed mid-upload leaves its folder; the next upload clears it after an hour
    with tempfile.TemporaryDirectory(prefix=prefix, dir=server_dir("uploads")) as folder:
        path = Path(folder) / name
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        check_file(path, limits, name)
        yield path


STALE_UPLOAD_SECONDS = 3600


def clear_stale_uploads(now: float | None = None) -> int:
    """Remove upload temporaries left by a worker that was killed while reading a file (older than an hour,
    so that another server of the same database keeps those it is still reading); returns how many."""
    limit = (time.time() if now is None else now) - STALE_UPLOAD_SECONDS
    stale = [entry for entry in server_dir("uploads").iterdir() if entry.stat().st_mtime < limit]
    for entry in stale:
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    return len(stale)


class Busy(Exception):
    """No slot is free for an expensive request: the user's own, or the server's."""


@contextmanager
def _one_of(locks: list[Path]) -> Iterator[bool]:
    """Hold the first free one of `locks` (an flock, so all worker processes count together) for the block;
    False when every one is held."""
    for path in locks:
        handle = path.open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()
        return
    yield False


@contextmanager
def expensive_slot(user: Any) -> Iterator[None]:
    """Hold one of the user's DEVPLAN_EXPENSIVE_PER_USER slots and one of the server's
    DEVPLAN_EXPENSIVE_AT_ONCE: with fewer expensive requests at once than worker processes, a worker always
    stays free for the cheap ones (the status table, the pages), whoever downloads what."""
    folder = server_dir("slots")
    per_user = settings.DEVPLAN_EXPENSIVE_PER_USER
    with _one_of([folder / f"{user.pk}-{number}.lock" for number in range(per_user)]) as own:
        if not own:
            raise Busy(f"您已有 {per_user} 个报告生成、审核或上传正在进行：请等它们完成后再试")
        with _one_of([folder / f"server-{number}.lock" for number in range(settings.DEVPLAN_EXPENSIVE_AT_ONCE)]) as ours:
            if not ours:
                # Whose it is is not known here (it may be this user's own other document): say only what is.
                raise Busy("服务器正在生成其他报告或审核文件：请几秒钟后再试")
            yield


def too_busy(request: HttpRequest, busy: Busy) -> HttpResponse:
    """429 with the sentence saying whose slot is taken, and when to try again."""
    response = refusal(request, str(busy), 429)
    response["Retry-After"] = "3"
    return response


def expensive(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """A view that may take seconds: at most DEVPLAN_EXPENSIVE_PER_USER at once per user and
    DEVPLAN_EXPENSIVE_AT_ONCE on the server, else 429."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return view(request, *args, **kwargs)  # login_required answers first
        try:
            with expensive_slot(request.user):
                return view(request, *args, **kwargs)
        except Busy as busy:
            return too_busy(request, busy)

    return wrapped


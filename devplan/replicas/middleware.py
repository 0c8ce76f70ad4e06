"""Each request's database: a GET or HEAD request reads from a replica (`lag.choose`); any other request, and
every request of a client that wrote within DEVPLAN_READ_YOUR_WRITES_SECONDS, uses the primary.

A request that wrote (an unsafe method, or any write the router saw) answers with a signed cookie; its
signature carries the time, so the server alone decides when it has run out (Django's TimestampSigner)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from devplan.replicas import lag
from devplan.replicas.routing import RequestReads, current

COOKIE = "devplan_wrote"
SALT = "devplan.replicas.read-your-writes"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def wrote_recently(request: HttpRequest) -> bool:
    seconds = settings.DEVPLAN_READ_YOUR_WRITES_SECONDS
    return request.get_signed_cookie(COOKIE, default=None, salt=SALT, max_age=seconds) is not None


class ReadsFromReplicas:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        reads = RequestReads()
        if request.method not in SAFE_METHODS:
            reads.wrote = True
        elif wrote_recently(request):
            reads.pinned = True
        else:
            reads.alias = lag.choose()
        token = current.set(reads)
        try:
            response = self.get_response(request)
        finally:
            current.reset(token)
        if reads.wrote:
            response.set_signed_cookie(
                COOKIE, "1", salt=SALT, max_age=settings.DEVPLAN_READ_YOUR_WRITES_SECONDS, httponly=True,
                samesite="Lax", secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

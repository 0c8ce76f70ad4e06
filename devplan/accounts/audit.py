"""The one way to write the audit log: `record_action(request, action, obj, detail)`."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest

from devplan.accounts.models import AuditLog


def client_address(request: HttpRequest | None) -> str | None:
    """The address the request came from (REMOTE_ADDR; devplan serves directly, not behind a proxy)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record_action(
    request: HttpRequest | None,
    action: str,
    obj: models.Model | None = None,
    detail: dict[str, Any] | None = None,
    *,
    user: Any = None,
) -> AuditLog:
    """Log one write. `user` overrides the request's user (the command line has no request)."""
    actor: Any = user if user is not None else getattr(request, "user", None)
    authenticated = getattr(actor, "is_authenticated", False)
    return AuditLog.objects.create(
        user=actor if authenticated else None,
        username=actor.get_username() if authenticated else "",
        action=action,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        detail=detail or {},
        ip_address=client_address(request),
        user_agent=(request.META.get("HTTP_USER_AGENT", "") if request is not None else "")[:300],
    )

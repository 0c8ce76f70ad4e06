"""The audit log entry of a write, from its actor (the recording service has no request)."""

from __future__ import annotations

from typing import Any

from django.db import models

from devplan.accounts.models import AuditLog
from devplan.recording.actors import Actor


def log(actor: Actor, action: str, obj: models.Model | None = None, detail: dict[str, Any] | None = None) -> AuditLog:
    user = actor.user if actor.user_id is not None else None
    return AuditLog.objects.create(
        user=user,
        username=user.get_username() if user is not None else actor.name[:150],
        action=action,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        detail={"door": actor.door.value, **(detail or {})},
        ip_address=actor.address,
        user_agent=actor.agent,
    )

"""Who writes: the actor of a write, a small value object the doors make (a page or endpoint from its
request, the command line from `--by NAME` or the system user). The recording service never sees an
`HttpRequest`."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest

from devplan.recording import parse
from devplan.recording.models import Door


def display_name(user: Any) -> str:
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return str(full or user.get_username())


@dataclass(frozen=True)
class Actor:
    """`user` is the logged-in user (None for an operator not known as a user); `name` is recorded as who;
    `operator` marks the command line's operator, whose bulk writes are official at once."""

    user: Any
    name: str
    door: Door
    address: str | None = None
    agent: str = ""
    operator: bool = False

    @classmethod
    def of_request(cls, request: HttpRequest, door: Door) -> Actor:
        user = request.user
        return cls(
            user=user, name=display_name(user), door=door,
            address=request.META.get("REMOTE_ADDR") or None,
            agent=request.META.get("HTTP_USER_AGENT", "")[:300],
        )

    @classmethod
    def of_operator(cls, door: Door, by: str | None = None) -> Actor:
        """The command line's operator. `by` naming an account: that user, with that user's rights and no
        more (a department's member named so writes submissions, a viewer nothing) — else a change set
        would say a user wrote what the user may not. `by` naming no account: the operator under that name;
        without `--by`, the system user running the command, recorded as such. Both are trusted as whoever
        runs commands on the server is, and write official revisions at once."""
        if not by or not by.strip():
            return cls(user=None, name=f"{getpass.getuser()}（系统用户）", door=door, operator=True)
        name = parse.text(by, "by", "--by 操作人", 150)  # a name reaches exports and the change log like any text
        user = get_user_model().objects.filter(username=name).first()
        if user is not None:
            return cls(user=user, name=display_name(user), door=door)
        return cls(user=None, name=name, door=door, operator=True)

    @classmethod
    def of_system(cls, name: str, door: Door) -> Actor:
        """devplan itself (the demo loader): official at once, recorded under `name`."""
        return cls(user=None, name=name, door=door, operator=True)

    @property
    def user_id(self) -> int | None:
        user = self.user
        return user.pk if user is not None and getattr(user, "is_authenticated", False) else None

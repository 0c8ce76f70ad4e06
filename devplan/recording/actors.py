"""Who writes: the actor of a write, a small value object the doors make (a page or endpoint from its
request, the command line from `--by NAME` or the system user). The recording service never sees an
`HttpRequest`."""

from __future__ import annotations

import getpass
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest

from devplan.lib.errors import DevplanError
from devplan.recording import parse
from devplan.recording.models import Door


def display_name(user: Any) -> str:
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return str(full or user.get_username())


# The command line's --by, as every command that writes takes it.
BY_HELP = ("操作人：系统账号的用户名（按该账号的权限写入），或不是任何账号的操作人名字（正式写入，记为该名字）；"
           "默认记为运行命令的系统用户")


def _names(user: Any) -> set[str]:
    """The ways a user's name is written: 王五 or 五 王 as Django joins it, and family name first."""
    return {user.get_full_name(), f"{user.last_name}{user.first_name}", f"{user.first_name}{user.last_name}"} - {""}


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
        if any(unicodedata.category(c) in ("Cc", "Cf") for c in name):
            raise DevplanError("--by 操作人不能含有换行、制表符或不可见字符：请只写用户名或名字")
        users = get_user_model().objects
        user = users.filter(username=name).first()
        if user is not None:
            return cls(user=user, name=display_name(user), door=door)
        alike = users.filter(username__iexact=name).first() or next(
            (u for u in users.exclude(first_name="", last_name="") if name in _names(u)), None)
        if alike is not None:
            raise DevplanError(f"--by {name} 与系统账号 {alike.get_username()} 的用户名或姓名相同，却不是它的用户名："
                               f"以该账号的权限写入请写用户名 {alike.get_username()}，否则请换一个不会被认作该账号的名字")
        return cls(user=None, name=name, door=door, operator=True)

    @classmethod
    def of_system(cls, name: str, door: Door) -> Actor:
        """devplan itself (the demo loader): official at once, recorded under `name`."""
        return cls(user=None, name=name, door=door, operator=True)

    @property
    def user_id(self) -> int | None:
        user = self.user
        return user.pk if user is not None and getattr(user, "is_authenticated", False) else None

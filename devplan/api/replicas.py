"""`GET /api/replicas`: the read replicas, how far behind the primary each is and whether reads go to it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from devplan.accounts.access import replicas_access
from devplan.api.errors import SESSION, errors
from devplan.api.security import session
from devplan.replicas.report import replicas_report

router = Router(tags=["系统"], auth=session)

FORBIDDEN = "只有发改委（计划科）和系统管理员可以查看数据库只读副本的状态"


class ReplicaOut(Schema):
    alias: str
    where: str
    lag_seconds: float | None
    replay_paused: bool
    in_use: bool
    state_words: str
    checked_at: str


class Replicas(Schema):
    max_lag_seconds: int
    read_your_writes_seconds: int
    replicas: list[ReplicaOut]


@router.get("/replicas", response={200: Replicas, **errors(*SESSION)},
            summary="数据库只读副本：落后主库的秒数、是否分流读请求（未配置时为空列表）")
def replicas(request: HttpRequest) -> Any:
    if not replicas_access(request.user).read:
        return Status(403, {"detail": FORBIDDEN})
    return replicas_report()

"""Which database a query reads from. Outside a web request (the command line, the tests, a worker) and inside
any transaction everything uses the primary: only the middleware lets a GET request read from a replica, and
`transaction.atomic` — which every write path opens, the one write door and the month locks (SELECT … FOR
UPDATE) among them — brings every query inside it back to the primary."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper


@dataclass
class RequestReads:
    """The database a request reads from, and whether it wrote anything."""

    alias: str = DEFAULT_DB_ALIAS
    wrote: bool = False
    pinned: bool = False  # on the primary because the client wrote within DEVPLAN_READ_YOUR_WRITES_SECONDS


current: ContextVar[RequestReads | None] = ContextVar("devplan_request_reads", default=None)


def read_alias() -> str:
    """The database a read made now goes to."""
    reads = current.get()
    if reads is None or connections[DEFAULT_DB_ALIAS].in_atomic_block:
        return DEFAULT_DB_ALIAS
    return reads.alias


def reading() -> BaseDatabaseWrapper:
    """The connection for a read in raw SQL (`django.db.connection` is always the primary's)."""
    return connections[read_alias()]


def pinned_to_primary() -> bool:
    """Whether this request reads from the primary because its client has just written: copies kept for
    other readers must not answer it."""
    reads = current.get()
    return reads is not None and reads.pinned


class ReplicaRouter:
    """Django's router: reads where `read_alias` says, writes (and migrations) to the primary only."""

    def db_for_read(self, model: type, **hints: Any) -> str:
        return read_alias()

    def db_for_write(self, model: type, **hints: Any) -> str:
        reads = current.get()
        if reads is not None:
            # The rest of the request, and the client's requests for a while (read-your-writes), read what
            # was just written: from the primary.
            reads.wrote = True
            reads.alias = DEFAULT_DB_ALIAS
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # the replicas are copies of the primary: the same rows

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == DEFAULT_DB_ALIAS

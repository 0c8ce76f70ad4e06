"""How far behind each replica is. Checked at most once a second per process (the check is two small queries:
the primary's WAL position, the replica's replayed position and time).

A replica that has replayed the primary's current position is 0 s behind. One that has not is behind by at
most the smaller of two bounds: the time since the last transaction it replayed was committed, and the time
since the primary stood at a position it has replayed (remembered from the earlier checks). The first alone
would call a replica of an idle primary an hour behind for the moment after the first write in an hour."""

from __future__ import annotations

import random
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from devplan.lib.numbers import rounded

CHECK_SECONDS = 1.0
HISTORY = 600  # primary positions remembered, one per check: bounds the lag measured to ten minutes

PRIMARY_SQL = "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn"
REPLICA_SQL = """
    SELECT pg_is_in_recovery(),
           pg_last_wal_replay_lsn() - '0/0'::pg_lsn,
           EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()),
           CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() ELSE false END
"""


@dataclass(frozen=True)
class ReplicaState:
    alias: str
    where: str  # host:port/database, for the status page
    lag_seconds: float | None  # None when it does not answer or is no replica
    replay_paused: bool
    problem: str  # empty, or why it is not used: one sentence in Chinese
    checked_at: datetime

    @property
    def usable(self) -> bool:
        return not self.problem


_lock = threading.Lock()
_states: dict[str, ReplicaState] = {}
_checked = 0.0
_history: deque[tuple[float, int]] = deque(maxlen=HISTORY)


def states() -> list[ReplicaState]:
    """Every configured replica and how it stands, as of at most CHECK_SECONDS ago."""
    global _checked
    with _lock:
        if time.monotonic() - _checked >= CHECK_SECONDS:
            _states.update((alias, _check(alias)) for alias in settings.REPLICA_ALIASES)
            _checked = time.monotonic()
        return [_states[alias] for alias in settings.REPLICA_ALIASES]


def choose() -> str:
    """A replica to read from now (at random among the usable ones), or the primary when none is."""
    usable = [state.alias for state in states() if state.usable]
    return random.choice(usable) if usable else DEFAULT_DB_ALIAS


def _where(alias: str) -> str:
    config = connections[alias].settings_dict
    return f"{config['HOST']}:{config['PORT']}/{config['NAME']}"


def _check(alias: str) -> ReplicaState:
    now = datetime.now(UTC)
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute(PRIMARY_SQL)
            primary_lsn = int(cursor.fetchone()[0])
        _history.append((time.monotonic(), primary_lsn))
        with connections[alias].cursor() as cursor:
            cursor.execute(REPLICA_SQL)
            in_recovery, replayed, since_replay, paused = cursor.fetchone()
    except DatabaseError as exc:
        connections[alias].close()  # the next check opens a new connection
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return ReplicaState(alias, _where(alias), None, False, f"连接失败：{reason}", now)
    if not in_recovery:
        return ReplicaState(alias, _where(alias), None, False, "不是只读副本（已提升为主库或配置错误），不使用", now)
    lag = _lag(int(replayed), primary_lsn, None if since_replay is None else float(since_replay))
    limit = settings.DEVPLAN_REPLICA_MAX_LAG_SECONDS
    problem = f"落后主库 {rounded(lag)} 秒，超过允许的 {limit} 秒，暂不使用" if lag > limit else ""
    return ReplicaState(alias, _where(alias), lag, bool(paused), problem, now)


def _lag(replayed: int, primary_lsn: int, since_replay: float | None) -> float:
    if replayed >= primary_lsn:
        return 0.0
    now = time.monotonic()
    reached = [now - at for at, lsn in _history if lsn <= replayed]
    bounds = [bound for bound in (min(reached, default=None), since_replay) if bound is not None]
    # Neither bound known (a replica that has replayed nothing since it started): as old as our memory.
    return max(min(bounds), 0.0) if bounds else now - _history[0][0]

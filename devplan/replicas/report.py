"""The replicas' state as the status page and `GET /api/replicas` show it."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from devplan.replicas import lag


def replicas_report() -> dict[str, Any]:
    """Each configured replica: where it is, how far behind, whether reads go to it and, if not, why."""
    return {
        "max_lag_seconds": settings.DEVPLAN_REPLICA_MAX_LAG_SECONDS,
        "read_your_writes_seconds": settings.DEVPLAN_READ_YOUR_WRITES_SECONDS,
        "replicas": [
            {"alias": state.alias, "where": state.where,
             "lag_seconds": None if state.lag_seconds is None else round(state.lag_seconds, 3),
             "replay_paused": state.replay_paused, "in_use": state.usable,
             "state_words": "正常，读请求分流到此" if state.usable else state.problem,
             "checked_at": state.checked_at.isoformat()}
            for state in lag.states()
        ],
    }

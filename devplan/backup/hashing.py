"""A deterministic content hash of every table: rows in primary-key order, values normalised, so that two
states compare equal exactly when every stored value is the same. Used by backup/restore round trips and by
tests that prove a rejected import wrote nothing."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, models

CHUNK = 5000


def normalise(value: Any) -> str:
    """One spelling per value: 1.50 and 1.5 are the same Decimal, datetimes are compared in UTC."""
    if value is None:
        return "∅"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).hex()
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return repr(value)


def database_state(using: str = DEFAULT_DB_ALIAS,
                   model_list: list[type[models.Model]] | None = None) -> dict[str, tuple[int, str]]:
    """Every model's table (many-to-many tables included): its row count and a SHA-256 of its rows.

    `using` names another connection (a restore's candidate database); `model_list` gives the models of
    an older schema (the migration state the candidate is at) instead of today's."""
    state = {}
    for model in model_list if model_list is not None else apps.get_models(include_auto_created=True):
        digest, count = hashlib.sha256(), 0
        rows = model._base_manager.using(using).order_by("pk").values_list()
        for row in rows.iterator(chunk_size=CHUNK):
            digest.update("\x1f".join(normalise(value) for value in row).encode() + b"\x1e")
            count += 1
        state[model._meta.label] = (count, digest.hexdigest())
    return state


def hash_of(state: dict[str, tuple[int, str]]) -> str:
    return hashlib.sha256(repr(sorted(state.items())).encode()).hexdigest()


def content_hash(using: str = DEFAULT_DB_ALIAS, model_list: list[type[models.Model]] | None = None) -> str:
    """One SHA-256 over the state of every table."""
    return hash_of(database_state(using, model_list))

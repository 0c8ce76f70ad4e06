"""The state of every table: row count and a content hash, to prove that a rejected import wrote nothing."""

from __future__ import annotations

import hashlib

from django.apps import apps


def database_state() -> dict[str, tuple[int, str]]:
    state = {}
    for model in apps.get_models():
        rows = list(model._base_manager.order_by("pk").values_list())
        state[model._meta.label] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return state

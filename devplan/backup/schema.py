"""The schema version a database is at: the migrations applied, by app. A backup records it, and restore
refuses a file whose database had migrations this version of devplan does not know (a newer schema)."""

from __future__ import annotations

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder


def applied_migrations() -> dict[str, list[str]]:
    """Every app's applied migrations, sorted; the last of each list is the app's schema version."""
    applied: dict[str, list[str]] = {}
    if not MigrationRecorder(connection).has_table():
        return applied
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def _on_disk() -> set[tuple[str, str]]:
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def unknown_migrations(applied: dict[str, list[str]]) -> list[str]:
    """The migrations in `applied` that this code does not have on disk, as "app.name"."""
    known = _on_disk()
    return [f"{app}.{name}" for app, names in sorted(applied.items()) for name in names if (app, name) not in known]


def is_older(applied: dict[str, list[str]]) -> bool:
    """Whether this code has migrations that `applied` lacks (the schema needs an upgrade)."""
    return bool(_on_disk() - {(app, name) for app, names in applied.items() for name in names})

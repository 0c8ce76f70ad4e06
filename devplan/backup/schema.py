"""The schema version a database is at: the migrations applied, by app. A backup records it, and restore
refuses a file whose database had migrations this version of devplan does not know (a newer schema), or
whose migrations are not the ones its manifest names. `schema_hash` fingerprints the rest of the schema
(tables, columns, indexes, constraints, triggers, views, functions), which a content hash cannot see."""

from __future__ import annotations

import hashlib

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model


def applied_migrations(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    """Every app's applied migrations, sorted; the last of each list is the app's schema version."""
    applied: dict[str, list[str]] = {}
    recorder = MigrationRecorder(connections[using])
    if not recorder.has_table():
        return applied
    for app, name in sorted(recorder.applied_migrations()):
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


def models_at(using: str) -> list[type[Model]]:
    """The models as the migrations applied in `using` define them (an older schema's tables and columns)."""
    state = MigrationLoader(connections[using], ignore_no_migrations=True).project_state()
    return list(state.apps.get_models(include_auto_created=True))


_SQLITE_SCHEMA = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
# pg_restore recreates every object from its definition, so the definitions (not oids) are compared.
_PG_SCHEMA = [
    "SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity "
    "FROM information_schema.columns WHERE table_schema = 'public'",
    "SELECT c.relname, x.conname, pg_get_constraintdef(x.oid) FROM pg_constraint x "
    "JOIN pg_class c ON c.oid = x.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'",
    "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    "SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
    "WHERE NOT t.tgisinternal",
    "SELECT p.proname, pg_get_function_identity_arguments(p.oid), p.prosrc FROM pg_proc p "
    "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')",
    "SELECT viewname, definition FROM pg_views WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    "SELECT tablename, rulename, definition FROM pg_rules WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    "SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies",
    "SELECT n.nspname FROM pg_namespace n WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'",
    "SELECT extname FROM pg_extension",
]


def schema_hash(using: str = DEFAULT_DB_ALIAS) -> str:
    """A SHA-256 of the schema's definitions: every table, column, index, constraint, trigger, view and
    function, sorted, so that an added trigger or a dropped constraint changes it while the rows do not."""
    connection = connections[using]
    queries = _PG_SCHEMA if connection.vendor == "postgresql" else [_SQLITE_SCHEMA]
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for query in queries:
            cursor.execute(query)
            for row in sorted(repr(tuple(row)) for row in cursor.fetchall()):
                digest.update(row.encode() + b"\x1e")
            digest.update(b"\x1d")
    return digest.hexdigest()

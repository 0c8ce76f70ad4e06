"""Migrating revisions written before change sets existed: every group of rows that shared who, why and
file becomes one change set (door "legacy", dated by its first row), and the rows point to it. Called by
each app's migration with the historical models; it reads nothing outside `apps`."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Min

PROVENANCE = ("recorded_by_id", "recorded_by_name", "reason")


def _actor_name(apps: Any, group: dict[str, Any]) -> str:
    if group["recorded_by_name"]:
        return str(group["recorded_by_name"])[:150]
    user_model = apps.get_model("auth", "User")
    user = user_model.objects.filter(pk=group["recorded_by_id"]).first() if group["recorded_by_id"] else None
    return (user.get_full_name() or user.username)[:150] if user else ""


def attach_change_sets(apps: Any, app_label: str, model_name: str, file_field: str | None = None) -> None:
    """Point every row of `app_label.model_name` to a legacy change set of its provenance group."""
    model = apps.get_model(app_label, model_name)
    change_set = apps.get_model("recording", "ChangeSet")
    fields = (*PROVENANCE, file_field) if file_field else PROVENANCE
    groups = model.objects.values(*fields).annotate(first=Min("recorded_at"), rows=Count("revision")).order_by()
    for group in groups:
        first, rows = group.pop("first"), group.pop("rows")
        created = change_set.objects.create(
            at=first, actor_id=group["recorded_by_id"], actor_name=_actor_name(apps, group), door="legacy",
            reason=str(group["reason"] or "")[:500], file_name=str(group.get(file_field) or "")[:255] if file_field else "",
            rows=rows,
        )
        model.objects.filter(**group).update(change_set=created)


def immediate_constraints(apps: Any, schema_editor: Any) -> None:
    """Run the foreign-key checks of the rows a migration just wrote now: PostgreSQL refuses to ALTER a table
    with pending trigger events, and the migrations that move data alter those tables next."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def attacher(app_label: str, *models: str | tuple[str, str]) -> Any:
    """A RunPython function attaching change sets to the rows of `models` (a name, or (name, file field))."""

    def run(apps: Any, schema_editor: Any) -> None:
        for entry in models:
            name, file_field = entry if isinstance(entry, tuple) else (entry, None)
            attach_change_sets(apps, app_label, name, file_field)
        immediate_constraints(apps, schema_editor)

    return run

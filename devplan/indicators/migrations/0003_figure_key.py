"""Figures keyed by their identity and revision, without a surrogate id.

Django does not migrate a primary key, so the table is rebuilt under the new model and every row copied
(also backwards, where the rows get new ids)."""

from typing import Any

from django.db import migrations, models


def _rebuild(apps: Any, schema_editor: Any) -> None:
    """Recreate the figure table as the model of `apps` describes it, keeping the rows: they wait in a
    temporary table, so the new table's constraints get their plain names."""
    figure = apps.get_model("indicators", "Figure")
    quote = schema_editor.quote_name
    table, kept = quote(figure._meta.db_table), quote("figure_rows_kept")
    columns = ", ".join(
        quote(field.column) for field in figure._meta.local_concrete_fields
        if field.column and not isinstance(field, models.AutoField)
    )
    schema_editor.execute(f"CREATE TEMPORARY TABLE {kept} AS SELECT {columns} FROM {table}")
    schema_editor.execute(f"DROP TABLE {table}")
    schema_editor.create_model(figure)
    schema_editor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {kept}")
    schema_editor.execute(f"DROP TABLE {kept}")


class Migration(migrations.Migration):

    dependencies = [
        ("indicators", "0002_bulk_load_defaults"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, _rebuild),
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.RemoveConstraint(model_name="figure", name="figure_revision_unique"),
            migrations.AddField(
                model_name="figure",
                name="pk",
                field=models.CompositePrimaryKey(
                    "region", "indicator", "year", "month", "revision", blank=True, editable=False,
                    primary_key=True, serialize=False,
                ),
            ),
            migrations.RemoveField(model_name="figure", name="id"),
        ]),
        migrations.RunPython(_rebuild, migrations.RunPython.noop),
    ]
